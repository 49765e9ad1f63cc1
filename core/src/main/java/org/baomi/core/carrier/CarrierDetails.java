package org.baomi.core.carrier;

import java.time.LocalDate;
import java.util.Objects;
import org.baomi.core.DomainException;

/**
 * What the ledger records about a carrier beside its lifecycle: type, title, document number (文号,
 * may be empty), issuing authority, the date it was received or produced, its copy number,
 * knowledge scope, custodian (责任人) and the unit whose ledger holds it. All but the last two
 * never change; the custodian and the scope are the current ones — they change only by a
 * hand-over ({@link CarrierEvent.HandedOver}) or a scope change ({@link CarrierEvent.ScopeChanged}),
 * and {@link Carrier#restore} refuses details that disagree with the history (ADR 0017).
 *
 * <p>{@code dated} is also the day the secrecy term is counted from (reminders of term expiry):
 * for a document the unit produced it is the determination date; for one received, the date on it
 * as the register records it.
 */
public record CarrierDetails(long unitId, CarrierType type, String title, String documentNumber, String issuer,
        LocalDate dated, CopyNumber copyNumber, KnowledgeScope scope, PersonRef custodian) {

    /** Longest title the ledger keeps. */
    public static final int MAX_TITLE = 500;

    public CarrierDetails {
        if (unitId < 1) {
            throw new IllegalArgumentException("a unit id is positive, was " + unitId);
        }
        Objects.requireNonNull(type, "type");
        if (title == null || title.isBlank()) {
            throw new DomainException("carrier.titleEmpty", "The title is empty.");
        }
        title = title.strip();
        if (title.length() > MAX_TITLE) {
            throw new DomainException("carrier.titleTooLong", "The title is longer than " + MAX_TITLE + " characters.", MAX_TITLE);
        }
        documentNumber = documentNumber == null ? "" : documentNumber.strip();
        if (issuer == null || issuer.isBlank()) {
            throw new DomainException("carrier.issuerEmpty", "Name the issuing authority (来文单位 / 发文单位).");
        }
        issuer = issuer.strip();
        if (dated == null) {
            throw new DomainException("carrier.dateMissing", "Give the date the carrier was received or produced.");
        }
        Objects.requireNonNull(copyNumber, "copyNumber");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(custodian, "custodian");
    }

    /** The same details with {@code to} as custodian (after a hand-over). */
    public CarrierDetails withCustodian(PersonRef to) {
        return new CarrierDetails(unitId, type, title, documentNumber, issuer, dated, copyNumber, scope, to);
    }

    /** The same details with {@code newScope} (after a scope change). */
    public CarrierDetails withScope(KnowledgeScope newScope) {
        return new CarrierDetails(unitId, type, title, documentNumber, issuer, dated, copyNumber, newScope, custodian);
    }

    /** The same details for another copy of the batch: receiving N copies registers N carriers. */
    public CarrierDetails withCopyNumber(CopyNumber copy) {
        return new CarrierDetails(unitId, type, title, documentNumber, issuer, dated, copy, scope, custodian);
    }
}
