package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baomi.server.test.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

@OnPostgres
class CarrierServiceOnPostgresTest extends CarrierServiceTest {

    /** The ledger's text criterion ({@code search_text like '%x%'}) can use the trigram index of V10_1. */
    @Test
    void textSearchCanUseTheTrigramIndex() {
        List<String> plan = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select c.id from carrier c where c.search_text like :text escape '\\'")
                    .param("text", "%重点项目%").query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains("carrier_search_text_trgm_ix");
    }

    /** A generic plan would read that index for every pattern: a text search plans for its own pattern, in its transaction only. */
    @Test
    void aTextSearchIsPlannedForItsPatternUntilItsTransactionEnds() {
        CarrierQuery byText = new CarrierQuery(w.unit, null, "通知", null, null, null, null, null, null, null, null, null,
                null, true, 1, 50);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String during = tx.execute(t -> w.as(w.keeper, () -> {
            carriers.search(byText);
            return jdbc.sql("show plan_cache_mode").query(String.class).single();
        }));
        assertThat(during).isEqualTo("force_custom_plan");
        String after = tx.execute(t -> jdbc.sql("show plan_cache_mode").query(String.class).single());
        assertThat(after).isEqualTo("auto");
    }
}
