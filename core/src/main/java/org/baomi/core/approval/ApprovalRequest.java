package org.baomi.core.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.baomi.core.DomainException;

/**
 * A request that needs one or more approvals before the act it names may happen (copying,
 * destruction, carrying out, scrapping, ...). Steps are decided in order; one rejection closes
 * the request. The requester never approves his own request, and each approver must hold the
 * step's role in the step's unit.
 */
public final class ApprovalRequest {

    private final Long id;
    private final String type;
    private final String subjectType;
    private final String subjectId;
    private final String summary;
    private final long unitId;
    private final long requesterAccountId;
    private final Instant requestedAt;
    private final List<ApprovalStep> steps;
    private final List<Decision> decisions;
    private ApprovalStatus status;

    private ApprovalRequest(Long id, String type, String subjectType, String subjectId, String summary, long unitId,
            long requesterAccountId, Instant requestedAt, List<ApprovalStep> steps, List<Decision> decisions,
            ApprovalStatus status) {
        this.id = id;
        this.type = requireText(type, "type");
        this.subjectType = requireText(subjectType, "subjectType");
        this.subjectId = requireText(subjectId, "subjectId");
        this.summary = summary == null ? "" : summary;
        this.unitId = unitId;
        this.requesterAccountId = requesterAccountId;
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an approval request needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.decisions = new ArrayList<>(decisions);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Opens a new, pending request. */
    public static ApprovalRequest open(String type, String subjectType, String subjectId, String summary, long unitId,
            long requesterAccountId, List<ApprovalStep> steps, Instant at) {
        return new ApprovalRequest(null, type, subjectType, subjectId, summary, unitId, requesterAccountId, at, steps,
                List.of(), ApprovalStatus.PENDING);
    }

    /** Rebuilds a stored request. */
    public static ApprovalRequest restore(long id, String type, String subjectType, String subjectId, String summary,
            long unitId, long requesterAccountId, Instant requestedAt, List<ApprovalStep> steps,
            List<Decision> decisions, ApprovalStatus status) {
        return new ApprovalRequest(id, type, subjectType, subjectId, summary, unitId, requesterAccountId, requestedAt,
                steps, decisions, status);
    }

    /**
     * Records {@code approver}'s verdict on the current step.
     *
     * @return the decision recorded
     * @throws DomainException when the request is closed, the approver is the requester, the
     *                         approver lacks the step's role in the step's unit, or a rejection
     *                         comes without a reason
     */
    public Decision decide(Approver approver, Verdict verdict, String comment, Instant at) {
        if (status.isClosed()) {
            throw new DomainException("approval.closed", "This request is already " + status.name().toLowerCase() + ".",
                    status);
        }
        if (approver.accountId() == requesterAccountId) {
            throw new DomainException("approval.ownRequest", "A requester may not approve his own request.");
        }
        ApprovalStep step = currentStep();
        if (step.departmentId() != null && approver.holds(new ApprovalStep(step.role(), step.unitId()))
                && !approver.holds(step)) {
            throw new DomainException("approval.wrongDepartment", "This step must be decided by a " + step.role()
                    + " of department " + step.departmentId() + ", the department the request concerns.",
                    step.role(), step.departmentId());
        }
        if (!approver.holds(step)) {
            throw new DomainException("approval.wrongRole",
                    "This step must be decided by a " + step.role() + " of unit " + step.unitId() + ".",
                    step.role(), step.unitId());
        }
        String text = comment == null ? "" : comment.strip();
        if (verdict == Verdict.REJECT && text.isEmpty()) {
            throw new DomainException("approval.reasonRequired", "A rejection needs a reason in the comment.");
        }
        Decision decision = new Decision(decisions.size(), approver.accountId(), step.role(), verdict, text, at);
        decisions.add(decision);
        if (verdict == Verdict.REJECT) {
            status = ApprovalStatus.REJECTED;
        } else if (decisions.size() == steps.size()) {
            status = ApprovalStatus.APPROVED;
        }
        return decision;
    }

    /** The requester takes back a request nobody has finished deciding. */
    public void withdraw(long accountId) {
        if (accountId != requesterAccountId) {
            throw new DomainException("approval.withdrawOthers", "Only the requester may withdraw a request.");
        }
        if (status.isClosed()) {
            throw new DomainException("approval.closed", "This request is already " + status.name().toLowerCase() + ".",
                    status);
        }
        status = ApprovalStatus.WITHDRAWN;
    }

    /** The step awaiting a decision; only meaningful while pending. */
    public ApprovalStep currentStep() {
        if (status.isClosed()) {
            throw new DomainException("approval.closed", "This request is already " + status.name().toLowerCase() + ".",
                    status);
        }
        return steps.get(decisions.size());
    }

    /** Whether {@code approver} could decide the current step now. */
    public boolean awaits(Approver approver) {
        return status == ApprovalStatus.PENDING && approver.accountId() != requesterAccountId
                && approver.holds(steps.get(decisions.size()));
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public Long id() { return id; }
    public String type() { return type; }
    public String subjectType() { return subjectType; }
    public String subjectId() { return subjectId; }
    public String summary() { return summary; }
    public long unitId() { return unitId; }
    public long requesterAccountId() { return requesterAccountId; }
    public Instant requestedAt() { return requestedAt; }
    public List<ApprovalStep> steps() { return steps; }
    public List<Decision> decisions() { return List.copyOf(decisions); }
    public ApprovalStatus status() { return status; }
}
