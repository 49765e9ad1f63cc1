package org.baomi.server.token;

import org.baomi.core.security.Permission;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints guarded by the permissions token scopes grant, so the bearer filter can be
 * tested end to end before the organisation and business APIs exist in this branch.
 */
@RestController
class TokenProbeController {

    @GetMapping("/api/v1/test-probe/org")
    @Requires(Permission.ORG_READ)
    String org(@AuthenticationPrincipal BaomiUser user) {
        return user.getUsername();
    }

    @GetMapping("/api/v1/test-probe/business")
    @Requires(Permission.BUSINESS_READ)
    String business(@AuthenticationPrincipal BaomiUser user) {
        return user.getUsername();
    }

    @GetMapping("/api/v1/test-probe/approvals")
    @Requires(Permission.APPROVAL_REQUEST)
    String approvals(@AuthenticationPrincipal BaomiUser user) {
        return user.getUsername();
    }
}
