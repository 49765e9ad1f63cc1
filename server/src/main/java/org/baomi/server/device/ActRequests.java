package org.baomi.server.device;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.ApprovalStep;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.approval.ApprovalViews.RequestSummary;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.device.DeviceRepository.StoredRequest;
import org.baomi.server.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Approval requests for device and medium acts. Opening one stores what was asked beside the
 * approval request; performing the act spends it, after checking that it was approved, is of the
 * act's type, is about this device or medium and was not used before (see docs/adr/0021).
 */
@Component
class ActRequests {

    private final ApprovalService approvals;
    private final DeviceRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    ActRequests(ApprovalService approvals, DeviceRepository repository, AuditLog audit, Clock clock) {
        this.approvals = approvals;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the approval in {@code unitId} with the act's chain and records what it asks for. */
    long open(DeviceAct act, long subjectId, long unitId, String summary, StoredRequest asked) {
        List<ApprovalStep> steps = act.chain().stream().map(r -> new ApprovalStep(r, unitId)).toList();
        long requestId = approvals.open(act.approvalType(), act.subjectType(), String.valueOf(subjectId),
                summary.length() > 500 ? summary.substring(0, 500) : summary, unitId, steps);
        repository.insertRequest(requestId, act, subjectId, asked.networkId(), asked.responsiblePersonId(),
                asked.departmentId(), asked.location(), asked.site(), asked.supervisorPersonId(), asked.provider(),
                asked.reason());
        audit.record(act.subjectType() + ".request", act.subjectType(), subjectId, null,
                Map.of("act", act.name(), "requestId", requestId));
        return requestId;
    }

    /**
     * Checks and spends {@code requestId} for {@code act} on {@code subjectId}.
     *
     * @throws DomainException {@code device.approvalRequired}, {@code device.request.unknown},
     *                         {@code device.request.wrongType}, {@code device.request.otherSubject},
     *                         {@code device.request.notApproved} or {@code device.request.used}
     */
    StoredRequest spend(DeviceAct act, long subjectId, Long requestId) {
        if (requestId == null) {
            throw new DomainException("device.approvalRequired",
                    "This act needs an approved request: give its id (requestId).", act.approvalType());
        }
        RequestSummary summary;
        try {
            summary = approvals.get(requestId).request();
        } catch (NotFoundException e) {
            throw unknown(requestId);
        }
        if (!summary.type().equals(act.approvalType())) {
            throw new DomainException("device.request.wrongType", "Request " + requestId + " is a " + summary.type()
                    + " request, not " + act.approvalType() + ".", requestId, summary.type(), act.approvalType());
        }
        if (!summary.subjectType().equals(act.subjectType()) || !summary.subjectId().equals(String.valueOf(subjectId))) {
            throw new DomainException("device.request.otherSubject", "Request " + requestId
                    + " was approved for another " + act.subjectType() + ".", requestId);
        }
        if (summary.status() != ApprovalStatus.APPROVED) {
            throw new DomainException("device.request.notApproved", "Request " + requestId + " is "
                    + summary.status().name().toLowerCase() + ", not approved.", requestId, summary.status());
        }
        StoredRequest stored = repository.request(requestId).orElseThrow(() -> unknown(requestId));
        if (stored.usedAt() != null || !repository.useRequest(requestId, clock.instant())) {
            throw new DomainException("device.request.used", "Request " + requestId
                    + " has already been used; each approval covers one act.", requestId);
        }
        return stored;
    }

    private static DomainException unknown(long requestId) {
        return new DomainException("device.request.unknown",
                "There is no approval request " + requestId + " for this act that you may see.", requestId);
    }
}
