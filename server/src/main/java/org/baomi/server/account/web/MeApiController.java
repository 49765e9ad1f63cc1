package org.baomi.server.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.server.account.PasswordService;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's own account. Requires {@link Permission#SELF_SERVICE}, which no token
 * scope grants: a machine client with an API token gets 403 here, by design.
 */
@RestController
@Tag(name = "Me", description = "The signed-in account (session only; API tokens are refused)")
class MeApiController {

    record Grant(Role role, long unitId) {
    }

    record Me(long id, String username, String displayName, Long personId, Long unitId, List<Grant> roles,
            Set<Permission> permissions, boolean passwordChangeRequired, String locale) {
    }

    record PasswordChange(String current, String next, String repeat) {
    }

    private final PasswordService passwords;

    MeApiController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/api/v1/me")
    @Requires(Permission.SELF_SERVICE)
    @Operation(summary = "My account, roles and permissions")
    Me me(@AuthenticationPrincipal BaomiUser user) {
        return new Me(user.accountId(), user.getUsername(), user.displayName(), user.personId(), user.unitId(),
                user.grants().stream().sorted(java.util.Comparator.comparing(g -> g.role()))
                        .map(g -> new Grant(g.role(), g.unitId())).toList(),
                user.permissions(), user.passwordChangeRequired(), user.locale());
    }

    @PostMapping("/api/v1/me/password")
    @Requires(Permission.SELF_SERVICE)
    @Operation(summary = "Change my password", description = "400 names each field that breaks the policy; nothing changes then.")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal BaomiUser user, @RequestBody PasswordChange body) {
        passwords.change(user.accountId(), body.current(), body.next(), body.repeat());
        return ResponseEntity.noContent().build();
    }
}
