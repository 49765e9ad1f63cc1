package org.baomi.server.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baomi.core.carrier.PersonRef;
import org.baomi.core.security.Permission;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierRepository.PersonRow;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.HandoverViews.Candidate;
import org.baomi.server.carrier.HandoverViews.HandoverList;
import org.baomi.server.carrier.HandoverViews.Item;
import org.baomi.server.carrier.HandoverViews.Preview;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custodian hand-overs as the unit records them (移交, ADR 0017): one carrier, or every carrier a
 * person keeps when he leaves his post ("张三调离，全部移交给李四"), each with a hand-over list
 * both people and the supervisor sign. Every carrier changes hands through
 * {@link CarrierService#handOver}, so its history, projection and audit entry are the single act's.
 */
@Service
@Transactional
public class HandoverService {

    private final CarrierService carriers;
    private final CarrierRepository repository;
    private final HandoverRepository handovers;
    private final OrgScope orgScope;
    private final AuditLog audit;
    private final java.time.Clock clock;

    HandoverService(CarrierService carriers, CarrierRepository repository, HandoverRepository handovers,
            OrgScope orgScope, AuditLog audit, java.time.Clock clock) {
        this.carriers = carriers;
        this.repository = repository;
        this.handovers = handovers;
        this.orgScope = orgScope;
        this.audit = audit;
        this.clock = clock;
    }

    /** Hands one carrier over and records its hand-over list; returns the list's id. */
    public long handOver(long carrierId, long toPersonId, String reason) {
        PersonRef from = carriers.handOver(carrierId, toPersonId, reason);
        long unitId = repository.load(carrierId, false).orElseThrow().unitId();
        PersonRow to = repository.person(toPersonId).orElseThrow();
        return record(unitId, new Label(from.id(), from.name()), new Label(to.id(), to.name()), reason,
                List.of(carrierId));
    }

    /**
     * What a bulk hand-over from {@code fromPersonId} to {@code toPersonId} in {@code unitId} would
     * do: every open carrier of the unit in his custody, each with the reason it cannot go (if any).
     */
    @Transactional(readOnly = true)
    public Preview preview(long unitId, long fromPersonId, long toPersonId) {
        BaomiUser user = ledgerKeeper(unitId);
        Label from = person(user, "fromPersonId", fromPersonId);
        Label to = person(user, "toPersonId", toPersonId);
        List<FieldProblem> problems = new ArrayList<>();
        if (fromPersonId == toPersonId) {
            problems.add(new FieldProblem("toPersonId", "carrier.sameCustodian", to.name()
                    + " is already the custodian; hand over to someone else.", to.name(), ""));
        }
        List<Long> ids = repository.inCustodyOf(unitId, fromPersonId);
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("fromPersonId", "carrier.handoverNothing", from.name()
                    + " keeps no carrier in this unit's ledger.", from.name()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<Candidate> items = new ArrayList<>(ids.size());
        for (long id : ids) {
            items.add(carriers.tryHandOver(id, toPersonId));
        }
        return new Preview(unitId, from, to, items);
    }

    /**
     * Hands every open carrier of the unit in {@code fromPersonId}'s custody to {@code toPersonId},
     * all or nothing: when any cannot go (not cleared, out on loan, ...) nothing changes and the
     * refusal lists each of them by serial. Returns the hand-over list's id.
     */
    public long handOverAll(long unitId, long fromPersonId, long toPersonId, String reason) {
        Preview preview = preview(unitId, fromPersonId, toPersonId);
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "carrier.reasonMissing", "Say why.");
        }
        if (!preview.allCanGo()) {
            List<FieldProblem> problems = new ArrayList<>();
            for (Candidate c : preview.items()) {
                if (!c.canGo()) {
                    problems.add(new FieldProblem("carriers", "carrier.handoverRefused", c.serial() + ": "
                            + c.problem().getDefaultMessage(), c.serial(), c.problem()));
                }
            }
            throw new ValidationException(problems);
        }
        List<Long> ids = preview.items().stream().map(Candidate::carrierId).toList();
        for (long id : ids) {
            carriers.handOver(id, toPersonId, reason);
        }
        long listId = record(unitId, preview.from(), preview.to(), reason, ids);
        audit.record("carrier.handOverAll", "carrier_handover", listId,
                Map.of("custodian", preview.from().name()),
                Map.of("custodian", preview.to().name(), "count", ids.size(), "reason", reason.strip()));
        return listId;
    }

    /** The printed hand-over list; for the keepers of the unit's ledger (other units: 404). Audited as a view. */
    public HandoverList list(long id) {
        BaomiUser user = CarrierService.user(Permission.CARRIER_MANAGE);
        HandoverRepository.Stored h = handovers.find(id).filter(x -> readable(user, x.unitId()))
                .orElseThrow(() -> notFound(id));
        if (!CarrierService.ledgerUnits(user).contains(h.unitId())) {
            throw new AccessDeniedException("not the keeper of unit " + h.unitId() + "'s carrier ledger");
        }
        PersonRef me = carriers.me(user);
        List<Item> items = new ArrayList<>();
        for (HandoverRepository.Line l : handovers.lines(id)) {
            boolean cleared = me.cleared(l.level());
            items.add(new Item(l.position(), l.carrierId(), l.serial(), l.type(), l.markingText(),
                    cleared ? l.title() : null, cleared ? l.documentNumber() : null, l.copy(), l.copyTotal(),
                    l.storageName()));
        }
        audit.recordView("carrier_handover", id);
        return new HandoverList(h.id(), h.unitId(), repository.unitName(h.unitId()), h.from(), h.to(), h.reason(),
                h.recordedBy(), h.recordedAt(), items);
    }

    /** The latest hand-overs in the ledgers the signed-in person keeps. */
    @Transactional(readOnly = true)
    public List<HandoverViews.Summary> recent() {
        BaomiUser user = CarrierService.user(Permission.CARRIER_MANAGE);
        return handovers.recent(List.copyOf(CarrierService.ledgerUnits(user)), 20);
    }

    private long record(long unitId, Label from, Label to, String reason, List<Long> ids) {
        BaomiUser user = CarrierService.user(Permission.CARRIER_MANAGE);
        PersonRef me = carriers.me(user);
        return handovers.insert(unitId, from, to, reason.strip(), new Label(me.id(), me.name()), clock.instant(), ids);
    }

    private BaomiUser ledgerKeeper(long unitId) {
        BaomiUser user = CarrierService.user(Permission.CARRIER_MANAGE);
        if (!CarrierService.ledgerUnits(user).contains(unitId)) {
            throw new AccessDeniedException("not the keeper of unit " + unitId + "'s carrier ledger");
        }
        return user;
    }

    /** A person of a unit the user may read (inactive ones too: someone who left still hands over). */
    private Label person(BaomiUser user, String field, long personId) {
        PersonRow p = repository.person(personId).filter(x -> readable(user, x.unitId())).orElseThrow(
                () -> ValidationException.of(field, "carrier.personUnknown", "There is no person " + personId
                        + " in your units.", personId));
        return new Label(p.id(), p.name());
    }

    private boolean readable(BaomiUser user, long unitId) {
        return user.has(Permission.BUSINESS_READ) && orgScope.visibleUnitIds(user).contains(unitId);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("carrier.handoverNotFound", "There is no hand-over " + id + " you may see.");
    }
}
