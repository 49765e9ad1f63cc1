package org.baomi.server.inspection.web;

import org.baomi.core.ChinaTime;
import org.baomi.server.platform.web.PageLabels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.InspectionKind;
import org.baomi.core.security.Permission;
import org.baomi.server.assessment.AssessmentService;
import org.baomi.server.inspection.ComparisonService;
import org.baomi.server.inspection.ComparisonService.Comparison;
import org.baomi.server.inspection.FindingSeverity;
import org.baomi.server.inspection.InspectionReports;
import org.baomi.server.report.ReportFormat;
import org.baomi.server.inspection.InspectionService;
import org.baomi.server.inspection.InspectionService.PlanChoices;
import org.baomi.server.inspection.InspectionService.PlanInput;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.platform.web.NotFoundPage;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inspection pages: the list with the plan form, one inspection (units' scores, findings, start, conclude,
 * summary download), a unit's scoring page (item results and findings) and the comparison page.
 */
@Controller
class InspectionController extends PageLabels implements NotFoundPage {


    private final InspectionService inspections;
    private final ComparisonService comparison;
    private final InspectionReports reports;
    private final AssessmentService assessments;
    private final Flash flash;

    InspectionController(InspectionService inspections, ComparisonService comparison, InspectionReports reports,
            AssessmentService assessments, Flash flash) {
        this.inspections = inspections;
        this.comparison = comparison;
        this.reports = reports;
        this.assessments = assessments;
        this.flash = flash;
    }

    @GetMapping("/inspections")
    @Requires(Permission.BUSINESS_READ)
    String list(@AuthenticationPrincipal BaomiUser user, Model model) {
        model.addAttribute("inspections", inspections.list());
        PlanChoices choices = user.has(Permission.INSPECTION_MANAGE) ? inspections.planChoices() : null;
        boolean canPlan = choices != null && !choices.subordinates().isEmpty();
        model.addAttribute("canPlan", canPlan);
        if (canPlan) {
            model.addAttribute("choices", choices);
            model.addAttribute("kinds", InspectionKind.values());
            model.addAttribute("standards", assessments.standards().stream()
                    .filter(s -> "UNIT".equals(s.level())).toList());
            model.addAttribute("today", ChinaTime.today());
        }
        model.addAttribute("labels", this);
        return "inspection/list";
    }

