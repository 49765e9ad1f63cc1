package org.baomi.server.inspection;

import org.baomi.core.ChinaTime;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.assessment.CategoryScoring;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.Evaluation;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.Inspection;
import org.baomi.core.assessment.InspectionKind;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.Person;
import org.baomi.core.assessment.Results;
import org.baomi.core.assessment.Scoring;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;
import org.baomi.core.assessment.StandardRef;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.server.assessment.AssessmentService;
import org.baomi.server.assessment.standard.StandardYaml;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.inspection.InspectionRepository.FindingRow;
import org.baomi.server.inspection.InspectionRepository.InspectionRow;
import org.baomi.server.inspection.InspectionRepository.UnitRow;
import org.baomi.server.inspection.InspectionViews.FindingView;
import org.baomi.server.inspection.InspectionViews.InspectionDetail;
import org.baomi.server.inspection.InspectionViews.InspectionSummary;
import org.baomi.server.inspection.InspectionViews.ItemLine;
import org.baomi.server.inspection.InspectionViews.UnitRef;
import org.baomi.server.inspection.InspectionViews.UnitResult;
import org.baomi.server.inspection.InspectionViews.UnitScoring;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Superior inspections (ADR 0055): an inspector or secrecy officer of a superior unit plans an inspection of
 * units under his unit against a unit standard, starts it, records each unit's item results (scored with the
 * core {@link Scoring}) and findings, and concludes it; on conclusion every finding becomes a rectification of
 * its unit. Acts as the signed-in user, writes through the core {@link Inspection} and audits every change in
 * the same transaction.
 *
 * <p>Who reads: the superior side (anyone with business read over the inspecting unit) everything; an
 * inspected unit only its own results and findings, and a surprise inspection only once it has begun. Anyone
 * else gets 404.
 */
@Service
public class InspectionService {

    static final int MAX_TEXT = 2000;
    static final int MAX_TITLE = 200;
    static final int MAX_CONCLUSION = 4000;

    /** What a plan form or API call gives. */
    public record PlanInput(InspectionKind kind, Long inspectingUnitId, String title, List<Long> unitIds,
            LocalDate plannedFrom, LocalDate plannedTo, Long standardId) {
    }

    /** A unit to choose from. */
    public record UnitChoice(long id, String name) {
    }

    /** Which units the user may inspect from (his) and which units he may inspect (below them). */
    public record PlanChoices(List<UnitChoice> inspecting, List<UnitChoice> subordinates) {
    }

    private final InspectionRepository repository;
    private final AssessmentService assessments;
    private final OrgScope orgScope;
    private final AuditLog audit;
    private final Clock clock;

    InspectionService(InspectionRepository repository, AssessmentService assessments, OrgScope orgScope,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.assessments = assessments;
        this.orgScope = orgScope;
        this.audit = audit;
        this.clock = clock;
    }

    // ================================================================== planning

    @Transactional(readOnly = true)
    public PlanChoices planChoices() {
        BaomiUser user = current(Permission.INSPECTION_MANAGE);
        Set<Long> mine = managedUnits(user);
        Set<Long> below = new HashSet<>(orgScope.selfAndDescendants(mine));
        below.removeAll(mine);
        return new PlanChoices(choices(mine), choices(below));
    }

    private List<UnitChoice> choices(Set<Long> ids) {
        return repository.unitsNamed(ids).stream().map(u -> new UnitChoice(u.id(), u.name())).toList();
    }

