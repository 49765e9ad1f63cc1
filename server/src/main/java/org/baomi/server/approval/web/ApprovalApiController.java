package org.baomi.server.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.baomi.core.approval.Verdict;
import org.baomi.core.security.Permission;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.approval.ApprovalViews.RequestDetail;
import org.baomi.server.approval.ApprovalViews.RequestSummary;
import org.baomi.server.approval.GeneralChain;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Approvals for machine clients and mobile apps. Refusals come as problem+json naming the rule broken. */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Approval requests: inbox, own requests, decisions, withdrawal")
class ApprovalApiController {

    /** A general request (其他事项审批): what is asked, details, and who must approve. */
    record GeneralRequest(String title, String details, GeneralChain chain) {
    }

    /** A decision; {@code version} (optional) is the request version the approver saw. */
    record DecisionRequest(Verdict verdict, String comment, Integer version) {
    }

    private final ApprovalService approvals;

    ApprovalApiController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @GetMapping
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "List approval requests",
            description = "box=inbox: pending requests whose current step you may decide (oldest first); "
                    + "box=mine: your own requests (newest first).")
    List<RequestSummary> list(@AuthenticationPrincipal BaomiUser user,
            @RequestParam(defaultValue = "inbox") String box) {
        return switch (box) {
            case "inbox" -> approvals.inbox(user);
            case "mine" -> approvals.mine(user);
            default -> throw ValidationException.of("box", "approval.box", "box must be 'inbox' or 'mine'.");
        };
    }

    @GetMapping("/{id}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One approval request with its steps and decisions",
            description = "Visible to the requester, the approvers of its steps and holders of business-read in its unit; "
                    + "404 for anyone else.")
    RequestDetail get(@PathVariable long id) {
        return approvals.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Open a general request (type 'general') in your unit",
            description = "chain: DEPARTMENT_HEAD_THEN_UNIT_HEAD, DEPARTMENT_HEAD, LEADER_IN_CHARGE_THEN_UNIT_HEAD or UNIT_HEAD.")
    Map<String, Object> open(@RequestBody GeneralRequest body) {
        return Map.of("id", approvals.openGeneral(body.title(), body.details(), body.chain()));
    }

    @PostMapping("/{id}/decisions")
    @Requires(Permission.APPROVAL_DECIDE)
    @Operation(summary = "Approve or reject the current step; returns the request as it now stands",
            description = "409 with code approval.ownRequest, approval.wrongRole, approval.closed, "
                    + "approval.reasonRequired (a rejection needs a comment) or approval.concurrent.")
    RequestDetail decide(@PathVariable long id, @RequestBody DecisionRequest body) {
        approvals.decide(id, body.version(), body.verdict(), body.comment());
        return approvals.get(id);
    }

    @PostMapping("/{id}/withdraw")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Withdraw your own pending request")
    RequestDetail withdraw(@PathVariable long id) {
        approvals.withdraw(id);
        return approvals.get(id);
    }
}
