package org.baomi.server.carrier;

import org.baomi.core.security.Role;

/**
 * Who approves copying SECRET or CONFIDENTIAL material: the leader in charge (authorised by the
 * unit head) or the unit head. TOP SECRET is always the unit head, who records the originating
 * authority's consent.
 */
public enum CopyChain {
    LEADER_IN_CHARGE(Role.LEADER_IN_CHARGE),
    UNIT_HEAD(Role.UNIT_HEAD);

    private final Role role;

    CopyChain(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
