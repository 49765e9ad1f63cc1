package org.baomi.core.approval;

import java.util.Set;
import org.baomi.core.security.RoleGrant;

/**
 * Someone who may decide approval steps: his role grants and the department his person belongs to
 * (null when he belongs to none), which a department-bound step requires.
 */
public record Approver(long accountId, Set<RoleGrant> grants, Long departmentId) {
    public Approver {
        grants = Set.copyOf(grants);
    }

    /** An approver known by his grants alone; he can decide no department-bound step. */
    public Approver(long accountId, Set<RoleGrant> grants) {
        this(accountId, grants, null);
    }

    public boolean holds(ApprovalStep step) {
        return grants.contains(new RoleGrant(step.role(), step.unitId()))
                && (step.departmentId() == null || step.departmentId().equals(departmentId));
    }
}
