package org.baomi.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierEvent.*;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.classification.Marking;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever anyone tries, in whatever order, a carrier never reaches an illegal state.
 * Each seed generates a unit (people with random clearances and departments), a carrier with a
 * random marking and scope, and a random sequence of acts with random arguments — missing
 * approvals, readers out of turn, borrowers outside the scope. After every attempt:
 * <ul>
 * <li>a refused act leaves no trace; an accepted one appends exactly one event (history only grows);</li>
 * <li>the status is what replaying the history gives, and a restored carrier agrees;</li>
 * <li>nothing follows a terminal event;</li>
 * <li>whoever held it on loan, on a route or carried it out was in scope and cleared for the level then;</li>
 * <li>a hand-over goes to someone else who is cleared; a scope change keeps a state secret's scope
 *     non-empty and whoever holds it in it; the custodian and scope are what the history gives;</li>
 * <li>no copy, carrying out, destruction or change of marking without an approval reference, and
 *     no TOP SECRET copy without the originator's consent.</li>
 * </ul>
 * A failing seed reproduces exactly.
 */
class CarrierLifecyclePropertyTest {

    static final List<String> MARKINGS = List.of("绝密★", "绝密★长期", "机密★10年", "机密★", "秘密★6个月", "秘密★", "内部");
    static final StoragePlace SAFE = new StoragePlace(StoragePlace.Kind.COMBINATION_SAFE, "保险柜");
    static final StoragePlace CABINET = new StoragePlace(StoragePlace.Kind.COMBINATION_LOCK_CABINET, "文件柜");
    static final StoragePlace SHELF = new StoragePlace(StoragePlace.Kind.OTHER, "书架");
    static final Instant START = Instant.parse("2026-03-16T02:00:00Z");

    /** Every kind of event some seed produced: a generator that never reaches an act tests nothing about it. */
    static final Set<Class<?>> REACHED = new HashSet<>();
    /** Whether some seed retrieved a carrier from the archive and returned it there (same event types as a loan). */
    static boolean retrievedAndReturnedToTheArchive;

    @AfterAll
    static void everyActWasReachedBySomeSeed() {
        assertThat(REACHED).containsExactlyInAnyOrder(CarrierEvent.class.getPermittedSubclasses());
        assertThat(retrievedAndReturnedToTheArchive).as("some seed returned a retrieval to the archive").isTrue();
    }

