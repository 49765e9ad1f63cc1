package org.baomi.server.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.core.security.Permission;
import org.baomi.server.policy.PolicyService;
import org.baomi.server.policy.PolicySettings;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The password and lockout policy over the API (security administrator). */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(name = "Security policy", description = "Password length, classes, maximum age, history; lockout")
class PolicyApiController {

    private final PolicyService policy;

    PolicyApiController(PolicyService policy) {
        this.policy = policy;
    }

    @GetMapping
    @Requires(Permission.POLICY_MANAGE)
    @Operation(summary = "The policy in force")
    PolicySettings get() {
        return policy.current();
    }

    @PutMapping
    @Requires(Permission.POLICY_MANAGE)
    @Operation(summary = "Replace the policy", description = "All six values are required: minLength 8-128, minClasses 1-4, maxAgeDays 1-365, history 0-24, maxFailures 1-20, lockMinutes 1-1440.")
    PolicySettings put(@RequestBody PolicySettings body, @AuthenticationPrincipal BaomiUser user) {
        return policy.update(body, user.getUsername());
    }
}
