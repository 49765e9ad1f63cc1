package org.baomi.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The system administrator manages accounts on the pages and the API; everything is audited. */
abstract class AccountAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Fixtures.TestAccount sysadmin() {
        return fixtures.account(fixtures.rootUnit(), Role.SYSTEM_ADMIN);
    }

    @Test
    void createdOnThePageWithAOneTimePasswordShownOnceThatMustBeChanged() throws Exception {
        var admin = sysadmin();
        String username = Fixtures.unique("clerk.");
        long audits = fixtures.auditCount("account.create");
        var result = mvc.perform(post("/accounts/new").with(fixtures.as(admin)).with(csrf())
                        .param("username", username).param("displayName", "Zhang Wei"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("id=\"one-time-password\"")))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        String password = html.replaceAll("(?s).*id=\"one-time-password\">([^<]+)<.*", "$1");
        var account = accounts.findByUsername(username).orElseThrow();
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(encoder.matches(password, account.passwordHash())).isTrue();
        assertThat(fixtures.auditCount("account.create")).isEqualTo(audits + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where after_state like :p").param("p", "%" + password + "%")
                .query(Long.class).single()).isZero();
        // The page after it never shows the password again.
        mvc.perform(get("/accounts/" + account.id()).with(fixtures.as(admin)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(password))));
        mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void userNamesFollowTheRulesAndAreUniqueIgnoringCase() throws Exception {
        var admin = sysadmin();
        var existing = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        long count = accounts.count();
        mvc.perform(post("/accounts/new").with(fixtures.as(admin)).with(csrf())
                        .param("username", existing.username().toUpperCase()).param("displayName", "Dup"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(containsString("account-form")));
        mvc.perform(post("/api/v1/accounts").with(fixtures.as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"a b\",\"displayName\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'username')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists());
        assertThat(accounts.count()).isEqualTo(count);
    }

    @Test
    void theApiCreatesReadsEditsAndLinksAPerson() throws Exception {
        var admin = sysadmin();
        long unit = fixtures.unit(Fixtures.unique("Unit "), fixtures.rootUnit());
        long person = fixtures.person(unit, Fixtures.unique("Li "), SecretRelatedLevel.GENERAL);
        String username = Fixtures.unique("api.");
        var body = mvc.perform(post("/api/v1/accounts").with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"displayName\":\"Li\",\"personId\":" + person + "}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.oneTimePassword").isString())
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(get("/api/v1/accounts/" + id).with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(person))
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        long updates = fixtures.auditCount("account.update");
        mvc.perform(patch("/api/v1/accounts/" + id).with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Li Na\",\"unlinkPerson\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Li Na"))
                .andExpect(jsonPath("$.personId").doesNotExist());
        assertThat(fixtures.auditCount("account.update")).isEqualTo(updates + 1);
        mvc.perform(get("/api/v1/accounts").param("q", username).with(fixtures.as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        // The same person cannot back two accounts.
        var other = fixtures.account(unit, Role.CLEARED_PERSON);
        mvc.perform(patch("/api/v1/accounts/" + id).with(fixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + other.personId() + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        mvc.perform(get("/api/v1/accounts/999999999").with(fixtures.as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aDeactivatedAccountCannotLogInAndIsReactivatedLater() throws Exception {
        var admin = sysadmin();
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        long before = fixtures.auditCount("account.deactivate");
        mvc.perform(post("/accounts/" + clerk.id() + "/deactivate").with(fixtures.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + clerk.id()));
        assertThat(accounts.findById(clerk.id()).orElseThrow().active()).isFalse();
        assertThat(fixtures.auditCount("account.deactivate")).isEqualTo(before + 1);
        mvc.perform(formLogin("/login").user(clerk.username()).password(clerk.password()))
                .andExpect(redirectedUrl("/login?error=inactive"));
        mvc.perform(post("/api/v1/accounts/" + clerk.id() + "/reactivate").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        assertThat(fixtures.auditCount("account.reactivate")).isPositive();
        mvc.perform(formLogin("/login").user(clerk.username()).password(clerk.password()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theSystemAdministratorCannotDeactivateHimself() throws Exception {
        var admin = sysadmin();
        mvc.perform(post("/api/v1/accounts/" + admin.id() + "/deactivate").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("account.selfDeactivate"));
        mvc.perform(post("/accounts/" + admin.id() + "/deactivate").with(fixtures.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + admin.id()));
        assertThat(accounts.findById(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void aPasswordResetGivesANewOneTimePasswordAndLiftsALock() throws Exception {
        var admin = sysadmin();
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        jdbc.sql("update account set failed_logins = 5, locked_until = :t where id = :id")
                .param("t", java.time.OffsetDateTime.now().plusHours(1)).param("id", clerk.id()).update();
        long before = fixtures.auditCount("account.password.reset");
        var body = mvc.perform(post("/api/v1/accounts/" + clerk.id() + "/password-reset").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        String password = json.readTree(body).get("oneTimePassword").asString();
        var account = accounts.findById(clerk.id()).orElseThrow();
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.lockedUntil()).isNull();
        assertThat(encoder.matches(password, account.passwordHash())).isTrue();
        assertThat(fixtures.auditCount("account.password.reset")).isEqualTo(before + 1);
        mvc.perform(post("/accounts/" + clerk.id() + "/password-reset").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"one-time-password\"")));
        assertThat(encoder.matches(password, accounts.findById(clerk.id()).orElseThrow().passwordHash())).isFalse();
    }

    @Test
    void theListSearchesAndShowsStatusAndRoles() throws Exception {
        var admin = sysadmin();
        var clerk = fixtures.account(fixtures.rootUnit(), Role.ARCHIVIST);
        jdbc.sql("update account set locked_until = :t where id = :id")
                .param("t", java.time.OffsetDateTime.now().plusHours(1)).param("id", clerk.id()).update();
        mvc.perform(get("/accounts").param("q", clerk.username()).with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(clerk.username())))
                .andExpect(content().string(containsString("chip bad")))
                .andExpect(content().string(not(containsString("href=\"/accounts/" + admin.id() + "\""))));
        mvc.perform(get("/accounts").param("status", "locked").with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(clerk.username())));
        mvc.perform(get("/").with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/accounts?status=locked")));
    }

    @Test
    void thePersonSearchOffersPeopleWithoutAnAccount() throws Exception {
        var admin = sysadmin();
        String name = Fixtures.unique("Wang ");
        long person = fixtures.person(fixtures.rootUnit(), name, SecretRelatedLevel.NONE);
        mvc.perform(get("/accounts/people").param("q", name).with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + person + "\"")));
    }
}
