package org.baomi.server.evidence;

import org.baomi.core.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.evidence.Evidence.EvidenceRecord;
import org.baomi.server.evidence.EvidenceRepository.CarrierRow;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence from the classified-carrier ledger. Overdue means the due date is before the day the
 * evidence is judged on ({@link EvidenceContext#asOf}); records name carriers by serial and level,
 * never by title. Days are counted in China Standard Time, as the ledger counts them.
 */
@Component
class CarrierEvidence implements EvidenceSource {

    static final ZoneId ZONE = ChinaTime.ZONE;

    private final EvidenceRepository repository;
    private final Texts texts;
    private final JsonMapper json;

    CarrierEvidence(EvidenceRepository repository, Texts texts, JsonMapper json) {
        this.repository = repository;
        this.texts = texts;
        this.json = json;
    }

    @Override
    public List<EvidenceQuery> queries() {
        return List.of(
                EvidenceQuery.of("carrier.circulation.overdue", "Carriers whose circulation is past its due date.",
                        c -> overdue(c, "carrier.circulation.overdue", "CIRCULATING")),
                EvidenceQuery.of("carrier.loan.overdue", "Carriers lent and not returned by the due date.",
                        c -> overdue(c, "carrier.loan.overdue", "ON_LOAN")),
                EvidenceQuery.of("carrier.carryOut.overdue", "Carriers carried out and not brought back by the approved date.",
                        c -> overdue(c, "carrier.carryOut.overdue", "CARRIED_OUT")),
                EvidenceQuery.of("carrier.overdue",
                        "Carriers overdue in circulation, on loan or carried out (the three queries above in one).",
                        this::anyOverdue),
                EvidenceQuery.of("carrier.lost", "Carriers reported lost in the period.", this::lost),
                EvidenceQuery.of("carrier.yearEndHeld", "Carriers held by individuals across the last year end.",
                        this::yearEndHeld),
                EvidenceQuery.of("carrier.term.expiring", "Classified carriers whose secrecy term has ended or ends within the unit's warning window.",
                        this::termExpiring),
                EvidenceQuery.of("carrier.destroyedWithoutApproval", "Destroyed carriers whose destruction names no approved carrier.destroy request.",
                        this::destroyedWithoutApproval),
                EvidenceQuery.of("carrier.inventory.missing", "Carriers the last finished inventory found missing.",
                        this::inventoryMissing));
    }

    private static String link(long id) {
        return "/carriers/" + id;
    }

    private boolean noCarriers(EvidenceContext c) {
        return repository.carriers(c.unitIds()) == 0;
    }

    private Evidence withLedger(EvidenceContext c, String id, Function<EvidenceContext, List<EvidenceRecord>> find) {
        if (noCarriers(c)) {
            return c.noData(id, "evidence.summary.carrier.noLedger");
        }
        return c.findings(id, find.apply(c));
    }

    private Evidence overdue(EvidenceContext c, String id, String status) {
        return withLedger(c, id, ctx -> overdueRecords(ctx, repository.overdue(ctx.unitIds(), status, ctx.asOf())));
    }

    private Evidence anyOverdue(EvidenceContext c) {
        return withLedger(c, "carrier.overdue", ctx -> overdueRecords(ctx, repository.anyOverdue(ctx.unitIds(), ctx.asOf())));
    }

    private Evidence lost(EvidenceContext c) {
        Instant from = c.from().atStartOfDay(ZONE).toInstant();
        Instant to = c.to().plusDays(1).atStartOfDay(ZONE).toInstant();
        return withLedger(c, "carrier.lost", ctx -> repository.lost(ctx.unitIds(), from, to).stream()
                .map(r -> new EvidenceRecord("carrier", Long.toString(r.id()), r.serial(),
                        texts.text("evidence.detail.carrier.lost", LocalDate.ofInstant(r.at(), ZONE).toString()),
                        link(r.id())))
                .toList());
    }

    private List<EvidenceRecord> overdueRecords(EvidenceContext ctx, List<CarrierRow> rows) {
        return rows.stream()
                .map(r -> new EvidenceRecord("carrier", Long.toString(r.id()), r.serial(),
                        texts.text("evidence.detail.carrier.overdue", texts.text("carrier.level." + r.level()),
                                r.dueDate().toString(), r.holderName() == null ? "" : r.holderName(),
                                java.time.temporal.ChronoUnit.DAYS.between(r.dueDate(), ctx.asOf())),
                        link(r.id())))
                .toList();
    }

    /**
     * Held across a year end: on loan now, lent before the last 1 January on or before the day
     * judged on. A period that ends on 31 December judged after it therefore looks at that year end.
     */
    private Evidence yearEndHeld(EvidenceContext c) {
        LocalDate newYear = LocalDate.of(c.asOf().plusDays(1).getYear(), 1, 1);
        Instant before = newYear.atStartOfDay(ZONE).toInstant();
        return withLedger(c, "carrier.yearEndHeld", ctx -> repository.onLoanSince(ctx.unitIds(), before).stream()
                .map(r -> new EvidenceRecord("carrier", Long.toString(r.id()), r.serial(),
                        texts.text("evidence.detail.carrier.yearEndHeld", texts.text("carrier.level." + r.level()),
                                r.holderName() == null ? "" : r.holderName(),
                                LocalDate.ofInstant(r.heldSince(), ZONE).toString(), Integer.toString(newYear.getYear() - 1)),
                        link(r.id())))
                .toList());
    }

    /**
     * Terms that have ended while the carrier is still classified are findings (NOT_COMPLIANT);
     * terms ending within the unit's warning window are listed as reviews due, and alone they
     * leave the suggestion COMPLIANT.
     */
    private Evidence termExpiring(EvidenceContext c) {
        String id = "carrier.term.expiring";
        if (noCarriers(c)) {
            return c.noData(id, "evidence.summary.carrier.noLedger");
        }
        List<EvidenceRecord> records = new ArrayList<>();
        int ended = 0;
        for (CarrierRow r : repository.termsEndingBy(c.unitIds(), c.asOf().plusDays(3650))) {
            boolean hasEnded = r.termEnds().isBefore(c.asOf());
            if (!hasEnded && r.termEnds().isAfter(c.asOf().plusDays(r.termWarningDays()))) {
                continue;
            }
            ended += hasEnded ? 1 : 0;
            records.add(new EvidenceRecord("carrier", Long.toString(r.id()), r.serial(),
                    texts.text(hasEnded ? "evidence.detail.carrier.termEnded" : "evidence.detail.carrier.termEnding",
                            texts.text("carrier.level." + r.level()), r.termEnds().toString()),
                    link(r.id())));
        }
        if (records.isEmpty()) {
            return c.evidence(id, Evidence.Suggestion.COMPLIANT, records, "evidence.summary." + id + ".none", 0);
        }
        return c.evidence(id, ended > 0 ? Evidence.Suggestion.NOT_COMPLIANT : Evidence.Suggestion.COMPLIANT, records,
                "evidence.summary." + id + ".found", ended, records.size() - ended);
    }

    /**
     * Every carrier destroyed in the period must name, in its Destroyed event, an APPROVED request
     * of type {@value CarrierService#DESTROY}; a carrier marked destroyed without such an event,
     * or naming another request, is a finding. Should find none: only a changed row can.
     */
    private Evidence destroyedWithoutApproval(EvidenceContext c) {
        Instant from = c.from().atStartOfDay(ZONE).toInstant();
        Instant to = c.to().plusDays(1).atStartOfDay(ZONE).toInstant();
        return withLedger(c, "carrier.destroyedWithoutApproval", ctx -> {
            List<EvidenceRecord> records = new ArrayList<>();
            for (var r : repository.destroyed(ctx.unitIds(), from, to)) {
                Long requestId = approvalOf(r.payload());
                String problem;
                if (requestId == null) {
                    problem = texts.text("evidence.detail.carrier.destroyed.noRecord");
                } else {
                    String[] approval = repository.approval(requestId);
                    if (approval == null) {
                        problem = texts.text("evidence.detail.carrier.destroyed.unknownRequest", requestId);
                    } else if (!CarrierService.DESTROY.equals(approval[0]) || !"APPROVED".equals(approval[1])) {
                        problem = texts.text("evidence.detail.carrier.destroyed.notApproved", requestId,
                                approval[0], approval[1]);
                    } else {
                        continue;
                    }
                }
                records.add(new EvidenceRecord("carrier", Long.toString(r.id()), r.serial(), problem, link(r.id())));
            }
            return records;
        });
    }

    @SuppressWarnings("unchecked")
    private Long approvalOf(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            Object v = json.readValue(payload, Map.class).get("approval");
            return v instanceof Number n ? n.longValue() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The missing carriers of each unit's last inventory finished by the end of the period. */
    private Evidence inventoryMissing(EvidenceContext c) {
        String id = "carrier.inventory.missing";
        Instant to = c.to().plusDays(1).atStartOfDay(ZONE).toInstant();
        List<Long> inventories = repository.lastFinishedInventories(c.unitIds(), to);
        if (inventories.isEmpty()) {
            return c.noData(id, "evidence.summary.carrier.inventory.missing.noInventory");
        }
        return c.findings(id, repository.missing(inventories).stream()
                .map(m -> new EvidenceRecord("carrier", Long.toString(m.carrierId()), m.serial(),
                        texts.text("evidence.detail.carrier.inventoryMissing",
                                LocalDate.ofInstant(m.finishedAt(), ZONE).toString(), m.note() == null ? "" : m.note()),
                        link(m.carrierId())))
                .toList());
    }
}
