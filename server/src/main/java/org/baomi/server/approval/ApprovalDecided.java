package org.baomi.server.approval;

import org.baomi.core.approval.ApprovalStatus;

/**
 * Published when an approval request closes (approved, rejected or withdrawn), inside the
 * transaction that closed it. A feature that acts on the outcome listens for its own type, e.g.
 * {@code @TransactionalEventListener} for {@code type = "carrier.copy"} to act only once the
 * decision is committed, or {@code @EventListener} to act in the same transaction (and roll the
 * decision back if the act fails).
 */
public record ApprovalDecided(long requestId, String type, String subjectType, String subjectId,
        ApprovalStatus status) {
}
