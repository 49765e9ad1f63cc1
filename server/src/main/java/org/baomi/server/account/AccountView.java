package org.baomi.server.account;

import java.time.Instant;
import java.util.List;

/**
 * An account as the administration pages and the API show it: never its password hash.
 *
 * @param lockedUntil set only while the lock is still in force
 */
public record AccountView(long id, String username, String displayName, Long personId, String personName,
        boolean active, Instant lockedUntil, boolean mustChangePassword, Instant createdAt, Instant lastLoginAt,
        List<GrantView> grants) {

    /** One role held in one unit, with the unit's name for display. */
    public record GrantView(String role, long unitId, String unitName) {
    }

    public boolean locked() {
        return lockedUntil != null;
    }
}
