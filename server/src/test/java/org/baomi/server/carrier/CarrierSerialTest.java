package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.server.platform.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Serial numbers (ADR 0010): registered concurrently they are distinct and contiguous — no gaps,
 * never reused — and a registration that fails takes no number with it.
 */
abstract class CarrierSerialTest extends WithCarrierWorld {

    static final int THREADS = 8;
    static final int EACH = 25;

    @Test
    void concurrentRegistrationsGetDistinctContiguousSerialsWhileFailuresTakeNone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        CarrierInput bad = w.input("绝密★长期", List.of(w.keeper.personId()), List.of(),
                StoragePlace.Kind.COMBINATION_LOCK_CABINET);
        try {
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    int refused = 0;
                    for (int i = 0; i < EACH; i++) {
                        w.register(w.secret());
                        // Every fifth attempt is refused after its serial was drawn (TOP SECRET in a
                        // cabinet): its number must return to the counter.
                        if (i % 5 == 0) {
                            try {
                                w.register(bad);
                            } catch (ValidationException expected) {
                                refused++;
                            }
                        }
                    }
                    return refused;
                }));
            }
            start.countDown();
            int refused = 0;
            for (Future<Integer> f : done) {
                refused += f.get(5, TimeUnit.MINUTES);
            }
            assertThat(refused).isEqualTo(THREADS * EACH / 5);
        } finally {
            pool.shutdownNow();
        }
        List<String> serials = jdbc.sql("select serial from carrier where unit_id = :u").param("u", w.unit)
                .query(String.class).list();
        List<Long> numbers = serials.stream().map(s -> Long.parseLong(s.substring(s.lastIndexOf('-') + 1))).sorted()
                .toList();
        assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, THREADS * EACH).boxed().toList());
    }

    @Test
    void aFailedRegistrationLeavesNoGap() {
        String first = w.register(w.secret()).serial();
        assertThatThrownBy(() -> w.register(w.input("绝密★长期", List.of(w.keeper.personId()), List.of(),
                StoragePlace.Kind.OTHER))).isInstanceOf(ValidationException.class);
        String second = w.register(w.secret()).serial();
        assertThat(first).endsWith("-00001");
        assertThat(second).endsWith("-00002");
    }
}
