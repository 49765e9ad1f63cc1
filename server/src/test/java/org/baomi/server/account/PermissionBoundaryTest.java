package org.baomi.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Each role tries what its duty excludes, on the pages and the API, and is refused with the data
 * unchanged. The server enforces this, not the menu.
 */
abstract class PermissionBoundaryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    JdbcClient jdbc;

    private static final String NEW_ACCOUNT = "{\"username\":\"intruder\",\"displayName\":\"x\"}";

    private void forbidden(ResultActions result) throws Exception {
        result.andExpect(status().isForbidden());
    }

    private void forbiddenProblem(ResultActions result) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SYSTEM_ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheSystemAdministratorCreatesDeactivatesAndResetsAccounts(Role role) throws Exception {
        var actor = fixtures.account(fixtures.rootUnit(), role);
        var target = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        var before = accounts.findById(target.id()).orElseThrow();
        long count = accounts.count();
        long audits = fixtures.auditCount();

        forbiddenProblem(mvc.perform(post("/api/v1/accounts").with(fixtures.as(actor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(NEW_ACCOUNT)));
        forbidden(mvc.perform(post("/accounts/new").with(fixtures.as(actor)).with(csrf())
                .param("username", "intruder").param("displayName", "x")));
        forbidden(mvc.perform(get("/accounts/new").with(fixtures.as(actor))));
        forbiddenProblem(mvc.perform(post("/api/v1/accounts/" + target.id() + "/deactivate").with(fixtures.as(actor)).with(csrf())));
        forbidden(mvc.perform(post("/accounts/" + target.id() + "/deactivate").with(fixtures.as(actor)).with(csrf())));
        forbiddenProblem(mvc.perform(post("/api/v1/accounts/" + target.id() + "/password-reset").with(fixtures.as(actor)).with(csrf())));
        forbidden(mvc.perform(post("/accounts/" + target.id() + "/password-reset").with(fixtures.as(actor)).with(csrf())));
        forbiddenProblem(mvc.perform(patch("/api/v1/accounts/" + target.id()).with(fixtures.as(actor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"changed\"}")));
        forbidden(mvc.perform(post("/accounts/" + target.id()).with(fixtures.as(actor)).with(csrf())
                .param("displayName", "changed")));

        var after = accounts.findById(target.id()).orElseThrow();
        assertThat(after.active()).isTrue();
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.displayName()).isEqualTo(before.displayName());
        assertThat(accounts.count()).isEqualTo(count);
        assertThat(accounts.findByUsername("intruder")).isEmpty();
        assertThat(fixtures.auditCount()).isEqualTo(audits);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SECURITY_ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheSecurityAdministratorAssignsRolesIssuesTokensAndSetsThePolicy(Role role) throws Exception {
        var actor = fixtures.account(fixtures.rootUnit(), role);
        var target = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        long tokenId = jdbc.sql("""
                insert into api_token (account_id, name, token_prefix, token_hash, scopes, created_by, created_at)
                values (:a, 'boundary', 'bm_boundary', :h, 'org:read', 'test', current_timestamp)""")
                .param("a", target.id()).param("h", Fixtures.unique("hash-")).update() > 0
                ? jdbc.sql("select max(id) from api_token").query(Long.class).single() : -1;
        Set<RoleGrant> grants = accounts.grants(target.id());
        long tokens = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        long settings = jdbc.sql("select count(*) from setting where name like 'policy.%'").query(Long.class).single();
        long audits = fixtures.auditCount();
        String grantBody = "{\"grants\":[{\"role\":\"ARCHIVIST\",\"unitId\":" + fixtures.rootUnit() + "}]}";

        forbiddenProblem(mvc.perform(put("/api/v1/accounts/" + target.id() + "/roles").with(fixtures.as(actor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(grantBody)));
        forbidden(mvc.perform(post("/accounts/" + target.id() + "/roles").with(fixtures.as(actor)).with(csrf())
                .param("addRole", "ARCHIVIST")));
        forbidden(mvc.perform(get("/accounts/" + target.id() + "/roles").with(fixtures.as(actor))));
        forbiddenProblem(mvc.perform(put("/api/v1/accounts/" + actor.id() + "/roles").with(fixtures.as(actor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(grantBody)));
        forbiddenProblem(mvc.perform(post("/api/v1/tokens").with(fixtures.as(actor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accountId\":" + target.id() + ",\"name\":\"x\",\"scopes\":[\"org:read\"]}")));
        forbidden(mvc.perform(post("/tokens").with(fixtures.as(actor)).with(csrf())
                .param("accountId", String.valueOf(target.id())).param("name", "x").param("scopes", "org:read")));
        forbiddenProblem(mvc.perform(delete("/api/v1/tokens/" + tokenId).with(fixtures.as(actor)).with(csrf())));
        forbidden(mvc.perform(post("/tokens/" + tokenId + "/revoke").with(fixtures.as(actor)).with(csrf())));
        forbidden(mvc.perform(get("/tokens").with(fixtures.as(actor))));
        String policy = "{\"minLength\":8,\"minClasses\":1,\"maxAgeDays\":365,\"history\":0,\"maxFailures\":20,\"lockMinutes\":1}";
        forbiddenProblem(mvc.perform(put("/api/v1/policy").with(fixtures.as(actor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(policy)));
        forbidden(mvc.perform(post("/policy").with(fixtures.as(actor)).with(csrf())
                .param("minLength", "8").param("minClasses", "1").param("maxAgeDays", "365").param("history", "0")
                .param("maxFailures", "20").param("lockMinutes", "1")));
        forbidden(mvc.perform(get("/policy").with(fixtures.as(actor))));

        assertThat(accounts.grants(target.id())).isEqualTo(grants);
        assertThat(accounts.grants(actor.id())).containsExactly(new RoleGrant(role, fixtures.rootUnit()));
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(tokens);
        assertThat(jdbc.sql("select revoked_at from api_token where id = :id").param("id", tokenId)
                .query((rs, i) -> rs.getObject(1)).optional()).isEmpty();
        assertThat(jdbc.sql("select count(*) from setting where name like 'policy.%'").query(Long.class).single())
                .isEqualTo(settings);
        assertThat(fixtures.auditCount()).isEqualTo(audits);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLEARED_PERSON", "ARCHIVIST", "INSPECTOR", "SECRECY_OFFICER"})
    void businessRolesReachNoAdministrationPage(Role role) throws Exception {
        var actor = fixtures.account(fixtures.rootUnit(), role);
        for (String page : new String[] {"/accounts", "/accounts/new", "/accounts/" + actor.id(),
                "/accounts/" + actor.id() + "/roles", "/accounts/people?q=a", "/tokens", "/policy"}) {
            forbidden(mvc.perform(get(page).with(fixtures.as(actor))));
        }
        for (String api : new String[] {"/api/v1/accounts", "/api/v1/accounts/" + actor.id(),
                "/api/v1/accounts/" + actor.id() + "/roles", "/api/v1/tokens", "/api/v1/policy"}) {
            forbiddenProblem(mvc.perform(get(api).with(fixtures.as(actor))));
        }
        mvc.perform(get("/api/v1/me").with(fixtures.as(actor))).andExpect(status().isOk());
    }

    @org.junit.jupiter.api.Test
    void theAuditorReadsNoAccounts() throws Exception {
        var auditor = fixtures.account(fixtures.rootUnit(), Role.SECURITY_AUDITOR);
        forbidden(mvc.perform(get("/accounts").with(fixtures.as(auditor))));
        forbiddenProblem(mvc.perform(get("/api/v1/accounts").with(fixtures.as(auditor))));
    }
}
