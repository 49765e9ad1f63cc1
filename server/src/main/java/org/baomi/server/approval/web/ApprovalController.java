package org.baomi.server.approval.web;

import org.baomi.core.ChinaTime;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import org.baomi.core.DomainException;
import org.baomi.core.approval.Verdict;
import org.baomi.core.security.Permission;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.approval.ApprovalViews.RequestDetail;
import org.baomi.server.approval.GeneralChain;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.baomi.server.platform.web.NotFoundPage;

/** Approvals for people: what waits for me, what I asked for, one request with its chain. */
@Controller
class ApprovalController implements NotFoundPage {

    static final String LIST_VIEW = "approval/list";
    static final String DETAIL_VIEW = "approval/detail";
    static final String NEW_VIEW = "approval/new";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The general request form. */
    public static final class GeneralForm {
        private String title;
        private String details;
        private GeneralChain chain = GeneralChain.DEPARTMENT_HEAD_THEN_UNIT_HEAD;

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDetails() { return details; }
        public void setDetails(String details) { this.details = details; }
        public GeneralChain getChain() { return chain; }
        public void setChain(GeneralChain chain) { this.chain = chain; }
    }

    /** An approver's decision; {@code version} is the version of the page he decided on. */
    public static final class DecisionForm {
        private Verdict verdict;
        private String comment;
        private Integer version;

        public Verdict getVerdict() { return verdict; }
        public void setVerdict(Verdict verdict) { this.verdict = verdict; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
    }

    private final ApprovalService approvals;
    private final Flash flash;

    ApprovalController(ApprovalService approvals, Flash flash) {
        this.approvals = approvals;
        this.flash = flash;
    }

    @GetMapping("/approvals")
    @Requires(Permission.APPROVAL_REQUEST)
    String list(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) String box, Model model) {
        boolean decides = user.has(Permission.APPROVAL_DECIDE);
        String tab = "mine".equals(box) || !decides ? "mine" : "inbox";
        model.addAttribute("box", tab);
        model.addAttribute("decides", decides);
        model.addAttribute("inboxCount", approvals.inboxCount(user));
        model.addAttribute("requests", "inbox".equals(tab) ? approvals.inbox(user) : approvals.mine(user));
        model.addAttribute("labels", this);
        return LIST_VIEW;
    }

    @GetMapping("/approvals/new")
    @Requires(Permission.APPROVAL_REQUEST)
    String newForm(Model model) {
        model.addAttribute("form", new GeneralForm());
        return newView(model);
    }

    @PostMapping("/approvals")
    @Requires(Permission.APPROVAL_REQUEST)
    String open(@ModelAttribute("form") GeneralForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return newView(model);
        }
        long id;
        try {
            id = approvals.openGeneral(form.getTitle(), form.getDetails(), form.getChain());
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return newView(model);
        }
        flash.success(redirect, "approval.opened");
        return "redirect:/approvals/" + id;
    }

    private String newView(Model model) {
        model.addAttribute("chains", GeneralChain.values());
        return NEW_VIEW;
    }

    @GetMapping("/approvals/{id}")
    @Requires(Permission.BUSINESS_READ)
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("decision", new DecisionForm());
        return detailView(approvals.get(id), model);
    }

    @PostMapping("/approvals/{id}/decision")
    @Requires(Permission.APPROVAL_DECIDE)
    String decide(@PathVariable long id, @ModelAttribute("decision") DecisionForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                approvals.decide(id, form.getVersion(), form.getVerdict(), form.getComment());
                flash.success(redirect, form.getVerdict() == Verdict.APPROVE ? "approval.approved" : "approval.rejected");
                return "redirect:/approvals/" + id;
            } catch (ValidationException e) {
                e.rejectInto(binding);
            } catch (DomainException e) {
                if ("approval.reasonRequired".equals(e.code())) {
                    binding.rejectValue("comment", e.code(), e.args(), e.getMessage());
                } else {
                    flash.error(redirect, e.code(), e.getMessage(), e.args());
                    return "redirect:/approvals/" + id;
                }
            }
        }
        return detailView(approvals.get(id), model);
    }

    @PostMapping("/approvals/{id}/withdraw")
    @Requires(Permission.APPROVAL_REQUEST)
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        try {
            approvals.withdraw(id);
            flash.success(redirect, "approval.withdrawn");
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/approvals/" + id;
    }

    private String detailView(RequestDetail detail, Model model) {
        model.addAttribute("detail", detail);
        model.addAttribute("labels", this);
        return DETAIL_VIEW;
    }

    /** The request type's name, from the bundle of the feature that owns it, else its code. */
    public String type(String type) {
        return flash.text("approval.type." + type, type);
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ChinaTime.ZONE));
    }
}