    /**
     * Plans an inspection; returns its id.
     *
     * @throws ValidationException naming the field; NotFoundException for a unit not under the inspecting unit
     */
    @Transactional
    public long plan(PlanInput in) {
        BaomiUser user = current(Permission.INSPECTION_MANAGE);
        if (in.kind() == null) {
            throw ValidationException.of("kind", "inspection.kindRequired", "Choose the kind of inspection.");
        }
        Set<Long> mine = managedUnits(user);
        Long inspecting = in.inspectingUnitId() != null ? in.inspectingUnitId()
                : mine.size() == 1 ? mine.iterator().next() : null;
        if (inspecting == null) {
            throw ValidationException.of("inspectingUnitId", "inspection.inspectingUnitRequired",
                    "Choose the unit that inspects.");
        }
        if (!mine.contains(inspecting)) {
            throw new AccessDeniedException("not an inspector or secrecy officer of unit " + inspecting);
        }
        if (in.title() != null && in.title().strip().length() > MAX_TITLE) {
            throw ValidationException.of("title", "inspection.titleTooLong", "At most 200 characters.", MAX_TITLE);
        }
        if (in.plannedFrom() == null || in.plannedTo() == null) {
            throw ValidationException.of(in.plannedFrom() == null ? "plannedFrom" : "plannedTo",
                    "inspection.dateRequired", "Give the dates of the inspection.");
        }
        if (in.standardId() == null) {
            throw ValidationException.of("standardId", "inspection.standardRequired",
                    "Choose the standard the units are checked against.");
        }
        Standard standard = standard(in.standardId()).orElseThrow(() -> ValidationException.of("standardId",
                "inspection.standardRequired", "Choose the standard the units are checked against."));
        if (standard.level() != org.baomi.core.assessment.AssessmentLevel.UNIT) {
            throw ValidationException.of("standardId", "inspection.standardNotUnit",
                    "Choose a standard for units: inspections score whole units.");
        }
        Set<Long> units = new LinkedHashSet<>(in.unitIds() == null ? List.of() : in.unitIds());
        Set<Long> below = new HashSet<>(orgScope.selfAndDescendants(Set.of(inspecting)));
        below.remove(inspecting);
        for (long unit : units) {
            if (!below.contains(unit)) {
                throw new NotFoundException("inspection.unitNotSubordinate",
                        "There is no unit " + unit + " under the inspecting unit.");
            }
        }
        Inspection inspection;
        try {
            inspection = new Inspection(0, in.kind(), inspecting, in.title(), units, in.plannedFrom(), in.plannedTo(),
                    standard.ref());
        } catch (DomainException e) {
            throw switch (e.code()) {
                case "assessment.inspectionNoUnits" -> ValidationException.of("unitIds", "inspection.unitsRequired",
                        "Choose at least one unit to inspect.");
                case "assessment.inspectionDates" -> ValidationException.of("plannedTo", "inspection.datesInvalid",
                        "The inspection ends before it begins.");
                case "assessment.rectificationFieldMissing" -> ValidationException.of("title",
                        "inspection.titleRequired", "Give the inspection a title.");
                default -> e;
            };
        }
        long id = repository.insert(inspection, in.standardId(), clock.instant(), user.getUsername());
        audit.record("inspection.plan", "inspection", id, null, Map.of("kind", in.kind().name(), "title",
                inspection.title(), "inspectingUnit", inspecting, "units", List.copyOf(units), "from",
                in.plannedFrom().toString(), "to", in.plannedTo().toString(), "standard", standard.ref().toString()));
        return id;
    }

    @Transactional
    public void start(long id) {
        Managed m = managed(id);
        String before = m.inspection().status().name();
        try {
            m.inspection().start(clock.instant());
        } catch (DomainException e) {
            throw new DomainException("inspection.wrongStatus", e.getMessage(), before);
        }
        repository.storeStatus(m.inspection());
        audit.record("inspection.start", "inspection", id, Map.of("status", before),
                Map.of("status", m.inspection().status().name()));
    }

    /**
     * Concludes the inspection with its conclusion and opens a rectification of every finding in its unit,
     * owned by the person the inspector named on the finding while he is still an active person of the unit,
     * else by the unit's secrecy officer (else its unit head).
     *
     * @throws DomainException {@code inspection.noOwner} naming a unit with findings and no one to own them
     */
    @Transactional
    public void conclude(long id, String conclusion) {
        Managed m = managed(id);
        requireUnderWay(m.inspection());
        if (conclusion == null || conclusion.isBlank()) {
            throw ValidationException.of("conclusion", "inspection.conclusionRequired",
                    "Write the inspection's conclusion.");
        }
        if (conclusion.strip().length() > MAX_CONCLUSION) {
            throw ValidationException.of("conclusion", "inspection.conclusionTooLong", "At most 4000 characters.",
                    MAX_CONCLUSION);
        }
        List<FindingRow> findings = repository.findings(id, null);
        Map<Long, Person> owners = new LinkedHashMap<>();
        Map<Long, Person> named = new LinkedHashMap<>();
        for (FindingRow f : findings) {
            Optional<Person> owner = f.ownerId() == null ? Optional.empty() : repository.unitPeople(f.unitId())
                    .stream().filter(p -> p.id() == f.ownerId()).findFirst();
            if (owner.isPresent()) {
                named.put(f.id(), owner.get());
            } else if (!owners.containsKey(f.unitId())) {
                owners.put(f.unitId(), repository.rectificationOwner(f.unitId()).orElseThrow(() -> new DomainException(
                        "inspection.noOwner", f.unitName() + " has no secrecy officer or unit head to own its "
                                + "rectifications: ask the administrators to assign one first.", f.unitName())));
            }
        }
        String before = m.inspection().status().name();
        m.inspection().conclude(conclusion, clock.instant());
        repository.storeStatus(m.inspection());
        Person by = new Person(m.user().accountId(), m.user().displayName());
        List<Long> rectifications = new ArrayList<>();
        for (FindingRow f : findings) {
            String problem = (f.itemId() == null ? "" : f.itemId() + " ") + f.problem();
            Person owner = named.getOrDefault(f.id(), owners.get(f.unitId()));
            rectifications.add(assessments.openFromInspection(id, f.id(), f.unitId(), problem, owner, f.problem(),
                    f.deadline(), by));
        }
        audit.record("inspection.conclude", "inspection", id, Map.of("status", before), Map.of("status",
                m.inspection().status().name(), "conclusion", m.inspection().conclusion(), "rectifications",
                rectifications));
    }

