package org.baomi.server.token.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.security.Permission;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.baomi.server.security.TokenScope;
import org.baomi.server.token.IssuedToken;
import org.baomi.server.token.TokenService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's API token page: list, issue (shown once), revoke. */
@Controller
class TokenController {

    /** The issue form. */
    public static final class TokenForm {
        private Long accountId;
        private String name;
        private List<String> scopes = new ArrayList<>();
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate expiresOn;

        public Long getAccountId() { return accountId; }
        public void setAccountId(Long accountId) { this.accountId = accountId; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public List<String> getScopes() { return scopes; }
        public void setScopes(List<String> scopes) { this.scopes = scopes; }
        public LocalDate getExpiresOn() { return expiresOn; }
        public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
    }

    private final TokenService tokens;
    private final Flash flash;

    TokenController(TokenService tokens, Flash flash) {
        this.tokens = tokens;
        this.flash = flash;
    }

    @GetMapping("/tokens")
    @Requires(Permission.TOKEN_MANAGE)
    String list(Model model) {
        model.addAttribute("form", new TokenForm());
        return view(model);
    }

    @PostMapping("/tokens")
    @Requires(Permission.TOKEN_MANAGE)
    String issue(@ModelAttribute("form") TokenForm form, BindingResult binding, @AuthenticationPrincipal BaomiUser user,
            Model model, HttpServletResponse response) {
        if (binding.hasErrors()) {
            return view(model);
        }
        IssuedToken issued;
        try {
            issued = tokens.issue(form.getAccountId(), form.getName(), TokenService.parseScopes(form.getScopes()),
                    form.getExpiresOn(), user.getUsername());
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return view(model);
        }
        // Rendered in the POST's answer only: the token never passes through a session or a cache.
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued);
        model.addAttribute("token", tokens.get(issued.id()));
        return "token/issued";
    }

    @PostMapping("/tokens/{id}/revoke")
    @Requires(Permission.TOKEN_MANAGE)
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            var token = tokens.revoke(id);
            flash.success(redirect, "token.revoked", token.prefix());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/tokens";
    }

    private String view(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("accounts", tokens.eligibleAccounts());
        model.addAttribute("scopes", TokenScope.values());
        return "token/list";
    }
}