    static LongStream seeds() {
        return LongStream.range(0, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSequenceOfActsReachesAnIllegalState(long seed) {
        Random random = new Random(seed);
        World w = new World(random);
        Carrier carrier = w.register();
        List<Carrier> copies = new ArrayList<>();
        Instant at = START;
        for (int step = 0, n = 10 + random.nextInt(40); step < n; step++) {
            at = at.plusSeconds(60L * random.nextInt(60 * 30));
            List<CarrierEvent> before = carrier.history();
            CarrierStatus statusBefore = carrier.status();
            try {
                if (!w.act(carrier, at, copies)) {
                    assertThat(carrier.history()).isEqualTo(before);
                    continue;
                }
                assertThat(carrier.history()).as("an accepted act appends one event").hasSize(before.size() + 1);
                assertThat(carrier.history().subList(0, before.size())).as("history only grows").isEqualTo(before);
            } catch (DomainException refused) {
                assertThat(refused.code()).startsWith("carrier.");
                assertThat(refused.getMessage()).isNotBlank();
                assertThat(carrier.history()).as("a refused act leaves no trace").isEqualTo(before);
                assertThat(carrier.status()).isEqualTo(statusBefore);
            }
            assertThat(carrier.status()).as("status is what the history says")
                    .isEqualTo(CarrierHistory.replay(carrier.history()).status());
        }
        checkHistory(carrier, w);
        carrier.history().forEach(e -> REACHED.add(e.getClass()));
        if (carrier.history().stream().anyMatch(e -> e instanceof Returned r && r.toArchive())) {
            retrievedAndReturnedToTheArchive = true;
        }
        Carrier restored = Carrier.restore(carrier.id(), carrier.serial(), carrier.details(), carrier.status(),
                carrier.history());
        assertThat(restored.marking()).isEqualTo(carrier.marking());
        assertThat(restored.storage()).isEqualTo(carrier.storage());
        assertThat(restored.circulation()).isEqualTo(carrier.circulation());
        assertThat(carrier.details()).as("current custodian and scope are what the history gives")
                .isEqualTo(w.detailsAfter(carrier.history()));
        for (Carrier copy : copies) {
            assertThat(copy.copiedFrom()).contains(carrier.id());
            assertThat(copy.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
            int made = 0;
            while (!(carrier.history().get(made) instanceof Copied c && c.copies().contains(copy.id()))) {
                made++;
            }
            CarrierDetails then = w.detailsAfter(carrier.history().subList(0, made));
            assertThat(copy.scope()).as("a copy keeps the scope it had when copied").isEqualTo(then.scope());
            assertThat(copy.custodian()).isEqualTo(then.custodian());
            assertThat(copy.history()).hasSize(1);
        }
    }

    /** Walks the final history, replaying each prefix, and checks every event against the state it met. */
    private static void checkHistory(Carrier carrier, World w) {
        List<CarrierEvent> history = carrier.history();
        for (int i = 1; i < history.size(); i++) {
            CarrierHistory.State then = CarrierHistory.replay(history.subList(0, i));
            assertThat(then.status().isTerminal()).as("nothing follows a terminal event").isFalse();
            ClassificationLevel level = then.marking().effectiveLevel();
            CarrierEvent e = history.get(i);
            KnowledgeScope scope = then.scope().orElse(w.registeredScope);
            if (e instanceof Lent l) {
                assertThat(w.mayHold(scope, l.to(), level)).as("borrower in scope and cleared").isTrue();
                assertThat(then.status()).as("lent from custody, retrieved from the archive")
                        .isEqualTo(l.fromArchive() ? CarrierStatus.ARCHIVED : CarrierStatus.IN_CUSTODY);
            } else if (e instanceof Returned r) {
                assertThat(r.toArchive()).as("goes back where it came from")
                        .isEqualTo(then.loan().orElseThrow().fromArchive());
                CarrierStatus after = CarrierHistory.replay(history.subList(0, i + 1)).status();
                assertThat(after).isEqualTo(r.toArchive() ? CarrierStatus.ARCHIVED : CarrierStatus.IN_CUSTODY);
            } else if (e instanceof CirculationStarted c) {
                assertThat(c.route()).allMatch(r -> w.mayHold(scope, r, level), "readers in scope and cleared");
            } else if (e instanceof CarriedOut c) {
                assertThat(c.approval()).isNotNull();
                assertThat(w.mayHold(scope, c.by(), level)).isTrue();
            } else if (e instanceof HandedOver h) {
                assertThat(h.to().personId()).as("handed to someone else").isNotEqualTo(h.from().personId());
                assertThat(w.byId.get(h.to().personId()).cleared(level)).as("new custodian cleared").isTrue();
                assertThat(h.from().personId()).as("handed over by the custodian then")
                        .isEqualTo(then.custodian().map(Actor::personId).orElse(w.custodian.id()));
            } else if (e instanceof ScopeChanged c) {
                assertThat(c.oldScope()).isEqualTo(scope);
                if (level.isStateSecret()) {
                    assertThat(c.newScope().isEmpty()).isFalse();
                }
                Carrier before = Carrier.restore(carrier.id(), carrier.serial(), w.detailsAfter(history.subList(0, i)),
                        then.status(), history.subList(0, i));
                assertThat(before.holders()).as("holders stay in the scope")
                        .allMatch(a -> c.newScope().includes(w.byId.get(a.personId())));
            } else if (e instanceof Copied c) {
                assertThat(c.approval()).isNotNull();
                if (level == ClassificationLevel.TOP_SECRET) {
                    assertThat(c.originatorConsent()).isPresent();
                }
            } else if (e instanceof Destroyed d) {
                assertThat(d.record().approval()).isNotNull();
                assertThat(d.record().supervisors()).hasSizeGreaterThanOrEqualTo(2)
                        .noneMatch(s -> s.personId() == d.record().requester().personId());
            } else if (e instanceof Reclassified r) {
                assertThat(r.approval()).isNotNull();
                assertThat(r.oldMarking()).isNotEqualTo(r.newMarking());
            } else if (e instanceof Declassified d) {
                assertThat(d.approval()).isNotNull();
            }
        }
    }

    /** One unit's people and a random actor for each act. */
    static final class World {
        final Random random;
        final List<PersonRef> people = new ArrayList<>();
        final Map<Long, PersonRef> byId = new HashMap<>();
        final PersonRef custodian;
        KnowledgeScope registeredScope;
        CarrierDetails registeredDetails;
        long nextId = 1000;

        World(Random random) {
            this.random = random;
            custodian = new PersonRef(1, "保密员", SecretRelatedLevel.CORE, Set.of(10L));
            add(custodian);
            for (int i = 2; i <= 7; i++) {
                SecretRelatedLevel level = SecretRelatedLevel.values()[random.nextInt(4)];
                add(new PersonRef(i, "人员" + i, level, Set.of(10L * (1 + random.nextInt(3)))));
            }
        }

        private void add(PersonRef p) {
            people.add(p);
            byId.put(p.id(), p);
        }

        Carrier register() {
            Marking marking = Marking.parse(MARKINGS.get(random.nextInt(MARKINGS.size())));
            StoragePlace place = marking.level() == ClassificationLevel.TOP_SECRET ? SAFE
                    : random.nextBoolean() ? SAFE : CABINET;
            Set<Long> persons = new HashSet<>();
            Set<Long> departments = new HashSet<>();
            for (int i = 2; i <= 7; i++) {
                if (random.nextInt(3) == 0) {
                    persons.add((long) i);
                }
            }
            departments.add(10L * (1 + random.nextInt(3)));
            CarrierDetails details = new CarrierDetails(1, CarrierType.values()[random.nextInt(CarrierType.values().length)],
                    "标题", "", "来文单位", LocalDate.of(2026, 3, 10), new CopyNumber(1, 1),
                    new KnowledgeScope(persons, departments), custodian);
            registeredScope = details.scope();
            registeredDetails = details;
            return Carrier.register(new CarrierId(1), new SerialNumber("S-1"), details, marking, place, custodian, START);
        }

        /** The details a prefix of the history leads to: the registered ones with its custodian and scope. */
        CarrierDetails detailsAfter(List<CarrierEvent> prefix) {
            CarrierHistory.State s = CarrierHistory.replay(prefix);
            CarrierDetails d = registeredDetails.withScope(s.scope().orElse(registeredScope));
            return s.custodian().map(a -> d.withCustodian(byId.get(a.personId()))).orElse(d);
        }

        PersonRef anyone() {
            return people.get(random.nextInt(people.size()));
        }

        ApprovalRef approval() {
            return random.nextInt(4) == 0 ? null : new ApprovalRef(1 + random.nextInt(50));
        }

        LocalDate due(Instant at) {
            return CirculationPolicy.DEFAULT.dayOf(at).plusDays(random.nextInt(6) - 1);
        }

        /** Whether {@code a} was cleared for {@code level} and in the scope the carrier had then. */
        boolean mayHold(KnowledgeScope scopeThen, Actor a, ClassificationLevel level) {
            PersonRef p = byId.get(a.personId());
            return p.cleared(level) && scopeThen.includes(p);
        }

        List<PersonRef> holdersNow(Carrier c) {
            return c.holders().stream().map(a -> byId.get(a.personId())).toList();
        }

        KnowledgeScope anyScope() {
            Set<Long> persons = new HashSet<>();
            for (int i = 1; i <= 7; i++) {
                if (random.nextInt(3) == 0) {
                    persons.add((long) i);
                }
            }
            Set<Long> departments = new HashSet<>();
            if (random.nextInt(4) != 0) {
                departments.add(10L * (1 + random.nextInt(3)));
            }
            return new KnowledgeScope(persons, departments);
        }

        /** Tries one random act; false when the roll chose not to try a rare (terminal) one. */
        boolean act(Carrier c, Instant at, List<Carrier> copies) {
            switch (random.nextInt(20)) {
                case 0 -> {
                    List<PersonRef> route = new ArrayList<>();
                    for (int i = 0, n = random.nextInt(4); i < n; i++) {
                        route.add(anyone());
                    }
                    c.circulate(route, due(at), random.nextInt(4) == 0, CirculationPolicy.DEFAULT, anyone(), at);
                }
                case 1, 2 -> {
                    // mostly the rightful next reader, sometimes anyone
                    PersonRef reader = c.circulation().flatMap(Circulation::nextReader)
                            .filter(n -> random.nextInt(4) != 0).map(n -> byId.get(n.personId())).orElse(anyone());
                    c.signAsRead(reader, at);
                }
                case 3 -> c.endCirculation(anyone(), at);
                case 4 -> c.recallCirculation(random.nextBoolean() ? "急需" : " ", anyone(), at);
                case 5 -> c.lend(anyone(), random.nextInt(8) == 0 ? null : due(at), anyone(), at);
                case 6 -> c.returnLoan(anyone(), at);
                case 7 -> c.carryOut(approval(), random.nextInt(8) == 0 ? null : due(at), anyone(), at);
                case 8 -> c.bringBack(anyone(), at);
                case 9 -> {
                    List<CopyIdentity> ids = new ArrayList<>();
                    for (int i = 0, n = random.nextInt(3); i < n; i++) {
                        long id = nextId++;
                        ids.add(new CopyIdentity(new CarrierId(id), new SerialNumber("S-" + id)));
                    }
                    OriginatorConsent consent = random.nextBoolean() ? new OriginatorConsent("原定密机关", "函1") : null;
                    copies.addAll(c.copy(approval(), ids, consent, anyone(), at));
                }
                case 10 -> c.moveTo(List.of(SAFE, CABINET, SHELF).get(random.nextInt(3)), anyone(), at);
                case 11 -> c.archive(anyone(), at);
                case 12 -> {
                    if (random.nextInt(4) == 0) {
                        c.clear(random.nextBoolean() ? "签收单" : "", anyone(), at);
                        return true;
                    }
                    return false;
                }
                case 13 -> {
                    if (random.nextInt(4) == 0) {
                        List<Actor> supervisors = List.of(anyone().actor(), anyone().actor());
                        ApprovalRef approval = approval();
                        DestructionRecord record = approval == null ? null : new DestructionRecord("批次1", approval,
                                DestructionRecord.Method.IN_HOUSE_EQUIPMENT, anyone().actor(), supervisors);
                        c.destroy(record, anyone(), at);
                        return true;
                    }
                    return false;
                }
                case 14 -> {
                    if (random.nextInt(6) == 0) {
                        c.reportLost(random.nextBoolean() ? "遗失" : "", anyone(), at);
                        return true;
                    }
                    return false;
                }
                case 16 -> c.handOver(anyone(), random.nextInt(8) == 0 ? "" : "调离", anyone(), at);
                case 17 -> c.changeScope(anyScope(), random.nextInt(8) == 0 ? " " : "调整", holdersNow(c), anyone(), at);
                case 18 -> c.retrieve(anyone(), random.nextInt(8) == 0 ? null : due(at), anyone(), at);
                case 15 -> c.reclassify(Marking.parse(MARKINGS.get(random.nextInt(MARKINGS.size()))), approval(), anyone(), at);
                default -> c.declassify(approval(), anyone(), at);
            }
            return true;
        }
    }
}
