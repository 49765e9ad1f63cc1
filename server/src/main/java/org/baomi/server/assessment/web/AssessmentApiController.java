package org.baomi.server.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.assessment.AssessmentEvent;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.SelfAssessment;
import org.baomi.core.security.Permission;
import org.baomi.server.assessment.AssessmentService;
import org.baomi.server.assessment.AssessmentService.RectificationAct;
import org.baomi.server.assessment.AssessmentViews.AssessmentDetail;
import org.baomi.server.assessment.AssessmentViews.AssessmentSummary;
import org.baomi.server.assessment.AssessmentViews.RectificationDetail;
import org.baomi.server.assessment.AssessmentViews.RectificationSummary;
import org.baomi.server.assessment.AssessmentViews.StandardSummary;
import org.baomi.server.security.Requires;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Self-inspection for machine clients: standards, assessments and rectifications. Refusals are problem+json. */
@RestController
@Tag(name = "Self-inspection", description = "Standards library, self-assessments and rectifications")
class AssessmentApiController {

    record OpenRequest(long standardId, long unitId, Long departmentId, Long personId, int year) {
    }

    record ResultRequest(Finding finding, BigDecimal points, String note) {
    }

    record ReasonRequest(String reason) {
    }

    record NoteRequest(String note) {
    }

    record PlanRequest(Long ownerId, String measures, java.time.LocalDate deadline) {
    }

    private final AssessmentService assessments;

