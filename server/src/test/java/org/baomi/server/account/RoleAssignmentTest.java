package org.baomi.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The security administrator grants roles per unit, within separation of duties, never to himself. */
abstract class RoleAssignmentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountRepository accounts;

    Fixtures.TestAccount secadmin() {
        return fixtures.account(fixtures.rootUnit(), Role.SECURITY_ADMIN);
    }

    @Test
    void rolesAreGrantedPerUnitOnThePageAndAudited() throws Exception {
        var admin = secadmin();
        long unit = fixtures.unit(Fixtures.unique("Branch "), fixtures.rootUnit());
        var clerk = fixtures.account(unit);
        long before = fixtures.auditCount("role.assign");
        mvc.perform(post("/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .param("addRole", "DEPARTMENT_HEAD").param("addUnit", String.valueOf(unit)))
                .andExpect(redirectedUrl("/accounts/" + clerk.id() + "/roles"));
        mvc.perform(post("/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .param("keep", "DEPARTMENT_HEAD@" + unit)
                        .param("addRole", "CLEARED_PERSON").param("addUnit", String.valueOf(fixtures.rootUnit())))
                .andExpect(redirectedUrl("/accounts/" + clerk.id() + "/roles"));
        assertThat(accounts.grants(clerk.id())).containsExactlyInAnyOrder(new RoleGrant(Role.DEPARTMENT_HEAD, unit),
                new RoleGrant(Role.CLEARED_PERSON, fixtures.rootUnit()));
        assertThat(fixtures.auditCount("role.assign")).isEqualTo(before + 2);
        mvc.perform(get("/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("DEPARTMENT_HEAD@" + unit)));
        // Unticking removes.
        mvc.perform(post("/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .param("keep", "DEPARTMENT_HEAD@" + unit))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.grants(clerk.id())).containsExactly(new RoleGrant(Role.DEPARTMENT_HEAD, unit));
    }

    @Test
    void theApiReplacesGrantsAndPutsOfficersOnTheRootUnit() throws Exception {
        var admin = secadmin();
        long unit = fixtures.unit(Fixtures.unique("Branch "), fixtures.rootUnit());
        var clerk = fixtures.account(unit);
        mvc.perform(put("/api/v1/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grants\":[{\"role\":\"SECURITY_AUDITOR\",\"unitId\":" + unit + "}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grants[0].role").value("SECURITY_AUDITOR"))
                .andExpect(jsonPath("$.grants[0].unitId").value(fixtures.rootUnit()));
        mvc.perform(get("/api/v1/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grants.length()").value(1));
    }

    @Test
    void nobodyGetsTwoOfficerRolesOrAnOfficerAndABusinessRole() throws Exception {
        var admin = secadmin();
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        long root = fixtures.rootUnit();
        long audits = fixtures.auditCount("role.assign");
        mvc.perform(put("/api/v1/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grants\":[{\"role\":\"SYSTEM_ADMIN\"},{\"role\":\"SECURITY_AUDITOR\"}]}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("roles.officersExclusive"));
        mvc.perform(put("/api/v1/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grants\":[{\"role\":\"SECURITY_AUDITOR\"},{\"role\":\"ARCHIVIST\",\"unitId\":" + root + "}]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("roles.officerNoBusiness"));
        assertThat(accounts.grants(clerk.id())).containsExactly(new RoleGrant(Role.CLEARED_PERSON, root));
        assertThat(fixtures.auditCount("role.assign")).isEqualTo(audits);
    }

    @Test
    void theSeparationMessageAppearsAboveTheFormAndNothingChanges() throws Exception {
        var admin = secadmin();
        long root = fixtures.rootUnit();
        var clerk = fixtures.account(root, Role.SECRECY_OFFICER);
        String html = mvc.perform(post("/accounts/" + clerk.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .param("keep", "SECRECY_OFFICER@" + root).param("addRole", "SYSTEM_ADMIN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"role-errors\"").contains("三员账户不得同时担任任何业务角色");
        assertThat(html.indexOf("role-errors")).isLessThan(html.indexOf("roles-form"));
        assertThat(accounts.grants(clerk.id())).containsExactly(new RoleGrant(Role.SECRECY_OFFICER, root));
    }

    @Test
    void theSecurityAdministratorCannotChangeHisOwnRoles() throws Exception {
        var admin = secadmin();
        Set<RoleGrant> before = accounts.grants(admin.id());
        mvc.perform(put("/api/v1/accounts/" + admin.id() + "/roles").with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grants\":[]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("roles.self"));
        mvc.perform(post("/accounts/" + admin.id() + "/roles").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role-errors")));
        assertThat(accounts.grants(admin.id())).isEqualTo(before);
    }
}
