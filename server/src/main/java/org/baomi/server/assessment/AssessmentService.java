package org.baomi.server.assessment;

import org.baomi.core.ChinaTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.ApprovalStep;
import org.baomi.core.approval.Verdict;
import org.baomi.core.assessment.AssessmentEvent;
import org.baomi.core.assessment.AssessmentLevel;
import org.baomi.core.assessment.AssessmentStatus;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.Person;
import org.baomi.core.assessment.Rectification;
import org.baomi.core.assessment.SelfAssessment;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;
import org.baomi.core.assessment.Subject;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.server.approval.ApprovalDecided;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.assessment.AssessmentRepository.AssessmentLine;
import org.baomi.server.assessment.AssessmentRepository.AssessmentRow;
import org.baomi.server.assessment.AssessmentRepository.EvidenceRow;
import org.baomi.server.assessment.AssessmentRepository.RectificationRow;
import org.baomi.server.assessment.AssessmentRepository.StandardRow;
import org.baomi.server.assessment.AssessmentViews.AssessmentDetail;
import org.baomi.server.assessment.AssessmentViews.AssessmentSummary;
import org.baomi.server.assessment.AssessmentViews.CategoryView;
import org.baomi.server.assessment.AssessmentViews.Evidence;
import org.baomi.server.assessment.AssessmentViews.ItemView;
import org.baomi.server.assessment.AssessmentViews.PreviousRectification;
import org.baomi.server.assessment.AssessmentViews.RectificationDetail;
import org.baomi.server.assessment.AssessmentViews.RectificationSummary;
import org.baomi.server.assessment.AssessmentViews.StandardDetail;
import org.baomi.server.assessment.AssessmentViews.StandardSummary;
import org.baomi.server.assessment.standard.StandardXlsx;
import org.baomi.server.assessment.standard.StandardYaml;
import org.baomi.server.assessment.AssessmentViews.LedgerSuggestion;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.evidence.EvidenceQueries;
import org.baomi.server.evidence.EvidenceService;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.DataDirectory;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-inspection in the server (ADR 0046): the standards library, assessments of a unit, department or
 * person with their results, evidence, submission for approval ({@value #APPROVAL_TYPE}: the unit head; for a
 * department its head first; for a person his department head, see {@link #approvalChain}),
 * locking and reopening, and the rectifications of every item not fully met. Acts as the signed-in user,
 * writes through the core aggregates and audits every change in the same transaction.
 *
 * <p>Who may write: a unit assessment the unit's secrecy officer; a department one also the head of that
 * department; an individual one also the person himself. Everyone with business read in scope reads.
 * In the core model a {@link Person} is an account: its id is the account id.
 */
@Service
public class AssessmentService {

    /** The approval request type; its label is {@code approval.type.assessment.approve}. */
    public static final String APPROVAL_TYPE = "assessment.approve";
    /** Largest evidence file accepted (ADR 0047). */
    public static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;
    /** Days a rectification is given from the day its assessment is approved. */
    static final int RECTIFICATION_DAYS = 30;
    static final int MAX_NOTE = 2000;

    private final AssessmentRepository repository;
    private final ApprovalService approvals;
    private final OrgScope orgScope;
    private final AuditLog audit;
    private final DataDirectory dataDirectory;
    private final Clock clock;
    private final EvidenceService evidenceService;
    private final EvidenceQueries evidenceQueries;
    private final MessageSource messages;

    AssessmentService(AssessmentRepository repository, ApprovalService approvals, OrgScope orgScope, AuditLog audit,
            DataDirectory dataDirectory, Clock clock, EvidenceService evidenceService, EvidenceQueries evidenceQueries,
            MessageSource messages) {
        this.messages = messages;
        this.evidenceService = evidenceService;
        this.evidenceQueries = evidenceQueries;
        this.repository = repository;
        this.approvals = approvals;
        this.orgScope = orgScope;
        this.audit = audit;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    // ================================================================== standards

    /**
     * Stores a validated standard as a new version in the library, by the signed-in secrecy officer.
     *
     * @throws DomainException {@code assessment.standardExists} when that id and version are stored already
     */
    @Transactional
    public long importStandard(Standard standard) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        if (user.unitsWhere(Role.SECRECY_OFFICER).isEmpty()) {
            throw new AccessDeniedException("only a secrecy officer adds standards");
        }
        return store(standard, user.getUsername(), true);
    }

    /**
     * Stores each shipped standard whose id and version the library does not hold yet (the first start, or
     * a release that ships a new version, e.g. unit-default 2 with more items mapped to evidence, ADR 0060);
     * stored versions are never changed. Returns how many were stored.
     */
    @Transactional
    public int seedMissing(List<Standard> standards) {
        int stored = 0;
        for (Standard s : standards) {
            if (!repository.standardExists(s.ref().id(), s.ref().version())) {
                store(s, "system", false);
                stored++;
            }
        }
        return stored;
    }

    private long store(Standard standard, String by, boolean asUser) {
        if (repository.standardExists(standard.ref().id(), standard.ref().version())) {
            throw new DomainException("assess.standardExists", "Standard " + standard.ref()
                    + " is in the library already: a changed standard needs a new version.", standard.ref().id(),
                    standard.ref().version());
        }
        long id = repository.insertStandard(standard.ref().id(), standard.ref().version(), standard.level().name(),
                standard.title().zh(), standard.title().en(), standard.total(), yaml(standard),
                clock.instant(), by);
        Map<String, Object> after = Map.of("code", standard.ref().id(), "version", standard.ref().version(),
                "level", standard.level().name(), "items", standard.items().size());
        if (asUser) {
            audit.record("assess.standard.import", "assessment_standard", id, null, after);
        } else {
            audit.recordAs(AuditLog.Actor.system(), "assess.standard.import", "assessment_standard", id, null, after);
        }
        return id;
    }

    @Transactional(readOnly = true)
    public List<StandardSummary> standards() {
        current(Permission.BUSINESS_READ);
        return repository.standards().stream().map(AssessmentService::summary).toList();
    }

    @Transactional(readOnly = true)
    public StandardDetail standard(long id) {
        current(Permission.BUSINESS_READ);
        StandardRow row = repository.standard(id).orElseThrow(() -> standardNotFound(id));
        return new StandardDetail(summary(row), parse(row));
    }

    private Standard parse(StandardRow row) {
        return StandardYaml.read(new java.io.StringReader(row.body()));
    }

    private static String yaml(Standard standard) {
        java.io.StringWriter out = new java.io.StringWriter();
        StandardYaml.write(standard, out);
        return out.toString();
    }

    private static StandardSummary summary(StandardRow r) {
        return new StandardSummary(r.id(), r.code(), r.version(), r.level(), r.titleZh(), r.titleEn(), r.total(),
                r.importedAt(), r.importedBy());
    }

    private static NotFoundException standardNotFound(long id) {
        return new NotFoundException("assess.standardNotFound", "There is no standard " + id + ".");
    }

    // ================================================================== assessments

    /**
     * Opens a draft assessment of the subject for {@code year} against a stored standard.
     *
     * @throws ValidationException naming the field, e.g. a second assessment of the subject for the year
     */
    @Transactional
    public long open(long standardId, long unitId, Long departmentId, Long personId, int year) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        StandardRow row = repository.standard(standardId).orElseThrow(
                () -> ValidationException.of("standardId", "assess.standardNotFound", "Choose a standard from the library."));
        AssessmentLevel level = AssessmentLevel.valueOf(row.level());
        Subject subject = switch (level) {
            case UNIT -> Subject.unit(unitId);
            case DEPARTMENT -> {
                if (departmentId == null || repository.departmentUnit(departmentId).filter(u -> u == unitId).isEmpty()) {
                    throw ValidationException.of("departmentId", "assess.departmentRequired",
                            "Choose a department of the unit.");
                }
                yield Subject.department(unitId, departmentId);
            }
            case INDIVIDUAL -> {
                Long who = personId != null ? personId : user.personId();
                if (who == null || repository.personPlace(who).filter(p -> p.unitId() == unitId).isEmpty()) {
                    throw ValidationException.of("personId", "assess.personRequired", "Choose a person of the unit.");
                }
                yield Subject.individual(unitId, who);
            }
        };
        requireWriter(user, subject);
        if (repository.subjectHasYear(subject, standardId, year)) {
            throw ValidationException.of("year", "assess.yearTaken",
                    "This subject already has an assessment for " + year + ".", year);
        }
        Standard standard = parse(row);
        if (year < 2000 || year > 2999) {
            throw ValidationException.of("year", "assessment.yearInvalid", "The year is not a year of assessment.", year);
        }
        long id = repository.insertAssessment(standardId, subject, year, clock.instant());
        SelfAssessment a = SelfAssessment.start(id, standard, subject, year, person(user), clock.instant());
        repository.store(a, clock.instant());
        audit.record("assess.open", "self_assessment", id, null, Map.of("standard", standard.ref().toString(),
                "level", level.name(), "unit", unitId, "year", year));
        return id;
    }

    /**
     * Records the result of one scored item.
     *
     * @throws DomainException {@code assessment.notEditable}, {@code assessment.partlyPointsInvalid}, ...
     */
    @Transactional
    public void recordItem(long id, String itemId, Finding finding, BigDecimal points, String note) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        Loaded l = load(id, true);
        requireWriter(user, l.assessment().subject());
        if (finding == null) {
            throw ValidationException.of("finding", "assess.findingRequired", "Choose a result.");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ValidationException.of("note", "assess.noteTooLong", "At most 2000 characters.", MAX_NOTE);
        }
        StandardItem item = l.assessment().standard().item(itemId)
                .orElseThrow(() -> new NotFoundException("assessment.unknownItem", "No item " + itemId + "."));
        LedgerSuggestion suggested = suggestion(item, l.row().unitId(), l.assessment().year());
        if (suggested != null && (note == null || note.isBlank()) && overrides(suggested, finding)) {
            throw ValidationException.of("note", "assess.overrideReasonRequired", "The ledgers suggest "
                    + suggested.suggestion() + " for item " + itemId + ": say why the result differs.", itemId,
                    suggested.suggestion());
        }
        ItemResult before = l.assessment().results().items().get(itemId);
        l.assessment().record(ItemResult.of(item, finding, points, note));
        repository.store(l.assessment(), clock.instant());
        ItemResult after = l.assessment().results().items().get(itemId);
        audit.record("assess.score", "self_assessment", id, before == null ? null : resultMap(before), resultMap(after));
    }

    /**
     * Fills every unanswered item whose ledger suggestion is decisive with that result: COMPLIANT with full
     * points, NOT_COMPLIANT with none, the note saying it rests on the ledgers and how many records stand
     * behind it. Answered items are never touched; NO_DATA and unknown queries are left for the assessor.
     * Audited once as {@code assess.suggestions.accept} with the items filled (nothing when none was).
     *
     * @return the ids of the items filled, in the standard's order
     */
    @Transactional
    public List<String> acceptSuggestions(long id) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        Loaded l = load(id, true);
        SelfAssessment a = l.assessment();
        requireWriter(user, a.subject());
        if (!a.status().editable()) {
            throw new DomainException("assessment.notEditable", "The assessment is " + a.status().words()
                    + ": results change only in a draft or a reopened assessment.", a.status());
        }
        List<String> filled = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (StandardItem item : a.standard().items()) {
            if (a.results().items().containsKey(item.id())) {
                continue;
            }
            LedgerSuggestion s = suggestion(item, l.row().unitId(), a.year());
            Finding finding = decisive(s);
            if (finding == null) {
                continue;
            }
            String note = clip(messages.getMessage("assess.suggest.acceptedNote",
                    new Object[] {s.summary(), s.count(), s.queryId()}, LocaleContextHolder.getLocale()));
            a.record(ItemResult.of(item, finding, null, note));
            filled.add(item.id());
            details.add(Map.of("item", item.id(), "finding", finding.name(), "query", s.queryId(), "count", s.count()));
        }
        if (!filled.isEmpty()) {
            repository.store(a, clock.instant());
            audit.record("assess.suggestions.accept", "self_assessment", id, null,
                    Map.of("items", filled, "results", details));
        }
        return filled;
    }

    /** The finding a suggestion decides, or null when it decides nothing (no query, unknown, NO_DATA). */
    public static Finding decisive(LedgerSuggestion s) {
        if (s == null || !s.known()) {
            return null;
        }
        return switch (s.suggestion()) {
            case "COMPLIANT" -> Finding.COMPLIANT;
            case "NOT_COMPLIANT" -> Finding.NOT_COMPLIANT;
            default -> null;
        };
    }

    /** Whether {@code finding} departs from a COMPLIANT or NOT_COMPLIANT suggestion (NO_DATA binds no one). */
    private static boolean overrides(LedgerSuggestion s, Finding finding) {
        return s.known() && ("COMPLIANT".equals(s.suggestion()) || "NOT_COMPLIANT".equals(s.suggestion()))
                && !s.suggestion().equals(finding.name());
    }

    /**
     * What the ledgers suggest for {@code item} over the assessment's unit and year, read as the signed-in
     * user; null when the item names no query. An id the registry does not know, or a unit the reader may
     * not query, yields a suggestion without data rather than an error.
     */
    private LedgerSuggestion suggestion(StandardItem item, long unitId, int year) {
        String queryId = item.evidence().orElse(null);
        if (queryId == null) {
            return null;
        }
        if (!evidenceQueries.exists(queryId)) {
            return new LedgerSuggestion(queryId, false, null, 0, null, List.of());
        }
        // Checked here rather than caught: an exception leaving the evidence service would mark this
        // transaction rollback-only.
        BaomiUser user = current(Permission.BUSINESS_READ);
        if (!orgScope.visibleUnitIds(user).contains(unitId)) {
            return new LedgerSuggestion(queryId, false, null, 0, null, List.of());
        }
        var e = evidenceService.evidence(queryId, unitId, false, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return new LedgerSuggestion(queryId, true, e.suggestion().name(), e.count(), e.summary(),
                e.records().stream().limit(LedgerSuggestion.MAX_RECORDS).toList());
    }

    private static Map<String, Object> resultMap(ItemResult r) {
        return Map.of("item", r.itemId(), "finding", r.finding().name(), "earned", r.earned().toPlainString(),
                "note", r.note());
    }

    /** Records how often an aggravated deduction was found (0 clears it). */
    @Transactional
    public void recordDeduction(long id, String deductionId, int occurrences) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        Loaded l = load(id, true);
        requireWriter(user, l.assessment().subject());
        Integer before = l.assessment().results().deductions().get(deductionId);
        l.assessment().recordOccurrences(deductionId, occurrences);
        repository.store(l.assessment(), clock.instant());
        audit.record("assess.deduction", "self_assessment", id, Map.of(deductionId, before == null ? 0 : before),
                Map.of(deductionId, occurrences));
    }

    /** Records whether a veto item was found. */
    @Transactional
    public void recordVeto(long id, String vetoId, boolean triggered) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        Loaded l = load(id, true);
        requireWriter(user, l.assessment().subject());
        boolean before = l.assessment().results().vetoes().contains(vetoId);
        l.assessment().recordVeto(vetoId, triggered);
        repository.store(l.assessment(), clock.instant());
        audit.record("assess.veto", "self_assessment", id, Map.of(vetoId, before), Map.of(vetoId, triggered));
    }

    /**
     * Submits the assessment with its score and asks the unit head to approve it.
     *
     * @throws DomainException {@code assessment.incomplete} naming the items not scored, ...
     */
    @Transactional
    public long submit(long id) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        Loaded l = load(id, true);
        SelfAssessment a = l.assessment();
        requireWriter(user, a.subject());
        AssessmentStatus before = a.status();
        a.submit(person(user), clock.instant());
        repository.store(a, clock.instant());
        AssessmentEvent.Submitted s = a.lastSubmission().orElseThrow();
        long request = approvals.open(APPROVAL_TYPE, "self_assessment", Long.toString(id),
                a.year() + " " + a.standard().title().zh() + " — " + s.score().toPlainString() + " ("
                        + s.grade().chinese() + ")", a.subject().unitId(),
                approvalChain(a.subject(), user));
        repository.linkRequest(id, request);
        audit.record("assess.submit", "self_assessment", id, Map.of("status", before.name()),
                Map.of("status", a.status().name(), "score", s.score().toPlainString(), "grade", s.grade().name(),
                        "approvalRequest", request));
        return request;
    }

    /**
     * Who approves a submitted assessment (ADR 0061): a unit's the unit head; a department's its department
     * head, then the unit head; a person's his department head, alone. A department without a head other
     * than the submitter (who may not approve his own request) leaves its step to the unit head. The
     * department step is bound to that department, so only a head of that department decides it.
     */
    List<ApprovalStep> approvalChain(Subject subject, BaomiUser submitter) {
        ApprovalStep unitHead = new ApprovalStep(Role.UNIT_HEAD, subject.unitId());
        return switch (subject.level()) {
            case UNIT -> List.of(unitHead);
            case DEPARTMENT -> headedByAnother(subject.unitId(), subject.departmentId(), submitter)
                    ? List.of(departmentHead(subject.unitId(), subject.departmentId()), unitHead) : List.of(unitHead);
            case INDIVIDUAL -> {
                Long department = repository.personPlace(subject.personId())
                        .map(AssessmentRepository.PersonPlace::departmentId).orElse(null);
                yield headedByAnother(subject.unitId(), department, submitter)
                        ? List.of(departmentHead(subject.unitId(), department)) : List.of(unitHead);
            }
        };
    }

    private static ApprovalStep departmentHead(long unitId, long departmentId) {
        return new ApprovalStep(Role.DEPARTMENT_HEAD, unitId, departmentId);
    }

    private boolean headedByAnother(long unitId, Long departmentId, BaomiUser submitter) {
        return departmentId != null && repository.departmentHeads(unitId, departmentId).stream()
                .anyMatch(account -> account != submitter.accountId());
    }

    /**
     * The unit head's decision on {@value #APPROVAL_TYPE}, in the deciding transaction: approved locks the
     * assessment and opens a rectification for every item not fully met; rejected sends it back with the reason.
     */
    @EventListener
    @Transactional
    public void onDecided(ApprovalDecided decided) {
        if (!APPROVAL_TYPE.equals(decided.type())) {
            return;
        }
        long id = Long.parseLong(decided.subjectId());
        BaomiUser user = current(Permission.BUSINESS_READ);
        Loaded l = load(id, true);
        SelfAssessment a = l.assessment();
        if (a.status() != AssessmentStatus.SUBMITTED) {
            return;
        }
        Person by = person(user);
        AssessmentStatus before = a.status();
        if (decided.status() == ApprovalStatus.APPROVED) {
            a.approve(by, true, clock.instant());
            a.lock(by, clock.instant());
            repository.store(a, clock.instant());
            audit.record("assess.approve", "self_assessment", id, Map.of("status", before.name()),
                    Map.of("status", a.status().name()));
            openRectifications(a, l.row());
        } else if (decided.status() == ApprovalStatus.REJECTED) {
            String reason = approvals.get(decided.requestId()).steps().stream()
                    .filter(s -> s.decision() != null && s.decision().verdict() == Verdict.REJECT)
                    .map(s -> s.decision().comment()).reduce((x, y) -> y).orElse("");
            a.reopen(by, reason.isBlank() ? "-" : reason, clock.instant());
            repository.store(a, clock.instant());
            audit.record("assess.reject", "self_assessment", id, Map.of("status", before.name()),
                    Map.of("status", a.status().name(), "reason", reason));
        }
    }

    private void openRectifications(SelfAssessment a, AssessmentRow row) {
        Person owner = a.lastSubmission().orElseThrow().by();
        LocalDate deadline = today().plusDays(RECTIFICATION_DAYS);
        for (StandardItem item : a.standard().items()) {
            ItemResult r = a.results().items().get(item.id());
            if (r == null || (r.finding() != Finding.PARTLY && r.finding() != Finding.NOT_COMPLIANT)
                    || repository.rectificationExists(a.id(), item.id())) {
                continue;
            }
            String problem = item.id() + " " + item.text().zh() + (r.note().isEmpty() ? "" : " — " + r.note());
            String measures = r.note().isEmpty() ? item.text().zh() : r.note();
            long rid = repository.insertRectification(a.id(), item.id(), row.unitId(), clip(problem), owner,
                    clip(measures), deadline, clock.instant());
            Rectification rect = Rectification.open(rid, Rectification.Source.assessment(a.id(), item.id()),
                    clip(problem), owner, clip(measures), deadline, owner, clock.instant());
            repository.storeRectification(rect);
            audit.record("rectification.open", "rectification", rid, null, Map.of("assessment", a.id(), "item",
                    item.id(), "owner", owner.name(), "deadline", deadline.toString()));
        }
    }

    /**
     * Opens the rectification of an inspection finding in the inspected unit, owned by {@code owner} (ADR 0055),
     * in the caller's transaction; the inspection feature audits its conclusion, this audits the opening.
     */
    @Transactional
    public long openFromInspection(long inspectionId, long findingId, long unitId, String problem, Person owner,
            String measures, LocalDate deadline, Person by) {
        long rid = repository.insertRectification(null, null, findingId, unitId, clip(problem), owner, clip(measures),
                deadline, clock.instant());
        Rectification rect = Rectification.open(rid, Rectification.Source.inspection(inspectionId), clip(problem),
                owner, clip(measures), deadline, by, clock.instant());
        repository.storeRectification(rect);
        audit.record("rectification.open", "rectification", rid, null, Map.of("inspection", inspectionId, "finding",
                findingId, "owner", owner.name(), "deadline", deadline.toString()));
        return rid;
    }

    private static String clip(String s) {
        return s.length() > MAX_NOTE ? s.substring(0, MAX_NOTE) : s;
    }

    /**
     * Reopens a submitted-and-decided (locked) assessment for correction, with the reason; its history keeps
     * what was submitted and approved. The writers of the subject and the unit head may.
     */
    @Transactional
    public void reopen(long id, String reason) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        Loaded l = load(id, true);
        SelfAssessment a = l.assessment();
        if (!user.unitsWhere(Role.UNIT_HEAD).contains(a.subject().unitId())) {
            requireWriter(user, a.subject());
        }
        if (a.status() == AssessmentStatus.SUBMITTED) {
            throw new DomainException("assess.awaitingApproval",
                    "The assessment awaits the unit head's decision: it is sent back by rejecting it.");
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "assessment.reasonMissing", "Say why the assessment is reopened.");
        }
        AssessmentStatus before = a.status();
        a.reopen(person(user), reason, clock.instant());
        repository.store(a, clock.instant());
        audit.record("assess.reopen", "self_assessment", id, Map.of("status", before.name()),
                Map.of("status", a.status().name(), "reason", reason.strip()));
    }

    /**
     * Stores an evidence file for an item of an editable assessment under the data directory by its SHA-256
     * (ADR 0047); returns the evidence id.
     */
    @Transactional
    public long attach(long id, String itemId, String fileName, String contentType, byte[] content) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        Loaded l = load(id, true);
        requireWriter(user, l.assessment().subject());
        if (!l.assessment().status().editable()) {
            throw new DomainException("assessment.notEditable", "The assessment is " + l.assessment().status().words()
                    + ": results change only in a draft or a reopened assessment.", l.assessment().status());
        }
        if (l.assessment().standard().item(itemId).isEmpty()) {
            throw new NotFoundException("assessment.unknownItem", "No item " + itemId + ".");
        }
        if (content == null || content.length == 0) {
            throw ValidationException.of("file", "assess.fileEmpty", "Choose a file.");
        }
        if (content.length > MAX_EVIDENCE_BYTES) {
            throw ValidationException.of("file", "assess.fileTooLarge", "A file may be at most 10 MB.", 10);
        }
        String name = fileName == null || fileName.isBlank() ? "evidence" : Path.of(fileName).getFileName().toString();
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        String sha = sha256(content);
        writeEvidence(sha, content);
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        long evidenceId = repository.insertEvidence(id, itemId, name, type.length() > 100 ? "application/octet-stream" : type,
                content.length, sha, user.getUsername(), clock.instant());
        audit.record("assess.evidence", "self_assessment", id, null, Map.of("item", itemId, "file", name,
                "sha256", sha, "size", content.length, "evidence", evidenceId));
        return evidenceId;
    }

    /** An evidence file and its bytes, for a reader who may see its assessment; the bytes are checked against the hash. */
    public record EvidenceFile(Evidence evidence, byte[] content) {
    }

    @Transactional(readOnly = true)
    public EvidenceFile evidenceFile(long assessmentId, long evidenceId) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        EvidenceRow row = repository.evidenceById(evidenceId).filter(e -> e.assessmentId() == assessmentId)
                .orElseThrow(() -> new NotFoundException("assess.evidenceNotFound", "No such evidence."));
        AssessmentRow a = repository.assessment(assessmentId, false).orElseThrow(() -> notFound(assessmentId));
        requireReader(user, a.unitId());
        byte[] content;
        try {
            content = Files.readAllBytes(evidencePath(row.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!sha256(content).equals(row.sha256())) {
            throw new DomainException("assess.evidenceCorrupt", "The stored file no longer matches its hash.");
        }
        return new EvidenceFile(evidence(row), content);
    }

    private Path evidencePath(String sha) {
        return dataDirectory.root().resolve("evidence").resolve(sha);
    }

    private void writeEvidence(String sha, byte[] content) {
        Path target = evidencePath(sha);
        try {
            if (Files.exists(target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), sha, ".part");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A unit or department the user may open an assessment for. */
    public record Choice(long id, long unitId, String name) {
    }

    /** The units in which the user holds a business role (where he may open assessments). */
    @Transactional(readOnly = true)
    public List<Choice> unitChoices() {
        BaomiUser user = current(Permission.BUSINESS_READ);
        return repository.units(user.grants().stream().filter(g -> g.role().isBusiness()).map(g -> g.unitId())
                .collect(Collectors.toSet())).stream().map(u -> new Choice(u.id(), u.id(), u.name())).toList();
    }

    @Transactional(readOnly = true)
    public List<Choice> departmentChoices() {
        BaomiUser user = current(Permission.BUSINESS_READ);
        return repository.departments(user.grants().stream().filter(g -> g.role().isBusiness()).map(g -> g.unitId())
                .collect(Collectors.toSet())).stream().map(d -> new Choice(d.id(), d.unitId(), d.name())).toList();
    }

    /** Stores an uploaded standard file (.yaml, .yml or .xlsx) after reading it whole. */
    @Transactional
    public long importFile(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        Standard standard;
        if (name.endsWith(".xlsx")) {
            standard = StandardXlsx.read(new java.io.ByteArrayInputStream(content));
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            standard = StandardYaml.read(new java.io.ByteArrayInputStream(content));
        } else {
            throw ValidationException.of("file", "assess.fileType", "Upload a .yaml or .xlsx standard.");
        }
        return importStandard(standard);
    }

    @Transactional(readOnly = true)
    public List<AssessmentSummary> list(Integer year, String status) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        return repository.lines(orgScope.visibleUnitIds(user), year, status).stream()
                .map(AssessmentService::summary).toList();
    }

    private static AssessmentSummary summary(AssessmentLine l) {
        return new AssessmentSummary(l.id(), l.standardCode(), l.standardVersion(), l.titleZh(), l.titleEn(), l.level(),
                l.unitId(), l.unitName(), l.departmentName(), l.personName(), l.periodYear(), l.status(), l.score(), l.grade());
    }

    /** The assessment with its items by category, evidence, history and rectifications; the view is audited. */
    @Transactional
    public AssessmentDetail get(long id) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        Loaded l = load(id, false);
        requireReader(user, l.row().unitId());
        audit.recordView("self_assessment", id);
        SelfAssessment a = l.assessment();
        Map<String, List<Evidence>> evidence = repository.evidence(id).stream().map(AssessmentService::evidence)
                .collect(Collectors.groupingBy(Evidence::itemId, LinkedHashMap::new, Collectors.toList()));
        Map<String, RectificationRow> previous = repository.previousRectifications(l.row());
        List<CategoryView> categories = new ArrayList<>();
        for (Category c : a.standard().categories()) {
            List<ItemView> items = a.standard().itemsOf(c.id()).stream().map(i -> {
                RectificationRow p = previous.get(i.id());
                return new ItemView(i, a.results().items().get(i.id()), evidence.getOrDefault(i.id(), List.of()),
                        p == null ? null : new PreviousRectification(p.id(), p.periodYear(), p.status(), p.problem()),
                        suggestion(i, l.row().unitId(), a.year()));
            }).toList();
            categories.add(new CategoryView(c.id(), c.title().zh(), c.title().en(), items,
                    items.stream().filter(i -> i.result() != null).count()));
        }
        boolean writer = isWriter(user, a.subject()) && user.has(Permission.APPROVAL_REQUEST);
        boolean canReopen = (writer || user.unitsWhere(Role.UNIT_HEAD).contains(a.subject().unitId()))
                && user.has(Permission.APPROVAL_REQUEST)
                && (a.status() == AssessmentStatus.APPROVED || a.status() == AssessmentStatus.LOCKED);
        AssessmentLine line = repository.lines(Set.of(l.row().unitId()), null, null).stream()
                .filter(x -> x.id() == id).findFirst().orElseThrow();
        List<RectificationSummary> rects = repository.rectifications(Set.of(l.row().unitId()), null, null, id).stream()
                .map(this::summary).toList();
        return new AssessmentDetail(summary(line), l.row().standardId(), a, a.evaluation(), categories, a.history(),
                l.row().approvalRequestId(), writer && a.status().editable(), canReopen, rects);
    }

    /**
     * The assessment as a report is written from it, for a reader who may see it (404 otherwise). Not audited: the
     * report feature audits what it shows or exports.
     */
    @Transactional(readOnly = true)
    public AssessmentViews.ReportSource reportSource(long id) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        Loaded l = load(id, false);
        AssessmentLine line = repository.lines(Set.of(l.row().unitId()), null, null).stream()
                .filter(x -> x.id() == id).findFirst().orElseThrow();
        List<RectificationSummary> rects = repository.rectifications(Set.of(l.row().unitId()), null, null, id).stream()
                .map(this::summary).toList();
        boolean writer = isWriter(user, l.assessment().subject()) && user.has(Permission.APPROVAL_REQUEST);
        return new AssessmentViews.ReportSource(summary(line), l.assessment(), l.assessment().evaluation(), rects, writer);
    }

    private static Evidence evidence(EvidenceRow e) {
        return new Evidence(e.id(), e.itemId(), e.fileName(), e.contentType(), e.sizeBytes(), e.sha256(), e.uploadedBy(),
                e.uploadedAt());
    }

    private record Loaded(AssessmentRow row, SelfAssessment assessment) {
    }

    private Loaded load(long id, boolean forUpdate) {
        AssessmentRow row = repository.assessment(id, forUpdate).orElseThrow(() -> notFound(id));
        BaomiUser user = current(Permission.BUSINESS_READ);
        requireReader(user, row.unitId());
        Standard standard = parse(repository.standard(row.standardId()).orElseThrow());
        Subject subject = new Subject(AssessmentLevel.valueOf(row.level()), row.unitId(), row.departmentId(), row.personId());
        SelfAssessment a = SelfAssessment.restore(id, standard, subject, row.periodYear(), repository.results(id),
                AssessmentStatus.valueOf(row.status()), repository.history(id));
        return new Loaded(row, a);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("assess.notFound", "There is no assessment " + id + ".");
    }

    // ================================================================== rectifications

    @Transactional(readOnly = true)
    public List<RectificationSummary> rectifications(String status, boolean overdueOnly) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        return repository.rectifications(orgScope.visibleUnitIds(user), blankToNull(status),
                overdueOnly ? today() : null, null).stream().map(this::summary).toList();
    }

    /** Overdue and open rectifications in the user's units, for the dashboard. */
    public long[] reminderCounts(BaomiUser user) {
        Set<Long> units = orgScope.visibleUnitIds(user);
        return new long[] {repository.overdueCount(units, today()), repository.openCount(units)};
    }

    @Transactional
    public RectificationDetail rectification(long id) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        RectificationRow row = repository.rectification(id, false).orElseThrow(() -> rectNotFound(id));
        requireReader(user, row.unitId());
        audit.recordView("rectification", id);
        Rectification r = restore(row);
        boolean canWork = user.has(Permission.CARRIER_HANDLE) && (row.ownerId() == user.accountId()
                || user.unitsWhere(Role.SECRECY_OFFICER).contains(row.unitId()));
        boolean canVerify = canVerify(user, row.unitId()) && r.owner().id() != user.accountId();
        return new RectificationDetail(summary(row), r.history(), canWork, canVerify);
    }

    /** The acts on a rectification. */
    public enum RectificationAct { START, COMPLETE, VERIFY, SEND_BACK }

    /**
     * The owner (or the unit's secrecy officer) starts and completes; the unit's secrecy officer, unit head or
     * leader in charge, never the owner, verifies or sends back.
     */
    @Transactional
    public void act(long id, RectificationAct act, String note) {
        BaomiUser user = current(Permission.CARRIER_HANDLE);
        RectificationRow row = repository.rectification(id, true).orElseThrow(() -> rectNotFound(id));
        requireReader(user, row.unitId());
        Rectification r = restore(row);
        String before = r.status().name();
        Person by = person(user);
        if (note != null && note.length() > MAX_NOTE) {
            throw ValidationException.of("note", "assess.noteTooLong", "At most 2000 characters.", MAX_NOTE);
        }
        switch (act) {
            case START, COMPLETE -> {
                if (row.ownerId() != user.accountId() && !user.unitsWhere(Role.SECRECY_OFFICER).contains(row.unitId())) {
                    throw new AccessDeniedException("only the owner or the unit's secrecy officer works on a rectification");
                }
                if (act == RectificationAct.START) {
                    r.start(by, clock.instant());
                } else {
                    r.complete(by, note, clock.instant());
                }
            }
            case VERIFY, SEND_BACK -> {
                if (!canVerify(user, row.unitId())) {
                    throw new AccessDeniedException("only the unit's secrecy officer or heads verify a rectification");
                }
                if (act == RectificationAct.VERIFY) {
                    r.verify(by, note, clock.instant());
                } else {
                    r.rejectVerification(by, note, clock.instant());
                }
            }
        }
        repository.storeRectification(r);
        audit.record("rectification." + act.name().toLowerCase().replace('_', '-'), "rectification", id,
                Map.of("status", before), Map.of("status", r.status().name(), "note", note == null ? "" : note.strip()));
    }

    /**
     * Changes who owns a rectification, the measures and the deadline while it is open or in progress: the
     * unit's secrecy officer only; the owner must be an active account of a person of the unit and the
     * deadline today or later. Audited as {@code rectification.replan} with before and after.
     */
    @Transactional
    public void replan(long id, Long ownerAccountId, String measures, LocalDate deadline) {
        BaomiUser user = current(Permission.CARRIER_HANDLE);
        RectificationRow row = repository.rectification(id, true).orElseThrow(() -> rectNotFound(id));
        requireReader(user, row.unitId());
        if (!canPlan(user, row.unitId())) {
            throw new AccessDeniedException("only the unit's secrecy officer assigns rectifications");
        }
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        AssessmentRepository.Named owner = ownerAccountId == null ? null : repository.unitAccounts(row.unitId())
                .stream().filter(a -> a.id() == ownerAccountId).findFirst().orElse(null);
        if (owner == null) {
            problems.add(new ValidationException.FieldProblem("ownerId", "assess.rect.ownerNotInUnit",
                    "Choose the owner from the people of the unit."));
        }
        if (measures == null || measures.isBlank()) {
            problems.add(new ValidationException.FieldProblem("measures", "assess.rect.measuresRequired",
                    "Say what will be done."));
        } else if (measures.length() > MAX_NOTE) {
            problems.add(new ValidationException.FieldProblem("measures", "assess.noteTooLong", "At most 2000 characters.",
                    MAX_NOTE));
        }
        if (deadline == null) {
            problems.add(new ValidationException.FieldProblem("deadline", "assess.rect.deadlineRequired",
                    "Give the deadline."));
        } else if (deadline.isBefore(today())) {
            problems.add(new ValidationException.FieldProblem("deadline", "assessment.deadlinePast",
                    "The deadline " + deadline + " has passed.", deadline, today()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Rectification r = restore(row);
        Map<String, Object> before = plan(r);
        r.replan(new Person(owner.id(), owner.name()), measures, deadline, today());
        repository.storeRectification(r);
        audit.record("rectification.replan", "rectification", id, before, plan(r));
    }

    private static Map<String, Object> plan(Rectification r) {
        return Map.of("owner", r.owner().name(), "ownerId", r.owner().id(), "measures", r.measures(),
                "deadline", r.deadline().toString());
    }

    /** One rectification as lists show it, for a reader of its unit (not audited: lists are not). */
    @Transactional(readOnly = true)
    public RectificationSummary rectificationSummary(long id) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        RectificationRow row = repository.rectification(id, false).orElseThrow(() -> rectNotFound(id));
        requireReader(user, row.unitId());
        return summary(row);
    }

    /** Whether {@code user} assigns owners, measures and deadlines of rectifications in {@code unitId}. */
    public boolean canPlan(BaomiUser user, long unitId) {
        return user.has(Permission.CARRIER_HANDLE) && user.unitsWhere(Role.SECRECY_OFFICER).contains(unitId);
    }

    /** The people who may own a rectification in {@code unitId}; empty for a reader who may not assign there. */
    @Transactional(readOnly = true)
    public List<Choice> ownerChoices(long unitId) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        if (!canPlan(user, unitId)) {
            return List.of();
        }
        return repository.unitAccounts(unitId).stream().map(a -> new Choice(a.id(), a.unitId(), a.name())).toList();
    }

    private static boolean canVerify(BaomiUser user, long unitId) {
        return user.unitsWhere(Role.SECRECY_OFFICER).contains(unitId) || user.unitsWhere(Role.UNIT_HEAD).contains(unitId)
                || user.unitsWhere(Role.LEADER_IN_CHARGE).contains(unitId);
    }

    private Rectification restore(RectificationRow row) {
        Rectification.Source source = row.assessmentId() != null
                ? Rectification.Source.assessment(row.assessmentId(), row.itemId())
                : new Rectification.Source(null, null, row.inspectionId());
        return Rectification.restore(row.id(), source, row.problem(), new Person(row.ownerId(), row.ownerName()),
                row.measures(), row.deadline(), repository.steps(row.id()));
    }

    private RectificationSummary summary(RectificationRow r) {
        boolean overdue = today().isAfter(r.deadline()) && ("OPEN".equals(r.status()) || "IN_PROGRESS".equals(r.status()));
        return new RectificationSummary(r.id(), r.assessmentId(), r.itemId(), r.unitId(), r.unitName(), r.problem(),
                r.ownerId(), r.ownerName(), r.measures(), r.deadline(), r.status(), overdue, r.periodYear(),
                r.inspectionId(), r.inspectionTitle());
    }

    private static NotFoundException rectNotFound(long id) {
        return new NotFoundException("assess.rectificationNotFound", "There is no rectification " + id + ".");
    }

    // ================================================================== who may

    /** Whether {@code user} may write {@code subject}'s assessment (ADR 0046). */
    boolean isWriter(BaomiUser user, Subject subject) {
        if (user.unitsWhere(Role.SECRECY_OFFICER).contains(subject.unitId())) {
            return true;
        }
        return switch (subject.level()) {
            case UNIT -> false;
            case DEPARTMENT -> user.unitsWhere(Role.DEPARTMENT_HEAD).contains(subject.unitId()) && user.personId() != null
                    && repository.personPlace(user.personId())
                            .map(p -> Objects.equals(p.departmentId(), subject.departmentId())).orElse(false);
            case INDIVIDUAL -> user.personId() != null && user.personId().equals(subject.personId());
        };
    }

    private void requireWriter(BaomiUser user, Subject subject) {
        if (!isWriter(user, subject)) {
            throw new AccessDeniedException("not the secrecy officer, department head or person this assessment is about");
        }
    }

    private void requireReader(BaomiUser user, long unitId) {
        if (!orgScope.visibleUnitIds(user).contains(unitId)) {
            throw new NotFoundException("assess.notFound", "Not found.");
        }
    }

    private static Person person(BaomiUser user) {
        return new Person(user.accountId(), user.displayName());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static BaomiUser current(Permission permission) {
        if (!(SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("not signed in");
        }
        if (!user.has(permission)) {
            throw new AccessDeniedException("missing " + permission);
        }
        return user;
    }
}
