package org.baomi.core.approval;

import java.util.Set;
import org.baomi.core.security.RoleGrant;

/** The account deciding, with the roles it holds and in which units. */
public record Approver(long accountId, Set<RoleGrant> grants) {
    public Approver {
        grants = Set.copyOf(grants);
    }

    public boolean holds(ApprovalStep step) {
        return grants.contains(new RoleGrant(step.role(), step.unitId()));
    }
}
