package org.baomi.core.device.lifecycle;

/**
 * Proof that an approval request was approved: the id of a request the server has checked to be
 * APPROVED, of the act's type, for this device or medium, and not used by an earlier act. The
 * model cannot see requests; it records the reference in the event, so the history names the
 * approval behind every admission, change, maintenance, scrapping and destruction.
 */
public record ApprovalRef(long requestId) {
    public ApprovalRef {
        if (requestId < 1) {
            throw new IllegalArgumentException("an approval request id is positive, was " + requestId);
        }
    }
}
