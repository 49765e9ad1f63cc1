package org.baomi.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of the audit log: who (account name, the role he acted in, his unit), did what
 * (action) to which object, the state before and after where it applies, from which client
 * address, and when. {@code seq} is the entry's position in the chain (1, 2, ...);
 * {@code prevHash} and {@code hash} link it to the entry before.
 */
public record AuditEntry(long seq, Instant at, String actor, String actorRole, Long unitId, String action,
        String objectType, String objectId, String before, String after, String clientAddress, String prevHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        // The database keeps microseconds; the hash must cover exactly what is stored.
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** An entry not yet placed in the chain. */
    public static AuditEntry unsealed(Instant at, String actor, String actorRole, Long unitId, String action,
            String objectType, String objectId, String before, String after, String clientAddress) {
        return new AuditEntry(0, at, actor, actorRole, unitId, action, objectType, objectId, before, after,
                clientAddress, null, null);
    }

    AuditEntry placed(long seq, String prevHash, String hash) {
        return new AuditEntry(seq, at, actor, actorRole, unitId, action, objectType, objectId, before, after,
                clientAddress, prevHash, hash);
    }
}
