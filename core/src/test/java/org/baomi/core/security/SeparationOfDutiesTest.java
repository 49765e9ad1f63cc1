package org.baomi.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.baomi.core.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SeparationOfDutiesTest {

    @Test
    void twoOfficerRolesOnOneAccountAreRefused() {
        var check = SeparationOfDuties.check(List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN));
        assertThat(check).isInstanceOfSatisfying(SeparationOfDuties.Refused.class,
                r -> assertThat(r.code()).isEqualTo("roles.officersExclusive"));
        assertThat(SeparationOfDuties.check(List.of(Role.SECURITY_AUDITOR, Role.SECURITY_ADMIN)))
                .isInstanceOf(SeparationOfDuties.Refused.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "SECURITY_AUDITOR"})
    void anOfficerHoldsNoBusinessRole(Role officer) {
        for (Role business : Role.values()) {
            if (business.isBusiness()) {
                assertThat(SeparationOfDuties.check(List.of(officer, business)))
                        .as("%s with %s", officer, business)
                        .isInstanceOfSatisfying(SeparationOfDuties.Refused.class,
                                r -> assertThat(r.code()).isEqualTo("roles.officerNoBusiness"));
            }
        }
    }

    @Test
    void businessRolesCombineFreely() {
        EnumSet<Role> business = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.isBusiness()) {
                business.add(role);
            }
        }
        assertThat(SeparationOfDuties.check(business)).isInstanceOf(SeparationOfDuties.Allowed.class);
        assertThat(SeparationOfDuties.check(List.of())).isInstanceOf(SeparationOfDuties.Allowed.class);
        assertThat(SeparationOfDuties.check(List.of(Role.SECURITY_AUDITOR))).isInstanceOf(SeparationOfDuties.Allowed.class);
    }

    @Test
    void requireThrowsAReadableDomainException() {
        assertThatThrownBy(() -> SeparationOfDuties.require(List.of(Role.SECURITY_AUDITOR, Role.SECRECY_OFFICER)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("SECURITY_AUDITOR")
                .hasMessageContaining("business role");
    }
}
