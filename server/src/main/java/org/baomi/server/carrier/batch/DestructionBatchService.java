package org.baomi.server.carrier.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.ApprovalStep;
import org.baomi.core.carrier.Actor;
import org.baomi.core.carrier.ApprovalRef;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CirculationPolicy;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.approval.ApprovalDecided;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.batch.BatchRepository.BatchRow;
import org.baomi.server.carrier.batch.BatchRepository.CarrierLine;
import org.baomi.server.carrier.batch.BatchRepository.PersonLine;
import org.baomi.server.carrier.batch.BatchViews.Actions;
import org.baomi.server.carrier.batch.BatchViews.BatchDetail;
import org.baomi.server.carrier.batch.BatchViews.BatchInput;
import org.baomi.server.carrier.batch.BatchViews.BatchItem;
import org.baomi.server.carrier.batch.BatchViews.BatchStatus;
import org.baomi.server.carrier.batch.BatchViews.BatchSummary;
import org.baomi.server.carrier.batch.BatchViews.Execution;
import org.baomi.server.carrier.batch.BatchViews.LevelCount;
import org.baomi.server.carrier.batch.LedgerAccess.Caller;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 销毁 — destruction batches (ADR 0015). A keeper of a unit's carrier ledger draws up a batch
 * (numbered XH-year-nnn per unit without gaps), lists carriers in custody or archived, names
 * the method, and submits it for the leader in charge's approval ({@value CarrierService#DESTROY},
 * subject {@value #SUBJECT}); the list is frozen while submitted. A rejected batch is edited and
 * submitted again. An approved batch is executed once: every carrier is destroyed through
 * {@link CarrierService#destroy} under the batch's request, in this one transaction, so either all
 * are destroyed or none. Every change is audited.
 */
@Service
@Transactional
public class DestructionBatchService {

    /** The approval request's subject type; the subject id is the batch id. */
    public static final String SUBJECT = "carrier_batch";
    static final int PAGE_SIZE = 50;
    static final int MAX_TEXT = 200;
    static final int MAX_ITEMS = 500;
    static final ZoneId ZONE = CirculationPolicy.DEFAULT.zone();

    private final BatchRepository repository;
    private final LedgerAccess access;
    private final CarrierService carriers;
    private final ApprovalService approvals;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate separately;

    DestructionBatchService(BatchRepository repository, LedgerAccess access, CarrierService carriers,
            ApprovalService approvals, AccountRepository accounts, AuditLog audit, MessageSource messages, Clock clock,
            PlatformTransactionManager transactions) {
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.repository = repository;
        this.access = access;
        this.carriers = carriers;
        this.approvals = approvals;
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------ reading

    /** Batches of the units the signed-in person may read (or of {@code unitId}), newest first. */
    @Transactional(readOnly = true)
    public PageOf<BatchSummary> list(Long unitId, BatchStatus status, int page) {
        Caller c = access.caller(Permission.BUSINESS_READ);
        Set<Long> units = c.readUnits();
        if (unitId != null) {
            units = units.contains(unitId) ? Set.of(unitId) : Set.of();
        }
        return repository.list(units, status, Math.max(1, page), PAGE_SIZE);
    }

    /** The units whose ledger the signed-in person keeps (where he may draw up a batch). */
    @Transactional(readOnly = true)
    public List<Label> ledgerUnits() {
        return carriers.ledgerUnits();
    }

    /**
     * The batch with its list as the signed-in person may see it: titles only for a keeper of the
     * unit's ledger cleared for the carrier's level. A view that shows titles is audited.
     */
    @Transactional
    public BatchDetail get(long id) {
        Caller c = access.caller(Permission.BUSINESS_READ);
        BatchRow b = repository.load(id).orElseThrow(() -> notFound(id));
        c.requireReadable(b.unitId(), notFound(id));
        return detail(c, b);
    }

    /** Active people of the batch's unit: who may be named supervisor or destroyer. */
    @Transactional(readOnly = true)
    public List<Label> people(long id) {
        Caller c = access.caller(Permission.CARRIER_MANAGE);
        BatchRow b = repository.load(id).orElseThrow(() -> notFound(id));
        c.requireReadable(b.unitId(), notFound(id));
        c.requireKeeper(b.unitId());
        return repository.people(b.unitId());
    }

    private BatchDetail detail(Caller c, BatchRow b) {
        List<BatchItem> items = new ArrayList<>();
        Map<ClassificationLevel, Integer> counts = new EnumMap<>(ClassificationLevel.class);
        boolean titles = false;
        for (CarrierLine l : repository.items(b.id())) {
            boolean visible = c.mayReadTitle(b.unitId(), l.level());
            titles |= visible;
            items.add(new BatchItem(l.position(), l.carrierId(), l.serial(), l.level(), l.status(),
                    visible ? l.title() : null));
            counts.merge(l.level(), 1, Integer::sum);
        }
        if (titles) {
            audit.recordView(SUBJECT, b.id());
        }
        List<LevelCount> byLevel = new ArrayList<>();
        for (ClassificationLevel level : List.of(ClassificationLevel.TOP_SECRET, ClassificationLevel.SECRET,
                ClassificationLevel.CONFIDENTIAL, ClassificationLevel.INTERNAL, ClassificationLevel.PUBLIC)) {
            if (counts.containsKey(level)) {
                byLevel.add(new LevelCount(level, counts.get(level)));
            }
        }
        boolean keeper = c.keeps(b.unitId());
        Actions actions = new Actions(keeper && b.status().editable(),
                keeper && b.status().editable() && !items.isEmpty(), keeper && b.status() == BatchStatus.APPROVED,
                keeper);
        return new BatchDetail(b.id(), b.unitId(), b.unitName(), b.number(), b.status(), b.method(), b.equipment(),
                b.plannedDate(), b.place(), b.requesterPersonId(), b.requesterName(), b.createdAt(),
                b.requestId() == null ? null : repository.approval(b.requestId()).orElse(null), b.executedOn(),
                b.destroyedByName(), repository.supervisors(b.id()), items, byLevel, actions, b.version());
    }

    // ------------------------------------------------------------ drawing up

    /** Draws up a new batch in a unit whose ledger the signed-in person keeps; he is its requester. */
    public long create(BatchInput in) {
        Caller c = access.caller(Permission.CARRIER_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.unitId() == null) {
            problems.add(new FieldProblem("unitId", "carrierBatch.unitRequired", "Choose the unit."));
        } else if (!c.keeps(in.unitId()) || !c.readUnits().contains(in.unitId())) {
            problems.add(new FieldProblem("unitId", "carrierBatch.unitNotYours",
                    "You do not keep this unit's carrier ledger."));
        }
        Normalised n = validate(problems, in);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long person = c.requirePerson();
        int year = today().getYear();
        int seq = repository.nextSeq(in.unitId(), year).orElseGet(() -> {
            // The first batch of the year creates the counter in its own transaction, so that a
            // creator losing the race to another does not lose his own transaction with it.
            separately.executeWithoutResult(tx -> {
                try {
                    repository.ensureCounter(in.unitId(), year);
                } catch (DuplicateKeyException raced) {
                    tx.setRollbackOnly();
                }
            });
            return repository.nextSeq(in.unitId(), year).orElseThrow();
        });
        String number = String.format("XH-%d-%03d", year, seq);
        long id = repository.insert(in.unitId(), number, year, seq, n.method(), n.equipment(), n.plannedDate(),
                n.place(), person, c.personName(), c.user().getUsername(), clock.instant());
        Map<String, Object> after = snapshot(number, BatchStatus.DRAFT, n);
        after.put("unitId", in.unitId());
        audit.record("carrierBatch.create", SUBJECT, id, null, after);
        return id;
    }

    /** Changes method, equipment, planned date and place of a draft or rejected batch. */
    public void update(long id, BatchInput in) {
        Editing e = editing(id);
        List<FieldProblem> problems = new ArrayList<>();
        Normalised n = validate(problems, in);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        BatchRow b = e.batch();
        store(b, b.status(), n, b.requestId());
        audit.record("carrierBatch.update", SUBJECT, id, snapshot(b.number(), b.status(), normalised(b)),
                snapshot(b.number(), b.status(), n));
    }

    /**
     * Adds the carrier with {@code serial} (of the batch's unit) to the list. Refused, naming the
     * reason, when there is no such carrier, it is not in custody or archived, the signed-in keeper
     * is not cleared for it, or another open batch lists it.
     */
    public void addCarrier(long id, String serial) {
        Editing e = editing(id);
        BatchRow b = e.batch();
        if (serial == null || serial.isBlank()) {
            throw ValidationException.of("serial", "carrierBatch.serialRequired", "Type or scan the carrier's serial number.");
        }
        String s = serial.strip();
        CarrierLine line = repository.carrierBySerial(b.unitId(), s).orElseThrow(() -> ValidationException.of("serial",
                "carrierBatch.serialUnknown", "There is no carrier " + s + " in the ledger of " + b.unitName() + ".",
                s, b.unitName()));
        if (line.status() != CarrierStatus.IN_CUSTODY && line.status() != CarrierStatus.ARCHIVED) {
            throw ValidationException.of("serial", "carrierBatch.notDestroyable", line.serial() + " is "
                    + line.status() + "; only carriers in custody or archived can be destroyed.", line.serial(),
                    statusLabel(line.status()));
        }
        if (!e.caller().level().maySee(line.level())) {
            throw ValidationException.of("serial", "carrierBatch.notCleared", "You are not cleared for "
                    + line.serial() + " (" + line.level() + ").", line.serial(), levelLabel(line.level()));
        }
        if (repository.contains(b.id(), line.carrierId())) {
            throw ValidationException.of("serial", "carrierBatch.alreadyListed", line.serial()
                    + " is already on this list.", line.serial());
        }
        repository.otherOpenBatch(line.carrierId(), b.id()).ifPresent(other -> {
            throw ValidationException.of("serial", "carrierBatch.inOtherBatch", line.serial()
                    + " is already listed in batch " + other + ".", line.serial(), other);
        });
        if (repository.items(b.id()).size() >= MAX_ITEMS) {
            throw ValidationException.of("serial", "carrierBatch.tooMany", "A batch lists at most " + MAX_ITEMS
                    + " carriers.", MAX_ITEMS);
        }
        repository.addItem(b.id(), line.carrierId());
        touch(b);
        audit.record("carrierBatch.addCarrier", SUBJECT, id, null, Map.of("carrierId", line.carrierId(),
                "serial", line.serial(), "number", b.number()));
    }

    /** Takes a carrier off the list of a draft or rejected batch. */
    public void removeCarrier(long id, long carrierId) {
        Editing e = editing(id);
        BatchRow b = e.batch();
        if (!repository.removeItem(b.id(), carrierId)) {
            throw new NotFoundException("carrierBatch.itemNotFound", "Carrier " + carrierId + " is not on this list.");
        }
        touch(b);
        audit.record("carrierBatch.removeCarrier", SUBJECT, id, Map.of("carrierId", carrierId, "number", b.number()),
                null);
    }

    /**
     * Submits the batch for the leader in charge's approval; the list is frozen from now on.
     *
     * @return the approval request's id
     */
    public long submit(long id) {
        Editing e = editing(id);
        BatchRow b = e.batch();
        List<CarrierLine> items = repository.items(b.id());
        if (items.isEmpty()) {
            throw new DomainException("carrierBatch.empty", "List at least one carrier before submitting " + b.number()
                    + ".", b.number());
        }
        boolean someoneElse = accounts.holdersOf(Role.LEADER_IN_CHARGE, b.unitId()).stream()
                .anyMatch(a -> a != e.caller().user().accountId());
        if (!someoneElse) {
            throw new DomainException("carrierBatch.noApprover", "Nobody else in " + b.unitName()
                    + " is leader in charge, so this batch could never be approved.", b.unitName());
        }
        String summary = messages.getMessage("carrierBatch.request.summary",
                new Object[] {b.number(), items.size(), messages.getMessage("carrierBatch.method." + b.method(), null,
                        b.method().name(), LocaleContextHolder.getLocale())},
                b.number() + ": destroy " + items.size() + " carriers", LocaleContextHolder.getLocale());
        long requestId = approvals.open(CarrierService.DESTROY, SUBJECT, Long.toString(b.id()), summary, b.unitId(),
                List.of(new ApprovalStep(Role.LEADER_IN_CHARGE, b.unitId())));
        store(b, BatchStatus.SUBMITTED, normalised(b), requestId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", b.number());
        after.put("status", BatchStatus.SUBMITTED.name());
        after.put("request", requestId);
        after.put("carriers", items.stream().map(CarrierLine::serial).toList());
        audit.record("carrierBatch.submit", SUBJECT, id, Map.of("status", b.status().name()), after);
        return requestId;
    }

    /**
     * The approval's outcome moves a submitted batch: approved, rejected (to be edited and
     * resubmitted) or, when the requester withdrew, back to draft. Runs in the decision's transaction.
     */
    @EventListener
    void decided(ApprovalDecided event) {
        if (!CarrierService.DESTROY.equals(event.type()) || !SUBJECT.equals(event.subjectType())) {
            return;
        }
        long id = Long.parseLong(event.subjectId());
        BatchRow b = repository.lock(id).orElse(null);
        if (b == null || b.status() != BatchStatus.SUBMITTED || b.requestId() == null
                || b.requestId() != event.requestId()) {
            return;
        }
        BatchStatus next = event.status() == ApprovalStatus.APPROVED ? BatchStatus.APPROVED
                : event.status() == ApprovalStatus.REJECTED ? BatchStatus.REJECTED : BatchStatus.DRAFT;
        store(b, next, normalised(b), b.requestId());
        String action = switch (next) {
            case APPROVED -> "carrierBatch.approved";
            case REJECTED -> "carrierBatch.rejected";
            default -> "carrierBatch.withdrawn";
        };
        audit.record(action, SUBJECT, id, Map.of("status", b.status().name()),
                Map.of("status", next.name(), "request", event.requestId()));
    }

    // ------------------------------------------------------------ executing

    /**
     * 执行销毁 — destroys every carrier on the approved list, in this one transaction: when any
     * carrier is refused (destroyed or lost meanwhile, keeper not cleared), nothing is destroyed and
     * the message names the carrier and the reason.
     */
    public void execute(long id, Execution ex) {
        Caller c = access.caller(Permission.CARRIER_MANAGE);
        BatchRow b = repository.lock(id).orElseThrow(() -> notFound(id));
        c.requireReadable(b.unitId(), notFound(id));
        c.requireKeeper(b.unitId());
        if (b.status() != BatchStatus.APPROVED) {
            throw new DomainException("carrierBatch.notApproved", b.number() + " is " + b.status()
                    + "; only an approved batch can be executed.", b.number(), batchStatusLabel(b.status()));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (ex.executedOn() == null) {
            problems.add(new FieldProblem("executedOn", "carrierBatch.dateRequired", "Enter the date."));
        } else if (ex.executedOn().isAfter(today())) {
            problems.add(new FieldProblem("executedOn", "carrierBatch.dateInFuture",
                    "The destruction cannot be recorded before it happens."));
        }
        PersonLine destroyer = ex.destroyedById() == null ? null
                : person(problems, "destroyedById", ex.destroyedById(), c);
        if (ex.destroyedById() == null) {
            problems.add(new FieldProblem("destroyedById", "carrierBatch.destroyerRequired",
                    "Name the person who destroyed the carriers."));
        }
        List<Actor> supervisors = new ArrayList<>();
        int before = problems.size();
        for (Long sid : new LinkedHashSet<>(ex.supervisorIds())) {
            PersonLine p = person(problems, "supervisorIds", sid, c);
            if (p != null) {
                supervisors.add(new Actor(p.id(), p.name()));
            }
        }
        DestructionRecord record = null;
        if (problems.size() == before) {
            try {
                // The model's rule: at least two different supervisors, none of them the requester.
                record = new DestructionRecord(b.number(), new ApprovalRef(b.requestId()), b.method(),
                        new Actor(b.requesterPersonId(), b.requesterName()), supervisors);
            } catch (DomainException refused) {
                problems.add(new FieldProblem("supervisorIds", refused.code(), refused.getMessage(), refused.args()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<CarrierLine> items = repository.items(b.id());
        List<String> gone = items.stream()
                .filter(l -> l.status() != CarrierStatus.IN_CUSTODY && l.status() != CarrierStatus.ARCHIVED)
                .map(l -> l.serial() + " (" + messages.getMessage("carrier.status." + l.status(), null,
                        l.status().name(), LocaleContextHolder.getLocale()) + ")")
                .toList();
        if (!gone.isEmpty()) {
            throw new DomainException("carrierBatch.listChanged", "Nothing was destroyed: " + String.join(", ", gone)
                    + " can no longer be destroyed. Ask for a new batch without them.", String.join(", ", gone));
        }
        for (CarrierLine l : items) {
            try {
                carriers.destroy(l.carrierId(), record, b.requestId());
            } catch (DomainException refused) {
                throw failed(l, refused.code(), refused.getMessage(), refused.args());
            } catch (ValidationException refused) {
                FieldProblem p = refused.problems().get(0);
                throw failed(l, p.code(), p.message(), p.args());
            }
        }
        if (!repository.executed(b.id(), b.version(), ex.executedOn(), clock.instant(), destroyer.id(),
                destroyer.name())) {
            throw concurrent(b);
        }
        for (int i = 0; i < supervisors.size(); i++) {
            repository.insertSupervisor(b.id(), i + 1, supervisors.get(i).personId(), supervisors.get(i).name());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", b.number());
        after.put("status", BatchStatus.EXECUTED.name());
        after.put("executedOn", ex.executedOn().toString());
        after.put("destroyedBy", destroyer.name());
        after.put("supervisors", supervisors.stream().map(Actor::name).toList());
        after.put("carriers", items.stream().map(CarrierLine::serial).toList());
        audit.record("carrierBatch.execute", SUBJECT, id, Map.of("status", b.status().name()), after);
    }

    private static DomainException failed(CarrierLine l, String code, String message, Object[] args) {
        return new DomainException("carrierBatch.carrierRefused", "Nothing was destroyed: " + l.serial()
                + " was refused: " + message, l.serial(),
                new DefaultMessageSourceResolvable(new String[] {code}, args, message));
    }

    // ------------------------------------------------------------ helpers

    private record Editing(Caller caller, BatchRow batch) {
    }

    private record Normalised(DestructionRecord.Method method, String equipment, LocalDate plannedDate, String place) {
    }

    /** The batch locked for a change of its list or details: keeper, and still draft or rejected. */
    private Editing editing(long id) {
        Caller c = access.caller(Permission.CARRIER_MANAGE);
        BatchRow b = repository.lock(id).orElseThrow(() -> notFound(id));
        c.requireReadable(b.unitId(), notFound(id));
        c.requireKeeper(b.unitId());
        if (!b.status().editable()) {
            throw new DomainException("carrierBatch.frozen", b.number() + " is " + b.status()
                    + "; its list can no longer be changed.", b.number(), batchStatusLabel(b.status()));
        }
        return new Editing(c, b);
    }

    private Normalised validate(List<FieldProblem> problems, BatchInput in) {
        if (in.method() == null) {
            problems.add(new FieldProblem("method", "carrierBatch.methodRequired", "Choose how the carriers are destroyed."));
        }
        String equipment = blankToNull(in.equipment());
        if (in.method() == DestructionRecord.Method.IN_HOUSE_EQUIPMENT && equipment == null) {
            problems.add(new FieldProblem("equipment", "carrierBatch.equipmentRequired",
                    "Name the approved destruction equipment."));
        }
        if (in.method() == DestructionRecord.Method.DESTRUCTION_CENTRE) {
            equipment = null;
        }
        length(problems, "equipment", equipment);
        String place = blankToNull(in.place());
        if (place == null) {
            problems.add(new FieldProblem("place", "carrierBatch.placeRequired", "Say where the carriers are destroyed."));
        }
        length(problems, "place", place);
        if (in.plannedDate() == null) {
            problems.add(new FieldProblem("plannedDate", "carrierBatch.dateRequired", "Enter the date."));
        }
        return new Normalised(in.method(), equipment, in.plannedDate(), place);
    }

    private static Normalised normalised(BatchRow b) {
        return new Normalised(b.method(), b.equipment(), b.plannedDate(), b.place());
    }

    private void store(BatchRow b, BatchStatus status, Normalised n, Long requestId) {
        if (!repository.update(b.id(), b.version(), status, n.method(), n.equipment(), n.plannedDate(), n.place(),
                requestId)) {
            throw concurrent(b);
        }
    }

    /** Bumps the version so that a page showing the old list cannot act on it unnoticed. */
    private void touch(BatchRow b) {
        store(b, b.status(), normalised(b), b.requestId());
    }

    private PersonLine person(List<FieldProblem> problems, String field, long personId, Caller c) {
        PersonLine p = repository.person(personId).orElse(null);
        if (p == null || !c.readUnits().contains(p.unitId())) {
            problems.add(new FieldProblem(field, "carrierBatch.personUnknown", "There is no person " + personId
                    + " in your units.", personId));
            return null;
        }
        if (!p.active()) {
            problems.add(new FieldProblem(field, "carrierBatch.personInactive", p.name() + " is no longer active.",
                    p.name()));
            return null;
        }
        return p;
    }

    private static Map<String, Object> snapshot(String number, BatchStatus status, Normalised n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("status", status.name());
        m.put("method", n.method() == null ? null : n.method().name());
        if (n.equipment() != null) {
            m.put("equipment", n.equipment());
        }
        m.put("plannedDate", n.plannedDate() == null ? null : n.plannedDate().toString());
        m.put("place", n.place());
        return m;
    }

    private static void length(List<FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "carrierBatch.tooLong", "At most " + MAX_TEXT + " characters.",
                    MAX_TEXT));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static DomainException concurrent(BatchRow b) {
        return new DomainException("carrierBatch.concurrent", "Someone else changed " + b.number()
                + " at the same moment; reload it and try again.", b.number());
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("carrierBatch.notFound", "There is no destruction batch " + id + " you may see.");
    }

    static DefaultMessageSourceResolvable statusLabel(CarrierStatus s) {
        return new DefaultMessageSourceResolvable(new String[] {"carrier.status." + s.name()}, s.name());
    }

    static DefaultMessageSourceResolvable levelLabel(ClassificationLevel l) {
        return new DefaultMessageSourceResolvable(new String[] {"carrier.level." + l.name()}, l.name());
    }

    static DefaultMessageSourceResolvable batchStatusLabel(BatchStatus s) {
        return new DefaultMessageSourceResolvable(new String[] {"carrierBatch.status." + s.name()}, s.name());
    }
}
