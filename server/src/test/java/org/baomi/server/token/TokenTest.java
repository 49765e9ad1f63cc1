package org.baomi.server.token;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import org.baomi.core.security.Role;
import org.baomi.server.security.BearerTokenFilter;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * API tokens: issued once, stored hashed, refused when revoked, expired or unknown, and never
 * stronger than both their scopes and their account's roles.
 */
abstract class TokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Fixtures.TestAccount secadmin() {
        return fixtures.account(fixtures.rootUnit(), Role.SECURITY_ADMIN);
    }

    /** Issues a token over the API; returns {id, token}. */
    String[] issue(Fixtures.TestAccount admin, long accountId, String scopes, String expiresOn) throws Exception {
        String body = "{\"accountId\":" + accountId + ",\"name\":\"" + Fixtures.unique("client ") + "\",\"scopes\":["
                + scopes + "]" + (expiresOn == null ? "" : ",\"expiresOn\":\"" + expiresOn + "\"") + "}";
        var answer = mvc.perform(post("/api/v1/tokens").with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        var node = json.readTree(answer);
        return new String[] {node.get("id").asString(), node.get("token").asString()};
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndAudited() throws Exception {
        var admin = secadmin();
        var client = fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER);
        long audits = fixtures.auditCount("token.create");
        String[] issued = issue(admin, client.id(), "\"org:read\"", null);
        String token = issued[1];
        assertThat(token).startsWith("bm_").hasSize(3 + 43);
        var row = jdbc.sql("select token_hash, token_prefix from api_token where id = :id").param("id", Long.parseLong(issued[0]))
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).isEqualTo(BearerTokenFilter.sha256(token));
        assertThat(token).startsWith(row[1]);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token).query(Long.class).single()).isZero();
        assertThat(fixtures.auditCount("token.create")).isEqualTo(audits + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where after_state like :t or before_state like :t")
                .param("t", "%" + token.substring(12) + "%").query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/tokens").with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(row[1])))
                .andExpect(content().string(not(containsString(token))));
        mvc.perform(get("/tokens").with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(row[1])))
                .andExpect(content().string(not(containsString(token))));
    }

    @Test
    void theIssuePageShowsTheTokenOnceAndRevokes() throws Exception {
        var admin = secadmin();
        var client = fixtures.account(fixtures.rootUnit(), Role.ARCHIVIST);
        String html = mvc.perform(post("/tokens").with(fixtures.as(admin)).with(csrf())
                        .param("accountId", String.valueOf(client.id())).param("name", "archive sync")
                        .param("scopes", "business:read"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"issued-token\"")))
                .andReturn().getResponse().getContentAsString();
        String token = html.replaceAll("(?s).*id=\"issued-token\">([^<]+)<.*", "$1");
        mvc.perform(get("/api/v1/test-probe/business").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(content().string(client.username()));
        long id = jdbc.sql("select id from api_token where token_hash = :h").param("h", BearerTokenFilter.sha256(token))
                .query(Long.class).single();
        mvc.perform(post("/tokens/" + id + "/revoke").with(fixtures.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tokens"));
        mvc.perform(get("/api/v1/test-probe/business").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("token.revoked"));
    }

    @Test
    void aValidTokenCallsTheApiAndARevokedExpiredOrUnknownOneGets401() throws Exception {
        var admin = secadmin();
        var client = fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER);
        String[] issued = issue(admin, client.id(), "\"org:read\",\"business:read\"",
                ChinaTime.today().plusDays(10).toString());
        mvc.perform(get("/api/v1/test-probe/org").header("Authorization", "Bearer " + issued[1]))
                .andExpect(status().isOk()).andExpect(content().string(client.username()));
        assertThat(jdbc.sql("select last_used_at from api_token where id = :id").param("id", Long.parseLong(issued[0]))
                .query(Object.class).optional()).isPresent();
        long revokes = fixtures.auditCount("token.revoke");
        mvc.perform(delete("/api/v1/tokens/" + issued[0]).with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"));
        assertThat(fixtures.auditCount("token.revoke")).isEqualTo(revokes + 1);
        mvc.perform(get("/api/v1/test-probe/org").header("Authorization", "Bearer " + issued[1]))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("token.revoked"));
        mvc.perform(delete("/api/v1/tokens/" + issued[0]).with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isConflict());

        String[] expiring = issue(admin, client.id(), "\"org:read\"", null);
        jdbc.sql("update api_token set expires_at = :t where id = :id").param("t", OffsetDateTime.now().minusMinutes(1))
                .param("id", Long.parseLong(expiring[0])).update();
        mvc.perform(get("/api/v1/test-probe/org").header("Authorization", "Bearer " + expiring[1]))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("token.expired"));

        mvc.perform(get("/api/v1/test-probe/org").header("Authorization", "Bearer bm_unknown-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("token.unknown"));
    }

    @Test
    void scopesNarrowTheAccountsPermissionsAndNeverReachSelfService() throws Exception {
        var admin = secadmin();
        var client = fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER);
        String[] businessOnly = issue(admin, client.id(), "\"business:read\"", null);
        // The account may read the organisation, but this token's scope does not allow it.
        mvc.perform(get("/api/v1/test-probe/org").with(fixtures.as(client))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/test-probe/org").header("Authorization", "Bearer " + businessOnly[1]))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/test-probe/business").header("Authorization", "Bearer " + businessOnly[1]))
                .andExpect(status().isOk());
        // No scope grants SELF_SERVICE: a token cannot read or change "me".
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + businessOnly[1]))
                .andExpect(status().isForbidden());
        // A scope beyond the account's roles adds nothing: an inspector has no approvals.
        var inspector = fixtures.account(fixtures.rootUnit(), Role.INSPECTOR);
        String[] approvals = issue(admin, inspector.id(), "\"approvals\",\"org:write\"", null);
        mvc.perform(get("/api/v1/test-probe/business").header("Authorization", "Bearer " + approvals[1]))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/test-probe/org").header("Authorization", "Bearer " + approvals[1]))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/test-probe/approvals").header("Authorization", "Bearer " + approvals[1]))
                .andExpect(status().isForbidden());
        String[] officerApprovals = issue(admin, client.id(), "\"approvals\"", null);
        mvc.perform(get("/api/v1/test-probe/approvals").header("Authorization", "Bearer " + officerApprovals[1]))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + approvals[1]))
                .andExpect(status().isForbidden());
    }

    @Test
    void officerAccountsGetNoTokensAndBadInputIsNamed() throws Exception {
        var admin = secadmin();
        var officer = fixtures.account(fixtures.rootUnit(), Role.SYSTEM_ADMIN);
        long count = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        mvc.perform(post("/api/v1/tokens").with(fixtures.as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":" + officer.id() + ",\"name\":\"x\",\"scopes\":[\"org:read\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountId"))
                .andExpect(jsonPath("$.errors[0].code").value("token.account.officer"));
        mvc.perform(post("/tokens").with(fixtures.as(admin)).with(csrf())
                        .param("accountId", String.valueOf(officer.id())).param("name", "x").param("scopes", "org:read"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(not(containsString("issued-token"))));
        var client = fixtures.account(fixtures.rootUnit(), Role.ARCHIVIST);
        mvc.perform(post("/api/v1/tokens").with(fixtures.as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":" + client.id() + ",\"name\":\"\",\"scopes\":[],\"expiresOn\":\"2001-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'scopes')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'expiresOn')]").exists());
        mvc.perform(post("/api/v1/tokens").with(fixtures.as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":" + client.id() + ",\"name\":\"x\",\"scopes\":[\"root\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scopes"));
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(count);
    }

    @Test
    void theSecurityAdministratorSeesTokensExpiringSoon() throws Exception {
        var admin = secadmin();
        var client = fixtures.account(fixtures.rootUnit(), Role.ARCHIVIST);
        issue(admin, client.id(), "\"business:read\"", ChinaTime.today().plusDays(5).toString());
        mvc.perform(get("/").with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/tokens\"")));
    }
}
