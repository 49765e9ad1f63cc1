package org.baomi.server.carrier;

import java.time.LocalDate;
import java.util.List;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;

/**
 * What a person enters to register a carrier. {@code marking} is the marking string
 * ({@code 机密★10年}); {@code copyNumber} of {@code copyTotal} ("copy 3 of 20"; both default to 1).
 * For a batch, {@link CarrierService#receiveBatch} takes the copy numbers held instead of
 * {@code copyNumber}. Field names are those a {@code ValidationException} names.
 */
public record CarrierInput(Long unitId, CarrierType type, String title, String documentNumber, String issuer,
        LocalDate dated, Integer copyNumber, Integer copyTotal, String marking, List<Long> scopePersonIds,
        List<Long> scopeDepartmentIds, Long custodianId, StoragePlace.Kind storageKind, String storageName) {

    public CarrierInput {
        scopePersonIds = scopePersonIds == null ? List.of() : List.copyOf(scopePersonIds);
        scopeDepartmentIds = scopeDepartmentIds == null ? List.of() : List.copyOf(scopeDepartmentIds);
    }
}
