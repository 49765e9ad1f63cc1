package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baomi.server.carrier.CarrierViews.ReminderKind;
import org.baomi.server.carrier.CarrierViews.ReminderRow;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code serve --demo} seeds the carrier ledger of the municipal commission with carriers in every
 * state a secrecy officer meets, and the dashboard has something to remind him of.
 */
@SpringBootTest(properties = {"baomi.demo=true", "baomi.mode=serve",
        "spring.datasource.url=jdbc:h2:mem:baomi-carrier-demo;DB_CLOSE_DELAY=-1"})
class CarrierDemoDataTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("baomi.data-dir", () -> TestDatabases.dataDir().resolve("carrier-demo").toString());
    }

    @Autowired
    CarrierDemoData demo;
    @Autowired
    CarrierService carriers;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCommissionsLedgerHoldsAboutThirtyCarriersInEveryStateAndSeedingAgainChangesNothing() {
        List<String> statuses = jdbc.sql("""
                select c.status from carrier c join unit u on u.id = c.unit_id where u.code = 'JZ-FGW'""")
                .query(String.class).list();
        assertThat(statuses).hasSizeBetween(25, 40)
                .contains("IN_CUSTODY", "CIRCULATING", "ON_LOAN", "CARRIED_OUT", "ARCHIVED", "CLEARED");
        assertThat(jdbc.sql("select count(*) from carrier where copied_from is not null").query(Long.class).single())
                .isEqualTo(2);
        long events = jdbc.sql("select count(*) from carrier_event").query(Long.class).single();
        assertThat(demo.seedIfEmpty()).isFalse();
        assertThat(jdbc.sql("select count(*) from carrier_event").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void everyTimelineRunsForwardFromItsRegistration() {
        List<Long> backwards = jdbc.sql("""
                select distinct later.carrier_id from carrier_event later
                join carrier_event earlier on earlier.carrier_id = later.carrier_id and earlier.seq < later.seq
                where later.at < earlier.at""").query(Long.class).list();
        assertThat(backwards).isEmpty();
        // the overdue loan and the carrying-out lie weeks back, and so do their registrations
        assertThat(jdbc.sql("""
                select count(*) from carrier where status in ('ON_LOAN', 'CARRIED_OUT') and due_date < current_date
                and registered_at < dateadd('DAY', -14, current_timestamp)""").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theSecrecyOfficerIsRemindedOfTheOverdueLoanTheCarryingOutAndTheEndingTerm() {
        var user = users.loadUserByUsername("secrecy");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            assertThat(carriers.reminders(null)).extracting(ReminderRow::kind)
                    .contains(ReminderKind.LOAN_OVERDUE, ReminderKind.CARRY_OUT_OVERDUE, ReminderKind.TERM_EXPIRING);
            assertThat(carriers.reminderCounts().overdue()).isEqualTo(2);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
