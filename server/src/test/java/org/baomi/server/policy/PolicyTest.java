package org.baomi.server.policy;

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

import org.baomi.core.security.Role;
import org.baomi.server.security.SecurityPolicy;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The security administrator edits the password and lockout policy; bad values are named and change nothing. */
abstract class PolicyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SecurityPolicy policy;
    @Autowired
    JdbcClient jdbc;

    /** Other tests in the shared context rely on the default policy. */
    @AfterEach
    void restoreDefaults() {
        jdbc.sql("delete from setting where name like 'policy.%'").update();
    }

    @Test
    void thePageShowsAndStoresThePolicyWithAnAuditEntry() throws Exception {
        var admin = fixtures.account(fixtures.rootUnit(), Role.SECURITY_ADMIN);
        mvc.perform(get("/policy").with(fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"minLength\" value=\"10\"")));
        long audits = fixtures.auditCount("policy.update");
        mvc.perform(post("/policy").with(fixtures.as(admin)).with(csrf())
                        .param("minLength", "12").param("minClasses", "4").param("maxAgeDays", "90")
                        .param("history", "8").param("maxFailures", "3").param("lockMinutes", "60"))
                .andExpect(redirectedUrl("/policy"));
        assertThat(policy.password().minLength()).isEqualTo(12);
        assertThat(policy.password().minClasses()).isEqualTo(4);
        assertThat(policy.password().maxAge().toDays()).isEqualTo(90);
        assertThat(policy.password().historySize()).isEqualTo(8);
        assertThat(policy.lockout().maxFailures()).isEqualTo(3);
        assertThat(policy.lockout().lockDuration().toMinutes()).isEqualTo(60);
        assertThat(fixtures.auditCount("policy.update")).isEqualTo(audits + 1);
        String before = jdbc.sql("select before_state from audit_entry where action = 'policy.update' order by seq desc")
                .query(String.class).list().get(0);
        assertThat(before).contains("\"minLength\":10");
    }

    @Test
    void valuesOutOfRangeAreShownBesideTheirFieldsAndChangeNothing() throws Exception {
        var admin = fixtures.account(fixtures.rootUnit(), Role.SECURITY_ADMIN);
        long audits = fixtures.auditCount("policy.update");
        String html = mvc.perform(post("/policy").with(fixtures.as(admin)).with(csrf())
                        .param("minLength", "7").param("minClasses", "5").param("maxAgeDays", "0")
                        .param("history", "25").param("maxFailures", "abc").param("lockMinutes", "1441"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html.split("class=\"field-error\"", -1)).hasSize(7);
        mvc.perform(put("/api/v1/policy").with(fixtures.as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minLength\":7,\"minClasses\":0,\"maxAgeDays\":366,\"history\":-1,\"maxFailures\":21,\"lockMinutes\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(6))
                .andExpect(jsonPath("$.errors[0].field").value("minLength"));
        mvc.perform(put("/api/v1/policy").with(fixtures.as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minLength\":12}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(5));
        assertThat(policy.password().minLength()).isEqualTo(10);
        assertThat(fixtures.auditCount("policy.update")).isEqualTo(audits);
    }

    @Test
    void theApiReadsAndReplacesThePolicyWhichPasswordsThenFollow() throws Exception {
        var admin = fixtures.account(fixtures.rootUnit(), Role.SECURITY_ADMIN);
        mvc.perform(get("/api/v1/policy").with(fixtures.as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.minLength").value(10))
                .andExpect(jsonPath("$.lockMinutes").value(15));
        mvc.perform(put("/api/v1/policy").with(fixtures.as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minLength\":20,\"minClasses\":3,\"maxAgeDays\":30,\"history\":5,\"maxFailures\":5,\"lockMinutes\":15}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.minLength").value(20));
        var clerk = fixtures.account(fixtures.rootUnit(), Role.CLEARED_PERSON);
        mvc.perform(post("/api/v1/me/password").with(fixtures.as(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current\":\"" + clerk.password() + "\",\"next\":\"Abc#12345678\",\"repeat\":\"Abc#12345678\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("password.tooShort"));
    }
}