    // ================================================================== scoring and findings

    /** Records the result of one item of the standard for one inspected unit, while the inspection is under way. */
    @Transactional
    public void recordItem(long id, long unitId, String itemId, Finding finding, BigDecimal points, String note) {
        Managed m = managed(id);
        requireUnderWay(m.inspection());
        requireInspected(m.inspection(), unitId);
        if (finding == null) {
            throw ValidationException.of("finding", "inspection.findingRequired", "Choose a result.");
        }
        if (note != null && note.length() > MAX_TEXT) {
            throw ValidationException.of("note", "inspection.textTooLong", "At most 2000 characters.", MAX_TEXT);
        }
        StandardItem item = m.standard().item(itemId)
                .orElseThrow(() -> new NotFoundException("inspection.unknownItem", "No item " + itemId + "."));
        ItemResult before = repository.results(id, unitId).get(itemId);
        ItemResult result = ItemResult.of(item, finding, points, note);
        repository.storeResult(id, unitId, result);
        Map<String, Object> after = new LinkedHashMap<>(resultMap(result));
        after.put("unit", unitId);
        audit.record("inspection.score", "inspection", id, before == null ? null : resultMap(before), after);
    }

    /**
     * Records how often one of the standard's aggravated deductions was found at one inspected unit (0 clears it),
     * while the inspection is under way; validated by the core {@link Results} as a self-assessment's are.
     */
    @Transactional
    public void recordDeduction(long id, long unitId, String deductionId, int occurrences) {
        Managed m = managed(id);
        requireUnderWay(m.inspection());
        requireInspected(m.inspection(), unitId);
        Results before = repository.scored(id, unitId);
        Results after = before.withOccurrences(m.standard(), deductionId, occurrences);
        repository.storeMarks(id, unitId, after);
        audit.record("inspection.deduction", "inspection", id, Map.of("unit", unitId, deductionId,
                before.deductions().getOrDefault(deductionId, 0)), Map.of("unit", unitId, deductionId, occurrences));
    }

    /**
     * Records whether one of the standard's veto items was found at one inspected unit (found: the unit's grade is
     * non-compliant whatever its points), while the inspection is under way.
     */
    @Transactional
    public void recordVeto(long id, long unitId, String vetoId, boolean triggered) {
        Managed m = managed(id);
        requireUnderWay(m.inspection());
        requireInspected(m.inspection(), unitId);
        Results before = repository.scored(id, unitId);
        Results after = before.withVeto(m.standard(), vetoId, triggered);
        repository.storeMarks(id, unitId, after);
        audit.record("inspection.veto", "inspection", id, Map.of("unit", unitId, vetoId,
                before.vetoes().contains(vetoId)), Map.of("unit", unitId, vetoId, triggered));
    }

    private static Map<String, Object> resultMap(ItemResult r) {
        return Map.of("item", r.itemId(), "finding", r.finding().name(), "earned", r.earned().toPlainString(),
                "note", r.note());
    }

