package org.baomi.server.assessment.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baomi.core.security.Permission;
import org.baomi.server.assessment.report.ReportDraftService;
import org.baomi.server.assessment.report.ReportDraftService.Draft;
import org.baomi.server.report.ReportFormat;
import org.baomi.server.report.ReportDocument;
import org.baomi.server.report.ReportDocument.Block;
import org.baomi.server.report.SelfInspectionReportData.Part;
import org.baomi.server.security.Requires;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The self-inspection report of a unit's assessment for machine clients: the draft, its edits, the files. */
@RestController
@Tag(name = "Self-inspection report", description = "The report draft of a unit's assessment and its .docx/.pdf")
class ReportDraftApiController {

    /**
     * An edit of the draft: the texts (of the parts given; blank = the generated text) are in {@code language},
     * which becomes the draft's; {@code marking} the report's own (blank or absent: not classified);
     * {@code reportDate} the date the report carries (absent: the day of each download); {@code version} the
     * draft's version the edit was made on (absent: not checked).
     */
    record DraftRequest(String language, String marking, LocalDate reportDate, Integer version,
            Map<Part, String> parts) {
    }

    private final ReportDraftService reports;

    ReportDraftApiController(ReportDraftService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/assessments/{id}/report")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The report draft: language, marking, each part's text (edited or generated), versions",
            description = "Whoever may see the assessment. 409 reportdraft.unitOnly for a department or person.")
    Map<String, Object> draft(@PathVariable long id,
            @Parameter(description = "zh or en; default the draft's language") @RequestParam(required = false) String language) {
        return json(reports.draft(id, language));
    }

    @PutMapping("/api/v1/assessments/{id}/report")
    @Requires(Permission.APPROVAL_REQUEST)
    @Operation(summary = "Edit the draft: the parts' texts, the language, the report's marking (e.g. 秘密★10年)",
            description = "Who may write the assessment (its unit's secrecy officer). 400 names the field: "
                    + "language, marking (a malformed marking), reportDate (before the assessment's year) or "
                    + "parts.<PART>. Each save is a version, audited. 409 reportdraft.conflict when version is not "
                    + "the draft's latest or another save took the next version first: reload and edit again.")
    Map<String, Object> save(@PathVariable long id, @RequestBody DraftRequest body) {
        Map<Part, String> parts = new EnumMap<>(Part.class);
        if (body.parts() != null) {
            parts.putAll(body.parts());
        }
        reports.save(id, body.language(), body.marking(), body.reportDate(), parts, body.version());
        return json(reports.draft(id, null));
    }

    @GetMapping("/api/v1/assessments/{id}/report.{format}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The report as a file: report.pdf (Chinese fonts embedded, the marking at the top left of "
            + "page one) or report.docx (for further editing)",
            description = "409 reportdraft.notScored while items have no result; 400 names the field format for "
                    + "another extension. The download is audited with its format and marking.")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String format,
            @Parameter(description = "zh or en; default the draft's language") @RequestParam(required = false) String language) {
        return ReportDraftController.file(reports.export(id, ReportFormat.of(format), language));
    }

    @GetMapping(value = "/api/v1/assessments/{id}/report", params = "format")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The report as a file: format=pdf or docx (the same as report.pdf / report.docx)")
    ResponseEntity<byte[]> fileByParameter(@PathVariable long id, @RequestParam String format,
            @RequestParam(required = false) String language) {
        return file(id, format, language);
    }

    /**
     * The draft as JSON; what the report prints after a part's text is a list of blocks, each with its
     * {@code kind} (Paragraph, Subheading, BulletList, Table) so that a client can lay it out.
     */
    private static Map<String, Object> json(Draft d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("assessment", d.assessment());
        out.put("language", d.language());
        out.put("marking", d.marking());
        out.put("reportDate", d.reportDate());
        out.put("date", d.date());
        out.put("version", d.version());
        out.put("scored", d.scored());
        out.put("score", d.score());
        out.put("grade", d.grade());
        out.put("title", d.title());
        out.put("parts", d.parts().stream().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("part", p.part());
            part.put("heading", p.heading());
            part.put("text", p.text());
            part.put("generated", p.generated());
            part.put("edited", p.edited());
            part.put("after", p.after().stream().map(ReportDraftApiController::block).toList());
            return part;
        }).toList());
        out.put("versions", d.versions());
        out.put("canEdit", d.canEdit());
        return out;
    }

    private static Map<String, Object> block(Block b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.getClass().getSimpleName());
        if (b instanceof ReportDocument.Paragraph p) {
            m.put("text", p.text());
        } else if (b instanceof ReportDocument.Subheading s) {
            m.put("text", s.text());
        } else if (b instanceof ReportDocument.BulletList l) {
            m.put("items", l.items());
            m.put("numbered", l.numbered());
        } else if (b instanceof ReportDocument.Table t) {
            m.put("header", t.header());
            m.put("rows", t.rows());
        }
        return m;
    }
}
