package org.baomi.server.assessment.report.web;

import org.baomi.server.platform.web.PageLabels;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.core.security.Permission;
import org.baomi.server.assessment.report.ReportDraftService;
import org.baomi.server.assessment.report.ReportDraftService.Draft;
import org.baomi.server.assessment.report.ReportDraftService.DraftPart;
import org.baomi.server.report.ReportFormat;
import org.baomi.server.assessment.report.ReportDraftService.ReportFile;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.report.SelfInspectionReportData.Part;
import org.baomi.server.security.Requires;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report draft editor of an assessment: each part's text prefilled with the generated one, the report's
 * marking and language, "regenerate from the ledgers" per part, the versions, and the downloads.
 */
@Controller
class ReportDraftController extends PageLabels {


    private final ReportDraftService reports;
    private final Flash flash;

    ReportDraftController(ReportDraftService reports, Flash flash) {
        this.reports = reports;
        this.flash = flash;
    }

    @GetMapping("/assessments/{id}/report")
    @Requires(Permission.BUSINESS_READ)
    String draft(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            return show(reports.draft(id, null), Map.of(), null, null, Map.of(), model);
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
            return "redirect:/assessments/" + id;
        }
    }

    @PostMapping("/assessments/{id}/report")
    @Requires(Permission.APPROVAL_REQUEST)
    String save(@PathVariable long id, @RequestParam(required = false) String language,
            @RequestParam(required = false) String marking, @RequestParam(required = false) String reportDate,
            @RequestParam(required = false) Integer version, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Map<Part, String> texts = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            String text = form.get("part." + part.name());
            if (text != null) {
                texts.put(part, text);
            }
        }
        try {
            reports.save(id, language, marking, date(reportDate), texts, version);
            flash.success(redirect, "reportdraft.saved");
            return "redirect:/assessments/" + id + "/report";
        } catch (ValidationException e) {
            // The page again with what he typed and the problem beside its field: nothing of it is lost.
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach(p -> problems.put(p.field(), flash.text(p.code(), p.message(), p.args())));
            return show(reports.draft(id, null), texts, marking, reportDate, problems, model);
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
            // Someone saved meanwhile: the draft as it now is, with the refusal on top.
            return "redirect:/assessments/" + id + ("reportdraft.conflict".equals(e.code()) ? "/report" : "");
        }
    }

    @PostMapping("/assessments/{id}/report/language")
    @Requires(Permission.APPROVAL_REQUEST)
    String language(@PathVariable long id, @RequestParam(required = false) String language,
            RedirectAttributes redirect) {
        try {
            reports.switchLanguage(id, language);
        } catch (ValidationException e) {
            error(redirect, e);
        }
        return "redirect:/assessments/" + id + "/report";
    }

    @PostMapping("/assessments/{id}/report/parts/{part}/regenerate")
    @Requires(Permission.APPROVAL_REQUEST)
    String regenerate(@PathVariable long id, @PathVariable Part part, RedirectAttributes redirect) {
        reports.regenerate(id, part);
        flash.success(redirect, "reportdraft.regenerated");
        return "redirect:/assessments/" + id + "/report#part-" + part.name();
    }

    @GetMapping("/assessments/{id}/report.{extension}")
    @Requires(Permission.BUSINESS_READ)
    Object download(@PathVariable long id, @PathVariable String extension,
            @RequestParam(required = false) String language, RedirectAttributes redirect) {
        try {
            return file(reports.export(id, ReportFormat.of(extension), language));
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
            return "redirect:/assessments/" + id + "/report";
        } catch (ValidationException e) {
            error(redirect, e);
            return "redirect:/assessments/" + id + "/report";
        }
    }

    private void error(RedirectAttributes redirect, ValidationException e) {
        var p = e.problems().get(0);
        flash.error(redirect, p.code(), p.message(), p.args());
    }

    /** The file as an attachment named in UTF-8 (RFC 5987 {@code filename*}). */
    static ResponseEntity<byte[]> file(ReportFile f) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.format().contentType())).body(f.content());
    }

    /** The report date typed in the form: blank for the download day. */
    private static LocalDate date(String reportDate) {
        if (reportDate == null || reportDate.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(reportDate.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("reportDate", "reportdraft.date.invalid", "The report date is a date.",
                    reportDate);
        }
    }

    private String show(Draft draft, Map<Part, String> typed, String typedMarking, String typedDate,
            Map<String, String> problems, Model model) {
        model.addAttribute("draft", draft);
        Map<Part, String> texts = new EnumMap<>(Part.class);
        for (DraftPart p : draft.parts()) {
            texts.put(p.part(), typed.getOrDefault(p.part(), p.text()));
        }
        model.addAttribute("texts", texts);
        model.addAttribute("marking", typedMarking != null ? typedMarking : draft.marking());
        model.addAttribute("reportDate", typedDate != null ? typedDate
                : draft.reportDate() == null ? "" : draft.reportDate().toString());
        model.addAttribute("problems", problems);
        model.addAttribute("labels", this);
        return "assessment/report";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
        return "error";
    }

    // ------------------------------------------------------------------ helpers for the template

    public String kind(Object block) {
        return block.getClass().getSimpleName();
    }

    public List<String> languages() {
        return List.of("zh", "en");
    }
}
