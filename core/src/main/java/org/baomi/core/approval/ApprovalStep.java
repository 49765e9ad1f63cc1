package org.baomi.core.approval;

import java.util.Objects;
import org.baomi.core.security.Role;

/**
 * One step of an approval chain: someone holding {@code role} in unit {@code unitId} decides. A step
 * may also name a department: then only a holder of the role who belongs to that department decides
 * (a department head approves his own department's requests, not another department's).
 *
 * @param departmentId the department the approver must belong to, or null for any in the unit
 */
public record ApprovalStep(Role role, long unitId, Long departmentId) {
    public ApprovalStep {
        Objects.requireNonNull(role, "role");
        if (role.isOfficer()) {
            throw new IllegalArgumentException("officer roles do not approve business requests: " + role);
        }
    }

    /** A step anyone holding {@code role} in the unit may decide. */
    public ApprovalStep(Role role, long unitId) {
        this(role, unitId, null);
    }
}
