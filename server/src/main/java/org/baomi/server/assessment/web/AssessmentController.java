package org.baomi.server.assessment.web;

import org.baomi.core.ChinaTime;
import org.baomi.server.platform.web.PageLabels;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.InvalidStandardException;
import org.baomi.core.security.Permission;
import org.baomi.server.assessment.AssessmentService;
import org.baomi.server.assessment.AssessmentService.EvidenceFile;
import org.baomi.server.assessment.AssessmentService.RectificationAct;
import org.baomi.server.assessment.AssessmentViews.AssessmentDetail;
import org.baomi.server.assessment.AssessmentViews.StandardSummary;
import org.baomi.server.assessment.AssessmentViews.RectificationSummary;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-inspection pages: the standards library, assessments (list, open, item entry category by
 * category on a phone, evidence, submit, reopen, history) and rectifications (list, detail, acts).
 */
@Controller
class AssessmentController extends PageLabels {


    private final AssessmentService assessments;
    private final Flash flash;

    AssessmentController(AssessmentService assessments, Flash flash) {
        this.assessments = assessments;
        this.flash = flash;
    }

    // ------------------------------------------------------------------ standards

    @GetMapping("/standards")
    @Requires(Permission.BUSINESS_READ)
    String standards(Model model) {
        model.addAttribute("standards", assessments.standards());
        model.addAttribute("labels", this);
        return "assessment/standards";
    }

    @GetMapping("/standards/{id}")
    @Requires(Permission.BUSINESS_READ)
    String standard(@PathVariable long id, Model model) {
        model.addAttribute("detail", assessments.standard(id));
        model.addAttribute("labels", this);
        return "assessment/standard";
    }

