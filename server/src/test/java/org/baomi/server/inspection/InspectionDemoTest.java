package org.baomi.server.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code serve --demo}: three years of concluded inspections of two units, and this year's findings rectified. */
@SpringBootTest(properties = {"baomi.demo=true", "baomi.mode=serve",
        "spring.datasource.url=jdbc:h2:mem:baomi-inspection-demo;DB_CLOSE_DELAY=-1"})
class InspectionDemoTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("baomi.data-dir", () -> TestDatabases.dataDir().resolve("inspection-demo").toString());
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InspectionDemo demo;
    @Autowired
    ComparisonService comparison;
    @Autowired
    AccountUserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theBureauHasThreeYearsOfInspectionsToCompareAndTheCommissionRectifies() {
        assertThat(jdbc.sql("select count(*) from inspection where status = 'CONCLUDED'").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from rectification where inspection_finding_id is not null")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(demo.seedIfEmpty()).isFalse();
        BaomiUser inspector = users.loadUserByUsername("inspector");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(inspector, null, inspector.getAuthorities()));
        var c = comparison.compare(null, null, null);
        assertThat(c.rows()).allSatisfy(r -> assertThat(r.score()).isNotNull());
        assertThat(c.rows()).filteredOn(r -> "INSPECTION".equals(r.source())).hasSize(6);
        // the commission's approved self-assessment of last year (the assessment demo) stands beside them
        assertThat(c.rows()).filteredOn(r -> "SELF".equals(r.source()))
                .extracting(ComparisonService.Row::unitName).containsExactly("江州市发展和改革委员会");
        assertThat(c.chart().series()).filteredOn(s -> s.points().size() == 3).hasSize(2);
        assertThat(c.rows().stream().map(ComparisonService.Row::score).distinct().count()).isGreaterThan(2);
    }
}
