package org.baomi.server.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baomi.core.assessment.Evaluation;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.InspectionKind;
import org.baomi.core.security.Permission;
import org.baomi.server.inspection.ComparisonService;
import org.baomi.server.inspection.ComparisonService.Comparison;
import org.baomi.server.inspection.FindingSeverity;
import org.baomi.server.inspection.InspectionReports;
import org.baomi.server.report.ReportFormat;
import org.baomi.server.inspection.InspectionReports.ReportFile;
import org.baomi.server.inspection.InspectionService;
import org.baomi.server.inspection.InspectionService.PlanInput;
import org.baomi.server.inspection.InspectionViews.InspectionDetail;
import org.baomi.server.inspection.InspectionViews.InspectionSummary;
import org.baomi.server.inspection.InspectionViews.UnitResult;
import org.baomi.server.security.Requires;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Superior inspections for machine clients. Refusals are problem+json; other units' inspections are 404. */
@RestController
@Tag(name = "Inspections", description = "Superior inspections of subordinate units, findings, comparison, summary")
class InspectionApiController {

    record PlanRequest(InspectionKind kind, Long inspectingUnitId, String title, List<Long> unitIds,
            LocalDate plannedFrom, LocalDate plannedTo, Long standardId) {
    }

    record ResultRequest(Finding finding, BigDecimal points, String note) {
    }

    /** {@code ownerId}: the account of an active person of the unit who owns the rectification (null: default). */
    record FindingRequest(String itemId, String problem, FindingSeverity severity, LocalDate deadline, Long ownerId) {
    }

    record ReportTextsRequest(String marking, String nextSteps) {
    }

    record ConclusionRequest(String conclusion) {
    }

    record ReportRequest(ReportFormat format, String language, String marking, String nextSteps) {
    }

    private final InspectionService inspections;
    private final ComparisonService comparison;
    private final InspectionReports reports;

    InspectionApiController(InspectionService inspections, ComparisonService comparison, InspectionReports reports) {
        this.inspections = inspections;
        this.comparison = comparison;
        this.reports = reports;
    }

    @GetMapping("/api/v1/inspections")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Inspections you may see: made by your units, or of your units once announced or begun")
    List<InspectionSummary> list() {
        return inspections.list();
    }

    @PostMapping("/api/v1/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Plan an inspection of units under your unit (inspector or secrecy officer of it)",
            description = "kind ROUTINE, SPECIAL, SPOT or SURPRISE; a unit standard; 404 for a unit not under the "
                    + "inspecting unit; 400 naming the field for anything missing.")
    Map<String, Object> plan(@RequestBody PlanRequest body) {
        return Map.of("id", inspections.plan(new PlanInput(body.kind(), body.inspectingUnitId(), body.title(),
                body.unitIds(), body.plannedFrom(), body.plannedTo(), body.standardId())));
    }

    @GetMapping("/api/v1/inspections/{id}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One inspection with each unit's score, grade, category scores and findings",
            description = "An inspected unit sees only its own results and findings.")
    Map<String, Object> get(@PathVariable long id) {
        return json(inspections.get(id));
    }

    @PostMapping("/api/v1/inspections/{id}/start")
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Start a planned inspection (a surprise one becomes visible to the inspected units)")
    Map<String, Object> start(@PathVariable long id) {
        inspections.start(id);
        return json(inspections.get(id));
    }

    @PutMapping("/api/v1/inspections/{id}/units/{unitId}/items/{itemId}")
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Record one item's result for one inspected unit while the inspection is under way")
    Map<String, Object> score(@PathVariable long id, @PathVariable long unitId, @PathVariable String itemId,
            @RequestBody ResultRequest body) {
        inspections.recordItem(id, unitId, itemId, body.finding(), body.points(), body.note());
        return json(inspections.get(id));
    }

