package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.baomi.core.DomainException;
import org.baomi.core.approval.Verdict;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.CarrierHistory;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.server.carrier.CarrierViews.TimelineEntry;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * Random sequences of acts through {@link CarrierService} (seeded, ADR 0006): after every act the
 * stored status column, the projection's version and the timeline agree with a replay of the
 * history; a refused act changes nothing; and an act that needs approval succeeds only with an
 * APPROVED request of its type, for that carrier, not used before — which it then uses up.
 */
abstract class CarrierPropertyTest extends WithCarrierWorld {

    static final int STEPS = 45;

    /** What the generator reached, over all seeds: every approval outcome must come up. */
    static final Map<String, Integer> reached = new ConcurrentHashMap<>();

    /** A request as the test knows it. */
    static final class Req {
        final long id;
        final long carrier;
        final String type;
        String state = "PENDING";
        boolean used;

        Req(long id, long carrier, String type) {
            this.id = id;
            this.carrier = carrier;
            this.type = type;
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 14).map(i -> 0xBA0D1L * 31 + i);
    }

    @BeforeAll
    static void reset() {
        reached.clear();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomActsKeepTheLedgerConsistentAndApprovalsCannotBeSkipped(long seed) {
        Random random = new Random(seed);
        LocalDate today = CarrierWorld.today(clock);
        CarrierInput in = w.input("机密★10年", List.of(w.keeper.personId()), List.of(w.deptA),
                StoragePlace.Kind.COMBINATION_SAFE);
        long id = w.register(in).id();
        long other = w.register(in).id();
        List<Req> requests = new ArrayList<>();
        int events = 1;
        int version = 0;
        for (int step = 0; step < STEPS; step++) {
            int pick = random.nextInt(16);
            // Archiving and the terminal acts end most of what can follow: only late in a sequence.
            if ((pick == 13 && step < 30) || (pick == 14 && step < STEPS - 5)) {
                pick = 15;
            }
            String act = "";
            boolean ok;
            try {
                switch (pick) {
                    case 0 -> {
                        act = "circulate";
                        List<Long> route = random.nextBoolean() ? List.of(w.reader.personId())
                                : List.of(w.reader.personId(), w.reader2.personId());
                        w.run(w.keeper, () -> carriers.circulate(id, route, today, random.nextBoolean()));
                    }
                    case 1 -> {
                        act = "sign";
                        TestAccount who = random.nextBoolean() ? w.reader : w.reader2;
                        w.run(who, () -> carriers.signAsRead(id));
                    }
                    case 2 -> {
                        act = "end";
                        w.run(w.keeper, () -> carriers.endCirculation(id));
                    }
                    case 3 -> {
                        act = "recall";
                        w.run(w.keeper, () -> carriers.recallCirculation(id, "急用"));
                    }
                    case 4 -> {
                        act = "lend";
                        w.run(w.keeper, () -> carriers.lend(id, w.reader.personId(), today.plusDays(1)));
                    }
                    case 5 -> {
                        act = "return";
                        w.run(random.nextBoolean() ? w.reader : w.keeper, () -> carriers.returnLoan(id));
                    }
                    case 6, 7 -> {
                        act = "request";
                        openRequest(random, id, other, requests);
                    }
                    case 8, 9, 10 -> {
                        Req chosen = chooseRequest(random, requests, id);
                        String type = random.nextInt(4) == 0 && chosen != null ? randomType(random)
                                : chosen != null ? chosen.type : randomType(random);
                        long requestId = chosen != null ? chosen.id : 900_000_000L + random.nextInt(1000);
                        act = type;
                        boolean valid = chosen != null && chosen.carrier == id && chosen.type.equals(type)
                                && chosen.state.equals("APPROVED") && !chosen.used;
                        try {
                            performApproved(type, id, requestId);
                        } catch (RuntimeException refused) {
                            reached.merge(type + (valid ? " valid but refused" : " invalid refused"), 1, Integer::sum);
                            reachedRefusal(refused);
                            throw refused;
                        }
                        assertThat(valid).as("%s succeeded with request %s (%s)", type, requestId,
                                chosen == null ? "unknown" : chosen.type + "/" + chosen.state + "/used=" + chosen.used
                                        + "/carrier=" + chosen.carrier).isTrue();
                        chosen.used = true;
                        reached.merge(type + " succeeded", 1, Integer::sum);
                    }
                    case 11 -> {
                        act = "bringBack";
                        w.run(w.keeper, () -> carriers.bringBack(id));
                    }
                    case 12 -> {
                        act = "move";
                        String place = "保险柜" + random.nextInt(3);
                        w.run(w.keeper, () -> carriers.moveTo(id, StoragePlace.Kind.COMBINATION_SAFE, place));
                    }
                    case 13 -> {
                        act = "archive";
                        w.run(w.archivist, () -> carriers.archive(id));
                    }
                    case 14 -> {
                        act = random.nextInt(4) == 0 ? "lost" : "clear";
                        if (act.equals("lost")) {
                            w.run(w.keeper, () -> carriers.reportLost(id, "遗失"));
                        } else {
                            w.run(w.keeper, () -> carriers.clear(id, "回执" + random.nextInt(100)));
                        }
                    }
                    default -> {
                        act = "view";
                        w.as(w.reader, () -> carriers.get(id));
                    }
                }
                ok = true;
            } catch (DomainException | ValidationException | NotFoundException | AccessDeniedException refused) {
                ok = false;
            }
            boolean changesCarrier = !act.equals("request") && !act.equals("view");
            if (ok && changesCarrier) {
                events++;
                version++;
                reached.merge("ok " + act, 1, Integer::sum);
            }
            check(id, events, version, seed, step, act, ok);
        }
    }

    private void check(long id, int events, int version, long seed, int step, String act, boolean ok) {
        CarrierView.Full full = (CarrierView.Full) w.as(w.keeper, () -> carriers.get(id));
        List<CarrierEvent> history = full.timeline().stream().map(TimelineEntry::event).toList();
        String where = "seed " + seed + " step " + step + " (" + act + (ok ? " ok" : " refused") + ")";
        assertThat(history).as(where + ": one event per accepted act, none for a refused one").hasSize(events);
        assertThat(CarrierHistory.replay(history).status()).as(where).isEqualTo(full.detail().status());
        Map<String, Object> row = jdbc.sql("select status, version from carrier where id = :id").param("id", id)
                .query().singleRow();
        assertThat(row.get("status")).as(where).isEqualTo(full.detail().status().name());
        assertThat(((Number) row.get("version")).intValue()).as(where).isEqualTo(version);
        long seqs = jdbc.sql("select count(*) from carrier_event where carrier_id = :id").param("id", id)
                .query(Long.class).single();
        assertThat(seqs).as(where).isEqualTo(events);
    }

    private void openRequest(Random random, long id, long other, List<Req> requests) {
        long carrier = random.nextInt(5) == 0 ? other : id;
        String type = randomType(random);
        long requestId = w.as(w.keeper, () -> switch (type) {
            case CarrierService.COPY -> carriers.requestCopy(carrier, 1 + random.nextInt(2), CopyChain.LEADER_IN_CHARGE,
                    null, null, "传达");
            case CarrierService.CARRY_OUT -> carriers.requestCarryOut(carrier, CarrierWorld.today(clock).plusDays(1), "汇报");
            case CarrierService.RECLASSIFY -> carriers.requestReclassify(carrier,
                    random.nextBoolean() ? "秘密★5年" : "机密★5年", "复核");
            default -> carriers.requestDeclassify(carrier, "期满");
        });
        Req r = new Req(requestId, carrier, type);
        requests.add(r);
        int decision = random.nextInt(4);
        if (decision > 0) {
            TestAccount approver = type.equals(CarrierService.COPY) || type.equals(CarrierService.CARRY_OUT) ? w.leader
                    : w.head;
            Verdict verdict = decision == 3 ? Verdict.REJECT : Verdict.APPROVE;
            w.run(approver, () -> approvals.decide(requestId, verdict, verdict == Verdict.REJECT ? "不同意" : "同意"));
            r.state = verdict == Verdict.APPROVE ? "APPROVED" : "REJECTED";
        }
    }

    private static Req chooseRequest(Random random, List<Req> requests, long id) {
        if (requests.isEmpty() || random.nextInt(8) == 0) {
            return null;
        }
        List<Req> valid = requests.stream().filter(r -> r.carrier == id && !r.used && r.state.equals("APPROVED")).toList();
        if (!valid.isEmpty() && random.nextBoolean()) {
            return valid.get(random.nextInt(valid.size()));
        }
        return requests.get(random.nextInt(requests.size()));
    }

    private static String randomType(Random random) {
        return List.of(CarrierService.COPY, CarrierService.CARRY_OUT, CarrierService.RECLASSIFY, CarrierService.DECLASSIFY)
                .get(random.nextInt(4));
    }

    private void performApproved(String type, long id, long requestId) {
        switch (type) {
            case CarrierService.COPY -> w.as(w.keeper, () -> carriers.copy(id, requestId));
            case CarrierService.CARRY_OUT -> w.run(w.keeper, () -> carriers.carryOut(id, requestId));
            case CarrierService.RECLASSIFY -> w.run(w.keeper, () -> carriers.reclassify(id, requestId));
            default -> w.run(w.keeper, () -> carriers.declassify(id, requestId));
        }
    }

    private static void reachedRefusal(RuntimeException e) {
        String code = e instanceof DomainException d ? d.code()
                : e instanceof ValidationException v ? v.problems().get(0).code() : e.getClass().getSimpleName();
        reached.merge("refused " + code, 1, Integer::sum);
    }

    @AfterAll
    static void everyApprovalOutcomeWasReached() {
        Set<String> keys = reached.keySet();
        assertThat(keys).as("what the generator reached: %s", new TreeMap<>(reached)).contains(
                "carrier.copy succeeded", "carrier.carryOut succeeded", "carrier.reclassify succeeded",
                "carrier.declassify succeeded", "refused carrier.approvalUnknown", "refused carrier.approvalNotApproved",
                "refused carrier.approvalOtherCarrier", "refused carrier.approvalWrongType",
                "refused carrier.approvalUsed", "ok sign", "ok end", "ok recall", "ok lend", "ok return",
                "ok bringBack", "ok archive", "ok move");
    }
}
