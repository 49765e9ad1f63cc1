package org.baomi.server.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalRequest;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.ApprovalStep;
import org.baomi.core.approval.Approver;
import org.baomi.core.approval.Decision;
import org.baomi.core.approval.Verdict;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.core.security.RolePermissions;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.approval.ApprovalViews.RequestDetail;
import org.baomi.server.approval.ApprovalViews.RequestSummary;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval framework features build on (copying, destruction, carrying out, scrapping, ...).
 * A feature opens a request naming its subject and the chain of steps; approvers decide in order;
 * when the request closes an {@link ApprovalDecided} event tells the feature the outcome. The
 * rules (no approving one's own request, the step's role in the step's unit, a reason for every
 * rejection) live in {@link ApprovalRequest}; this service loads and stores it, acts as the
 * signed-in user, audits every act in the same transaction, and makes sure that two approvers
 * racing on the same step cannot both win (optimistic locking on the request's version).
 */
@Service
public class ApprovalService {

    /** The type of the general request anyone may open: 其他事项审批. */
    public static final String GENERAL = "general";
    static final int MAX_COMMENT = 1000;
    static final int MAX_TITLE = 64;
    static final int MAX_DETAILS = 500;

    private final ApprovalRepository repository;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalService(ApprovalRepository repository, AccountRepository accounts, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a request by the signed-in user, who needs {@link Permission#APPROVAL_REQUEST} and must
     * belong to, or hold a role in, {@code unitId}.
     *
     * @param type        what is asked for, e.g. {@code carrier.copy}; pages show the message
     *                    {@code approval.type.<type>} (a feature adds it to its own bundle)
     * @param subjectType the kind of record the request is about, e.g. {@code carrier}
     * @param subjectId   that record's id
     * @param summary     one line a person reads in the inbox (at most 500 characters)
     * @param steps       the chain, decided in this order
     * @return the new request's id
     */
    @Transactional
    public long open(String type, String subjectType, String subjectId, String summary, long unitId,
            List<ApprovalStep> steps) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        if (!Objects.equals(user.unitId(), unitId) && user.grants().stream().noneMatch(g -> g.unitId() == unitId)) {
            throw new AccessDeniedException("a request may only be opened in one's own unit");
        }
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        requireText(problems, "type", type, 64);
        requireText(problems, "subjectType", subjectType, 64);
        requireText(problems, "subjectId", subjectId, MAX_TITLE);
        if (summary != null && summary.length() > MAX_DETAILS) {
            problems.add(new ValidationException.FieldProblem("summary", "approval.tooLong",
                    "At most " + MAX_DETAILS + " characters.", MAX_DETAILS));
        }
        if (steps == null || steps.isEmpty()) {
            problems.add(new ValidationException.FieldProblem("steps", "approval.noSteps",
                    "A request needs at least one approval step."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ApprovalRequest request = ApprovalRequest.open(type.strip(), subjectType.strip(), subjectId.strip(),
                summary == null ? "" : summary.strip(), unitId, user.accountId(), steps, clock.instant());
        long id = repository.insert(request);
        audit.record("approval.open", "approval_request", id, null, snapshot(request, null));
        return id;
    }

    /**
     * Opens a general request (type {@value #GENERAL}) in the requester's own unit: a matter
     * named in free text that needs the chosen chain's approval. Refused when nobody but the
     * requester holds a step's role there, since such a request could never be decided.
     */
    @Transactional
    public long openGeneral(String title, String details, GeneralChain chain) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        requireText(problems, "title", title, MAX_TITLE);
        if (details != null && details.length() > MAX_DETAILS) {
            problems.add(new ValidationException.FieldProblem("details", "approval.tooLong",
                    "At most " + MAX_DETAILS + " characters.", MAX_DETAILS));
        }
        if (chain == null) {
            problems.add(new ValidationException.FieldProblem("chain", "approval.general.chainRequired",
                    "Choose who must approve."));
        }
        Long unitId = user.unitId();
        if (unitId == null) {
            problems.add(new ValidationException.FieldProblem("chain", "approval.general.noUnit",
                    "Your account belongs to no unit, so there is nobody to approve."));
        }
        if (problems.isEmpty()) {
            for (Role role : chain.roles()) {
                boolean someoneElse = accounts.holdersOf(role, unitId).stream().anyMatch(a -> a != user.accountId());
                if (!someoneElse) {
                    problems.add(new ValidationException.FieldProblem("chain", "approval.general.noHolder",
                            "Nobody else in your unit is " + role + ", so this request could never be approved.",
                            new DefaultMessageSourceResolvable(new String[] {"role." + role.name()}, role.name())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<ApprovalStep> steps = chain.roles().stream().map(r -> new ApprovalStep(r, unitId)).toList();
        return open(GENERAL, "text", title.strip(), details == null ? "" : details.strip(), unitId, steps);
    }

    /** {@link #decide(long, Integer, Verdict, String)} on whatever the request looks like now. */
    @Transactional
    public Decision decide(long requestId, Verdict verdict, String comment) {
        return decide(requestId, null, verdict, comment);
    }

    /**
     * Records the signed-in user's verdict on the request's current step.
     *
     * @param expectedVersion the version the approver saw (from {@link RequestDetail#version()});
     *                        when given and the request changed since, nothing is recorded
     * @throws DomainException {@code approval.ownRequest}, {@code approval.wrongRole},
     *                         {@code approval.closed}, {@code approval.reasonRequired}, or
     *                         {@code approval.concurrent} when another approver decided first
     */
    @Transactional
    public Decision decide(long requestId, Integer expectedVersion, Verdict verdict, String comment) {
        BaomiUser user = current(Permission.APPROVAL_DECIDE);
        if (verdict == null) {
            throw ValidationException.of("verdict", "approval.verdictRequired", "Choose approve or reject.");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ValidationException.of("comment", "approval.tooLong", "At most " + MAX_COMMENT + " characters.",
                    MAX_COMMENT);
        }
        ApprovalRepository.Stored stored = load(requestId, true);
        ApprovalRequest request = stored.request();
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw new DomainException("approval.concurrent",
                    "The request was decided or withdrawn while you were looking at it; reload it.");
        }
        Map<String, Object> before = snapshot(request, null);
        Approver approver = approver(user.accountId(), accounts.grants(user.accountId()));
        Decision decision;
        try {
            decision = request.decide(approver, verdict, comment, clock.instant());
        } catch (DomainException e) {
            throw readable(e, request);
        }
        store(requestId, stored.version(), request.status(), () -> repository.insertDecision(requestId, decision));
        audit.record(verdict == Verdict.APPROVE ? "approval.approve" : "approval.reject", "approval_request",
                requestId, before, snapshot(request, decision));
        closed(request);
        return decision;
    }

    /** The requester takes back his pending request. */
    @Transactional
    public void withdraw(long requestId) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        ApprovalRepository.Stored stored = load(requestId, true);
        ApprovalRequest request = stored.request();
        Map<String, Object> before = snapshot(request, null);
        request.withdraw(user.accountId());
        store(requestId, stored.version(), request.status(), () -> { });
        audit.record("approval.withdraw", "approval_request", requestId, before, snapshot(request, null));
        closed(request);
    }

    /** Pending requests whose current step {@code user} could decide now, oldest first. */
    @Transactional(readOnly = true)
    public List<RequestSummary> inbox(BaomiUser user) {
        if (!user.has(Permission.APPROVAL_DECIDE)) {
            return List.of();
        }
        return repository.inbox(user.accountId());
    }

    /** How many requests wait for {@code user}'s decision. */
    @Transactional(readOnly = true)
    public long inboxCount(BaomiUser user) {
        return user.has(Permission.APPROVAL_DECIDE) ? repository.countInbox(user.accountId()) : 0;
    }

    /** The user's own requests, newest first (the last 200). */
    @Transactional(readOnly = true)
    public List<RequestSummary> mine(BaomiUser user) {
        return repository.mine(user.accountId(), 200);
    }

    /**
     * A request with its chain and decisions, for the signed-in user if he may see it: the
     * requester, whoever holds a step's role in the step's unit, whoever decided, and holders of
     * {@link Permission#BUSINESS_READ} in the request's unit. Anyone else is told it does not exist.
     */
    @Transactional(readOnly = true)
    public RequestDetail get(long requestId) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        ApprovalRepository.Stored stored = load(requestId, false);
        ApprovalRequest request = stored.request();
        var grants = accounts.grants(user.accountId());
        boolean visible = request.requesterAccountId() == user.accountId()
                || request.steps().stream().anyMatch(s -> grants.contains(new RoleGrant(s.role(), s.unitId())))
                || request.decisions().stream().anyMatch(d -> d.approverAccountId() == user.accountId())
                || grants.stream().anyMatch(g -> g.unitId() == request.unitId()
                        && RolePermissions.of(g.role()).contains(Permission.BUSINESS_READ));
        if (!visible) {
            throw notFound(requestId);
        }
        RequestSummary summary = repository.summary(requestId).orElseThrow(() -> notFound(requestId));
        boolean canDecide = user.has(Permission.APPROVAL_DECIDE)
                && request.awaits(approver(user.accountId(), grants));
        boolean canWithdraw = request.status() == ApprovalStatus.PENDING
                && request.requesterAccountId() == user.accountId();
        return new RequestDetail(summary, stored.version(), repository.stepViews(requestId, summary), canDecide,
                canWithdraw);
    }

    private ApprovalRepository.Stored load(long requestId, boolean forUpdate) {
        return repository.load(requestId, forUpdate).orElseThrow(() -> notFound(requestId));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("approval.notFound", "There is no approval request " + id + " you may see.");
    }

    /**
     * Writes the new status only if the request is still at the version read, then the rest.
     * The version check is what lets exactly one of two racing approvers through; the decision's
     * primary key (request, step) is the second line of defence.
     */
    private void store(long id, int version, ApprovalStatus status, Runnable rest) {
        try {
            if (!repository.advance(id, status, version)) {
                throw concurrent();
            }
            rest.run();
        } catch (ConcurrencyFailureException | DuplicateKeyException e) {
            throw concurrent();
        }
    }

    private static DomainException concurrent() {
        return new DomainException("approval.concurrent",
                "Someone else decided or withdrew this request at the same moment; reload it to see the outcome.");
    }

    private void closed(ApprovalRequest request) {
        if (request.status().isClosed()) {
            events.publishEvent(new ApprovalDecided(request.id(), request.type(), request.subjectType(),
                    request.subjectId(), request.status()));
        }
    }

    /** The core names the step's role as an enum; pages show the role's name in the reader's language. */
    private Approver approver(long accountId, java.util.Set<RoleGrant> grants) {
        return new Approver(accountId, grants, repository.departmentOf(accountId).orElse(null));
    }

    private DomainException readable(DomainException e, ApprovalRequest request) {
        if (request.status().isClosed()) {
            return e;
        }
        ApprovalStep step = request.currentStep();
        var role = new DefaultMessageSourceResolvable(new String[] {"role." + step.role().name()}, step.role().name());
        return switch (e.code()) {
            case "approval.wrongRole" -> new DomainException(e.code(), e.getMessage(), role, step.unitId());
            case "approval.wrongDepartment" -> new DomainException(e.code(), e.getMessage(), role,
                    repository.departmentName(step.departmentId()).orElse(String.valueOf(step.departmentId())));
            default -> e;
        };
    }

    private static Map<String, Object> snapshot(ApprovalRequest r, Decision decision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        m.put("subject", r.subjectType() + ":" + r.subjectId());
        m.put("unitId", r.unitId());
        m.put("status", r.status().name());
        m.put("steps", r.steps().stream().map(s -> s.role().name() + "@" + s.unitId()
                + (s.departmentId() == null ? "" : "/department:" + s.departmentId())).toList());
        m.put("decided", r.decisions().size());
        if (decision != null) {
            m.put("step", decision.step());
            m.put("role", decision.role().name());
            m.put("verdict", decision.verdict().name());
            m.put("comment", decision.comment());
        }
        return m;
    }

    private static void requireText(List<ValidationException.FieldProblem> problems, String field, String value,
            int max) {
        if (value == null || value.isBlank()) {
            problems.add(new ValidationException.FieldProblem(field, "approval.required", "Required."));
        } else if (value.strip().length() > max) {
            problems.add(new ValidationException.FieldProblem(field, "approval.tooLong",
                    "At most " + max + " characters.", max));
        }
    }

    private static BaomiUser current(Permission permission) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("no signed-in user");
        }
        if (!user.has(permission)) {
            throw new AccessDeniedException("the user lacks " + permission);
        }
        return user;
    }
}