    /**
     * Records a problem found at one unit; it becomes the unit's rectification when the inspection concludes, owned
     * by {@code ownerId} (an active person of the unit; null: the unit's secrecy officer, else its head).
     */
    @Transactional
    public long addFinding(long id, long unitId, String itemId, String problem, FindingSeverity severity,
            LocalDate deadline, Long ownerId) {
        Managed m = managed(id);
        requireUnderWay(m.inspection());
        requireInspected(m.inspection(), unitId);
        String item = itemId == null || itemId.isBlank() ? null : itemId.strip();
        if (item != null && m.standard().item(item).isEmpty()) {
            throw ValidationException.of("itemId", "inspection.itemUnknown", "The standard has no item " + item + ".",
                    item);
        }
        if (problem == null || problem.isBlank()) {
            throw ValidationException.of("problem", "inspection.problemRequired", "Describe the problem found.");
        }
        if (problem.strip().length() > MAX_TEXT) {
            throw ValidationException.of("problem", "inspection.textTooLong", "At most 2000 characters.", MAX_TEXT);
        }
        if (severity == null) {
            throw ValidationException.of("severity", "inspection.severityRequired", "Choose how serious it is.");
        }
        if (deadline == null || deadline.isBefore(today())) {
            throw ValidationException.of("deadline", "inspection.deadlineInvalid",
                    "Give a deadline for the rectification, today or later.");
        }
        Person owner = ownerId == null ? null : repository.unitPeople(unitId).stream()
                .filter(p -> p.id() == ownerId).findFirst().orElseThrow(() -> ValidationException.of("ownerId",
                        "inspection.ownerNotInUnit", "Choose the owner from the active people of the unit."));
        long findingId = repository.insertFinding(id, unitId, item, problem.strip(), severity.name(), deadline,
                ownerId, clock.instant(), m.user().getUsername());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("finding", findingId);
        after.put("unit", unitId);
        after.put("item", item == null ? "" : item);
        after.put("problem", problem.strip());
        after.put("severity", severity.name());
        after.put("deadline", deadline.toString());
        after.put("owner", owner == null ? "" : owner.name());
        audit.record("inspection.finding.add", "inspection", id, null, after);
        return findingId;
    }

    /** Takes back a finding recorded by mistake, while the inspection is under way. */
    @Transactional
    public void removeFinding(long id, long findingId) {
        Managed m = managed(id);
        requireUnderWay(m.inspection());
        FindingRow f = repository.findings(id, null).stream().filter(x -> x.id() == findingId).findFirst()
                .orElseThrow(() -> new NotFoundException("inspection.findingNotFound", "No such finding."));
        repository.deleteFinding(findingId);
        audit.record("inspection.finding.remove", "inspection", id, Map.of("finding", findingId, "unit", f.unitId(),
                "problem", f.problem()), null);
    }

    // ================================================================== reading

    /** The inspections the user may see: made by his units or above them, or of his units once visible to them. */
    @Transactional(readOnly = true)
    public List<InspectionSummary> list() {
        BaomiUser user = current(Permission.BUSINESS_READ);
        Set<Long> visible = orgScope.visibleUnitIds(user);
        return repository.list(visible, visible).stream()
                .filter(r -> visible.contains(r.inspectingUnitId()) || restore(r).visibleToInspectedUnits())
                .map(this::summary).toList();
    }

