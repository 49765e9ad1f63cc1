package org.baomi.server.policy.web;

import org.baomi.core.security.Permission;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.policy.PolicyService;
import org.baomi.server.policy.PolicySettings;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's password and lockout policy page. */
@Controller
class PolicyController {

    /** The policy form; a non-number is reported beside its field as a binding error. */
    public static final class PolicyForm {
        private Integer minLength;
        private Integer minClasses;
        private Integer maxAgeDays;
        private Integer history;
        private Integer maxFailures;
        private Integer lockMinutes;

        static PolicyForm of(PolicySettings s) {
            PolicyForm f = new PolicyForm();
            f.minLength = s.minLength();
            f.minClasses = s.minClasses();
            f.maxAgeDays = s.maxAgeDays();
            f.history = s.history();
            f.maxFailures = s.maxFailures();
            f.lockMinutes = s.lockMinutes();
            return f;
        }

        PolicySettings toSettings() {
            return new PolicySettings(minLength, minClasses, maxAgeDays, history, maxFailures, lockMinutes);
        }

        public Integer getMinLength() { return minLength; }
        public void setMinLength(Integer minLength) { this.minLength = minLength; }
        public Integer getMinClasses() { return minClasses; }
        public void setMinClasses(Integer minClasses) { this.minClasses = minClasses; }
        public Integer getMaxAgeDays() { return maxAgeDays; }
        public void setMaxAgeDays(Integer maxAgeDays) { this.maxAgeDays = maxAgeDays; }
        public Integer getHistory() { return history; }
        public void setHistory(Integer history) { this.history = history; }
        public Integer getMaxFailures() { return maxFailures; }
        public void setMaxFailures(Integer maxFailures) { this.maxFailures = maxFailures; }
        public Integer getLockMinutes() { return lockMinutes; }
        public void setLockMinutes(Integer lockMinutes) { this.lockMinutes = lockMinutes; }
    }

    private final PolicyService policy;
    private final Flash flash;

    PolicyController(PolicyService policy, Flash flash) {
        this.policy = policy;
        this.flash = flash;
    }

    @GetMapping("/policy")
    @Requires(Permission.POLICY_MANAGE)
    String form(Model model) {
        model.addAttribute("form", PolicyForm.of(policy.current()));
        return "policy/form";
    }

    @PostMapping("/policy")
    @Requires(Permission.POLICY_MANAGE)
    String update(@ModelAttribute("form") PolicyForm form, BindingResult binding, @AuthenticationPrincipal BaomiUser user,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // Report the other fields' problems too, so one round trip shows everything to fix.
            for (var p : policy.problems(form.toSettings())) {
                if (!binding.hasFieldErrors(p.field())) {
                    binding.rejectValue(p.field(), p.code(), p.args(), p.message());
                }
            }
            return "policy/form";
        }
        try {
            policy.update(form.toSettings(), user.getUsername());
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return "policy/form";
        }
        flash.success(redirect, "policy.saved");
        return "redirect:/policy";
    }
}
