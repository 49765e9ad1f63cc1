package org.baomi.server.account.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.account.AccountAdministration;
import org.baomi.server.account.RoleAssignment;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's role page for one account: keep or drop each current grant and
 * add one role in one unit per submission. A refusal (separation of duties) shows above the form
 * and changes nothing.
 */
@Controller
class RoleController {

    private final RoleAssignment roles;
    private final AccountAdministration accounts;
    private final Flash flash;

    RoleController(RoleAssignment roles, AccountAdministration accounts, Flash flash) {
        this.roles = roles;
        this.accounts = accounts;
        this.flash = flash;
    }

    @GetMapping("/accounts/{id}/roles")
    @Requires(Permission.ROLE_ASSIGN)
    String form(@PathVariable long id, @AuthenticationPrincipal BaomiUser user, Model model) {
        return view(id, user, model);
    }

    @PostMapping("/accounts/{id}/roles")
    @Requires(Permission.ROLE_ASSIGN)
    String assign(@PathVariable long id, @RequestParam(name = "keep", required = false) List<String> keep,
            @RequestParam(name = "addRole", required = false) String addRole,
            @RequestParam(name = "addUnit", required = false) Long addUnit, @AuthenticationPrincipal BaomiUser user,
            Model model, RedirectAttributes redirect) {
        Set<RoleGrant> requested = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        try {
            for (String k : keep == null ? List.<String>of() : keep) {
                requested.add(parse(k));
            }
            if (addRole != null && !addRole.isBlank()) {
                Role role = Role.valueOf(addRole);
                long unit = role.isOfficer() || addUnit == null ? roles.rootUnit() : addUnit;
                requested.add(new RoleGrant(role, unit));
            }
            roles.assign(id, requested, user.accountId(), user.getUsername());
            flash.success(redirect, "roles.saved");
            return "redirect:/accounts/" + id + "/roles";
        } catch (DomainException e) {
            errors.add(flash.text(e.code(), e.getMessage(), e.args()));
        } catch (ValidationException e) {
            e.problems().forEach(p -> errors.add(flash.text(p.code(), p.message(), p.args())));
        } catch (IllegalArgumentException e) {
            errors.add(flash.text("roles.unknown", "An unknown role or unit was chosen."));
        }
        model.addAttribute("errors", errors);
        return view(id, user, model);
    }

    private String view(long id, BaomiUser user, Model model) {
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("units", roles.units());
        model.addAttribute("roles", Role.values());
        model.addAttribute("self", id == user.accountId());
        return "account/roles";
    }

    /** {@code ROLE@unitId}, as the page writes each kept grant. */
    private static RoleGrant parse(String value) {
        int at = value.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException(value);
        }
        return new RoleGrant(Role.valueOf(value.substring(0, at)), Long.parseLong(value.substring(at + 1)));
    }
}