    @PostMapping("/standards")
    @Requires(Permission.APPROVAL_REQUEST)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        try {
            long id = assessments.importFile(file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            flash.success(redirect, "assessment.standard.imported");
            return "redirect:/standards/" + id;
        } catch (InvalidStandardException e) {
            model.addAttribute("problems", e.problems().stream()
                    .map(p -> flash.text(p.code(), p.english(), p.args().toArray()) + " — " + p.english()).toList());
        } catch (ValidationException e) {
            model.addAttribute("problems", e.problems().stream()
                    .map(p -> flash.text(p.code(), p.message(), p.args())).toList());
        } catch (DomainException e) {
            model.addAttribute("problems", List.of(flash.text(e.code(), e.getMessage(), e.args())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return standards(model);
    }

    // ------------------------------------------------------------------ assessments

    @GetMapping("/assessments")
    @Requires(Permission.BUSINESS_READ)
    String list(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String status, Model model) {
        model.addAttribute("assessments", assessments.list(year, status == null || status.isBlank() ? null : status));
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("canOpen", user.has(Permission.APPROVAL_REQUEST));
        if (user.has(Permission.APPROVAL_REQUEST)) {
            // the unit standards first, newest version first: what an officer opens most is preselected
            model.addAttribute("standards", assessments.standards().stream()
                    .sorted(java.util.Comparator.comparing((StandardSummary s) -> !"UNIT".equals(s.level()))
                            .thenComparing(StandardSummary::code)
                            .thenComparing(StandardSummary::version, java.util.Comparator.reverseOrder()))
                    .toList());
            model.addAttribute("units", assessments.unitChoices());
            model.addAttribute("departments", assessments.departmentChoices());
            model.addAttribute("thisYear", ChinaTime.today().getYear());
        }
        model.addAttribute("labels", this);
        return "assessment/list";
    }

    @PostMapping("/assessments")
    @Requires(Permission.APPROVAL_REQUEST)
    String open(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long standardId,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) Integer year, Model model, RedirectAttributes redirect) {
        try {
            if (standardId == null || unitId == null || year == null) {
                throw ValidationException.of(standardId == null ? "standardId" : unitId == null ? "unitId" : "year",
                        "assess.fieldRequired", "Fill in this field.");
            }
            long id = assessments.open(standardId, unitId, departmentId, null, year);
            flash.success(redirect, "assess.opened");
            return "redirect:/assessments/" + id;
        } catch (ValidationException e) {
            model.addAttribute("openProblems", e.problems().stream()
                    .map(p -> flash.text(p.code(), p.message(), p.args())).toList());
        }
        return list(user, null, null, model);
    }

    @GetMapping("/assessments/{id}")
    @Requires(Permission.BUSINESS_READ)
    String detail(@PathVariable long id, @RequestParam(required = false) String category, Model model) {
        AssessmentDetail detail = assessments.get(id);
        String current = category;
        if (current == null || detail.categories().stream().noneMatch(c -> c.id().equals(category))) {
            current = detail.categories().isEmpty() ? "" : detail.categories().get(0).id();
        }
        String selected = current;
        model.addAttribute("detail", detail);
        model.addAttribute("category", detail.categories().stream().filter(c -> c.id().equals(selected)).findFirst()
                .orElse(null));
        model.addAttribute("findings", Finding.values());
        model.addAttribute("labels", this);
        model.addAttribute("acceptable", detail.canEdit() ? detail.categories().stream()
                .flatMap(c -> c.items().stream())
                .filter(i -> i.result() == null && AssessmentService.decisive(i.suggestion()) != null).count() : 0L);
        model.addAttribute("owners", assessments.ownerChoices(detail.summary().unitId()));
        model.addAttribute("back", "/assessments/" + id + "#assessment-rectifications");
        List<String> previous = detail.categories().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.previous() != null).map(i -> i.previous().status()).toList();
        model.addAttribute("previousTotal", previous.size());
        model.addAttribute("previousVerified", previous.stream().filter("VERIFIED"::equals).count());
        return "assessment/detail";
    }

    @PostMapping("/assessments/{id}/suggestions/accept")
    @Requires(Permission.APPROVAL_REQUEST)
    String acceptSuggestions(@PathVariable long id, RedirectAttributes redirect) {
        try {
            List<String> filled = assessments.acceptSuggestions(id);
            flash.success(redirect, filled.isEmpty() ? "assess.suggest.noneAccepted" : "assess.suggest.accepted",
                    filled.size(), String.join(", ", filled));
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/assessments/" + id;
    }

    @PostMapping("/assessments/{id}/items/{itemId}")
    @Requires(Permission.APPROVAL_REQUEST)
    String score(@PathVariable long id, @PathVariable String itemId, @RequestParam(required = false) Finding finding,
            @RequestParam(required = false) String points, @RequestParam(required = false) String note,
            @RequestParam(required = false) String category, RedirectAttributes redirect) {
        try {
            assessments.recordItem(id, itemId, finding, parse(points), note);
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
            // shown beside the item's note field as well as at the top of the page
            redirect.addFlashAttribute("itemProblem", new ItemProblem(itemId, p.field(),
                    flash.text(p.code(), p.message(), p.args())));
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return back(id, category, itemId);
    }

    @PostMapping("/assessments/{id}/deductions/{deductionId}")
    @Requires(Permission.APPROVAL_REQUEST)
    String deduction(@PathVariable long id, @PathVariable String deductionId,
            @RequestParam(defaultValue = "0") int occurrences, RedirectAttributes redirect) {
        try {
            assessments.recordDeduction(id, deductionId, occurrences);
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/assessments/" + id + "#marks";
    }

    @PostMapping("/assessments/{id}/vetoes/{vetoId}")
    @Requires(Permission.APPROVAL_REQUEST)
    String veto(@PathVariable long id, @PathVariable String vetoId, @RequestParam(defaultValue = "false") boolean triggered,
            RedirectAttributes redirect) {
        try {
            assessments.recordVeto(id, vetoId, triggered);
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/assessments/" + id + "#marks";
    }

    @PostMapping("/assessments/{id}/items/{itemId}/evidence")
    @Requires(Permission.APPROVAL_REQUEST)
    String attach(@PathVariable long id, @PathVariable String itemId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String category, RedirectAttributes redirect) throws IOException {
        try {
            assessments.attach(id, itemId, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
            flash.success(redirect, "assess.evidence.added");
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return back(id, category, itemId);
    }

    @GetMapping("/assessments/{id}/evidence/{evidenceId}")
    @Requires(Permission.BUSINESS_READ)
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        EvidenceFile f = assessments.evidenceFile(id, evidenceId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.evidence().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", f.evidence().sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(f.content());
    }

    @PostMapping("/assessments/{id}/submit")
    @Requires(Permission.APPROVAL_REQUEST)
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        try {
            assessments.submit(id);
            flash.success(redirect, "assess.submitted");
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/assessments/" + id;
    }

    @PostMapping("/assessments/{id}/reopen")
    @Requires(Permission.APPROVAL_REQUEST)
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            assessments.reopen(id, reason);
            flash.success(redirect, "assess.reopened");
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/assessments/" + id;
    }

    /** A field problem of one item's result, shown beside that item's field. */
    public record ItemProblem(String itemId, String field, String text) implements java.io.Serializable {
    }

    private static String back(long id, String category, String itemId) {
        return "redirect:/assessments/" + id + (category == null || category.isBlank() ? "" : "?category="
                + java.net.URLEncoder.encode(category, java.nio.charset.StandardCharsets.UTF_8)) + "#item-" + itemId;
    }

    private static BigDecimal parse(String points) {
        if (points == null || points.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(points.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of("points", "assessment.notANumber", "Not a number of points.", points);
        }
    }

    // ------------------------------------------------------------------ rectifications

    @GetMapping("/rectifications")
    @Requires(Permission.BUSINESS_READ)
    String rectifications(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("rectifications", assessments.rectifications(status, overdue));
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("labels", this);
        return "assessment/rectifications";
    }

    @GetMapping("/rectifications/{id}")
    @Requires(Permission.BUSINESS_READ)
    String rectification(@PathVariable long id, Model model) {
        var detail = assessments.rectification(id);
        model.addAttribute("detail", detail);
        model.addAttribute("labels", this);
        model.addAttribute("owners", assessments.ownerChoices(detail.summary().unitId()));
        model.addAttribute("back", "/rectifications/" + id);
        return "assessment/rectification";
    }

    /**
     * Assigns owner, measures and deadline (the secrecy officer, while open or in progress). htmx swaps the
     * row in place, with the problems beside the fields or a saved mark; without htmx, back to the page.
     */
    @PostMapping("/rectifications/{id}/plan")
    @Requires(Permission.CARRIER_HANDLE)
    String plan(@PathVariable long id, @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) String measures, @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String back,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        List<String> problems = new java.util.ArrayList<>();
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        try {
            assessments.replan(id, ownerId, measures, date(deadline));
        } catch (ValidationException e) {
            e.problems().forEach(p -> {
                String text = flash.text(p.code(), p.message(), p.args());
                problems.add(text);
                byField.putIfAbsent(p.field(), text);
            });
        } catch (DomainException e) {
            problems.add(flash.text(e.code(), e.getMessage(), e.args()));
            byField.put("form", problems.get(0));
        }
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/rectifications/" + id;
        if (htmx == null) {
            if (problems.isEmpty()) {
                flash.success(redirect, "assess.rect.planSaved");
            } else {
                redirect.addFlashAttribute("flashError", String.join(" ", problems));
            }
            return "redirect:" + target;
        }
        var r = assessments.rectificationSummary(id);
        model.addAttribute("r", problems.isEmpty() ? r : new RectificationSummary(r.id(), r.assessmentId(), r.itemId(),
                r.unitId(), r.unitName(), r.problem(), ownerId == null ? r.ownerId() : ownerId, r.ownerName(),
                measures == null ? r.measures() : measures, r.deadline(), r.status(), r.overdue(), r.year(),
                r.inspectionId(), r.inspectionTitle()));
        model.addAttribute("typedDeadline", problems.isEmpty() ? null : deadline);
        model.addAttribute("owners", assessments.ownerChoices(r.unitId()));
        model.addAttribute("back", target);
        model.addAttribute("planErrors", byField);
        model.addAttribute("planSaved", problems.isEmpty());
        return "assessment/rectification-plan :: row";
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of("deadline", "assess.rect.deadlineInvalid", "Give the date as YYYY-MM-DD.", text);
        }
    }

    @PostMapping("/rectifications/{id}/act")
    @Requires(Permission.CARRIER_HANDLE)
    String act(@PathVariable long id, @RequestParam RectificationAct act, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            assessments.act(id, act, note);
            flash.success(redirect, "assess.rectification.done." + act.name());
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/rectifications/" + id;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
        return "error";
    }

    // ------------------------------------------------------------------ helpers for templates

    public String kind(Object event) {
        return event.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }
}
