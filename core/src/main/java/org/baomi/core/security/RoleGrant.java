package org.baomi.core.security;

import java.util.Objects;

/**
 * A role held in a unit's scope. Officer roles are system-wide and carry the root unit's id.
 */
public record RoleGrant(Role role, long unitId) implements java.io.Serializable {
    public RoleGrant {
        Objects.requireNonNull(role, "role");
        if (unitId <= 0) {
            throw new IllegalArgumentException("unitId must be positive");
        }
    }
}
