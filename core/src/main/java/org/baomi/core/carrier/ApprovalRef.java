package org.baomi.core.carrier;

/**
 * Proof that an approval request was approved: the id of an {@code ApprovalRequest} whose status
 * the server has checked to be {@code APPROVED}, for this carrier and this act, before calling the
 * act. The carrier model cannot see requests (they live in the server's store); it records the
 * reference in the event so the history names the approval behind every copy, carrying out,
 * destruction and change of marking.
 */
public record ApprovalRef(long requestId) {
    public ApprovalRef {
        if (requestId < 1) {
            throw new IllegalArgumentException("an approval request id is positive, was " + requestId);
        }
    }
}
