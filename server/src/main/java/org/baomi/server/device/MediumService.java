package org.baomi.server.device;

import org.baomi.core.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.device.lifecycle.Actor;
import org.baomi.core.device.lifecycle.ApprovalRef;
import org.baomi.core.device.lifecycle.MediumEvent;
import org.baomi.core.device.lifecycle.MediumNumberPattern;
import org.baomi.core.device.lifecycle.MediumRecord;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.device.DeviceInputs.*;
import org.baomi.server.device.DeviceRepository.MediumHead;
import org.baomi.server.device.DeviceRepository.StoredRequest;
import org.baomi.server.device.DeviceViews.*;
import org.baomi.server.incident.IncidentKind;
import org.baomi.server.incident.IncidentService;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The removable-media ledger: registration under the unit's numbering (no gaps, safe under
 * concurrent registration), issue to a cleared holder, return, loss (with an incident) and
 * destruction on an approval. Same act machinery as {@link DeviceService}.
 */
@Service
public class MediumService {

    private final DeviceRepository repository;
    private final DeviceScope scope;
    private final ActRequests requests;
    private final DeviceComplianceService compliance;
    private final EventCodec codec;
    private final AuditLog audit;
    private final IncidentService incidents;
    private final LedgerPeople people;
    private final Clock clock;
    private final TransactionTemplate separate;