    AssessmentApiController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/api/v1/standards")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The standards library: every standard version stored")
    List<StandardSummary> standards() {
        return assessments.standards();
    }

    @GetMapping("/api/v1/standards/{id}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One standard version with its categories, items, deductions and vetoes")
    Object standard(@PathVariable long id) {
        var d = assessments.standard(id);
        return Map.of("summary", d.summary(), "standard", d.standard());
    }

    @PostMapping("/api/v1/standards")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Add a standard version from a .yaml or .xlsx file (multipart 'file'); secrecy officers only",
            description = "422 assessment.standardInvalid lists every problem; 409 assessment.standardExists.")
    Map<String, Object> upload(@RequestParam("file") MultipartFile file) throws IOException {
        return Map.of("id", assessments.importFile(file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/api/v1/assessments")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Self-assessments in the units you may read, newest year first")
    List<AssessmentSummary> list(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String status) {
        return assessments.list(year, status);
    }

    @PostMapping("/api/v1/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Open a draft self-assessment against a stored standard",
            description = "The level is the standard's. Unit: the unit's secrecy officer; department: also its head "
                    + "(departmentId); individual: also the person himself (personId, default yourself).")
    Map<String, Object> open(@RequestBody OpenRequest body) {
        return Map.of("id", assessments.open(body.standardId(), body.unitId(), body.departmentId(), body.personId(),
                body.year()));
    }

    @GetMapping("/api/v1/assessments/{id}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One self-assessment: status, results, score and grade as now, history, rectifications")
    Map<String, Object> get(@PathVariable long id) {
        return json(assessments.get(id));
    }

    @PutMapping("/api/v1/assessments/{id}/items/{itemId}")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Record one item's result: finding COMPLIANT, PARTLY (with points), NOT_COMPLIANT or NOT_APPLICABLE")
    Map<String, Object> score(@PathVariable long id, @PathVariable String itemId, @RequestBody ResultRequest body) {
        assessments.recordItem(id, itemId, body.finding(), body.points(), body.note());
        return json(assessments.get(id));
    }

    @PostMapping("/api/v1/assessments/{id}/suggestions/accept")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Accept the ledgers' suggestions: every unanswered item whose suggestion is COMPLIANT or "
            + "NOT_COMPLIANT gets that result (full points or none) with a note naming the records",
            description = "Answered items are never changed; NO_DATA items are left. 'filled' lists the items filled.")
    Map<String, Object> acceptSuggestions(@PathVariable long id) {
        List<String> filled = assessments.acceptSuggestions(id);
        Map<String, Object> out = json(assessments.get(id));
        out.put("filled", filled);
        return out;
    }

    @PutMapping("/api/v1/assessments/{id}/deductions/{deductionId}")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Record how often an aggravated deduction was found (0 clears it)")
    Map<String, Object> deduction(@PathVariable long id, @PathVariable String deductionId,
            @RequestParam int occurrences) {
        assessments.recordDeduction(id, deductionId, occurrences);
        return json(assessments.get(id));
    }

    @PutMapping("/api/v1/assessments/{id}/vetoes/{vetoId}")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Record whether a veto item was found")
    Map<String, Object> veto(@PathVariable long id, @PathVariable String vetoId, @RequestParam boolean triggered) {
        assessments.recordVeto(id, vetoId, triggered);
        return json(assessments.get(id));
    }

    @PostMapping("/api/v1/assessments/{id}/submit")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Submit for the unit head's approval (approval type assessment.approve)",
            description = "409 assessment.incomplete names the items not scored yet.")
    Map<String, Object> submit(@PathVariable long id) {
        long request = assessments.submit(id);
        Map<String, Object> out = json(assessments.get(id));
        out.put("approvalRequestId", request);
        return out;
    }

    @PostMapping("/api/v1/assessments/{id}/reopen")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Reopen an approved (locked) assessment with the reason; its history keeps the earlier submission")
    Map<String, Object> reopen(@PathVariable long id, @RequestBody ReasonRequest body) {
        assessments.reopen(id, body.reason());
        return json(assessments.get(id));
    }

    @PostMapping("/api/v1/assessments/{id}/items/{itemId}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Attach an evidence file (multipart 'file', at most 10 MB); returns its id and SHA-256")
    Map<String, Object> attach(@PathVariable long id, @PathVariable String itemId,
            @RequestParam("file") MultipartFile file) throws IOException {
        byte[] bytes = file.getBytes();
        long evidence = assessments.attach(id, itemId, file.getOriginalFilename(), file.getContentType(), bytes);
        return Map.of("id", evidence, "sha256", assessments.evidenceFile(id, evidence).evidence().sha256());
    }

    @GetMapping("/api/v1/rectifications")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Rectifications in the units you may read; overdue=true: past the deadline and not done")
    List<RectificationSummary> rectifications(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return assessments.rectifications(status, overdue);
    }

    @GetMapping("/api/v1/rectifications/{id}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One rectification with its history")
    RectificationDetail rectification(@PathVariable long id) {
        return assessments.rectification(id);
    }

    @PutMapping("/api/v1/rectifications/{id}/plan")
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Assign a rectification: owner (an account of a person of the unit), measures, deadline",
            description = "The unit's secrecy officer, while open or in progress; the deadline today or later. "
                    + "400 names the field (ownerId, measures, deadline).")
    RectificationDetail plan(@PathVariable long id, @RequestBody PlanRequest body) {
        assessments.replan(id, body.ownerId(), body.measures(), body.deadline());
        return assessments.rectification(id);
    }

    @PostMapping("/api/v1/rectifications/{id}/{act}")
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Act on a rectification: start, complete (note: what was done), verify or send-back (note: why)",
            description = "The owner or the secrecy officer starts and completes; the secrecy officer, unit head or "
                    + "leader in charge verifies, never the owner (409 assessment.ownerVerifies).")
    RectificationDetail act(@PathVariable long id, @PathVariable String act, @RequestBody(required = false) NoteRequest body) {
        RectificationAct a = switch (act) {
            case "start" -> RectificationAct.START;
            case "complete" -> RectificationAct.COMPLETE;
            case "verify" -> RectificationAct.VERIFY;
            case "send-back" -> RectificationAct.SEND_BACK;
            default -> throw org.baomi.server.platform.ValidationException.of("act", "assess.unknownAct",
                    "The act is start, complete, verify or send-back.");
        };
        assessments.act(id, a, body == null ? null : body.note());
        return assessments.rectification(id);
    }

    private static Map<String, Object> json(AssessmentDetail d) {
        SelfAssessment a = d.assessment();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", d.summary());
        out.put("status", a.status());
        out.put("standardId", d.standardId());
        out.put("evaluation", Map.of("kind", d.evaluation().getClass().getSimpleName(), "value", d.evaluation()));
        out.put("results", a.results().items().values());
        out.put("deductions", a.results().deductions());
        out.put("vetoes", a.results().vetoes());
        out.put("history", d.history().stream().map(AssessmentApiController::event).toList());
        out.put("approvalRequestId", d.approvalRequestId());
        out.put("rectifications", d.rectifications());
        return out;
    }

    private static Map<String, Object> event(AssessmentEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
        m.put("by", e.by().name());
        m.put("at", e.at());
        if (e instanceof AssessmentEvent.Submitted s) {
            m.put("score", s.score());
            m.put("grade", s.grade());
        }
        if (e instanceof AssessmentEvent.Reopened r) {
            m.put("reason", r.reason());
        }
        return m;
    }
}
