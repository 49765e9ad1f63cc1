package org.baomi.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    @Test
    void everyRoleHasAGrant() {
        for (Role role : Role.values()) {
            assertThat(RolePermissions.of(role)).as(role.name()).contains(Permission.SELF_SERVICE);
        }
    }

    @Test
    void theSystemAdministratorReadsNoBusinessDataAndAssignsNoRoles() {
        assertThat(RolePermissions.of(Role.SYSTEM_ADMIN)).doesNotContain(Permission.BUSINESS_READ,
                Permission.ROLE_ASSIGN, Permission.CLEARANCE_ASSIGN, Permission.AUDIT_READ, Permission.APPROVAL_DECIDE);
    }

    @Test
    void theSecurityAdministratorCreatesNoAccounts() {
        assertThat(RolePermissions.of(Role.SECURITY_ADMIN)).doesNotContain(Permission.ACCOUNT_MANAGE,
                Permission.BUSINESS_READ, Permission.AUDIT_READ);
    }

    @Test
    void onlyTheAuditorReadsTheAuditLog() {
        for (Role role : Role.values()) {
            assertThat(RolePermissions.of(role).contains(Permission.AUDIT_READ)).as(role.name())
                    .isEqualTo(role == Role.SECURITY_AUDITOR);
        }
        assertThat(RolePermissions.of(Role.SECURITY_AUDITOR)).containsOnly(Permission.SELF_SERVICE,
                Permission.AUDIT_READ, Permission.AUDIT_VERIFY);
    }

    @Test
    void theLedgersAreKeptByTheSecrecyOfficeOnlyAndInspectorsOnlyRead() {
        for (Role role : Role.values()) {
            assertThat(RolePermissions.of(role).contains(Permission.DEVICE_MANAGE)).as(role.name())
                    .isEqualTo(role == Role.SECRECY_OFFICER);
            assertThat(RolePermissions.of(role).contains(Permission.CARRIER_MANAGE)).as(role.name())
                    .isEqualTo(role == Role.SECRECY_OFFICER || role == Role.ARCHIVIST);
        }
        assertThat(RolePermissions.of(Role.INSPECTOR)).doesNotContain(Permission.CARRIER_HANDLE,
                Permission.APPROVAL_REQUEST);
        for (Role officer : new Role[] {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.SECURITY_AUDITOR}) {
            assertThat(RolePermissions.of(officer)).as(officer.name()).doesNotContain(Permission.CARRIER_HANDLE,
                    Permission.CARRIER_MANAGE, Permission.DEVICE_MANAGE);
        }
    }

    @Test
    void onlyInspectorsAndSecrecyOfficersManageInspections() {
        for (Role role : Role.values()) {
            assertThat(RolePermissions.of(role).contains(Permission.INSPECTION_MANAGE)).as(role.name())
                    .isEqualTo(role == Role.INSPECTOR || role == Role.SECRECY_OFFICER);
        }
        assertThat(RolePermissions.of(Role.INSPECTOR)).doesNotContain(Permission.CARRIER_MANAGE,
                Permission.DEVICE_MANAGE, Permission.APPROVAL_DECIDE);
    }
}
