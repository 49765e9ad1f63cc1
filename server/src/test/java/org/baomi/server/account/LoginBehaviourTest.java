package org.baomi.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Lockout, forced password change, the password policy on the form, password history and logout. */
abstract class LoginBehaviourTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    /** These tests state the default policy (5 failures, 15 minutes, history 5). */
    @BeforeEach
    void defaultPolicy() {
        jdbc.sql("delete from setting where name like 'policy.%'").update();
    }

    long audits(String action, long accountId) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and object_id = :id")
                .param("a", action).param("id", String.valueOf(accountId)).query(Long.class).single();
    }

    @Test
    void fiveFailedLoginsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(clerk.username()).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        var account = accounts.findById(clerk.id()).orElseThrow();
        assertThat(account.failedLogins()).isEqualTo(5);
        assertThat(account.lockedUntil()).isAfter(java.time.Instant.now().plusSeconds(14 * 60));
        assertThat(account.lockedUntil()).isBefore(java.time.Instant.now().plusSeconds(16 * 60));
        assertThat(audits("login.failure", clerk.id())).isEqualTo(5);
        assertThat(audits("account.locked", clerk.id())).isEqualTo(1);
        mvc.perform(formLogin("/login").user(clerk.username()).password(clerk.password()))
                .andExpect(redirectedUrl("/login?error=locked"));
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() throws Exception {
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(clerk.username()).password("wrong"))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        assertThat(accounts.findById(clerk.id()).orElseThrow().failedLogins()).isEqualTo(4);
        mvc.perform(formLogin("/login").user(clerk.username()).password(clerk.password())).andExpect(redirectedUrl("/"));
        assertThat(accounts.findById(clerk.id()).orElseThrow().failedLogins()).isZero();
        mvc.perform(formLogin("/login").user(clerk.username()).password("wrong")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin("/login").user(clerk.username()).password(clerk.password())).andExpect(redirectedUrl("/"));
    }

    @Test
    void aNewAccountMustChangeItsPasswordBeforeAnythingElse() throws Exception {
        var admin = fixtures.account(fixtures.rootUnit(), Role.SYSTEM_ADMIN);
        String username = Fixtures.unique("new.");
        var body = mvc.perform(post("/api/v1/accounts").with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"displayName\":\"New\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String oneTime = json.readTree(body).get("oneTimePassword").asString();
        var login = mvc.perform(formLogin("/login").user(username).password(oneTime))
                .andExpect(redirectedUrl("/account/password")).andReturn();
        var session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/accounts").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/me").cookie(session))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("password.changeRequired"));
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());
        String next = "Fresh#Passw0rd-" + username.length();
        mvc.perform(post("/api/v1/me/password").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current\":\"" + oneTime + "\",\"next\":\"" + next + "\",\"repeat\":\"" + next + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.passwordChangeRequired").value(false))
                .andExpect(jsonPath("$.permissions[0]").value("SELF_SERVICE"));
    }

    @Test
    void thePasswordFormShowsEachErrorBesideItsFieldAndChangesNothing() throws Exception {
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        String hash = accounts.findById(clerk.id()).orElseThrow().passwordHash();
        String html = mvc.perform(post("/account/password").with(fixtures.as(clerk)).with(csrf())
                        .param("current", "not-my-password").param("next", "short").param("repeat", "different"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // current (wrong), next (too short, too few classes), repeat (mismatch): each beside its own input.
        assertThat(html).containsPattern("name=\"current\"[^>]*>\\s*<span class=\"field-error\"");
        assertThat(html).containsPattern("name=\"next\"[^>]*>\\s*<span class=\"field-error\"");
        assertThat(html).containsPattern("name=\"repeat\"[^>]*>\\s*<span class=\"field-error\"");
        assertThat(accounts.findById(clerk.id()).orElseThrow().passwordHash()).isEqualTo(hash);
        mvc.perform(post("/account/password").with(fixtures.as(clerk)).with(csrf())
                        .param("current", clerk.password()).param("next", "abcdefghijkl").param("repeat", "abcdefghijkl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        assertThat(accounts.findById(clerk.id()).orElseThrow().passwordHash()).isEqualTo(hash);
    }

    @Test
    void noneOfTheLastFivePasswordsMayBeReused() throws Exception {
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        String current = clerk.password();
        for (int i = 1; i <= 5; i++) {
            String next = "Rotate#Passw0rd-" + i;
            change(clerk, current, next).andExpect(status().isNoContent());
            current = next;
        }
        String hash = accounts.findById(clerk.id()).orElseThrow().passwordHash();
        for (int i = 1; i <= 4; i++) {
            change(clerk, current, "Rotate#Passw0rd-" + i)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.code == 'password.reused')]").exists());
        }
        assertThat(accounts.findById(clerk.id()).orElseThrow().passwordHash()).isEqualTo(hash);
        // The sixth-newest has left the history.
        change(clerk, current, clerk.password()).andExpect(status().isNoContent());
    }

    private org.springframework.test.web.servlet.ResultActions change(Fixtures.TestAccount account, String current,
            String next) throws Exception {
        return mvc.perform(post("/api/v1/me/password").with(fixtures.as(account)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"current\":\"" + current + "\",\"next\":\"" + next + "\",\"repeat\":\"" + next + "\"}"));
    }

    @Test
    void logoutIsAudited() throws Exception {
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        var login = mvc.perform(formLogin("/login").user(clerk.username()).password(clerk.password()))
                .andExpect(redirectedUrl("/")).andReturn();
        var session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        long before = audits("logout", clerk.id());
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(audits("logout", clerk.id())).isEqualTo(before + 1);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }
}
