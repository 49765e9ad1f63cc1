package org.baomi.server.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.core.DomainException;
import org.baomi.core.security.Permission;
import org.baomi.server.account.AccountAdministration;
import org.baomi.server.account.AccountCreated;
import org.baomi.server.account.AccountView;
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

/** The account pages: the system administrator manages accounts, the security administrator reads them. */
@Controller
class AccountController {

    /** Create and edit form. */
    public static final class AccountForm {
        private String username;
        private String displayName;
        private Long personId;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
    }

    private final AccountAdministration accounts;
    private final Flash flash;

    AccountController(AccountAdministration accounts, Flash flash) {
        this.accounts = accounts;
        this.flash = flash;
    }

    @GetMapping("/accounts")
    @Requires(Permission.ACCOUNT_READ)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status, Model model) {
        model.addAttribute("accounts", accounts.search(q, status));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        return "account/list";
    }

    @GetMapping("/accounts/people")
    @Requires(Permission.ACCOUNT_MANAGE)
    String people(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("people", accounts.people(q));
        model.addAttribute("q", q);
        return "account/people :: choices";
    }

    @GetMapping("/accounts/new")
    @Requires(Permission.ACCOUNT_MANAGE)
    String newForm(Model model) {
        model.addAttribute("form", new AccountForm());
        return "account/new";
    }

    @PostMapping("/accounts/new")
    @Requires(Permission.ACCOUNT_MANAGE)
    String create(@ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            return "account/new";
        }
        AccountCreated created;
        try {
            created = accounts.create(form.getUsername(), form.getDisplayName(), form.getPersonId());
        } catch (ValidationException e) {
            e.rejectInto(binding);
            model.addAttribute("linked", form.getPersonId() == null ? null : accounts.person(form.getPersonId()).orElse(null));
            return "account/new";
        }
        return oneTime(model, response, accounts.get(created.id()), created.oneTimePassword(), "created");
    }

    @GetMapping("/accounts/{id}")
    @Requires(Permission.ACCOUNT_READ)
    String detail(@PathVariable long id, Model model) {
        AccountView account = accounts.get(id);
        AccountForm form = new AccountForm();
        form.setUsername(account.username());
        form.setDisplayName(account.displayName());
        form.setPersonId(account.personId());
        model.addAttribute("form", form);
        return detailView(account, model);
    }

    @PostMapping("/accounts/{id}")
    @Requires(Permission.ACCOUNT_MANAGE)
    String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                accounts.update(id, form.getDisplayName(), form.getPersonId());
                flash.success(redirect, "account.updated");
                return "redirect:/accounts/" + id;
            } catch (ValidationException e) {
                e.rejectInto(binding);
            }
        }
        return detailView(accounts.get(id), model);
    }

    @PostMapping("/accounts/{id}/deactivate")
    @Requires(Permission.ACCOUNT_MANAGE)
    String deactivate(@PathVariable long id, @AuthenticationPrincipal BaomiUser user, RedirectAttributes redirect) {
        try {
            accounts.deactivate(id, user.accountId());
            flash.success(redirect, "account.deactivated");
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/reactivate")
    @Requires(Permission.ACCOUNT_MANAGE)
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            accounts.reactivate(id);
            flash.success(redirect, "account.reactivated");
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/password-reset")
    @Requires(Permission.ACCOUNT_MANAGE)
    String resetPassword(@PathVariable long id, Model model, HttpServletResponse response) {
        String oneTime = accounts.resetPassword(id);
        return oneTime(model, response, accounts.get(id), oneTime, "reset");
    }

    private String detailView(AccountView account, Model model) {
        model.addAttribute("account", account);
        return "account/detail";
    }

    /** The one-time password is rendered in the POST's answer and never stored in a session or cache. */
    private static String oneTime(Model model, HttpServletResponse response, AccountView account, String password,
            String kind) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("account", account);
        model.addAttribute("oneTimePassword", password);
        model.addAttribute("kind", kind);
        return "account/one-time";
    }

}
