package org.baomi.core.carrier;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.baomi.core.DomainException;

/**
 * How a carrier was destroyed: the destruction batch it belonged to, the approval of that batch
 * (by the leader in charge), the method, the person who requested the destruction, and the
 * supervisors — at least two people, none of them the requester, so that nobody vouches alone for
 * his own destruction.
 */
public record DestructionRecord(String batch, ApprovalRef approval, Method method, Actor requester,
        List<Actor> supervisors) {

    public enum Method {
        /** 送销 — sent to the designated destruction centre. */
        DESTRUCTION_CENTRE,
        /** 自行销毁 — small amounts on approved equipment in-house, supervised. */
        IN_HOUSE_EQUIPMENT
    }

    public DestructionRecord {
        if (batch == null || batch.isBlank()) {
            throw new DomainException("carrier.destructionBatchMissing", "Name the destruction batch the carrier belongs to.");
        }
        batch = batch.strip();
        if (approval == null) {
            throw new DomainException("carrier.approvalRequired", "Destruction needs an approved request.", "destroy");
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requester, "requester");
        supervisors = List.copyOf(supervisors);
        Set<Long> distinct = new HashSet<>();
        for (Actor s : supervisors) {
            if (s.personId() == requester.personId()) {
                throw new DomainException("carrier.supervisorIsRequester",
                        s.name() + " requested this destruction and cannot also supervise it.", s.name());
            }
            distinct.add(s.personId());
        }
        if (distinct.size() < 2) {
            throw new DomainException("carrier.supervisorsTooFew",
                    "A destruction needs at least two different supervisors; " + distinct.size() + " named.", distinct.size());
        }
    }
}
