package org.baomi.server.carrier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.ApprovalStep;
import org.baomi.core.carrier.Actor;
import org.baomi.core.carrier.ApprovalRef;
import org.baomi.core.carrier.Carrier;
import org.baomi.core.carrier.CarrierDetails;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.CarrierId;
import org.baomi.core.carrier.CarrierMarking;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.Circulation;
import org.baomi.core.carrier.CirculationPolicy;
import org.baomi.core.carrier.CopyIdentity;
import org.baomi.core.carrier.CopyNumber;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.carrier.KnowledgeScope;
import org.baomi.core.carrier.OriginatorConsent;
import org.baomi.core.carrier.PersonRef;
import org.baomi.core.carrier.SerialNumber;
import org.baomi.core.carrier.SerialNumberPattern;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.carrier.Visibility;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.classification.Marking;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.core.security.RolePermissions;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierRepository.CarrierRow;
import org.baomi.server.carrier.CarrierRepository.PersonRow;
import org.baomi.server.carrier.CarrierRepository.Projection;
import org.baomi.server.carrier.CarrierRepository.RequestRow;
import org.baomi.server.carrier.CarrierViews.Actions;
import org.baomi.server.carrier.CarrierViews.CirculationInfo;
import org.baomi.server.carrier.CarrierViews.Detail;
import org.baomi.server.carrier.CarrierViews.Disclosure;
import org.baomi.server.carrier.CarrierViews.Holding;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.CarrierViews.Reader;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.carrier.CarrierViews.ReminderCounts;
import org.baomi.server.carrier.CarrierViews.ReminderKind;
import org.baomi.server.carrier.CarrierViews.ReminderRow;
import org.baomi.server.carrier.CarrierViews.Request;
import org.baomi.server.carrier.CarrierViews.Row;
import org.baomi.server.carrier.CarrierViews.TimelineEntry;
import org.baomi.server.incident.IncidentKind;
import org.baomi.server.incident.IncidentService;
import org.baomi.server.org.OrgScope;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The carrier ledger (ADR 0008): the public API for pages, the REST API and the destruction
 * batches. Every act is performed by the signed-in person: load with {@code Carrier.restore},
 * act on the aggregate, append the new events, update the projection (optimistic version) and
 * write the audit entry, in one transaction. Acts that need approval name an approved, unused
 * request of their type for this carrier (ADR 0011).
 *
 * <p>Who may do what: ledger acts need {@link Permission#CARRIER_MANAGE} through a role held in
 * the carrier's own unit; signing, returning a loan and carrying out are also open to the person
 * concerned ({@link Permission#CARRIER_HANDLE}). Reading needs {@link Permission#BUSINESS_READ}
 * and the unit in the reader's {@link OrgScope}; a carrier outside it does not exist for him (404).
 */
@Service
@Transactional
public class CarrierService {

    /** Approval request types (messages {@code approval.type.<type>}). */
    public static final String COPY = "carrier.copy";
    public static final String CARRY_OUT = "carrier.carryOut";
    public static final String RECLASSIFY = "carrier.reclassify";
    public static final String DECLASSIFY = "carrier.declassify";
    /** The type E's destruction batches open; {@link #destroy} checks it. */
    public static final String DESTROY = "carrier.destroy";
    /** The subject type of carrier approval requests; the subject id is the carrier id. */
    public static final String SUBJECT = "carrier";

    /** Days are counted in China Standard Time (circulation limits, overdue, year end). */
    static final ZoneId ZONE = CirculationPolicy.DEFAULT.zone();
    static final int MAX_BATCH = 1000;
    static final int MAX_TEXT = 500;

    private final CarrierRepository repository;
    private final CarrierEventCodec codec;
    private final OrgScope orgScope;
    private final AuditLog audit;
    private final ApprovalService approvals;
    private final AccountRepository accounts;
    private final IncidentService incidents;
    private final Clock clock;
    private final TransactionTemplate separately;

    CarrierService(CarrierRepository repository, CarrierEventCodec codec, OrgScope orgScope, AuditLog audit,
            ApprovalService approvals, AccountRepository accounts, IncidentService incidents, Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.codec = codec;
        this.orgScope = orgScope;
        this.audit = audit;
        this.approvals = approvals;
        this.accounts = accounts;
        this.incidents = incidents;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ------------------------------------------------------------ registration

    /** Enters one carrier in the ledger of {@code input.unitId()}, with the next serial number. */
    public Registered register(CarrierInput input) {
        int copy = input.copyNumber() == null ? 1 : input.copyNumber();
        return registerAll(input, List.of(copy), "copyNumber").get(0);
    }

    /**
     * Receives copies {@code copyNumbersHeld} of {@code input.copyTotal()} of one document: one
     * carrier per copy held, consecutive serial numbers. All or nothing.
     */
    public List<Registered> receiveBatch(CarrierInput input, List<Integer> copyNumbersHeld) {
        if (copyNumbersHeld == null || copyNumbersHeld.isEmpty()) {
            throw ValidationException.of("copyNumbers", "carrier.copyNumbersEmpty", "List the copy numbers received.");
        }
        if (copyNumbersHeld.size() > MAX_BATCH) {
            throw ValidationException.of("copyNumbers", "carrier.batchTooLarge",
                    "At most " + MAX_BATCH + " copies at a time.", MAX_BATCH);
        }
        if (new HashSet<>(copyNumbersHeld).size() != copyNumbersHeld.size()) {
            throw ValidationException.of("copyNumbers", "carrier.copyNumbersRepeat",
                    "A copy number is listed twice; each copy is registered once.");
        }
        return registerAll(input, copyNumbersHeld, "copyNumbers");
    }

    /**
     * Enters one carrier taken over from an imported register under the serial number it has
     * there (SerialNumber: "or taken over from an imported register"); the unit's counter is
     * not used. The sheet import (CarrierSheet) calls this once per row in its transaction.
     */
    public Registered registerImported(CarrierInput input, String serial) {
        int copy = input.copyNumber() == null ? 1 : input.copyNumber();
        SerialNumber given;
        try {
            given = new SerialNumber(serial);
        } catch (DomainException e) {
            throw ValidationException.of("serial", e.code(), e.getMessage(), e.args());
        }
        return registerAll(input, List.of(copy), "copyNumber", given).get(0);
    }

    private List<Registered> registerAll(CarrierInput in, List<Integer> copies, String copyField) {
        return registerAll(in, copies, copyField, null);
    }

    private List<Registered> registerAll(CarrierInput in, List<Integer> copies, String copyField, SerialNumber given) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        PersonRef me = me(user);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.unitId() == null) {
            problems.add(new FieldProblem("unitId", "carrier.required", "Required."));
            throw new ValidationException(problems);
        }
        long unitId = in.unitId();
        if (!ledgerUnits(user).contains(unitId)) {
            throw new AccessDeniedException("not the keeper of unit " + unitId + "'s carrier ledger");
        }
        if (in.type() == null) {
            problems.add(new FieldProblem("type", "carrier.required", "Required."));
        }
        Marking marking = field(problems, "marking", () -> Marking.parse(in.marking()));
        PersonRef custodian = in.custodianId() == null ? null : personField(problems, "custodianId", in.custodianId(), user);
        if (in.custodianId() == null) {
            problems.add(new FieldProblem("custodianId", "carrier.required", "Required."));
        }
        StoragePlace storage = null;
        if (in.storageKind() == null) {
            problems.add(new FieldProblem("storageKind", "carrier.required", "Required."));
        } else {
            storage = field(problems, "storageName", () -> new StoragePlace(in.storageKind(), in.storageName()));
        }
        KnowledgeScope scope = scope(problems, in.scopePersonIds(), in.scopeDepartmentIds(), user);
        int total = in.copyTotal() == null ? 1 : in.copyTotal();
        List<CopyNumber> numbers = new ArrayList<>();
        for (Integer n : copies) {
            CopyNumber c = field(problems, n == null || n < 1 || total < 1 ? "copyTotal" : copyField,
                    () -> new CopyNumber(n == null ? 0 : n, total));
            if (c == null) {
                break;
            }
            numbers.add(c);
        }
        CarrierDetails details = null;
        if (in.type() != null && custodian != null && scope != null && !numbers.isEmpty()) {
            PersonRef custodianRef = custodian;
            details = field(problems, null, () -> new CarrierDetails(unitId, in.type(), in.title(), in.documentNumber(),
                    in.issuer(), in.dated(), numbers.get(0), scope, custodianRef));
        }
        if (in.documentNumber() != null && in.documentNumber().strip().length() > 100) {
            problems.add(new FieldProblem("documentNumber", "carrier.tooLong", "At most 100 characters.", 100));
        }
        if (in.issuer() != null && in.issuer().strip().length() > 200) {
            problems.add(new FieldProblem("issuer", "carrier.tooLong", "At most 200 characters.", 200));
        }
        if (storage != null && storage.name().length() > 200) {
            problems.add(new FieldProblem("storageName", "carrier.tooLong", "At most 200 characters.", 200));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        List<Registered> out = new ArrayList<>();
        for (CopyNumber number : numbers) {
            CarrierId id = new CarrierId(repository.nextId());
            SerialNumber serial = given != null ? given : allocateSerial(unitId, details.type());
            Carrier carrier;
            try {
                carrier = Carrier.register(id, serial, details.withCopyNumber(number), marking, storage, me, now);
            } catch (DomainException e) {
                throw asFieldProblem(e);
            }
            insert(carrier, now, user);
            out.add(new Registered(id.value(), serial.value()));
        }
        return out;
    }

    private void insert(Carrier carrier, Instant now, BaomiUser user) {
        repository.insert(carrier, projection(carrier), searchText(carrier.details()), now, user.getUsername());
        List<CarrierEvent> history = carrier.history();
        for (int i = 0; i < history.size(); i++) {
            repository.appendEvent(carrier.id().value(), i, codec.encode(history.get(i)));
        }
        audit.record("carrier.register", "carrier", carrier.id().value(), null, snapshot(carrier));
    }

    /**
     * The next serial of the unit's sequence for this year and type, from the counter row the
     * registering transaction locks (ADR 0010). The row is created, empty, in a transaction of its
     * own the first time, so that a registration rolled back never takes the counter with it.
     */
    private SerialNumber allocateSerial(long unitId, CarrierType type) {
        CarrierSettings settings = settingsOf(unitId);
        SerialNumberPattern pattern = SerialNumberPattern.parse(settings.serialPattern());
        String unitCode = repository.unitCode(unitId).orElseThrow();
        int year = LocalDate.now(clock.withZone(ZONE)).getYear();
        String key = pattern.sequenceKey(unitCode, year, type);
        long next;
        try {
            next = repository.nextSerial(key);
        } catch (IllegalStateException missing) {
            separately.executeWithoutResult(tx -> {
                try {
                    repository.ensureCounter(key);
                } catch (DuplicateKeyException raced) {
                    tx.setRollbackOnly();
                }
            });
            next = repository.nextSerial(key);
        }
        // A register taken over from Excel keeps its own numbers (registerImported), which may lie
        // ahead in this sequence: such a number is used, so it is passed over, never handed out twice.
        SerialNumber serial = pattern.format(unitCode, year, type, next);
        while (repository.serialTaken(unitId, serial.value())) {
            serial = pattern.format(unitCode, year, type, repository.nextSerial(key));
        }
        return serial;
    }

    // ------------------------------------------------------------ reading

    /**
     * The carrier as the signed-in person may see it. A {@link CarrierView.Full} view is written to
     * the audit log ({@code carrier.view}) — the disclosure record.
     */
    public CarrierView get(long id) {
        BaomiUser user = user(Permission.BUSINESS_READ);
        Loaded l = load(id, false);
        requireReadable(user, l.row().unitId(), id);
        PersonRef viewer = user.personId() == null ? null : repository.person(user.personId()).map(CarrierService::ref)
                .orElse(null);
        boolean ledger = ledgerUnits(user).contains(l.row().unitId());
        Visibility visibility = viewer == null
                ? new Visibility.SerialAndLevel(l.carrier().serial(), l.carrier().level(), Visibility.Reason.NOT_CLEARED)
                : l.carrier().visibilityFor(viewer, ledger);
        if (visibility instanceof Visibility.SerialAndLevel s) {
            return new CarrierView.Restricted(id, l.row().unitId(), l.carrier().serial().value(), s.level(), s.reason());
        }
        audit.recordView("carrier", id);
        return new CarrierView.Full(detail(l), timelineOf(l.carrier()), actions(l.carrier(), viewer, ledger));
    }

    /** The timeline alone (for the API); the same rule and audit entry as {@link #get}. */
    public List<TimelineEntry> timeline(long id) {
        if (get(id) instanceof CarrierView.Full full) {
            return full.timeline();
        }
        throw new AccessDeniedException("need-to-know: the timeline shows the carrier's details");
    }

    /** One page of the ledger as the signed-in person may read it (rows he may not see show serial and level only). */
    @Transactional(readOnly = true)
    public PageOf<Row> search(CarrierQuery query) {
        BaomiUser user = user(Permission.BUSINESS_READ);
        return repository.search(query, viewer(user), today());
    }

    /** Who has seen the carrier's details, newest first; for the keepers of its unit's ledger. */
    @Transactional(readOnly = true)
    public List<Disclosure> disclosure(long id) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        CarrierRow row = repository.load(id, false).orElseThrow(() -> notFound(id));
        requireReadable(user, row.unitId(), id);
        requireLedger(user, row.unitId());
        return repository.disclosure(id, 1000);
    }

    /** Approval requests about the carrier, newest first; for the keepers of its ledger. */
    @Transactional(readOnly = true)
    public List<Request> requests(long id) {
        BaomiUser user = user(Permission.BUSINESS_READ);
        CarrierRow row = repository.load(id, false).orElseThrow(() -> notFound(id));
        requireReadable(user, row.unitId(), id);
        requireLedger(user, row.unitId());
        return repository.requests(id);
    }

    /**
     * What needs attention today in the ledgers the signed-in person keeps (or in {@code unitId},
     * one of them), plus what he holds himself: overdue circulations, loans and carryings-out,
     * terms ending within the unit's warning window, loans to be cleared by the year end.
     */
    @Transactional(readOnly = true)
    public List<ReminderRow> reminders(Long unitId) {
        BaomiUser user = user(Permission.BUSINESS_READ);
        Set<Long> units = new HashSet<>(ledgerUnits(user));
        if (unitId != null) {
            if (!units.contains(unitId)) {
                throw new AccessDeniedException("not the keeper of unit " + unitId + "'s ledger");
            }
            units = Set.of(unitId);
        }
        LocalDate today = today();
        CarrierRepository.Viewer viewer = viewer(user);
        // Windows are per unit: group the units by their settings (few distinct values).
        Map<List<Integer>, Set<Long>> byWindows = new HashMap<>();
        for (Long u : units) {
            CarrierSettings s = settingsOf(u);
            byWindows.computeIfAbsent(List.of(s.termWarningDays(), s.yearEndWindowDays()), k -> new HashSet<>()).add(u);
        }
        if (byWindows.isEmpty()) {
            CarrierSettings d = CarrierSettings.defaults(1);
            byWindows.put(List.of(d.termWarningDays(), d.yearEndWindowDays()), Set.of());
        }
        Map<String, ReminderRow> out = new LinkedHashMap<>();
        Instant yearStart = LocalDate.of(today.getYear(), 1, 1).atStartOfDay(ZONE).toInstant();
        for (var e : byWindows.entrySet()) {
            LocalDate termLimit = today.plusDays(e.getKey().get(0));
            boolean yearEnd = !today.isBefore(LocalDate.of(today.getYear(), 12, 31).minusDays(e.getKey().get(1)));
            for (ReminderRow r : repository.reminders(e.getValue(), viewer, today, termLimit, yearEnd, yearStart, 1000)) {
                out.putIfAbsent(r.kind() + "/" + r.carrierId(), r);
            }
        }
        List<ReminderRow> list = new ArrayList<>(out.values());
        list.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.date().compareTo(b.date()));
        return list;
    }

    /** How many reminders of each kind the signed-in person has (the dashboard). */
    @Transactional(readOnly = true)
    public ReminderCounts reminderCounts() {
        List<ReminderRow> all = reminders(null);
        long overdue = all.stream().filter(r -> r.kind() == ReminderKind.CIRCULATION_OVERDUE
                || r.kind() == ReminderKind.LOAN_OVERDUE || r.kind() == ReminderKind.CARRY_OUT_OVERDUE).count();
        long term = all.stream().filter(r -> r.kind() == ReminderKind.TERM_EXPIRING).count();
        long yearEnd = all.stream().filter(r -> r.kind() == ReminderKind.YEAR_END_CLEARING).count();
        return new ReminderCounts(overdue, term, yearEnd);
    }

    // ------------------------------------------------------------ circulation and loans

    /** 传阅 — sends the carrier round {@code route} (person ids, in signing order), back by {@code due}. */
    public void circulate(long id, List<Long> route, LocalDate due, boolean urgent) {
        Act act = ledgerAct(id);
        List<PersonRef> readers = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (Long p : route == null ? List.<Long>of() : route) {
            PersonRef r = p == null ? null : personField(problems, "route", p, act.user());
            if (r != null) {
                readers.add(r);
            }
        }
        if (due == null) {
            problems.add(new FieldProblem("due", "carrier.required", "Required."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CirculationPolicy policy = new CirculationPolicy(settingsOf(act.unitId()).circulationDays(), ZONE);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().circulate(readers, due, urgent, policy, act.me(), clock.instant()));
        save(act, "circulate", before, Map.of("route", route, "due", due.toString(), "urgent", urgent));
    }

    /** 签阅 — the signed-in person signs as read, with his full name, when it is his turn. */
    public void signAsRead(long id) {
        BaomiUser user = user(Permission.CARRIER_HANDLE);
        Loaded l = load(id, true);
        PersonRef me = me(user);
        boolean onRoute = l.carrier().circulation().map(c -> c.route().stream().anyMatch(a -> a.personId() == me.id()))
                .orElse(false);
        if (!onRoute && !ledgerUnits(user).contains(l.row().unitId())) {
            throw notFound(id);
        }
        Act act = new Act(user, me, l);
        Map<String, Object> before = snapshot(l.carrier());
        perform(() -> l.carrier().signAsRead(me, clock.instant()));
        save(act, "sign", before, Map.of());
    }

    /** Back in custody once every reader has signed. */
    public void endCirculation(long id) {
        Act act = ledgerAct(id);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().endCirculation(act.me(), clock.instant()));
        save(act, "endCirculation", before, Map.of());
    }

    /** Recalls a circulation before everyone signed, with the reason. */
    public void recallCirculation(long id, String reason) {
        Act act = ledgerAct(id);
        requireLength("reason", reason, MAX_TEXT);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().recallCirculation(reason, act.me(), clock.instant()));
        save(act, "recallCirculation", before, Map.of("reason", reason.strip()));
    }

    /** 借阅 — lends the carrier to a person in its knowledge scope until {@code due} (not in the past). */
    public void lend(long id, long personId, LocalDate due) {
        lendOut(id, personId, due, false);
    }

    /**
     * 调阅 — retrieves an archived carrier for a person in its knowledge scope to read until
     * {@code due} (not in the past); on return it goes back to the archive. The same permission,
     * checks and reminders as a loan (ADR 0018).
     */
    public void retrieve(long id, long personId, LocalDate due) {
        lendOut(id, personId, due, true);
    }

    private void lendOut(long id, long personId, LocalDate due, boolean fromArchive) {
        Act act = ledgerAct(id);
        List<FieldProblem> problems = new ArrayList<>();
        PersonRef to = personField(problems, "personId", personId, act.user());
        if (due == null) {
            problems.add(new FieldProblem("due", "carrier.required", "Required."));
        } else if (due.isBefore(today())) {
            problems.add(new FieldProblem("due", "carrier.dueInPast", "The due date " + due + " has already passed.", due));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<String, Object> before = snapshot(act.carrier());
        if (fromArchive) {
            perform(() -> act.carrier().retrieve(to, due, act.me(), clock.instant()));
        } else {
            perform(() -> act.carrier().lend(to, due, act.me(), clock.instant()));
        }
        save(act, fromArchive ? "retrieve" : "lend", before, Map.of("to", personId, "due", due.toString()));
    }

    /**
     * 归还 — the loan comes back: recorded by the borrower himself or the ledger keeper; a retrieval
     * goes back to the archive (audited as {@code carrier.returnToArchive}).
     *
     * @return whether the carrier went back to the archive
     */
    public boolean returnLoan(long id) {
        BaomiUser user = user(Permission.CARRIER_HANDLE);
        Loaded l = load(id, true);
        PersonRef me = me(user);
        boolean borrower = l.carrier().loan().map(x -> x.to().personId() == me.id()).orElse(false);
        if (!borrower && !ledgerUnits(user).contains(l.row().unitId())) {
            requireReadable(user, l.row().unitId(), id);
            throw new AccessDeniedException("neither the borrower nor the ledger keeper");
        }
        Act act = new Act(user, me, l);
        Map<String, Object> before = snapshot(l.carrier());
        boolean toArchive = l.carrier().loan().map(CarrierEvent.Lent::fromArchive).orElse(false);
        perform(() -> l.carrier().returnLoan(me, clock.instant()));
        save(act, toArchive ? "returnToArchive" : "returnLoan", before, Map.of());
        return toArchive;
    }

    // ------------------------------------------------------------ acts under approval

    /**
     * Asks the leader in charge to approve carrying the carrier out, back by {@code returnBy}.
     * Whoever will carry it out asks (he must be cleared and in the scope), or the ledger keeper.
     *
     * @return the approval request's id
     */
    public long requestCarryOut(long id, LocalDate returnBy, String reason) {
        Act act = handlerAct(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (returnBy == null) {
            problems.add(new FieldProblem("returnBy", "carrier.required", "Required."));
        } else if (returnBy.isBefore(today())) {
            problems.add(new FieldProblem("returnBy", "carrier.dueInPast", "The date " + returnBy + " has already passed.",
                    returnBy));
        }
        reasonProblem(problems, reason);
        requireHolders(problems, "returnBy", Role.LEADER_IN_CHARGE, act);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        requireStatus(act, "carryOut", CarrierStatus.IN_CUSTODY);
        return openRequest(act, CARRY_OUT, Role.LEADER_IN_CHARGE, null, null, null, null, returnBy, reason);
    }

    /** 携带外出 — under an approved, unused carry-out request; back by the request's date. */
    public void carryOut(long id, long requestId) {
        Act act = handlerAct(id);
        RequestRow request = useRequest(act, requestId, CARRY_OUT);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().carryOut(new ApprovalRef(requestId), request.returnBy(), act.me(), clock.instant()));
        markUsed(act, requestId);
        save(act, "carryOut", before, Map.of("request", requestId, "returnBy", request.returnBy().toString()));
    }

    /** Brought back after carrying out: by the ledger keeper or whoever carried it out. */
    public void bringBack(long id) {
        BaomiUser user = user(Permission.CARRIER_HANDLE);
        Loaded l = load(id, true);
        PersonRef me = me(user);
        boolean carrierOut = l.carrier().carriedOut().map(x -> x.by().personId() == me.id()).orElse(false);
        if (!carrierOut && !ledgerUnits(user).contains(l.row().unitId())) {
            requireReadable(user, l.row().unitId(), id);
            throw new AccessDeniedException("neither who carried it out nor the ledger keeper");
        }
        Act act = new Act(user, me, l);
        Map<String, Object> before = snapshot(l.carrier());
        perform(() -> l.carrier().bringBack(me, clock.instant()));
        save(act, "bringBack", before, Map.of());
    }

    /**
     * Asks for approval to make {@code copies} copies. TOP SECRET: the unit head decides and the
     * originating authority's consent (authority and reference) is recorded with the request;
     * SECRET and CONFIDENTIAL: the leader in charge or the unit head, as {@code chain} says.
     *
     * @return the approval request's id
     */
    public long requestCopy(long id, int copies, CopyChain chain, String consentAuthority, String consentReference,
            String reason) {
        Act act = ledgerAct(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (copies < 1 || copies > Carrier.MAX_COPIES) {
            problems.add(new FieldProblem("copies", "carrier.copyCount",
                    "Make 1 to " + Carrier.MAX_COPIES + " copies at a time, not " + copies + ".", copies, Carrier.MAX_COPIES));
        }
        boolean topSecret = act.carrier().level() == ClassificationLevel.TOP_SECRET;
        Role role;
        OriginatorConsent consent = null;
        if (topSecret) {
            role = Role.UNIT_HEAD;
            consent = field(problems, isBlank(consentAuthority) ? "consentAuthority" : "consentReference",
                    () -> new OriginatorConsent(consentAuthority, consentReference));
        } else if (chain == null) {
            problems.add(new FieldProblem("chain", "carrier.required", "Required."));
            role = null;
        } else {
            role = chain.role();
        }
        reasonProblem(problems, reason);
        if (role != null) {
            requireHolders(problems, topSecret ? "copies" : "chain", role, act);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        requireStatus(act, "copy", CarrierStatus.IN_CUSTODY);
        if (act.carrier().marking() instanceof CarrierMarking.Declassified) {
            throw new DomainException("carrier.copyDeclassified", act.carrier().serial()
                    + " is declassified: its copies are no longer classified carriers and are not registered here.",
                    act.carrier().serial().value());
        }
        return openRequest(act, COPY, role, copies, consent == null ? null : consent.authority(),
                consent == null ? null : consent.reference(), null, null, reason);
    }

    /**
     * 复制 — under an approved, unused copy request: makes the approved number of copies, each a new
     * carrier with its own serial, copy 1..n of n, linked to this one.
     */
    public List<Registered> copy(long id, long requestId) {
        Act act = ledgerAct(id);
        RequestRow request = useRequest(act, requestId, COPY);
        Carrier original = act.carrier();
        Map<String, Object> before = snapshot(original);
        List<CopyIdentity> identities = new ArrayList<>();
        for (int i = 0; i < request.copies(); i++) {
            identities.add(new CopyIdentity(new CarrierId(repository.nextId()),
                    allocateSerial(act.unitId(), original.details().type())));
        }
        OriginatorConsent consent = request.consentAuthority() == null ? null
                : new OriginatorConsent(request.consentAuthority(), request.consentReference());
        Instant now = clock.instant();
        List<Carrier> made = perform(() -> original.copy(new ApprovalRef(requestId), identities, consent, act.me(), now));
        markUsed(act, requestId);
        save(act, "copy", before, Map.of("request", requestId, "copies",
                made.stream().map(c -> c.serial().value()).toList()));
        List<Registered> out = new ArrayList<>();
        for (Carrier c : made) {
            insert(c, now, act.user());
            out.add(new Registered(c.id().value(), c.serial().value()));
        }
        return out;
    }

    /** Asks the unit head to approve changing the marking to {@code newMarking} (e.g. 秘密★5年). */
    public long requestReclassify(long id, String newMarking, String reason) {
        Act act = ledgerAct(id);
        List<FieldProblem> problems = new ArrayList<>();
        Marking marking = field(problems, "marking", () -> Marking.parse(newMarking));
        if (marking != null && marking.level() == ClassificationLevel.PUBLIC) {
            problems.add(new FieldProblem("marking", "carrier.declassifyInstead",
                    "To make it public, declassify it; a marking cannot be changed to 公开.",
                    act.carrier().serial().value()));
        }
        if (marking != null && act.carrier().marking() instanceof CarrierMarking.Classified c
                && c.marking().equals(marking)) {
            problems.add(new FieldProblem("marking", "carrier.markingUnchanged", "It is already marked so.",
                    act.carrier().serial().value(), marking.format()));
        }
        reasonProblem(problems, reason);
        requireHolders(problems, "marking", Role.UNIT_HEAD, act);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        requireStatus(act, "reclassify", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        requireClassified(act, "reclassify");
        return openRequest(act, RECLASSIFY, Role.UNIT_HEAD, null, null, null, marking.format(), null, reason);
    }

    /** 变更密级 — under an approved, unused request: the new marking; the old one stays in the history. */
    public void reclassify(long id, long requestId) {
        Act act = ledgerAct(id);
        RequestRow request = useRequest(act, requestId, RECLASSIFY);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().reclassify(Marking.parse(request.newMarking()), new ApprovalRef(requestId), act.me(),
                clock.instant()));
        markUsed(act, requestId);
        save(act, "reclassify", before, Map.of("request", requestId));
    }

    /** Asks the unit head to approve declassifying the carrier. */
    public long requestDeclassify(long id, String reason) {
        Act act = ledgerAct(id);
        List<FieldProblem> problems = new ArrayList<>();
        reasonProblem(problems, reason);
        requireHolders(problems, "reason", Role.UNIT_HEAD, act);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        requireStatus(act, "declassify", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        requireClassified(act, "declassify");
        return openRequest(act, DECLASSIFY, Role.UNIT_HEAD, null, null, null, null, null, reason);
    }

    /** 解密 — under an approved, unused request: marked 解密 from now on, handled as internal. */
    public void declassify(long id, long requestId) {
        Act act = ledgerAct(id);
        useRequest(act, requestId, DECLASSIFY);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().declassify(new ApprovalRef(requestId), act.me(), clock.instant()));
        markUsed(act, requestId);
        save(act, "declassify", before, Map.of("request", requestId));
    }

    // ------------------------------------------------------------ storage and disposal

    /** Moves the carrier to another storage place that meets the storage rule for its level. */
    public void moveTo(long id, StoragePlace.Kind kind, String name) {
        Act act = ledgerAct(id);
        if (kind == null) {
            throw ValidationException.of("storageKind", "carrier.required", "Required.");
        }
        StoragePlace place = field(null, "storageName", () -> new StoragePlace(kind, name));
        requireLength("storageName", name, 200);
        Map<String, Object> before = snapshot(act.carrier());
        try {
            perform(() -> act.carrier().moveTo(place, act.me(), clock.instant()));
        } catch (DomainException e) {
            if ("carrier.storageNotAllowed".equals(e.code())) {
                throw ValidationException.of("storageKind", e.code(), e.getMessage(), e.args());
            }
            throw e;
        }
        save(act, "move", before, Map.of());
    }

    /** 归档 */
    public void archive(long id) {
        Act act = ledgerAct(id);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().archive(act.me(), clock.instant()));
        save(act, "archive", before, Map.of());
    }

    /** 清退 — returned to its issuer, who signed {@code receipt}. */
    public void clear(long id, String receipt) {
        Act act = ledgerAct(id);
        if (isBlank(receipt)) {
            throw ValidationException.of("receipt", "carrier.receiptMissing",
                    "Record the issuer's receipt for the returned carrier.");
        }
        requireLength("receipt", receipt, MAX_TEXT);
        Map<String, Object> before = snapshot(act.carrier());
        perform(() -> act.carrier().clear(receipt, act.me(), clock.instant()));
        save(act, "clear", before, Map.of("receipt", receipt.strip()));
    }

    /**
     * 丢失 — reports the carrier lost, by the ledger keeper or whoever holds it now, and opens an
     * incident in the same transaction.
     *
     * @return the incident's id
     */
    public long reportLost(long id, String note) {
        BaomiUser user = user(Permission.CARRIER_HANDLE);
        Loaded l = load(id, true);
        PersonRef me = me(user);
        Carrier c = l.carrier();
        boolean holder = c.loan().map(x -> x.to().personId() == me.id()).orElse(false)
                || c.carriedOut().map(x -> x.by().personId() == me.id()).orElse(false)
                || c.circulation().flatMap(Circulation::nextReader).map(a -> a.personId() == me.id()).orElse(false);
        if (!holder && !ledgerUnits(user).contains(l.row().unitId())) {
            requireReadable(user, l.row().unitId(), id);
            throw new AccessDeniedException("neither the holder nor the ledger keeper");
        }
        if (isBlank(note)) {
            throw ValidationException.of("note", "carrier.noteRequired", "Describe how and where the carrier was lost.");
        }
        requireLength("note", note, 1000);
        Act act = new Act(user, me, l);
        Map<String, Object> before = snapshot(c);
        perform(() -> c.reportLost(note, me, clock.instant()));
        save(act, "reportLost", before, Map.of());
        return incidents.open(IncidentKind.CARRIER_LOST, l.row().unitId(), SUBJECT, Long.toString(id),
                c.serial().value(), note.strip());
    }

    /**
     * 销毁 — for destruction batches: destroys one carrier under the batch's approved request
     * ({@value #DESTROY}); {@code record.approval()} must name that request, and each carrier is
     * destroyed under it once. Joins the caller's transaction.
     */
    public void destroy(long id, DestructionRecord record, long approvalRequestId) {
        Act act = ledgerAct(id);
        Objects.requireNonNull(record, "record");
        String[] approval = repository.approval(approvalRequestId).orElseThrow(() -> approvalProblem(
                "carrier.approvalUnknown", "There is no approval request " + approvalRequestId + ".", approvalRequestId));
        if (!DESTROY.equals(approval[0])) {
            throw approvalProblem("carrier.approvalWrongType", "Request " + approvalRequestId
                    + " is not a destruction request.", approvalRequestId, approvalTypeLabel(approval[0]),
                    approvalTypeLabel(DESTROY));
        }
        if (!ApprovalStatus.APPROVED.name().equals(approval[1])) {
            throw approvalProblem("carrier.approvalNotApproved", "Request " + approvalRequestId + " is "
                    + approval[1].toLowerCase() + ", not approved.", approvalRequestId, statusLabel(approval[1]));
        }
        if (record.approval().requestId() != approvalRequestId) {
            throw approvalProblem("carrier.approvalMismatch", "The destruction record names request "
                    + record.approval().requestId() + ", not " + approvalRequestId + ".", approvalRequestId);
        }
        if (repository.destructionUsed(approvalRequestId, id)) {
            throw approvalProblem("carrier.approvalUsed", "Request " + approvalRequestId
                    + " has already been used for this carrier.", approvalRequestId);
        }
        Map<String, Object> before = snapshot(act.carrier());
        Instant now = clock.instant();
        perform(() -> act.carrier().destroy(record, act.me(), now));
        repository.recordDestructionUse(approvalRequestId, id, now);
        save(act, "destroy", before, Map.of("request", approvalRequestId, "batch", record.batch()));
    }

    // ------------------------------------------------------------ custodian and scope (ADR 0017)

    /**
     * 移交 — hands the carrier to {@code toPersonId}: active, of the carrier's unit, cleared for its
     * level, not its custodian now. Recorded by the ledger keeper; the event and the audit entry
     * name both people. Use {@link HandoverService#handOver} to have a printable list as well.
     *
     * @return the custodian it was handed over from
     */
    public PersonRef handOver(long id, long toPersonId, String reason) {
        Act act = ledgerAct(id);
        List<FieldProblem> problems = new ArrayList<>();
        PersonRef to = newCustodian(problems, toPersonId, act.unitId(), act.user());
        reasonProblem(problems, reason);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        PersonRef from = act.carrier().custodian();
        Map<String, Object> before = snapshot(act.carrier());
        before.put("custodian", personMap(from));
        try {
            perform(() -> act.carrier().handOver(to, reason, act.me(), clock.instant()));
        } catch (DomainException e) {
            if ("carrier.sameCustodian".equals(e.code()) || "carrier.custodianNotCleared".equals(e.code())) {
                throw ValidationException.of("toPersonId", e.code(), e.getMessage(), e.args());
            }
            throw e;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("custodian", personMap(to));
        after.put("reason", reason.strip());
        save(act, "handOver", before, after);
        return from;
    }

    /**
     * Whether {@link #handOver} of carrier {@code id} to {@code toPersonId} would be accepted now,
     * without doing it: the carrier as the bulk hand-over's preview lists it. For its ledger keepers.
     */
    @Transactional(readOnly = true)
    public HandoverViews.Candidate tryHandOver(long id, long toPersonId) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        Loaded l = load(id, false);
        requireReadable(user, l.row().unitId(), id);
        requireLedger(user, l.row().unitId());
        PersonRef me = me(user);
        Carrier c = l.carrier();
        String title = c.visibilityFor(me, true).titleVisible() ? c.details().title() : null;
        List<FieldProblem> problems = new ArrayList<>();
        PersonRef to = newCustodian(problems, toPersonId, l.row().unitId(), user);
        org.springframework.context.MessageSourceResolvable problem = null;
        if (!problems.isEmpty()) {
            FieldProblem p = problems.get(0);
            problem = new DefaultMessageSourceResolvable(new String[] {p.code()}, p.args(), p.message());
        } else {
            try {
                // Tried on the loaded aggregate, which is thrown away: nothing is stored.
                perform(() -> c.handOver(to, "preview", me, clock.instant()));
            } catch (DomainException e) {
                problem = new DefaultMessageSourceResolvable(new String[] {e.code()}, e.args(), e.getMessage());
            }
        }
        return new HandoverViews.Candidate(id, c.serial().value(), c.level(), c.markingText(), title, c.status(),
                problem);
    }

    /**
     * 知悉范围变更 — replaces the knowledge scope with these people and departments (of the actor's
     * units). The custodian stays in it, and so do whoever holds the carrier or is still to read
     * it; need-to-know follows the new scope from now on. The old scope stays in the history.
     */
    public void changeScope(long id, List<Long> personIds, List<Long> departmentIds, String reason) {
        Act act = ledgerAct(id);
        List<FieldProblem> problems = new ArrayList<>();
        KnowledgeScope scope = scope(problems, personIds == null ? List.of() : personIds,
                departmentIds == null ? List.of() : departmentIds, act.user());
        reasonProblem(problems, reason);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Carrier c = act.carrier();
        List<PersonRef> holders = new ArrayList<>();
        for (Actor a : c.holders()) {
            repository.person(a.personId()).map(CarrierService::ref).ifPresent(holders::add);
        }
        Map<String, Object> before = snapshot(c);
        before.put("scope", scopeMap(c.scope()));
        try {
            perform(() -> c.changeScope(scope, reason, holders, act.me(), clock.instant()));
        } catch (DomainException e) {
            if (e.code().startsWith("carrier.scope") || e.code().endsWith("OutOfScope")) {
                throw ValidationException.of("scopePersonIds", e.code(), e.getMessage(), e.args());
            }
            throw e;
        }
        repository.replaceScope(id, scope);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("scope", scopeMap(scope));
        after.put("reason", reason.strip());
        save(act, "scope", before, after);
    }

    /**
     * The names of the people and departments the scope changes in {@code timeline} name (for its
     * sentences); the timeline was read under the need-to-know rule, so nothing more is shown.
     */
    @Transactional(readOnly = true)
    public CarrierViews.ScopeNames scopeNames(List<TimelineEntry> timeline) {
        user(Permission.BUSINESS_READ);
        Set<Long> people = new HashSet<>();
        Set<Long> departments = new HashSet<>();
        for (TimelineEntry e : timeline) {
            if (e.event() instanceof CarrierEvent.ScopeChanged c) {
                people.addAll(c.oldScope().personIds());
                people.addAll(c.newScope().personIds());
                departments.addAll(c.oldScope().departmentIds());
                departments.addAll(c.newScope().departmentIds());
            }
        }
        Map<Long, String> p = new HashMap<>();
        repository.personLabels(people).forEach(l -> p.put(l.id(), l.name()));
        Map<Long, String> d = new HashMap<>();
        repository.departmentLabels(departments).forEach(l -> d.put(l.id(), l.name()));
        return new CarrierViews.ScopeNames(p, d);
    }

    /** The person named as new custodian: he exists in the actor's units, is active and of the carrier's unit. */
    private PersonRef newCustodian(List<FieldProblem> problems, long personId, long unitId, BaomiUser user) {
        PersonRef to = personField(problems, "toPersonId", personId, user);
        if (to != null && repository.person(personId).map(PersonRow::unitId).orElse(-1L) != unitId) {
            problems.add(new FieldProblem("toPersonId", "carrier.handoverOtherUnit", to.name()
                    + " belongs to another unit; a carrier is handed over within the unit whose ledger holds it.",
                    to.name()));
            return null;
        }
        return to;
    }

    private static Map<String, Object> personMap(PersonRef p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        return m;
    }

    private static Map<String, Object> scopeMap(KnowledgeScope s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("people", s.personIds().stream().sorted().toList());
        m.put("departments", s.departmentIds().stream().sorted().toList());
        return m;
    }

    // ------------------------------------------------------------ settings

    /** The unit's carrier settings (defaults if never set); for its ledger keepers. */
    @Transactional(readOnly = true)
    public CarrierSettings settings(long unitId) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        requireLedger(user, unitId);
        return settingsOf(unitId);
    }

    /** Changes the unit's carrier settings; each field is checked and named when wrong. */
    public CarrierSettings updateSettings(CarrierSettings s) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        requireLedger(user, s.unitId());
        List<FieldProblem> problems = new ArrayList<>();
        SerialNumberPattern pattern = field(problems, "serialPattern", () -> SerialNumberPattern.parse(s.serialPattern()));
        if (pattern != null) {
            String code = repository.unitCode(s.unitId()).orElseThrow();
            field(problems, "serialPattern", () -> pattern.sequenceKey(code, 2026, CarrierType.PAPER_DOCUMENT));
        }
        range(problems, "circulationDays", s.circulationDays(), 0, 30);
        range(problems, "termWarningDays", s.termWarningDays(), 0, 3650);
        range(problems, "yearEndWindowDays", s.yearEndWindowDays(), 0, 365);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CarrierSettings before = settingsOf(s.unitId());
        CarrierSettings after = new CarrierSettings(s.unitId(), pattern.pattern(), s.circulationDays(),
                s.termWarningDays(), s.yearEndWindowDays());
        repository.saveSettings(after, clock.instant(), user.getUsername());
        audit.record("carrier.settings", "unit", s.unitId(), before, after);
        return after;
    }

    /**
     * The serial the unit's next paper document would receive this year if its pattern were
     * {@code pattern} (for the settings page, while the pattern is being edited); allocates nothing.
     * A pattern the settings would refuse is a problem of field {@code serialPattern}.
     */
    @Transactional(readOnly = true)
    public String nextSerialExample(long unitId, String pattern) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        requireLedger(user, unitId);
        String code = repository.unitCode(unitId).orElseThrow();
        int year = today().getYear();
        CarrierType type = CarrierType.PAPER_DOCUMENT;
        SerialNumberPattern parsed = field(null, "serialPattern", () -> SerialNumberPattern.parse(pattern));
        String key = field(null, "serialPattern", () -> parsed.sequenceKey(code, year, type));
        long next = repository.lastSerial(key).orElse(0L) + 1;
        return field(null, "serialPattern", () -> parsed.format(code, year, type, next)).value();
    }

    /** The units whose carrier ledger the signed-in person keeps (for unit pickers). */
    @Transactional(readOnly = true)
    public List<Label> ledgerUnits() {
        return repository.units(ledgerUnits(user(Permission.BUSINESS_READ)));
    }

    // ------------------------------------------------------------ acting

    private record Loaded(CarrierRow row, Carrier carrier, int storedEvents) {
    }

    private record Act(BaomiUser user, PersonRef me, Loaded loaded) {
        Carrier carrier() {
            return loaded.carrier();
        }

        long unitId() {
            return loaded.row().unitId();
        }
    }

    private Loaded load(long id, boolean forUpdate) {
        CarrierRow row = repository.load(id, forUpdate).orElseThrow(() -> notFound(id));
        PersonRef custodian = repository.person(row.custodianId()).map(CarrierService::ref).orElseThrow();
        KnowledgeScope scope = KnowledgeScope.of(repository.scopePeople(id), repository.scopeDepartments(id));
        CarrierDetails details = new CarrierDetails(row.unitId(), row.type(), row.title(), row.documentNumber(),
                row.issuer(), row.dated(), new CopyNumber(row.copyNumber(), row.copyTotal()), scope, custodian);
        List<CarrierEvent> history = repository.events(id).stream().map(codec::decode).toList();
        Carrier carrier = Carrier.restore(new CarrierId(id), new SerialNumber(row.serial()), details, row.status(),
                history);
        return new Loaded(row, carrier, history.size());
    }

    /** A ledger act: the signed-in person keeps the carrier's unit's ledger; the row is locked. */
    private Act ledgerAct(long id) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        Loaded l = load(id, true);
        requireReadable(user, l.row().unitId(), id);
        requireLedger(user, l.row().unitId());
        return new Act(user, me(user), l);
    }

    /** An act the ledger keeper or a person who may see the carrier in full performs himself. */
    private Act handlerAct(long id) {
        BaomiUser user = user(Permission.CARRIER_HANDLE);
        Loaded l = load(id, true);
        requireReadable(user, l.row().unitId(), id);
        PersonRef me = me(user);
        boolean ledger = ledgerUnits(user).contains(l.row().unitId());
        if (!ledger && !(l.carrier().visibilityFor(me, false) instanceof Visibility.Full)) {
            throw new AccessDeniedException("not in the knowledge scope of carrier " + id);
        }
        return new Act(user, me, l);
    }

    /** Appends the act's new events, updates the projection (optimistic version) and audits. */
    private void save(Act act, String action, Map<String, Object> before, Map<String, Object> details) {
        Carrier c = act.carrier();
        List<CarrierEvent> history = c.history();
        for (int i = act.loaded().storedEvents(); i < history.size(); i++) {
            repository.appendEvent(c.id().value(), i, codec.encode(history.get(i)));
        }
        Instant now = clock.instant();
        if (!repository.update(c.id().value(), act.loaded().row().version(), projection(c), now)) {
            throw new DomainException("carrier.concurrent",
                    "Someone else changed " + c.serial() + " at the same moment; reload it and try again.",
                    c.serial().value());
        }
        Map<String, Object> after = snapshot(c);
        after.putAll(details);
        audit.record("carrier." + action, "carrier", c.id().value(), before, after);
    }

    private long openRequest(Act act, String type, Role role, Integer copies, String consentAuthority,
            String consentReference, String newMarking, LocalDate returnBy, String reason) {
        String summary = act.carrier().serial().value() + " — " + reason.strip();
        long requestId = approvals.open(type, SUBJECT, Long.toString(act.carrier().id().value()),
                summary.length() > MAX_TEXT ? summary.substring(0, MAX_TEXT) : summary, act.unitId(),
                List.of(new ApprovalStep(role, act.unitId())));
        repository.insertRequest(requestId, act.carrier().id().value(), type, copies, consentAuthority, consentReference,
                newMarking, returnBy, reason.strip());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("request", requestId);
        after.put("type", type);
        after.put("serial", act.carrier().serial().value());
        after.put("approver", role.name());
        if (copies != null) {
            after.put("copies", copies);
        }
        if (newMarking != null) {
            after.put("marking", newMarking);
        }
        if (returnBy != null) {
            after.put("returnBy", returnBy.toString());
        }
        audit.record("carrier.request", "carrier", act.carrier().id().value(), null, after);
        return requestId;
    }

    /**
     * The request named for an act, checked: it exists as a carrier request, is for this carrier
     * and this act, is APPROVED, and has not been used (ADR 0011). Locked until the act commits.
     */
    private RequestRow useRequest(Act act, long requestId, String type) {
        RequestRow r = repository.requestForUpdate(requestId).orElseThrow(() -> approvalProblem(
                "carrier.approvalUnknown", "There is no carrier approval request " + requestId + ".", requestId));
        if (r.carrierId() != act.carrier().id().value() || !SUBJECT.equals(r.subjectType())
                || !Long.toString(act.carrier().id().value()).equals(r.subjectId())) {
            throw approvalProblem("carrier.approvalOtherCarrier",
                    "Request " + requestId + " is for another carrier, not " + act.carrier().serial() + ".", requestId,
                    act.carrier().serial().value());
        }
        if (!type.equals(r.act()) || !type.equals(r.type())) {
            throw approvalProblem("carrier.approvalWrongType", "Request " + requestId + " asks for something else.",
                    requestId, approvalTypeLabel(r.type()), approvalTypeLabel(type));
        }
        if (!ApprovalStatus.APPROVED.name().equals(r.status())) {
            throw approvalProblem("carrier.approvalNotApproved", "Request " + requestId + " is "
                    + r.status().toLowerCase() + ", not approved.", requestId, statusLabel(r.status()));
        }
        if (r.usedAt() != null) {
            throw approvalProblem("carrier.approvalUsed", "Request " + requestId + " has already been used; "
                    + "each approval allows the act once.", requestId);
        }
        return r;
    }

    private void markUsed(Act act, long requestId) {
        repository.markUsed(requestId, clock.instant(), act.user().getUsername());
    }

    private static ValidationException approvalProblem(String code, String message, Object... args) {
        return ValidationException.of("requestId", code, message, args);
    }

    private static DefaultMessageSourceResolvable approvalTypeLabel(String type) {
        return new DefaultMessageSourceResolvable(new String[] {"approval.type." + type}, type);
    }

    private static DefaultMessageSourceResolvable statusLabel(String status) {
        return new DefaultMessageSourceResolvable(new String[] {"carrier.approvalStatus." + status}, status);
    }

    private void requireHolders(List<FieldProblem> problems, String field, Role role, Act act) {
        boolean someoneElse = accounts.holdersOf(role, act.unitId()).stream()
                .anyMatch(a -> a != act.user().accountId());
        if (!someoneElse) {
            problems.add(new FieldProblem(field, "carrier.noApprover",
                    "Nobody else in the unit is " + role + ", so this request could never be approved.",
                    new DefaultMessageSourceResolvable(new String[] {"role." + role.name()}, role.name())));
        }
    }

    /** Refuses a request for an act the carrier's status does not allow now (asking would be pointless). */
    private static void requireStatus(Act act, String actName, CarrierStatus... allowed) {
        Carrier c = act.carrier();
        if (c.status().isTerminal()) {
            throw new DomainException("carrier.closed", "Carrier " + c.serial() + " is " + c.status()
                    + "; nothing more can be done with it.", c.serial().value(), statusResolvable(c.status()), actName);
        }
        for (CarrierStatus s : allowed) {
            if (c.status() == s) {
                return;
            }
        }
        throw new DomainException("carrier.wrongStatus", "Cannot " + actName + " " + c.serial() + " while it is "
                + c.status() + ".", c.serial().value(), statusResolvable(c.status()), actName);
    }

    private static void requireClassified(Act act, String actName) {
        if (act.carrier().marking() instanceof CarrierMarking.Declassified) {
            throw new DomainException("carrier.alreadyDeclassified", act.carrier().serial()
                    + " is already declassified; there is no marking left to " + actName + ".",
                    act.carrier().serial().value());
        }
    }

    private static DefaultMessageSourceResolvable statusResolvable(CarrierStatus s) {
        return new DefaultMessageSourceResolvable(new String[] {"carrier.status." + s.name()}, s.name());
    }

    // ------------------------------------------------------------ who is asking

    static BaomiUser user(Permission permission) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("no signed-in user");
        }
        if (!user.has(permission)) {
            throw new AccessDeniedException("the user lacks " + permission);
        }
        return user;
    }

    /** Units the user may read carriers of: business roles' units and below (OrgScope). */
    private Set<Long> readUnits(BaomiUser user) {
        if (!user.has(Permission.BUSINESS_READ)) {
            return Set.of();
        }
        return orgScope.visibleUnitIds(user);
    }

    /** Units whose ledger the user keeps: where he holds a role granting CARRIER_MANAGE. */
    static Set<Long> ledgerUnits(BaomiUser user) {
        Set<Long> out = new LinkedHashSet<>();
        user.grants().stream().filter(g -> RolePermissions.of(g.role()).contains(Permission.CARRIER_MANAGE))
                .forEach(g -> out.add(g.unitId()));
        return out;
    }

    private void requireReadable(BaomiUser user, long unitId, long carrierId) {
        if (!readUnits(user).contains(unitId)) {
            throw notFound(carrierId);
        }
    }

    private static void requireLedger(BaomiUser user, long unitId) {
        if (!ledgerUnits(user).contains(unitId)) {
            throw new AccessDeniedException("not the keeper of unit " + unitId + "'s carrier ledger");
        }
    }

    PersonRef me(BaomiUser user) {
        if (user.personId() == null) {
            throw new DomainException("carrier.noPerson",
                    "Your account is not linked to a person; the ledger is signed by name, so ask the administrator to link it.");
        }
        return repository.person(user.personId()).map(CarrierService::ref).orElseThrow(() -> new DomainException(
                "carrier.noPerson", "Your account is not linked to a person; the ledger is signed by name."));
    }

    private CarrierRepository.Viewer viewer(BaomiUser user) {
        PersonRow p = user.personId() == null ? null : repository.person(user.personId()).orElse(null);
        return new CarrierRepository.Viewer(readUnits(user), ledgerUnits(user),
                p == null ? Set.of(ClassificationLevel.PUBLIC) : CarrierRepository.Viewer.clearedFor(p.level()),
                p == null ? -1 : p.id(), p == null || p.departmentId() == null ? -1 : p.departmentId());
    }

    private static PersonRef ref(PersonRow p) {
        return new PersonRef(p.id(), p.name(), p.level(), p.departmentId() == null ? Set.of() : Set.of(p.departmentId()));
    }

    /** A person named in a form: he exists, is active and belongs to a unit the actor may read. */
    private PersonRef personField(List<FieldProblem> problems, String field, long personId, BaomiUser user) {
        PersonRow p = repository.person(personId).orElse(null);
        if (p == null || !readUnits(user).contains(p.unitId())) {
            problems.add(new FieldProblem(field, "carrier.personUnknown", "There is no person " + personId
                    + " in your units.", personId));
            return null;
        }
        if (!p.active()) {
            problems.add(new FieldProblem(field, "carrier.personInactive", p.name() + " is no longer active.", p.name()));
            return null;
        }
        return ref(p);
    }

    private KnowledgeScope scope(List<FieldProblem> problems, List<Long> personIds, List<Long> departmentIds,
            BaomiUser user) {
        int before = problems.size();
        Set<Long> people = new LinkedHashSet<>();
        for (Long id : personIds) {
            if (id != null && personField(problems, "scopePersonIds", id, user) != null) {
                people.add(id);
            }
        }
        Set<Long> departments = new LinkedHashSet<>(departmentIds);
        departments.remove(null);
        Map<Long, Long> units = repository.departmentUnits(departments);
        Set<Long> readable = readUnits(user);
        for (Long d : departments) {
            Long unit = units.get(d);
            if (unit == null || !readable.contains(unit)) {
                problems.add(new FieldProblem("scopeDepartmentIds", "carrier.departmentUnknown",
                        "There is no department " + d + " in your units.", d));
            }
        }
        return problems.size() == before ? KnowledgeScope.of(people, departments) : null;
    }

    // ------------------------------------------------------------ views

    private Detail detail(Loaded l) {
        Carrier c = l.carrier();
        CarrierRow row = l.row();
        CarrierDetails d = c.details();
        LocalDate today = today();
        String former = c.marking() instanceof CarrierMarking.Declassified dc ? dc.former().format() : null;
        CirculationInfo circulation = c.circulation().map(x -> circulationInfo(c, x, today)).orElse(null);
        Holding loan = c.loan().map(x -> new Holding(x.to().personId(), x.to().name(), x.at(), x.due(),
                today.isAfter(x.due()), x.fromArchive())).orElse(null);
        Holding out = c.carriedOut().map(x -> new Holding(x.by().personId(), x.by().name(), x.at(), x.returnBy(),
                today.isAfter(x.returnBy()), false)).orElse(null);
        return new Detail(c.id().value(), d.unitId(), repository.unitName(d.unitId()), c.serial().value(), d.type(),
                d.title(), d.documentNumber(), d.issuer(), d.dated(), d.copyNumber().copy(), d.copyNumber().of(),
                c.markingText(), c.level(), former != null, former, projection(c).declassificationDate(), c.status(),
                new Label(d.custodian().id(), d.custodian().name()), c.storage(),
                repository.personLabels(d.scope().personIds()), repository.departmentLabels(d.scope().departmentIds()),
                c.copiedFrom().flatMap(x -> repository.ref(x.value())).orElse(null), repository.copiesOf(c.id().value()),
                circulation, loan, out, row.registeredAt(), row.version());
    }

    private static CirculationInfo circulationInfo(Carrier c, Circulation circ, LocalDate today) {
        // Signing times are in the history: the SignedAsRead events since the circulation began.
        List<CarrierEvent> history = c.history();
        int start = history.size() - 1;
        while (start > 0 && !(history.get(start) instanceof CarrierEvent.CirculationStarted)) {
            start--;
        }
        List<Instant> signedAt = new ArrayList<>();
        for (int i = start; i < history.size(); i++) {
            if (history.get(i) instanceof CarrierEvent.SignedAsRead s) {
                signedAt.add(s.at());
            }
        }
        List<Reader> route = new ArrayList<>();
        for (int i = 0; i < circ.route().size(); i++) {
            Actor a = circ.route().get(i);
            route.add(new Reader(a.personId(), a.name(), i < signedAt.size() ? signedAt.get(i) : null));
        }
        return new CirculationInfo(route, circ.due(), circ.urgent(), today.isAfter(circ.due()));
    }

    private static List<TimelineEntry> timelineOf(Carrier c) {
        List<CarrierEvent> history = c.history();
        List<TimelineEntry> out = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            CarrierEvent e = history.get(i);
            out.add(new TimelineEntry(i, e.getClass().getSimpleName(), e.at(), e.by(), e));
        }
        return out;
    }

    private static Actions actions(Carrier c, PersonRef viewer, boolean ledger) {
        boolean manage = ledger && viewer.cleared(c.level()) && !c.status().isTerminal();
        boolean sign = c.circulation().flatMap(Circulation::nextReader).map(a -> a.personId() == viewer.id())
                .orElse(false);
        boolean returnLoan = c.loan().map(x -> x.to().personId() == viewer.id() || ledger).orElse(false);
        return new Actions(manage, sign, returnLoan);
    }

    // ------------------------------------------------------------ projection and audit

    static Projection projection(Carrier c) {
        LocalDate declassification = c.marking() instanceof CarrierMarking.Classified cl
                ? cl.marking().declassificationDate(c.details().dated()).orElse(null) : null;
        LocalDate due = null;
        Long holder = null;
        String holderName = null;
        Instant since = null;
        if (c.circulation().isPresent()) {
            Circulation circ = c.circulation().get();
            due = circ.due();
            Actor next = circ.nextReader().orElse(null);
            holder = next == null ? null : next.personId();
            holderName = next == null ? null : next.name();
        } else if (c.loan().isPresent()) {
            var loan = c.loan().get();
            due = loan.due();
            holder = loan.to().personId();
            holderName = loan.to().name();
            since = loan.at();
        } else if (c.carriedOut().isPresent()) {
            var out = c.carriedOut().get();
            due = out.returnBy();
            holder = out.by().personId();
            holderName = out.by().name();
            since = out.at();
        }
        return new Projection(c.status(), c.markingText(), c.level(), c.marking() instanceof CarrierMarking.Declassified,
                declassification, c.storage(), due, holder, holderName, since, c.custodian().id(), c.custodian().name());
    }

    private static String searchText(CarrierDetails d) {
        String s = (d.title() + "\n" + d.documentNumber() + "\n" + d.issuer()).toLowerCase();
        return s.length() > 1200 ? s.substring(0, 1200) : s;
    }

    /** What the audit log keeps about a carrier: never its title (the auditor need not be cleared). */
    private static Map<String, Object> snapshot(Carrier c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serial", c.serial().value());
        m.put("unitId", c.details().unitId());
        m.put("status", c.status().name());
        m.put("marking", c.markingText());
        m.put("storage", c.storage().kind().name() + ":" + c.storage().name());
        m.put("copy", c.details().copyNumber().copy() + "/" + c.details().copyNumber().of());
        c.copiedFrom().ifPresent(x -> m.put("copiedFrom", x.value()));
        return m;
    }

    // ------------------------------------------------------------ helpers

    /** Runs an act of the aggregate; a refusal comes back with its arguments in words ({@link #readable}). */
    private static void perform(Runnable act) {
        try {
            act.run();
        } catch (DomainException e) {
            throw readable(e);
        }
    }

    private static <T> T perform(Supplier<T> act) {
        try {
            return act.get();
        } catch (DomainException e) {
            throw readable(e);
        }
    }

    /**
     * The core names statuses, levels and kinds of place as enums; messages show them in the
     * reader's language ({@code carrier.status.*}, {@code carrier.level.*}, {@code carrier.storage.*}).
     */
    static DomainException readable(DomainException e) {
        Object[] args = e.args();
        boolean changed = false;
        for (int i = 0; i < args.length; i++) {
            String key = args[i] instanceof CarrierStatus s ? "carrier.status." + s.name()
                    : args[i] instanceof ClassificationLevel l ? "carrier.level." + l.name()
                    : args[i] instanceof StoragePlace.Kind k ? "carrier.storage." + k.name() : null;
            if (key != null) {
                args[i] = new DefaultMessageSourceResolvable(new String[] {key}, ((Enum<?>) args[i]).name());
                changed = true;
            }
        }
        return changed ? new DomainException(e.code(), e.getMessage(), args) : e;
    }

    private CarrierSettings settingsOf(long unitId) {
        return repository.settings(unitId).orElseGet(() -> CarrierSettings.defaults(unitId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("carrier.notFound", "There is no carrier " + id + " you may see.");
    }

    /** Runs a constructor that validates; a refusal becomes {@code field}'s problem (or the field its code names). */
    private static <T> T field(List<FieldProblem> problems, String field, Supplier<T> make) {
        try {
            return make.get();
        } catch (DomainException refused) {
            DomainException e = readable(refused);
            String f = field == null ? fieldOf(e.code()) : field;
            if (f == null) {
                throw e;
            }
            FieldProblem p = new FieldProblem(f, e.code(), e.getMessage(), e.args());
            if (problems == null) {
                throw new ValidationException(List.of(p));
            }
            problems.add(p);
            return null;
        }
    }

    private static ValidationException asFieldProblem(DomainException e) {
        String f = fieldOf(e.code());
        if (f == null) {
            throw e;
        }
        return ValidationException.of(f, e.code(), e.getMessage(), e.args());
    }

    /** Which input field a registration refusal is about; null when it is about no field. */
    private static String fieldOf(String code) {
        return switch (code) {
            case "carrier.titleEmpty", "carrier.titleTooLong" -> "title";
            case "carrier.issuerEmpty" -> "issuer";
            case "carrier.dateMissing" -> "dated";
            case "carrier.notClassified" -> "marking";
            case "carrier.storageNotAllowed" -> "storageKind";
            case "carrier.storageNameEmpty" -> "storageName";
            case "carrier.scopeEmpty" -> "scopePersonIds";
            case "carrier.custodianNotCleared", "carrier.nameMissing" -> "custodianId";
            case "carrier.copyCountInvalid" -> "copyTotal";
            case "carrier.copyNumberOutOfRange" -> "copyNumber";
            default -> code.startsWith("marking.") ? "marking" : null;
        };
    }

    private static void reasonProblem(List<FieldProblem> problems, String reason) {
        if (isBlank(reason)) {
            problems.add(new FieldProblem("reason", "carrier.reasonMissing", "Say why."));
        } else if (reason.strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem("reason", "carrier.tooLong", "At most " + MAX_TEXT + " characters.", MAX_TEXT));
        }
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw ValidationException.of(field, "carrier.tooLong", "At most " + max + " characters.", max);
        }
    }

    private static void range(List<FieldProblem> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new FieldProblem(field, "carrier.outOfRange", "Between " + min + " and " + max + ".", min, max));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
