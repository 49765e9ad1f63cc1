package org.baomi.server.account.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.baomi.core.security.Permission;
import org.baomi.server.account.AccountSelfService;
import org.baomi.server.account.PasswordService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Public;
import org.baomi.server.security.Requires;
import org.baomi.server.security.SecurityPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own password and language. */
@Controller
class SelfServiceController {

    static final String PASSWORD_VIEW = "account/password";

    /** The password form; never echoed back. */
    public static final class PasswordForm {
        private String current;
        private String next;
        private String repeat;

        public String getCurrent() { return current; }
        public void setCurrent(String current) { this.current = current; }
        public String getNext() { return next; }
        public void setNext(String next) { this.next = next; }
        public String getRepeat() { return repeat; }
        public void setRepeat(String repeat) { this.repeat = repeat; }
    }

    private final PasswordService passwords;
    private final AccountSelfService self;
    private final SecurityPolicy policy;
    private final LocaleResolver localeResolver;
    private final Flash flash;

    SelfServiceController(PasswordService passwords, AccountSelfService self, SecurityPolicy policy,
            LocaleResolver localeResolver, Flash flash) {
        this.passwords = passwords;
        this.self = self;
        this.policy = policy;
        this.localeResolver = localeResolver;
        this.flash = flash;
    }

    @GetMapping("/account/password")
    @Requires(Permission.SELF_SERVICE)
    String passwordForm(@AuthenticationPrincipal BaomiUser user, Model model) {
        model.addAttribute("form", new PasswordForm());
        return passwordView(user, model);
    }

    @PostMapping("/account/password")
    @Requires(Permission.SELF_SERVICE)
    String changePassword(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") PasswordForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            passwords.change(user.accountId(), form.getCurrent(), form.getNext(), form.getRepeat());
        } catch (ValidationException e) {
            e.rejectInto(binding);
            form.setCurrent(null);
            form.setNext(null);
            form.setRepeat(null);
            return passwordView(user, model);
        }
        flash.success(redirect, "password.changed");
        return "redirect:/";
    }

    private String passwordView(BaomiUser user, Model model) {
        model.addAttribute("required", user.passwordChangeRequired());
        model.addAttribute("policy", policy.password());
        return PASSWORD_VIEW;
    }

    @PostMapping("/locale")
    @Requires(Permission.SELF_SERVICE)
    String switchLanguage(@AuthenticationPrincipal BaomiUser user, @RequestParam String lang,
            @RequestHeader(value = "Referer", required = false) String referer, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        Locale locale = "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        self.changeLocale(user.accountId(), locale.toLanguageTag());
        localeResolver.setLocale(request, response, locale);
        return "redirect:" + safeReturn(referer, request);
    }

    /** Only ever back to a page of this site. */
    private static String safeReturn(String referer, HttpServletRequest request) {
        if (referer == null) {
            return "/";
        }
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String self = request.getScheme() + "://" + request.getServerName();
        for (String prefix : new String[] {base, self}) {
            if (referer.startsWith(prefix + "/")) {
                String path = referer.substring(prefix.length());
                return path.startsWith("//") ? "/" : path;
            }
        }
        return "/";
    }
}
