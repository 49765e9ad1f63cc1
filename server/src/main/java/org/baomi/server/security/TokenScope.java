package org.baomi.server.security;

import static org.baomi.core.security.Permission.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.baomi.core.security.Permission;

/**
 * What an API token may be used for. A token acts for its account, and only within the
 * permissions both its scopes and that account's roles grant.
 */
public enum TokenScope {
    ORG_READ("org:read", EnumSet.of(Permission.ORG_READ)),
    ORG_WRITE("org:write", EnumSet.of(Permission.ORG_READ, PERSON_MANAGE)),
    BUSINESS_READ("business:read", EnumSet.of(Permission.BUSINESS_READ)),
    APPROVALS("approvals", EnumSet.of(APPROVAL_REQUEST, APPROVAL_DECIDE, Permission.BUSINESS_READ)),
    CARRIERS_WRITE("carriers:write", EnumSet.of(CARRIER_MANAGE, CARRIER_HANDLE, Permission.BUSINESS_READ)),
    DEVICES_WRITE("devices:write", EnumSet.of(DEVICE_MANAGE, Permission.BUSINESS_READ)),
    INSPECTIONS_WRITE("inspections:write", EnumSet.of(INSPECTION_MANAGE, Permission.BUSINESS_READ));

    private final String code;
    private final Set<Permission> permissions;

    TokenScope(String code, Set<Permission> permissions) {
        this.code = code;
        this.permissions = permissions;
    }

    public String code() {
        return code;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public static Optional<TokenScope> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
