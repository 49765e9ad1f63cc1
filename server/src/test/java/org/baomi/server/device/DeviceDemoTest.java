package org.baomi.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.baomi.server.security.AccountUserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code serve --demo}: the demo unit's device ledger, with the three findings it is meant to show. */
@SpringBootTest(properties = {"baomi.demo=true", "baomi.mode=serve",
        "spring.datasource.url=jdbc:h2:mem:baomi-device-demo;DB_CLOSE_DELAY=-1"})
class DeviceDemoTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("baomi.data-dir", () -> TestDatabases.dataDir().resolve("device-demo").toString());
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeviceDemo demo;
    @Autowired
    DeviceComplianceService compliance;
    @Autowired
    AccountUserDetailsService users;

    @Test
    void theDemoUnitHasItsLedgerWithABluetoothLaptopAnUnclearedHolderAndAnOverdueRepair() {
        long unit = jdbc.sql("select id from unit where code = 'JZ-FGW'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from device where unit_id = :u").param("u", unit).query(Long.class).single())
                .isBetween(14L, 20L);
        assertThat(jdbc.sql("select count(*) from medium where unit_id = :u").param("u", unit).query(Long.class).single())
                .isEqualTo(10);
        var user = users.loadUserByUsername("secrecy");
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            var report = compliance.unitReport(unit);
            assertThat(report.violations()).extracting(DeviceViews.ViolationView::ruleId)
                    .containsExactlyInAnyOrder("device.classified.radio-hardware", "medium.holder.clearance",
                            "device.maintenance.overdue");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.sql("select status from approval_request where type = 'device.admission'").query(String.class)
                .list()).isEqualTo(List.of("PENDING"));
        assertThat(demo.seedIfEmpty()).as("seeding again changes nothing").isFalse();
    }
}
