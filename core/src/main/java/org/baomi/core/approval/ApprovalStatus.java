package org.baomi.core.approval;

/** Where an approval request stands. Only {@link #PENDING} accepts decisions. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN;

    public boolean isClosed() {
        return this != PENDING;
    }
}
