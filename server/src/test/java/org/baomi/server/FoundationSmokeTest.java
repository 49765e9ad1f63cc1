package org.baomi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baomi.core.audit.Verification;
import org.baomi.core.security.Role;
import org.baomi.server.audit.AuditVerifier;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The foundation works end to end on both databases: migrations, login, audit chain. */
abstract class FoundationSmokeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditVerifier verifier;

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndApiCallersGetAProblem() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void theFirstStartCreatedTheThreeOfficersWhoMustChangeTheirPasswords() throws Exception {
        mvc.perform(formLogin("/login").user("sysadmin").password("wrong-password"))
                .andExpect(redirectedUrl("/login?error=bad"));
        assertThat(fixtures.auditCount("login.failure")).isPositive();
    }

    @Test
    void aLoginIsAuditedAndTheChainStaysWhole() throws Exception {
        var officer = fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER);
        long before = fixtures.auditCount("login.success");
        mvc.perform(formLogin("/login").user(officer.username()).password(officer.password()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.auditCount("login.success")).isEqualTo(before + 1);
        assertThat(verifier.verify()).isInstanceOf(Verification.Whole.class);
    }

    @Test
    void theOpenApiDocumentDescribesTheApiToSignedInCallersOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
        var officer = fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER);
        String doc = mvc.perform(get("/v3/api-docs").with(fixtures.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("\"title\":\"Baomi API\"", "/api/v1/accounts", "/api/v1/people", "/api/v1/audit",
                "/api/v1/approvals", "/api/v1/tokens", "\"bearer\"");
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
