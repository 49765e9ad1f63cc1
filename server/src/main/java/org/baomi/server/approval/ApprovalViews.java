package org.baomi.server.approval;

import java.time.Instant;
import java.util.List;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.Verdict;
import org.baomi.core.security.Role;

/** Read models of approval requests, for pages and the API. */
public final class ApprovalViews {

    private ApprovalViews() {
    }

    /**
     * A request in a list. {@code currentRole} and {@code currentUnitId} name the step awaiting a
     * decision while the request is pending (null once closed).
     */
    public record RequestSummary(long id, String type, String subjectType, String subjectId, String summary,
            long unitId, String unitName, long requesterAccountId, String requesterName, Instant requestedAt,
            ApprovalStatus status, int stepCount, int decidedCount, Role currentRole, Long currentUnitId) {
    }

    /** One decision: who, in which role, what verdict, why, when. */
    public record DecisionView(int step, long approverAccountId, String approverName, Role role, Verdict verdict,
            String comment, Instant at) {
    }

    /** One step of the chain with its decision once taken; {@code current} marks the step awaiting one. */
    public record StepView(int step, Role role, long unitId, String unitName, DecisionView decision,
            boolean current) {
    }

    /**
     * A request with its chain. {@code version} guards against deciding on a stale page;
     * {@code canDecide} and {@code canWithdraw} say what the reader may do now.
     */
    public record RequestDetail(RequestSummary request, int version, List<StepView> steps, boolean canDecide,
            boolean canWithdraw) {
    }
}