    MediumService(DeviceRepository repository, DeviceScope scope, ActRequests requests,
            DeviceComplianceService compliance, EventCodec codec, AuditLog audit, IncidentService incidents,
            LedgerPeople people, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.scope = scope;
        this.requests = requests;
        this.compliance = compliance;
        this.codec = codec;
        this.audit = audit;
        this.incidents = incidents;
        this.people = people;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public PageOf<MediumRow> search(MediumSearch search) {
        MediumSearch s = search == null ? new MediumSearch(null, null, null, null, null, 1, 50) : search;
        Set<Long> units = scope.readable();
        if (s.unitId() != null) {
            units = units.contains(s.unitId()) ? Set.of(s.unitId()) : Set.of();
        }
        int size = Math.max(1, Math.min(s.size() <= 0 ? 50 : s.size(), DeviceService.MAX_PAGE));
        int page = Math.max(1, s.page());
        if (units.isEmpty()) {
            return new PageOf<>(List.of(), 0, page, size);
        }
        return new PageOf<>(repository.searchMedia(units, s, (page - 1) * size, size), repository.countMedia(units, s),
                page, size);
    }

    /** One medium; a view of a classified medium is audited. */
    @Transactional
    public MediumDetail get(long id) {
        MediumDetail detail = detail(id);
        scope.requireRead(detail.unitId(), () -> notFound(id));
        if (detail.details().level().isStateSecret()) {
            audit.recordView("medium", id);
        }
        return detail;
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        readable(id);
        return codec.history(repository.events("medium_event", "medium_id", id));
    }

    @Transactional(readOnly = true)
    public List<ActRequestView> requests(long id) {
        readable(id);
        return repository.requests("medium", id);
    }

    @Transactional(readOnly = true)
    public List<MediumLedgerRow> ledger(long unitId) {
        scope.requireRead(unitId, () -> DeviceService.unitNotFound(unitId));
        return repository.mediumLedger(unitId);
    }

    // ------------------------------------------------------------------ numbering

    /** The unit's numbering pattern ({@link MediumNumberPattern#DEFAULT} until one is set). */
    @Transactional(readOnly = true)
    public String numbering(long unitId) {
        scope.requireRead(unitId, () -> DeviceService.unitNotFound(unitId));
        return repository.numberingPattern(unitId).orElse(MediumNumberPattern.DEFAULT);
    }

    @Transactional
    public void setNumbering(long unitId, String pattern) {
        scope.requireManage(unitId, () -> DeviceService.unitNotFound(unitId));
        MediumNumberPattern parsed;
        try {
            parsed = MediumNumberPattern.parse(pattern);
        } catch (DomainException e) {
            throw new ValidationException(List.of(new FieldProblem("pattern", e.code(), e.getMessage(), e.args())));
        }
        String before = repository.numberingPattern(unitId).orElse(MediumNumberPattern.DEFAULT);
        repository.saveNumberingPattern(unitId, parsed.pattern());
        audit.record("medium.numbering", "unit", unitId, Map.of("pattern", before), Map.of("pattern", parsed.pattern()));
    }

    /**
     * The number the unit's next classified medium would get under {@code pattern} (its current one
     * when null), without taking it; a pattern that does not parse is a problem on field "pattern".
     */
    @Transactional(readOnly = true)
    public String nextNumberExample(long unitId, String pattern) {
        scope.requireRead(unitId, () -> DeviceService.unitNotFound(unitId));
        MediumNumberPattern parsed;
        try {
            parsed = MediumNumberPattern.parse(pattern != null ? pattern
                    : repository.numberingPattern(unitId).orElse(MediumNumberPattern.DEFAULT));
        } catch (DomainException e) {
            throw new ValidationException(List.of(new FieldProblem("pattern", e.code(), e.getMessage(), e.args())));
        }
        int year = clock.instant().atZone(ChinaTime.ZONE).getYear();
        long next = repository.peekNext(unitId, parsed.sequenceKey(year)).orElse(1L);
        return parsed.format(repository.unitCode(unitId), year, next);
    }

    /**
     * The next number of the unit's sequence. The sequence row is created in its own transaction
     * (two first registrations may race to create it; the loser finds it made), then taken under a
     * row lock held until the caller commits, so numbers come out in order without gaps.
     */
    private String allocateNumber(long unitId) {
        MediumNumberPattern pattern = MediumNumberPattern.parse(
                repository.numberingPattern(unitId).orElse(MediumNumberPattern.DEFAULT));
        int year = clock.instant().atZone(ChinaTime.ZONE).getYear();
        String key = pattern.sequenceKey(year);
        if (!repository.sequenceExists(unitId, key)) {
            try {
                separate.executeWithoutResult(s -> repository.insertSequence(unitId, key));
            } catch (DuplicateKeyException e) {
                // made by a concurrent registration a moment ago
            }
        }
        long seq = repository.takeNext(unitId, key);
        return pattern.format(repository.unitCode(unitId), year, seq);
    }

    // ------------------------------------------------------------------ registration and edits

    @Transactional
    public MediumChange register(long unitId, MediumDetails details) {
        scope.requireManage(unitId, () -> DeviceService.unitNotFound(unitId));
        long id = registerOne(unitId, details, "");
        return change(unitId, id);
    }

    /** Registers every row in one transaction, or none; problems name {@code rows[i].field}. */
    @Transactional
    public List<Registered> registerAll(long unitId, List<MediumDetails> rows) {
        scope.requireManage(unitId, () -> DeviceService.unitNotFound(unitId));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            check(unitId, rows.get(i), "rows[" + i + "].", problems);
        }
        DeviceService.throwIf(problems);
        List<Registered> registered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long id = registerOne(unitId, rows.get(i), "rows[" + i + "].");
            registered.add(new Registered(i, id, repository.mediumHead(id, false).orElseThrow().number()));
        }
        return registered;
    }

    private MediumDetails check(long unitId, MediumDetails details, String prefix, List<FieldProblem> problems) {
        MediumDetails d = DeviceValidation.medium(details, prefix, problems);
        if (d != null) {
            List<Long> known = repository.devicesOfUnit(unitId, d.allowedDeviceIds());
            for (Long deviceId : d.allowedDeviceIds()) {
                if (!known.contains(deviceId)) {
                    problems.add(new FieldProblem(prefix + "allowedDeviceIds", "medium.device.unknown",
                            "There is no device " + deviceId + " in this unit.", deviceId));
                }
            }
        }
        return d;
    }

    private long registerOne(long unitId, MediumDetails details, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        MediumDetails d = check(unitId, details, prefix, problems);
        DeviceService.throwIf(problems);
        Instant now = clock.instant();
        String number = allocateNumber(unitId);
        long id = repository.insertMedium(unitId, number, d, d.usbSerial(), now);
        repository.replaceAllowedDevices(id, d.allowedDeviceIds());
        MediumRecord record = MediumRecord.register(id, number, d.level(), DeviceService.actor(DeviceScope.user()), now);
        storeEvents(record, 0);
        Map<String, Object> after = snapshot(d);
        after.put("number", number);
        audit.record("medium.register", "medium", id, null, after);
        return id;
    }

    @Transactional
    public MediumChange edit(long id, MediumDetails details, Integer version) {
        return Refusals.inWords(() -> {
            MediumHead head = repository.mediumHead(id, true).orElseThrow(() -> notFound(id));
            scope.requireManage(head.unitId(), () -> notFound(id));
            if (!head.status().inService()) {
                throw new DomainException("medium.closed", "Medium " + head.number() + " is "
                        + head.status().name().toLowerCase() + "; its entry can no longer be changed.", head.number(),
                        head.status());
            }
            List<FieldProblem> problems = new ArrayList<>();
            MediumDetails d = check(head.unitId(), details, "", problems);
            DeviceService.throwIf(problems);
            MediumDetail before = detail(id);
            if (!repository.updateMedium(id, d, d.usbSerial(), version, clock.instant())) {
                throw new DomainException("medium.concurrent",
                        "Someone changed this medium while you were editing it; reload it and edit again.");
            }
            repository.replaceAllowedDevices(id, d.allowedDeviceIds());
            Map<String, Object> was = snapshot(before.details());
            was.put("allowedDeviceIds", before.allowedDevices().stream().map(DeviceLabel::id).toList());
            audit.record("medium.update", "medium", id, was, snapshot(d));
            return change(head.unitId(), id);
        });
    }

    // ------------------------------------------------------------------ acts

    /** 发放 to a holder whose secret-related level allows the medium's level; refused otherwise. */
    @Transactional
    public MediumChange issue(long id, Long holderPersonId) {
        return act(id, "medium.issue", (record, head, user, now) -> {
            record.requirePossible(MediumRecord.Act.ISSUE);
            if (holderPersonId == null) {
                throw ValidationException.of("holderPersonId", "device.required", "Required.");
            }
            record.issue(people.person(holderPersonId, "holderPersonId"), DeviceService.actor(user), now);
        });
    }

    /** 归还. */
    @Transactional
    public MediumChange returnToStock(long id) {
        return act(id, "medium.return", (record, head, user, now) ->
                record.returnToStock(DeviceService.actor(user), now));
    }

    /** 丢失: records the loss and opens an incident in the same transaction. */
    @Transactional
    public MediumChange reportLost(long id, String note) {
        return act(id, "medium.lost", (record, head, user, now) -> {
            record.reportLost(note, DeviceService.actor(user), now);
            incidents.open(IncidentKind.MEDIUM_LOST, head.unitId(), "medium", String.valueOf(id), head.number(), note);
        });
    }

    @Transactional
    public ActRequestView requestDestruction(long id, ReasonRequest request) {
        return Refusals.inWords(() -> {
            MediumHead head = repository.mediumHead(id, true).orElseThrow(() -> notFound(id));
            scope.requireManage(head.unitId(), () -> notFound(id));
            if (!head.status().inService()) {
                throw new DomainException("medium.closed", "Medium " + head.number() + " is "
                        + head.status().name().toLowerCase() + "; nothing more can be recorded for it.", head.number(),
                        head.status());
            }
            List<FieldProblem> problems = new ArrayList<>();
            String reason = DeviceValidation.text(request == null ? null : request.reason(), "reason", 500, true, problems);
            DeviceService.throwIf(problems);
            long requestId = requests.open(DeviceAct.MEDIUM_DESTRUCTION, id, head.unitId(), head.number() + ": " + reason,
                    new StoredRequest(0, DeviceAct.MEDIUM_DESTRUCTION, "medium", id, null, null, null, null, null, null,
                            null, reason, null));
            return repository.requests("medium", id).stream().filter(v -> v.requestId() == requestId).findFirst()
                    .orElseThrow();
        });
    }

    /** 销毁 on the approved destruction request. */
    @Transactional
    public MediumChange destroy(long id, DestructionInput input) {
        return act(id, "medium.destroy", (record, head, user, now) -> {
            record.requirePossible(MediumRecord.Act.DESTROY);
            StoredRequest r = requests.spend(DeviceAct.MEDIUM_DESTRUCTION, id, input == null ? null : input.requestId());
            record.destroy(new ApprovalRef(r.requestId()), people.destruction(input, user), DeviceService.actor(user),
                    now);
        });
    }

    // ------------------------------------------------------------------ machinery

    @FunctionalInterface
    private interface Act {
        void perform(MediumRecord record, MediumHead head, BaomiUser user, Instant now);
    }

    private MediumChange act(long id, String action, Act act) {
        return Refusals.inWords(() -> {
            MediumHead head = repository.mediumHead(id, true).orElseThrow(() -> notFound(id));
            scope.requireManage(head.unitId(), () -> notFound(id));
            BaomiUser user = DeviceScope.user();
            Instant now = clock.instant();
            List<MediumEvent> events = codec.mediumEvents(repository.events("medium_event", "medium_id", id));
            MediumRecord record = MediumRecord.restore(id, head.number(), head.level(), head.status(), events);
            int from = record.history().size();
            Map<String, Object> before = state(record);
            act.perform(record, head, user, now);
            storeEvents(record, from);
            var s = record.state();
            repository.updateMediumState(id, s.status(), s.holder() == null ? null : s.holder().id(), now);
            Map<String, Object> after = state(record);
            after.put("event", codec.kind(record.lastEvent()));
            if (record.lastEvent().approval() != null) {
                after.put("approvalRequestId", record.lastEvent().approval().requestId());
            }
            audit.record(action, "medium", id, before, after);
            return change(head.unitId(), id);
        });
    }

    private void storeEvents(MediumRecord record, int from) {
        List<MediumEvent> history = record.history();
        for (int seq = from; seq < history.size(); seq++) {
            MediumEvent e = history.get(seq);
            Actor by = e.by();
            repository.insertEvent("medium_event", "medium_id", record.id(), seq, codec.kind(e), e.at(), by.accountId(),
                    by.name(), e.approval() == null ? null : e.approval().requestId(), codec.write(e));
        }
    }

    private MediumChange change(long unitId, long id) {
        return new MediumChange(detail(id), compliance.mediumResult(unitId, id));
    }

    private MediumDetail detail(long id) {
        MediumDetail m = repository.mediumDetail(id).orElseThrow(() -> notFound(id));
        List<DeviceLabel> devices = repository.devicesAllowedFor(id);
        MediumDetails d = m.details();
        return new MediumDetail(m.id(), m.unitId(), m.unitName(), m.number(),
                new MediumDetails(d.type(), d.level(), d.brandModel(), d.capacity(), d.serialNumber(), d.usbSerial(),
                        d.purpose(), devices.stream().map(DeviceLabel::id).toList()),
                m.holder(), m.status(), devices, m.version(), m.createdAt(), m.updatedAt());
    }

    private MediumHead readable(long id) {
        MediumHead head = repository.mediumHead(id, false).orElseThrow(() -> notFound(id));
        scope.requireRead(head.unitId(), () -> notFound(id));
        return head;
    }

    private static Map<String, Object> state(MediumRecord record) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", record.status().name());
        m.put("holderPersonId", record.state().holder() == null ? null : record.state().holder().id());
        return m;
    }

    private static Map<String, Object> snapshot(MediumDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type().name());
        m.put("level", d.level().name());
        m.put("brandModel", d.brandModel());
        m.put("capacity", d.capacity());
        m.put("serialNumber", d.serialNumber());
        m.put("usbSerial", d.usbSerial());
        m.put("purpose", d.purpose());
        m.put("allowedDeviceIds", d.allowedDeviceIds());
        return m;
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("medium.notFound", "There is no medium " + id + " you may see.");
    }
}
