package org.baomi.server.audit;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor's page, export, verification and API, and who else is kept out of them. */
abstract class AuditPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.baomi.server.security.AccountUserDetailsService users;

    TestAccount auditor;
    String actor;

    @BeforeEach
    void someEntries() {
        auditor = fixtures.account(fixtures.rootUnit(), Role.SECURITY_AUDITOR);
        actor = Fixtures.unique("actor");
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            auditLog.recordAs(new AuditLog.Actor(actor, "SECRECY_OFFICER", fixtures.rootUnit(), "10.0.0.7"),
                    "login.success", "account", 1, null, null);
            auditLog.recordAs(new AuditLog.Actor(actor, "SECRECY_OFFICER", fixtures.rootUnit(), "10.0.0.7"),
                    "person.update", "person", 77, Map.of("name", "张三"), Map.of("name", "张叁"));
            auditLog.recordAs(new AuditLog.Actor(actor, "SECRECY_OFFICER", fixtures.rootUnit(), "10.0.0.7"),
                    "logout", "account", 1, null, null);
        });
    }

    @Test
    void theAuditorFiltersByPersonAndActionPrefixNewestFirstWithRolesAndActionsTranslated() throws Exception {
        String html = mvc.perform(get("/audit").param("actor", actor).with(fixtures.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("登录成功", "退出登录", "保密员", "10.0.0.7", " #77");
        assertThat(html.indexOf("退出登录")).as("newest first").isLessThan(html.indexOf("登录成功"));
        assertThat(html).contains("&quot;name&quot; : &quot;张叁&quot;").contains("<details");

        String logins = mvc.perform(get("/audit").param("actor", actor).param("action", "login").with(fixtures.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(logins).contains("登录成功").doesNotContain("退出登录").doesNotContain(" #77<");

        String byObject = mvc.perform(get("/audit").param("objectType", "person").param("objectId", "77")
                .with(fixtures.as(auditor))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(byObject).contains(" #77<").doesNotContain("退出登录");
    }

    @Test
    void aTimeRangeExcludesEntriesOutsideItAndABackwardsRangeIsShownBesideTheField() throws Exception {
        String past = mvc.perform(get("/audit").param("actor", actor).param("from", "2001-01-01").param("to", "2001-12-31")
                .with(fixtures.as(auditor))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(past).doesNotContain("10.0.0.7").contains("没有符合条件的审计记录");
        String now = mvc.perform(get("/audit").param("actor", actor).param("from", ChinaTime.today().minusDays(1).toString())
                .param("to", ChinaTime.today().plusDays(1).toString())
                .with(fixtures.as(auditor))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(now).contains("10.0.0.7");
        String reversed = mvc.perform(get("/audit").param("from", "2026-02-01").param("to", "2026-01-01")
                .with(fixtures.as(auditor))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(reversed).contains("截止日期早于起始日期");
        mvc.perform(get("/api/v1/audit").param("from", "2026-02-01").param("to", "2026-01-01").with(fixtures.as(auditor)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(fixtures.as(auditor)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void viewingIsAuditedOncePerFilterNotForEveryPageTurned() throws Exception {
        long before = viewsBy(auditor);
        // Sessions live in the database (Spring Session): the browser keeps only the cookie.
        var first = mvc.perform(get("/audit").param("actor", actor).with(fixtures.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getCookie("SESSION");
        assertThat(first).isNotNull();
        mvc.perform(get("/audit").param("actor", actor).cookie(first).with(fixtures.as(auditor))).andExpect(status().isOk());
        mvc.perform(get("/audit").param("actor", actor).param("page", "2").cookie(first).with(fixtures.as(auditor)))
                .andExpect(status().isOk());
        assertThat(viewsBy(auditor)).isEqualTo(before + 1);
        mvc.perform(get("/audit").param("actor", actor).param("action", "login").cookie(first).with(fixtures.as(auditor)))
                .andExpect(status().isOk());
        assertThat(viewsBy(auditor)).isEqualTo(before + 2);
        String filter = jdbc.sql("select after_state from audit_entry where actor = :a and action = 'audit.view' order by seq desc")
                .param("a", auditor.username()).query(String.class).list().get(0);
        assertThat(filter).contains(actor).contains("login");
    }

    @Test
    void theExportIsUtf8WithABomHasEveryColumnAndIsItselfAudited() throws Exception {
        long exports = fixtures.auditCount("audit.export");
        byte[] csv = mvc.perform(get("/audit/export.csv").param("actor", actor).with(fixtures.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", AuditService.CSV_HEADER));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("login.success").contains(actor).matches(".*,[0-9a-f]{64},[0-9a-f]{64}$");
        assertThat(lines.get(2)).contains("\"{\"\"name\"\":\"\"张三\"\"}\"");
        assertThat(fixtures.auditCount("audit.export")).isEqualTo(exports + 1);

        byte[] api = mvc.perform(get("/api/v1/audit/export.csv").param("actor", actor).with(fixtures.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(api, StandardCharsets.UTF_8)).contains("person.update");
        assertThat(fixtures.auditCount("audit.export")).isEqualTo(exports + 2);
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(AuditService.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditService.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditService.csvCell("plain")).isEqualTo("plain");
    }

    @Test
    void theVerifyButtonShowsTheChainWholeAndIsAudited() throws Exception {
        long verifications = fixtures.auditCount("audit.verify");
        String fragment = mvc.perform(post("/audit/verify").header("HX-Request", "true").with(csrf()).with(fixtures.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("verify-whole").contains("审计链完整").doesNotContain("<html");
        assertThat(fixtures.auditCount("audit.verify")).isEqualTo(verifications + 1);
        String outcome = jdbc.sql("select after_state from audit_entry where action = 'audit.verify' order by seq desc")
                .query(String.class).list().get(0);
        assertThat(outcome).contains("\"whole\":true");

        mvc.perform(post("/audit/verify").with(csrf()).with(fixtures.as(auditor)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/audit/verify").with(csrf()).with(fixtures.as(auditor)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.whole").value(true))
                .andExpect(jsonPath("$.entries").isNumber());
    }

    @Test
    void thePageOpensAtAnEntryAVerificationNamed() throws Exception {
        long seq = jdbc.sql("select max(seq) from audit_entry where actor = :a and action = 'person.update'")
                .param("a", actor).query(Long.class).single();
        String html = mvc.perform(get("/audit").param("actor", actor).param("upTo", Long.toString(seq))
                .with(fixtures.as(auditor))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"entry-" + seq + "\" class=\"hit\"").contains("登录成功").doesNotContain("退出登录");
    }

    @Test
    void theApiSearchesWithTheSameFiltersAndPages() throws Exception {
        mvc.perform(get("/api/v1/audit").param("actor", actor).param("size", "2").with(fixtures.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.entries[0].action").value("logout"))
                .andExpect(jsonPath("$.entries[0].hash").isString());
        mvc.perform(get("/api/v1/audit").param("actor", actor).param("size", "2").param("page", "2").with(fixtures.as(auditor)))
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].action").value("login.success"));
    }

    @Test
    void nobodyButTheAuditorReadsExportsOrVerifiesTheLog() throws Exception {
        long unit = fixtures.rootUnit();
        for (TestAccount other : List.of(fixtures.account(unit, Role.SYSTEM_ADMIN), fixtures.account(unit, Role.SECURITY_ADMIN),
                fixtures.account(unit, Role.SECRECY_OFFICER), fixtures.account(unit, Role.UNIT_HEAD))) {
            long exports = fixtures.auditCount("audit.export");
            long verifications = fixtures.auditCount("audit.verify");
            mvc.perform(get("/audit").with(fixtures.as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/audit/export.csv").with(fixtures.as(other))).andExpect(status().isForbidden());
            mvc.perform(post("/audit/verify").with(csrf()).with(fixtures.as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/audit").with(fixtures.as(other))).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            mvc.perform(get("/api/v1/audit/export.csv").with(fixtures.as(other))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/audit/verify").with(csrf()).with(fixtures.as(other))).andExpect(status().isForbidden());
            assertThat(fixtures.auditCount("audit.export")).isEqualTo(exports);
            assertThat(fixtures.auditCount("audit.verify")).isEqualTo(verifications);
        }
    }

    @Test
    void theAuditorReachesNoBusinessOrAdministrationPage() throws Exception {
        for (String page : List.of("/accounts", "/people", "/units", "/tokens", "/policy", "/api/v1/people",
                "/api/v1/accounts")) {
            mvc.perform(get(page).with(fixtures.as(auditor))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/approvals").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/approvals").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(post("/approvals").param("title", "x").with(csrf()).with(fixtures.as(auditor)))
                .andExpect(status().isForbidden());
    }

    @Test
    void recordViewPutsTheReadingOnTheRecordInTheCallersTransaction() {
        var user = users.loadUserByUsername(fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER).username());
        long before = fixtures.auditCount("carrier.view");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> auditLog.recordView("carrier", 4711));
            var rolledBack = new TransactionTemplate(transactions);
            rolledBack.executeWithoutResult(tx -> {
                auditLog.recordView("carrier", 4712);
                tx.setRollbackOnly();
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(fixtures.auditCount("carrier.view")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select actor from audit_entry where action = 'carrier.view' and object_id = '4711'")
                .query(String.class).single()).isEqualTo(user.getUsername());
    }

    private long viewsBy(TestAccount account) {
        return jdbc.sql("select count(*) from audit_entry where action = 'audit.view' and actor = :a")
                .param("a", account.username()).query(Long.class).single();
    }
}
