package org.baomi.server.demo;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Set;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.test.TestDatabases;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code serve --demo} on a fresh database of its own (one extra application context): the demo
 * organisation is seeded at start, has an account for every role that signs in with the shown
 * password, and seeding again changes nothing.
 */
@SpringBootTest(properties = {"baomi.demo=true", "baomi.mode=serve",
        "spring.datasource.url=jdbc:h2:mem:baomi-demo;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class DemoOrganisationTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("baomi.data-dir", () -> TestDatabases.dataDir().resolve("demo").toString());
    }

    @Autowired
    DemoOrganisation demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.baomi.server.security.AccountUserDetailsService users;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDemoHasAnActiveAccountForEveryRoleWithTheShownPassword() throws Exception {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("""
                select g.role from role_grant g join account a on a.id = g.account_id
                where a.active = true and a.must_change_password = false and a.person_id is not null""")
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        assertThat(count("select count(*) from account where must_change_password = true")).isZero();
        mvc.perform(formLogin("/login").user("secrecy").password(DemoOrganisation.PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("inspector").password(DemoOrganisation.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void theUnitHeadFindsARequestTheDepartmentHeadHasApproved() {
        long pending = jdbc.sql("""
                select r.id from approval_request r join account a on a.id = r.requester_account_id
                where a.username = 'staff' and r.status = 'PENDING'""").query(Long.class).single();
        assertThat(jdbc.sql("""
                select a.username from approval_decision d join account a on a.id = d.approver_account_id
                where d.request_id = :id and d.verdict = 'APPROVE'""").param("id", pending).query(String.class).list())
                .containsExactly("depthead");
        // Other features' demo data open requests of their own: count this request's entries only.
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where action in ('approval.open', 'approval.approve')
                and object_type = 'approval_request' and object_id = :id""").param("id", Long.toString(pending))
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theDemoOrganisationIsABureauAboveAMunicipalCommissionWithPeopleOfEveryLevel() {
        long bureau = jdbc.sql("select id from unit where code = 'JZ-BMJ' and parent_id is null and kind = 'SECRECY_BUREAU'")
                .query(Long.class).single();
        long commission = jdbc.sql("select id from unit where code = 'JZ-FGW' and parent_id = :b").param("b", bureau)
                .query(Long.class).single();
        long departments = jdbc.sql("select count(*) from department where unit_id = :u").param("u", commission)
                .query(Long.class).single();
        assertThat(departments).isBetween(6L, 8L);
        assertThat(count("select count(*) from person")).isGreaterThanOrEqualTo(40);
        Set<SecretRelatedLevel> levels = EnumSet.noneOf(SecretRelatedLevel.class);
        jdbc.sql("select distinct secret_related_level from person").query(String.class).list()
                .forEach(l -> levels.add(SecretRelatedLevel.valueOf(l)));
        assertThat(levels).containsExactlyInAnyOrder(SecretRelatedLevel.values());
        assertThat(count("select count(*) from audit_entry where action = 'system.demo-seed'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where action = 'system.initialise'")).isZero();
    }

    @Test
    void seedingAgainChangesNothing() {
        long units = count("select count(*) from unit");
        long people = count("select count(*) from person");
        long accounts = count("select count(*) from account");
        long audit = count("select count(*) from audit_entry");
        assertThat(demo.seedIfEmpty()).isFalse();
        assertThat(count("select count(*) from unit")).isEqualTo(units);
        assertThat(count("select count(*) from person")).isEqualTo(people);
        assertThat(count("select count(*) from account")).isEqualTo(accounts);
        assertThat(count("select count(*) from audit_entry")).isEqualTo(audit);
    }

    @Test
    void theLoginPageListsTheDemoAccounts() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(DemoOrganisation.PASSWORD)))
                .andExpect(content().string(Matchers.containsString("inspector")))
                .andExpect(content().string(Matchers.containsString("demo-accounts")));
    }

    @Test
    void theDemoUnitHasLastYearsApprovedAssessmentWithRectificationsAndThisYearsOpened() throws Exception {
        int year = ChinaTime.today().getYear();
        assertThat(jdbc.sql("""
                select s.status from self_assessment s join unit u on u.id = s.unit_id
                where u.code = 'JZ-FGW' and s.level = 'UNIT' order by s.period_year""").query(String.class).list())
                .containsExactly("LOCKED", "DRAFT");
        long current = jdbc.sql("select id from self_assessment where period_year = :y and level = 'UNIT'")
                .param("y", year).query(Long.class).single();
        assertThat(count("select count(*) from assessment_result where assessment_id = " + current)).isBetween(1L, 10L);
        assertThat(jdbc.sql("""
                select r.status from rectification r join self_assessment s on s.id = r.assessment_id
                where s.period_year = :y order by r.item_id""").param("y", year - 1).query(String.class).list())
                .containsExactly("VERIFIED", "VERIFIED", "VERIFIED", "IN_PROGRESS", "OPEN");
        assertThat(count("select count(*) from rectification where status in ('OPEN', 'IN_PROGRESS') and deadline < current_date"))
                .isEqualTo(1);
        // The secrecy officer finds suggestions to accept and last year's fixes on this year's page.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/assessments/" + current)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(users.loadUserByUsername("secrecy"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"accept-suggestions\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"previous-summary\"")));
    }
}
