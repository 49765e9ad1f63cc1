package org.baomi.server.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.account.AccountAdministration;
import org.baomi.server.account.AccountCreated;
import org.baomi.server.account.AccountView;
import org.baomi.server.account.RoleAssignment;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (system administrator) and their roles (security administrator) over the API. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Accounts, one-time passwords and role grants")
class AccountApiController {

    /** A new account; {@code personId} is optional. */
    record NewAccount(String username, String displayName, Long personId) {
    }

    /** Fields to change; an absent field keeps its value, {@code unlinkPerson} removes the person link. */
    record AccountPatch(String displayName, Long personId, Boolean unlinkPerson) {
    }

    /** The one-time password, in this answer only. */
    record OneTimePassword(long id, String username, String oneTimePassword) {
    }

    record Grant(Role role, Long unitId) {
    }

    record Grants(List<Grant> grants) {
    }

    private final AccountAdministration accounts;
    private final RoleAssignment roles;

    AccountApiController(AccountAdministration accounts, RoleAssignment roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @GetMapping
    @Requires(Permission.ACCOUNT_READ)
    @Operation(summary = "List accounts", description = "Search by user name or display name; status is active, inactive, locked or noroles.")
    List<AccountView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String status) {
        return accounts.search(q, status);
    }

    @PostMapping
    @Requires(Permission.ACCOUNT_MANAGE)
    @Operation(summary = "Create an account", description = "Answers 201 with the one-time password, shown this once; the holder must change it at first login.")
    ResponseEntity<OneTimePassword> create(@RequestBody NewAccount body) {
        AccountCreated created = accounts.create(body.username(), body.displayName(), body.personId());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).cacheControl(CacheControl.noStore())
                .body(new OneTimePassword(created.id(), created.username(), created.oneTimePassword()));
    }

    @GetMapping("/{id}")
    @Requires(Permission.ACCOUNT_READ)
    @Operation(summary = "Read an account")
    AccountView get(@PathVariable long id) {
        return accounts.get(id);
    }

    @PatchMapping("/{id}")
    @Requires(Permission.ACCOUNT_MANAGE)
    @Operation(summary = "Change display name or linked person")
    AccountView patch(@PathVariable long id, @RequestBody AccountPatch body) {
        AccountView current = accounts.get(id);
        String display = body.displayName() != null ? body.displayName() : current.displayName();
        Long person = Boolean.TRUE.equals(body.unlinkPerson()) ? null
                : body.personId() != null ? body.personId() : current.personId();
        return accounts.update(id, display, person);
    }

    @PostMapping("/{id}/deactivate")
    @Requires(Permission.ACCOUNT_MANAGE)
    @Operation(summary = "Deactivate an account", description = "It can no longer log in; nobody deactivates himself.")
    AccountView deactivate(@PathVariable long id, @AuthenticationPrincipal BaomiUser user) {
        return accounts.deactivate(id, user.accountId());
    }

    @PostMapping("/{id}/reactivate")
    @Requires(Permission.ACCOUNT_MANAGE)
    @Operation(summary = "Reactivate an account")
    AccountView reactivate(@PathVariable long id) {
        return accounts.reactivate(id);
    }

    @PostMapping("/{id}/password-reset")
    @Requires(Permission.ACCOUNT_MANAGE)
    @Operation(summary = "Reset the password", description = "Answers a new one-time password, shown this once.")
    ResponseEntity<OneTimePassword> resetPassword(@PathVariable long id) {
        String oneTime = accounts.resetPassword(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new OneTimePassword(id, accounts.get(id).username(), oneTime));
    }

    @GetMapping("/{id}/roles")
    @Requires(Permission.ROLE_ASSIGN)
    @Operation(summary = "The account's role grants")
    Grants grants(@PathVariable long id) {
        return toGrants(roles.grants(id));
    }

    @PutMapping("/{id}/roles")
    @Requires(Permission.ROLE_ASSIGN)
    @Operation(summary = "Replace the account's role grants",
            description = "Officer roles are held on the root unit. 409 when separation of duties forbids the set or you change your own roles; nothing is changed then.")
    Grants assign(@PathVariable long id, @RequestBody Grants body, @AuthenticationPrincipal BaomiUser user) {
        if (body == null || body.grants() == null) {
            throw ValidationException.of("grants", "roles.grantsRequired", "Send the full list of grants (it may be empty).");
        }
        Set<RoleGrant> requested = new java.util.LinkedHashSet<>();
        for (Grant g : body.grants()) {
            if (g.role() == null) {
                throw ValidationException.of("grants", "roles.roleRequired", "Every grant needs a role.");
            }
            long unit = g.role().isOfficer() || g.unitId() == null ? roles.rootUnit() : g.unitId();
            if (unit <= 0) {
                throw ValidationException.of("grants", "roles.unitUnknown", "There is no active unit with id " + unit + ".", unit);
            }
            requested.add(new RoleGrant(g.role(), unit));
        }
        return toGrants(roles.assign(id, requested, user.accountId(), user.getUsername()));
    }

    private static Grants toGrants(Set<RoleGrant> grants) {
        return new Grants(grants.stream().sorted(java.util.Comparator.comparing(RoleGrant::role)
                .thenComparingLong(RoleGrant::unitId)).map(g -> new Grant(g.role(), g.unitId()))
                .collect(Collectors.toList()));
    }
}