    @PutMapping("/api/v1/inspections/{id}/units/{unitId}/deductions/{deductionId}")
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Record how often an aggravated deduction of the standard was found at one inspected unit "
            + "(0 clears it) while the inspection is under way")
    Map<String, Object> deduction(@PathVariable long id, @PathVariable long unitId, @PathVariable String deductionId,
            @RequestParam int occurrences) {
        inspections.recordDeduction(id, unitId, deductionId, occurrences);
        return json(inspections.get(id));
    }

    @PutMapping("/api/v1/inspections/{id}/units/{unitId}/vetoes/{vetoId}")
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Record whether a veto item of the standard was found at one inspected unit",
            description = "A veto found makes the unit's grade NON_COMPLIANT whatever its points.")
    Map<String, Object> veto(@PathVariable long id, @PathVariable long unitId, @PathVariable String vetoId,
            @RequestParam boolean triggered) {
        inspections.recordVeto(id, unitId, vetoId, triggered);
        return json(inspections.get(id));
    }

    @PostMapping("/api/v1/inspections/{id}/units/{unitId}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Record a problem found at one unit (item optional, severity, rectification deadline)",
            description = "It becomes a rectification of that unit when the inspection concludes, owned by ownerId "
                    + "(an active person of the unit; 400 naming ownerId otherwise) or else by the unit's secrecy "
                    + "officer.")
    Map<String, Object> addFinding(@PathVariable long id, @PathVariable long unitId, @RequestBody FindingRequest body) {
        return Map.of("id", inspections.addFinding(id, unitId, body.itemId(), body.problem(), body.severity(),
                body.deadline(), body.ownerId()));
    }

    @DeleteMapping("/api/v1/inspections/{id}/findings/{findingId}")
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Take back a finding while the inspection is under way")
    Map<String, Object> removeFinding(@PathVariable long id, @PathVariable long findingId) {
        inspections.removeFinding(id, findingId);
        return json(inspections.get(id));
    }

    @PostMapping("/api/v1/inspections/{id}/conclude")
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Conclude with the conclusion; every finding becomes a rectification of its unit")
    Map<String, Object> conclude(@PathVariable long id, @RequestBody ConclusionRequest body) {
        inspections.conclude(id, body.conclusion());
        return json(inspections.get(id));
    }

    @PostMapping("/api/v1/inspections/{id}/summary")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The inspection summary across units of a concluded inspection, as .docx or .pdf",
            description = "Inspecting side only. format DOCX or PDF; language zh or en; marking and nextSteps: absent "
                    + "for the ones kept on the inspection; given by who runs the inspection, they are kept.")
    ResponseEntity<byte[]> summary(@PathVariable long id, @RequestBody ReportRequest body) {
        ReportFile f = reports.summary(id, body.format(), "en".equals(body.language()) ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE, body.marking(), body.nextSteps());
        return download(f);
    }

    @PutMapping("/api/v1/inspections/{id}/summary/texts")
    @Requires(Permission.INSPECTION_MANAGE)
    @Operation(summary = "Keep the summary report's marking and next steps on a concluded inspection",
            description = "Who runs the inspection; audited. 400 names marking (over 40) or nextSteps (over 4000).")
    Map<String, Object> reportTexts(@PathVariable long id, @RequestBody ReportTextsRequest body) {
        inspections.saveReportTexts(id, body.marking(), body.nextSteps());
        return json(inspections.get(id));
    }

    @GetMapping("/api/v1/inspections/comparison")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Scores per unit, year and category of the units you may read, from approved "
            + "self-assessments (SELF) and concluded inspections (INSPECTION), against one standard code")
    Map<String, Object> comparison(@RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, @RequestParam(required = false) String standard) {
        Comparison c = comparison.compare(from, to, standard);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("standardCodes", c.standardCodes());
        out.put("standard", c.standardCode());
        out.put("from", c.fromYear());
        out.put("to", c.toYear());
        out.put("categories", c.categories());
        out.put("rows", c.rows());
        return out;
    }

    static ResponseEntity<byte[]> download(ReportFile f) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.contentType())).body(f.content());
    }

    private static Map<String, Object> json(InspectionDetail d) {
        Map<String, Object> out = new LinkedHashMap<>();
        InspectionSummary s = d.summary();
        out.put("id", s.id());
        out.put("kind", s.kind());
        out.put("title", s.title());
        out.put("inspectingUnitId", s.inspectingUnitId());
        out.put("inspectingUnitName", s.inspectingUnitName());
        out.put("plannedFrom", s.plannedFrom());
        out.put("plannedTo", s.plannedTo());
        out.put("standard", s.standardCode() + " v" + s.standardVersion());
        out.put("status", s.status());
        out.put("conclusion", d.conclusion());
        out.put("startedAt", d.startedAt());
        out.put("concludedAt", d.concludedAt());
        out.put("units", d.units().stream().map(InspectionApiController::unit).toList());
        if (d.canManage()) {
            out.put("reportMarking", d.reportMarking());
            out.put("reportNextSteps", d.reportNextSteps());
        }
        return out;
    }

    private static Map<String, Object> unit(UnitResult u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unitId", u.unitId());
        out.put("unitName", u.unitName());
        out.put("scoredItems", u.scoredItems());
        out.put("score", u.score());
        out.put("grade", u.grade());
        out.put("vetoed", u.evaluation() instanceof Evaluation.Scored s && s.vetoed());
        out.put("deductions", u.deductions());
        out.put("vetoes", u.vetoes());
        if (u.evaluation() instanceof Evaluation.Incomplete i) {
            out.put("missingItems", i.missingItems());
        }
        out.put("categories", u.categories());
        out.put("findings", u.findings());
        return out;
    }
}
