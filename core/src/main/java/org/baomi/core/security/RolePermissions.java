package org.baomi.core.security;

import static org.baomi.core.security.Permission.*;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which permissions each role grants. The three officers get only what their duty needs: the
 * system administrator no business data and no role assignment, the security administrator no
 * account creation, the auditor only the audit log.
 */
public final class RolePermissions {

    private static final Map<Role, Set<Permission>> GRANTS = Map.ofEntries(
            Map.entry(Role.SYSTEM_ADMIN, EnumSet.of(SELF_SERVICE, ACCOUNT_READ, ACCOUNT_MANAGE, UNIT_MANAGE, ORG_READ,
                    PERSON_MANAGE)),
            Map.entry(Role.SECURITY_ADMIN, EnumSet.of(SELF_SERVICE, ACCOUNT_READ, ORG_READ, ROLE_ASSIGN,
                    CLEARANCE_ASSIGN, TOKEN_MANAGE, POLICY_MANAGE)),
            Map.entry(Role.SECURITY_AUDITOR, EnumSet.of(SELF_SERVICE, AUDIT_READ, AUDIT_VERIFY)),
            Map.entry(Role.SECRECY_OFFICER, EnumSet.of(SELF_SERVICE, ORG_READ, PERSON_MANAGE, BUSINESS_READ,
                    APPROVAL_REQUEST, APPROVAL_DECIDE, CARRIER_MANAGE, CARRIER_HANDLE, DEVICE_MANAGE, INSPECTION_MANAGE)),
            Map.entry(Role.LEADER_IN_CHARGE, EnumSet.of(SELF_SERVICE, ORG_READ, BUSINESS_READ, APPROVAL_REQUEST,
                    APPROVAL_DECIDE, CARRIER_HANDLE)),
            Map.entry(Role.UNIT_HEAD, EnumSet.of(SELF_SERVICE, ORG_READ, BUSINESS_READ, APPROVAL_REQUEST,
                    APPROVAL_DECIDE, CARRIER_HANDLE)),
            Map.entry(Role.DEPARTMENT_HEAD, EnumSet.of(SELF_SERVICE, ORG_READ, BUSINESS_READ, APPROVAL_REQUEST,
                    APPROVAL_DECIDE, CARRIER_HANDLE)),
            Map.entry(Role.CLEARED_PERSON, EnumSet.of(SELF_SERVICE, ORG_READ, BUSINESS_READ, APPROVAL_REQUEST,
                    CARRIER_HANDLE)),
            Map.entry(Role.ARCHIVIST, EnumSet.of(SELF_SERVICE, ORG_READ, BUSINESS_READ, APPROVAL_REQUEST,
                    CARRIER_MANAGE, CARRIER_HANDLE)),
            Map.entry(Role.INSPECTOR, EnumSet.of(SELF_SERVICE, ORG_READ, BUSINESS_READ, INSPECTION_MANAGE)));

    private RolePermissions() {
    }

    public static Set<Permission> of(Role role) {
        return GRANTS.get(role);
    }

    /** The union of what {@code roles} grant; an account without roles may still serve itself. */
    public static Set<Permission> of(Collection<Role> roles) {
        Set<Permission> all = EnumSet.of(SELF_SERVICE);
        for (Role role : roles) {
            all.addAll(GRANTS.get(role));
        }
        return all;
    }
}