    @PostMapping("/inspections")
    @Requires(Permission.INSPECTION_MANAGE)
    String plan(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) InspectionKind kind,
            @RequestParam(required = false) Long inspectingUnitId, @RequestParam(required = false) String title,
            @RequestParam(required = false) List<Long> unitIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedTo,
            @RequestParam(required = false) Long standardId, Model model, RedirectAttributes redirect) {
        try {
            long id = inspections.plan(new PlanInput(kind, inspectingUnitId, title, unitIds, plannedFrom, plannedTo,
                    standardId));
            flash.success(redirect, "inspection.planned");
            return "redirect:/inspections/" + id;
        } catch (ValidationException e) {
            model.addAttribute("planProblems", e.problems().stream()
                    .map(p -> flash.text(p.code(), p.message(), p.args())).toList());
            model.addAttribute("form", new PlanInput(kind, inspectingUnitId, title, unitIds, plannedFrom, plannedTo,
                    standardId));
        }
        return list(user, model);
    }

    @GetMapping("/inspections/{id}")
    @Requires(Permission.BUSINESS_READ)
    String detail(@PathVariable long id, Model model) {
        var detail = inspections.get(id);
        model.addAttribute("detail", detail);
        model.addAttribute("categories", detail.standard().categories());
        model.addAttribute("labels", this);
        return "inspection/detail";
    }

    @PostMapping("/inspections/{id}/start")
    @Requires(Permission.INSPECTION_MANAGE)
    String start(@PathVariable long id, RedirectAttributes redirect) {
        try {
            inspections.start(id);
            flash.success(redirect, "inspection.started");
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id;
    }

    @PostMapping("/inspections/{id}/conclude")
    @Requires(Permission.INSPECTION_MANAGE)
    String conclude(@PathVariable long id, @RequestParam(required = false) String conclusion,
            RedirectAttributes redirect) {
        try {
            inspections.conclude(id, conclusion);
            flash.success(redirect, "inspection.concluded");
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id;
    }

    @GetMapping("/inspections/{id}/units/{unitId}")
    @Requires(Permission.BUSINESS_READ)
    String unit(@PathVariable long id, @PathVariable long unitId, Model model) {
        model.addAttribute("scoring", inspections.unit(id, unitId));
        model.addAttribute("findings", Finding.values());
        model.addAttribute("severities", FindingSeverity.values());
        model.addAttribute("defaultDeadline", ChinaTime.today().plusDays(30));
        model.addAttribute("labels", this);
        return "inspection/unit";
    }

    @PostMapping("/inspections/{id}/units/{unitId}/items/{itemId}")
    @Requires(Permission.INSPECTION_MANAGE)
    String score(@PathVariable long id, @PathVariable long unitId, @PathVariable String itemId,
            @RequestParam(required = false) Finding finding, @RequestParam(required = false) String points,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            inspections.recordItem(id, unitId, itemId, finding, parse(points), note);
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id + "/units/" + unitId + "#item-" + itemId;
    }

    @PostMapping("/inspections/{id}/units/{unitId}/deductions/{deductionId}")
    @Requires(Permission.INSPECTION_MANAGE)
    String deduction(@PathVariable long id, @PathVariable long unitId, @PathVariable String deductionId,
            @RequestParam(defaultValue = "0") int occurrences, RedirectAttributes redirect) {
        try {
            inspections.recordDeduction(id, unitId, deductionId, occurrences);
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id + "/units/" + unitId + "#marks";
    }

    @PostMapping("/inspections/{id}/units/{unitId}/vetoes/{vetoId}")
    @Requires(Permission.INSPECTION_MANAGE)
    String veto(@PathVariable long id, @PathVariable long unitId, @PathVariable String vetoId,
            @RequestParam(defaultValue = "false") boolean triggered, RedirectAttributes redirect) {
        try {
            inspections.recordVeto(id, unitId, vetoId, triggered);
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id + "/units/" + unitId + "#marks";
    }

    @PostMapping("/inspections/{id}/units/{unitId}/findings")
    @Requires(Permission.INSPECTION_MANAGE)
    String addFinding(@PathVariable long id, @PathVariable long unitId, @RequestParam(required = false) String itemId,
            @RequestParam(required = false) String problem, @RequestParam(required = false) FindingSeverity severity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(required = false) Long ownerId, RedirectAttributes redirect) {
        try {
            inspections.addFinding(id, unitId, itemId, problem, severity, deadline, ownerId);
            flash.success(redirect, "inspection.finding.added");
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id + "/units/" + unitId + "#findings";
    }

    @PostMapping("/inspections/{id}/findings/{findingId}/remove")
    @Requires(Permission.INSPECTION_MANAGE)
    String removeFinding(@PathVariable long id, @PathVariable long findingId,
            @RequestParam(required = false) Long unitId, RedirectAttributes redirect) {
        try {
            inspections.removeFinding(id, findingId);
            flash.success(redirect, "inspection.finding.removed");
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id + (unitId == null ? "" : "/units/" + unitId) + "#findings";
    }

    @PostMapping("/inspections/{id}/summary")
    @Requires(Permission.BUSINESS_READ)
    Object summary(@PathVariable long id, @RequestParam(required = false) ReportFormat format,
            @RequestParam(required = false) String marking, @RequestParam(required = false) String nextSteps,
            RedirectAttributes redirect) {
        try {
            return InspectionApiController.download(reports.summary(id, format, LocaleContextHolder.getLocale(),
                    marking, nextSteps));
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id + "#summary";
    }

    @PostMapping("/inspections/{id}/summary/texts")
    @Requires(Permission.INSPECTION_MANAGE)
    String reportTexts(@PathVariable long id, @RequestParam(required = false) String marking,
            @RequestParam(required = false) String nextSteps, RedirectAttributes redirect) {
        try {
            inspections.saveReportTexts(id, marking, nextSteps);
            flash.success(redirect, "inspection.report.saved");
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/inspections/" + id + "#summary";
    }

    @GetMapping("/inspections/comparison")
    @Requires(Permission.BUSINESS_READ)
    String comparison(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
            @RequestParam(required = false) String standard, Model model) {
        Comparison c;
        try {
            c = comparison.compare(from, to, standard);
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            model.addAttribute("compareProblem", flash.text(p.code(), p.message(), p.args()));
            c = comparison.compare(null, null, null);
        }
        model.addAttribute("c", c);
        model.addAttribute("labels", this);
        return "inspection/comparison";
    }

    @GetMapping("/inspections/comparison.xlsx")
    @Requires(Permission.BUSINESS_READ)
    ResponseEntity<byte[]> comparisonSheet(@RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, @RequestParam(required = false) String standard) {
        List<String> headers = List.of(flash.text("inspection.compare.unit", "Unit"),
                flash.text("inspection.compare.year", "Year"), flash.text("inspection.compare.source", "Source"),
                flash.text("inspection.compare.score", "Score"), flash.text("inspection.grade", "Grade"));
        var sources = java.util.Map.of("SELF", flash.text("inspection.source.SELF", "Self-assessment"),
                "INSPECTION", flash.text("inspection.source.INSPECTION", "Inspection"));
        var grades = new java.util.HashMap<String, String>();
        for (var g : org.baomi.core.assessment.Grade.values()) {
            grades.put(g.name(), flash.text("assess.grade." + g.name(), g.name()));
        }
        return InspectionApiController.download(comparison.sheet(comparison.compare(from, to, standard), headers,
                sources, grades, english()));
    }

    // ------------------------------------------------------------------ helpers for templates

    private static BigDecimal parse(String points) {
        if (points == null || points.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(points.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of("points", "inspection.notANumber", "Not a number of points.", points);
        }
    }

    public String heat(BigDecimal score) {
        return ComparisonService.Row.heat(score);
    }
}
