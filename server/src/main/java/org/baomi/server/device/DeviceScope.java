package org.baomi.server.device;

import java.util.Set;
import org.baomi.core.security.Permission;
import org.baomi.core.security.RoleGrant;
import org.baomi.core.security.RolePermissions;
import org.baomi.server.org.OrgScope;
import org.baomi.server.security.BaomiUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read and keep which units' device ledger. Reading needs {@link Permission#BUSINESS_READ}
 * and covers the units a business role is held in and every unit below (an inspector reads his
 * subordinate units); keeping needs {@link Permission#DEVICE_MANAGE} in the unit or one above it.
 * A record outside the read scope does not exist for the caller (404); one he may read but not
 * keep is refused (403).
 */
@Component
class DeviceScope {

    private final OrgScope org;

    DeviceScope(OrgScope org) {
        this.org = org;
    }

    static BaomiUser user() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("no signed-in user");
        }
        return user;
    }

    Set<Long> readable(BaomiUser user) {
        return user.has(Permission.BUSINESS_READ) ? org.visibleUnitIds(user) : Set.of();
    }

    Set<Long> readable() {
        return readable(user());
    }

    Set<Long> manageable(BaomiUser user) {
        if (!user.has(Permission.DEVICE_MANAGE)) {
            return Set.of();
        }
        return org.selfAndDescendants(user.grants().stream()
                .filter(g -> RolePermissions.of(g.role()).contains(Permission.DEVICE_MANAGE))
                .map(RoleGrant::unitId).toList());
    }

    /**
     * Whether {@code user} may keep {@code unitId}'s ledger: the one rule every write applies
     * ({@link #requireManage}), for pages to offer only acts that would succeed.
     */
    boolean mayManage(BaomiUser user, long unitId) {
        return readable(user).contains(unitId) && manageable(user).contains(unitId);
    }

    /** {@link #mayManage(BaomiUser, long)} for the signed-in user; false when no one is signed in. */
    boolean mayManage(long unitId) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof BaomiUser user && mayManage(user, unitId);
    }

    /** Throws 404 unless the signed-in user may read {@code unitId}'s ledger. */
    void requireRead(long unitId, NotFound notFound) {
        if (!readable().contains(unitId)) {
            throw notFound.get();
        }
    }

    /** Throws 404 outside the read scope, 403 where the user may read but not keep the ledger. */
    void requireManage(long unitId, NotFound notFound) {
        BaomiUser user = user();
        if (!readable(user).contains(unitId)) {
            throw notFound.get();
        }
        if (!mayManage(user, unitId)) {
            throw new AccessDeniedException("the user does not keep the device ledger of unit " + unitId);
        }
    }

    @FunctionalInterface
    interface NotFound {
        RuntimeException get();
    }
}
