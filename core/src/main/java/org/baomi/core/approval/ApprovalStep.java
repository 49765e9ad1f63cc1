package org.baomi.core.approval;

import java.util.Objects;
import org.baomi.core.security.Role;

/** One step of an approval chain: someone holding {@code role} in unit {@code unitId} decides. */
public record ApprovalStep(Role role, long unitId) {
    public ApprovalStep {
        Objects.requireNonNull(role, "role");
        if (role.isOfficer()) {
            throw new IllegalArgumentException("officer roles do not approve business requests: " + role);
        }
    }
}
