package org.baomi.core.device.lifecycle;

import java.util.List;
import org.baomi.core.DomainException;

/**
 * The record of a physical destruction (销毁): where or how, the certificate or hand-over
 * reference, and the people who supervised it (at least one, never the person recording it).
 */
public record DestructionRecord(String place, String certificate, List<PersonRef.Named> supervisors) {
    public DestructionRecord {
        place = place == null ? "" : place.strip();
        certificate = certificate == null ? "" : certificate.strip();
        supervisors = supervisors == null ? List.of() : List.copyOf(supervisors);
        if (place.isEmpty()) {
            throw new DomainException("destruction.placeRequired",
                    "Record where the destruction took place (the destruction centre or the unit's own shredder).");
        }
        if (supervisors.isEmpty()) {
            throw new DomainException("destruction.supervisorRequired",
                    "A destruction is supervised: name at least one supervisor.");
        }
    }
}