    /** One inspection with the results the reader may see; the view is audited. */
    @Transactional
    public InspectionDetail get(long id) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        Seen s = seen(user, id, false);
        audit.recordView("inspection", id);
        Standard standard = standard(s.row().standardId()).orElseThrow();
        List<UnitResult> units = new ArrayList<>();
        for (UnitRow u : repository.units(id)) {
            if (s.units().contains(u.id())) {
                units.add(unitResult(s.row(), standard, u));
            }
        }
        InspectionRow r = s.row();
        return new InspectionDetail(summary(r), r.conclusion(), r.startedAt(), r.concludedAt(), r.createdAt(),
                r.createdBy(), standard, units, isManager(user, r.inspectingUnitId()),
                s.superior() ? r.reportMarking() : null, s.superior() ? r.reportNextSteps() : null);
    }

    /** The scoring page of one inspected unit. */
    @Transactional
    public UnitScoring unit(long id, long unitId) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        Seen s = seen(user, id, false);
        if (!s.units().contains(unitId)) {
            throw notFound(id);
        }
        audit.recordView("inspection", id);
        Standard standard = standard(s.row().standardId()).orElseThrow();
        UnitRow unit = repository.units(id).stream().filter(u -> u.id() == unitId).findFirst().orElseThrow();
        UnitResult result = unitResult(s.row(), standard, unit);
        Map<String, ItemResult> results = repository.results(id, unitId);
        boolean canRecord = isManager(user, s.row().inspectingUnitId()) && "UNDER_WAY".equals(s.row().status());
        Map<String, List<ItemLine>> byCategory = new LinkedHashMap<>();
        for (Category c : standard.categories()) {
            byCategory.put(c.id(), standard.itemsOf(c.id()).stream()
                    .map(i -> new ItemLine(i, results.get(i.id()))).toList());
        }
        return new UnitScoring(summary(s.row()), result, standard, byCategory, canRecord,
                canRecord ? repository.unitPeople(unitId) : List.of());
    }

    UnitResult unitResult(InspectionRow row, Standard standard, UnitRow u) {
        Results results = repository.scored(row.id(), u.id());
        Evaluation evaluation = Scoring.evaluate(standard, results);
        Map<String, BigDecimal> categories = new LinkedHashMap<>();
        CategoryScoring.byCategory(standard, results).forEach((k, v) -> categories.put(k, v.orElse(null)));
        List<FindingView> findings = repository.findings(row.id(), Set.of(u.id())).stream()
                .map(InspectionService::view).toList();
        return new UnitResult(u.id(), u.name(), evaluation, categories, results.items().size(), results.deductions(),
                results.vetoes(), findings);
    }

    static FindingView view(FindingRow f) {
        return new FindingView(f.id(), f.unitId(), f.unitName(), f.itemId(), f.problem(), f.severity(), f.deadline(),
                f.createdAt(), f.createdBy(), f.rectificationId(), f.rectificationStatus(), f.ownerId(), f.ownerName());
    }

    // ================================================================== for the report and the comparison

    /**
     * A concluded inspection for its summary report: the superior side only; {@code canManage}: the reader runs
     * it.
     */
    record ForReport(InspectionRow row, Standard standard, List<UnitResult> units, boolean canManage) {
    }

    ForReport forReport(long id) {
        BaomiUser user = current(Permission.BUSINESS_READ);
        Seen s = seen(user, id, false);
        if (!s.superior()) {
            throw new AccessDeniedException("only the inspecting side reads the summary across units");
        }
        if (!"CONCLUDED".equals(s.row().status())) {
            throw new DomainException("inspection.reportNotConcluded",
                    "The summary is written once the inspection is concluded.");
        }
        Standard standard = standard(s.row().standardId()).orElseThrow();
        return new ForReport(s.row(), standard, repository.units(id).stream()
                .map(u -> unitResult(s.row(), standard, u)).toList(), isManager(user, s.row().inspectingUnitId()));
    }

    /**
     * Keeps the summary report's marking and next steps on a concluded inspection, for its next download on the
     * page or by the API; audited {@code inspection.report.texts} when they change.
     *
     * @return whether they changed
     * @throws ValidationException naming marking or nextSteps when too long
     */
    @Transactional
    public boolean saveReportTexts(long id, String marking, String nextSteps) {
        Managed m = managed(id);
        String mark = reportMarking(marking);
        String next = reportNextSteps(nextSteps);
        if (m.inspection().status() != Inspection.Status.CONCLUDED) {
            throw new DomainException("inspection.reportNotConcluded",
                    "The summary is written once the inspection is concluded.");
        }
        String markBefore = m.row().reportMarking();
        String nextBefore = m.row().reportNextSteps();
        if (mark.equals(markBefore) && next.equals(nextBefore)) {
            return false;
        }
        repository.storeReportTexts(id, mark, next);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("marking", markBefore == null ? "" : markBefore);
        before.put("nextSteps", nextBefore == null ? "" : nextBefore);
        audit.record("inspection.report.texts", "inspection", id, before, Map.of("marking", mark, "nextSteps", next));
        return true;
    }

    /** The summary report's marking as kept: stripped, at most {@value InspectionReports#MAX_MARKING} characters. */
    static String reportMarking(String marking) {
        String mark = marking == null ? "" : marking.strip();
        if (mark.length() > InspectionReports.MAX_MARKING) {
            throw ValidationException.of("marking", "inspection.report.markingTooLong", "At most 40 characters.",
                    InspectionReports.MAX_MARKING);
        }
        return mark;
    }

    /** The summary report's next steps as kept: stripped, at most {@value InspectionReports#MAX_NEXT_STEPS}. */
    static String reportNextSteps(String nextSteps) {
        String next = nextSteps == null ? "" : nextSteps.strip().replace("\r\n", "\n");
        if (next.length() > InspectionReports.MAX_NEXT_STEPS) {
            throw ValidationException.of("nextSteps", "inspection.textTooLong", "At most 4000 characters.",
                    InspectionReports.MAX_NEXT_STEPS);
        }
        return next;
    }

    Optional<Standard> standard(long standardId) {
        return repository.standardBody(standardId).map(b -> StandardYaml.read(new StringReader(b)));
    }

    // ================================================================== who may

    /** The units where the user plans and runs inspections from: where he is inspector or secrecy officer. */
    static Set<Long> managedUnits(BaomiUser user) {
        if (!user.has(Permission.INSPECTION_MANAGE)) {
            return Set.of();
        }
        Set<Long> units = new HashSet<>(user.unitsWhere(Role.INSPECTOR));
        units.addAll(user.unitsWhere(Role.SECRECY_OFFICER));
        return units;
    }

    static boolean isManager(BaomiUser user, long inspectingUnitId) {
        return managedUnits(user).contains(inspectingUnitId);
    }

    /** What a reader sees of an inspection: the row, whether he is on the inspecting side, the units he sees. */
    private record Seen(InspectionRow row, boolean superior, Set<Long> units) {
    }

    private Seen seen(BaomiUser user, long id, boolean forUpdate) {
        InspectionRow row = repository.find(id, forUpdate).orElseThrow(() -> notFound(id));
        Set<Long> visible = orgScope.visibleUnitIds(user);
        Set<Long> inspected = new LinkedHashSet<>();
        repository.units(id).forEach(u -> inspected.add(u.id()));
        if (visible.contains(row.inspectingUnitId())) {
            return new Seen(row, true, inspected);
        }
        inspected.retainAll(visible);
        if (inspected.isEmpty() || !restore(row).visibleToInspectedUnits()) {
            throw notFound(id);
        }
        return new Seen(row, false, inspected);
    }

    private record Managed(BaomiUser user, InspectionRow row, Inspection inspection, Standard standard) {
    }

    /** Loads an inspection for a change by its manager: 404 when the user may not see it, 403 when only see. */
    private Managed managed(long id) {
        BaomiUser user = current(Permission.INSPECTION_MANAGE);
        Seen s = seen(user, id, true);
        if (!isManager(user, s.row().inspectingUnitId())) {
            throw new AccessDeniedException("not an inspector or secrecy officer of the inspecting unit");
        }
        return new Managed(user, s.row(), restore(s.row()), standard(s.row().standardId()).orElseThrow());
    }

    private Inspection restore(InspectionRow r) {
        Set<Long> units = new LinkedHashSet<>();
        repository.units(r.id()).forEach(u -> units.add(u.id()));
        return Inspection.restore(r.id(), InspectionKind.valueOf(r.kind()), r.inspectingUnitId(), r.title(), units,
                r.plannedFrom(), r.plannedTo(), new StandardRef(r.standardCode(), r.standardVersion()),
                Inspection.Status.valueOf(r.status()), r.conclusion(), r.startedAt(), r.concludedAt());
    }

    private static void requireUnderWay(Inspection i) {
        if (i.status() != Inspection.Status.UNDER_WAY) {
            throw new DomainException("inspection.notUnderWay", "Results, findings and the conclusion are recorded "
                    + "while the inspection is under way; it is " + i.status().name().toLowerCase().replace('_', ' ')
                    + ".", i.status().name());
        }
    }

    private static void requireInspected(Inspection i, long unitId) {
        if (!i.inspects(unitId)) {
            throw new NotFoundException("inspection.unitNotInspected", "The inspection does not inspect unit " + unitId
                    + ".");
        }
    }

    private InspectionSummary summary(InspectionRow r) {
        return new InspectionSummary(r.id(), r.kind(), r.title(), r.inspectingUnitId(), r.inspectingUnitName(),
                r.plannedFrom(), r.plannedTo(), r.standardId(), r.standardCode(), r.standardVersion(), r.status(),
                repository.units(r.id()).stream().map(u -> new UnitRef(u.id(), u.name())).toList());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("inspection.notFound", "There is no inspection " + id + ".");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    static BaomiUser current(Permission permission) {
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
