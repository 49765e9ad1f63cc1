package org.baomi.core.device.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.lifecycle.MediumEvent.*;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a medium is only ever held by someone cleared for its level, is destroyed only from
 * stock and on an approval, and nothing follows its loss or destruction; its state is always
 * the replay of its history.
 */
class MediumLifecyclePropertyTest {

    static final Actor OFFICER = new Actor(1, "保密员");
    static final Set<Class<?>> REACHED = new HashSet<>();

    @AfterAll
    static void everyEventWasReachedBySomeSeed() {
        assertThat(REACHED).containsExactlyInAnyOrder(MediumEvent.class.getPermittedSubclasses());
    }

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMediumIsOnlyHeldByTheClearedAndDestroyedOnApproval(long seed) {
        Random random = new Random(seed);
        ClassificationLevel level = List.of(ClassificationLevel.TOP_SECRET, ClassificationLevel.SECRET,
                ClassificationLevel.CONFIDENTIAL, ClassificationLevel.INTERNAL).get(random.nextInt(4));
        List<PersonRef> people = List.of(new PersonRef(11, "甲", SecretRelatedLevel.CORE),
                new PersonRef(12, "乙", SecretRelatedLevel.IMPORTANT), new PersonRef(13, "丙", SecretRelatedLevel.GENERAL),
                new PersonRef(14, "丁", SecretRelatedLevel.NONE));
        Instant at = Instant.parse("2026-03-16T02:00:00Z");
        MediumRecord medium = MediumRecord.register(3, "FGW-HP-" + seed, level, OFFICER, at);
        for (int step = 0, n = 5 + random.nextInt(20); step < n; step++) {
            at = at.plusSeconds(3600);
            List<MediumEvent> before = medium.history();
            try {
                switch (random.nextInt(4)) {
                    case 0 -> medium.issue(people.get(random.nextInt(people.size())), OFFICER, at);
                    case 1 -> medium.returnToStock(OFFICER, at);
                    case 2 -> medium.reportLost(random.nextInt(4) == 0 ? "" : "遗失", OFFICER, at);
                    default -> medium.destroy(random.nextInt(3) == 0 ? null : new ApprovalRef(5 + step),
                            new DestructionRecord("销毁中心", "", List.of(new PersonRef.Named(12, "乙"))), OFFICER, at);
                }
                assertThat(medium.history()).hasSize(before.size() + 1);
            } catch (DomainException refused) {
                assertThat(refused.code()).startsWith("medium.");
                assertThat(medium.history()).isEqualTo(before);
            }
            medium.history().forEach(e -> REACHED.add(e.getClass()));
            assertThat(MediumHistory.replay(medium.history())).isEqualTo(medium.state());
            for (MediumEvent e : medium.history()) {
                if (e instanceof Issued i) {
                    SecretRelatedLevel held = people.stream().filter(p -> p.id() == i.holder().id()).findFirst()
                            .orElseThrow().level();
                    assertThat(held.maySee(level)).as("issued only to the cleared").isTrue();
                }
                if (e instanceof Destroyed d) {
                    assertThat(d.approval()).isNotNull();
                }
            }
            if (medium.status() == MediumStatus.ISSUED) {
                assertThat(medium.state().holder()).as("an issued medium has its holder").isNotNull();
            }
            if (medium.status() == MediumStatus.IN_STOCK || medium.status() == MediumStatus.DESTROYED) {
                assertThat(medium.state().holder()).as("a medium in stock or destroyed has no holder").isNull();
            }
        }
    }
}
