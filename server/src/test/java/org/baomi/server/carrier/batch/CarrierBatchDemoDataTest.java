package org.baomi.server.carrier.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code serve --demo} leaves an approved destruction batch to execute and an inventory under way. */
@SpringBootTest(properties = {"baomi.demo=true", "baomi.mode=serve",
        "spring.datasource.url=jdbc:h2:mem:baomi-batch-demo;DB_CLOSE_DELAY=-1"})
class CarrierBatchDemoDataTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("baomi.data-dir", () -> TestDatabases.dataDir().resolve("batch-demo").toString());
    }

    @Autowired
    BatchDemoData demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoHasAnApprovedBatchOfTheArchivedCarriersAndAnOpenInventoryAndSeedsOnlyOnce() {
        assertThat(jdbc.sql("select status from carrier_batch").query(String.class).list()).containsExactly("APPROVED");
        assertThat(jdbc.sql("""
                select count(*) from carrier_batch_item i join carrier c on c.id = i.carrier_id
                where c.status <> 'ARCHIVED'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from carrier_batch_item").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select status from carrier_inventory").query(String.class).list()).containsExactly("OPEN");
        assertThat(jdbc.sql("select count(*) from carrier_inventory_item where result = 'PRESENT'")
                .query(Long.class).single()).isPositive();
        assertThat(demo.seedIfEmpty()).isFalse();
        assertThat(jdbc.sql("select count(*) from carrier_batch").query(Long.class).single()).isEqualTo(1);
    }
}
