package org.baomi.server.device;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.Network;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.lifecycle.Actor;
import org.baomi.core.device.lifecycle.ApprovalRef;
import org.baomi.core.device.lifecycle.DeviceEvent;
import org.baomi.core.device.lifecycle.DeviceHistory;
import org.baomi.core.device.lifecycle.DeviceRecord;
import org.baomi.core.device.lifecycle.PersonRef;
import org.baomi.core.device.lifecycle.StorageDisposal;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.device.DeviceInputs.*;
import org.baomi.server.device.DeviceRepository.DeviceHead;
import org.baomi.server.device.DeviceRepository.StoredRequest;
import org.baomi.server.device.DeviceViews.*;
import org.baomi.server.incident.IncidentKind;
import org.baomi.server.incident.IncidentService;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device ledger and each device's lifecycle. Every act loads the {@link DeviceRecord}
 * aggregate under a row lock, performs the act (the aggregate refuses what the rules forbid),
 * stores the new event and the projection, audits the change in the same transaction and returns
 * the device with its compliance as it now stands. Acts that need approval spend an approved
 * request whose parameters they use ({@link ActRequests}).
 */
@Service
public class DeviceService {

    static final int MAX_PAGE = 200;

    private final DeviceRepository repository;
    private final DeviceScope scope;
    private final ActRequests requests;
    private final DeviceComplianceService compliance;
    private final EventCodec codec;
    private final AuditLog audit;
    private final IncidentService incidents;
    private final LedgerPeople people;
    private final Clock clock;

    DeviceService(DeviceRepository repository, DeviceScope scope, ActRequests requests,
            DeviceComplianceService compliance, EventCodec codec, AuditLog audit, IncidentService incidents,
            LedgerPeople people, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.requests = requests;
        this.compliance = compliance;
        this.codec = codec;
        this.audit = audit;
        this.incidents = incidents;
        this.people = people;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reads

    /** A page of the devices the user may read ({@code unitId} narrows to one unit). */
    @Transactional(readOnly = true)
    public PageOf<DeviceRow> search(DeviceSearch search) {
        DeviceSearch s = search == null ? new DeviceSearch(null, null, null, null, null, null, 1, 50) : search;
        Set<Long> units = scope.readable();
        if (s.unitId() != null) {
            units = units.contains(s.unitId()) ? Set.of(s.unitId()) : Set.of();
        }
        int size = Math.max(1, Math.min(s.size() <= 0 ? 50 : s.size(), MAX_PAGE));
        int page = Math.max(1, s.page());
        if (units.isEmpty()) {
            return new PageOf<>(List.of(), 0, page, size);
        }
        Set<Long> violating = s.withViolations() == null ? Set.of() : compliance.devicesWithViolations(units);
        return new PageOf<>(repository.searchDevices(units, s, violating, (page - 1) * size, size),
                repository.countDevices(units, s, violating), page, size);
    }

    /**
     * Whether the signed-in user keeps {@code unitId}'s device ledger (holds
     * {@code DEVICE_MANAGE} there or in a unit above): the rule every act of this service, of
     * {@link MediumService} and of {@link NetworkService} applies, so a page can offer only acts
     * that would succeed. False for a unit outside the user's scope and when no one is signed in.
     */
    @Transactional(readOnly = true)
    public boolean mayManage(long unitId) {
        return scope.mayManage(unitId);
    }

    /** One device with its open maintenance and media; a view of a classified device is audited. */
    @Transactional
    public DeviceDetail get(long id) {
        DeviceDetail detail = detail(id);
        scope.requireRead(detail.unitId(), () -> notFound(id));
        if (detail.details().designation() == Designation.CLASSIFIED) {
            audit.recordView("device", id);
        }
        return detail;
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        readable(id);
        return codec.history(repository.events("device_event", "device_id", id));
    }

    @Transactional(readOnly = true)
    public List<MaintenanceView> maintenances(long id) {
        readable(id);
        return repository.maintenances(id);
    }

    /** The approval requests for acts on this device, newest first; {@code usable} ones may be acted on now. */
    @Transactional(readOnly = true)
    public List<ActRequestView> requests(long id) {
        readable(id);
        return repository.requests("device", id);
    }

    /** The 15 usual ledger columns for every device of {@code unitId}, by asset number. */
    @Transactional(readOnly = true)
    public List<DeviceLedgerRow> ledger(long unitId) {
        scope.requireRead(unitId, () -> unitNotFound(unitId));
        return repository.deviceLedger(unitId);
    }

    // ------------------------------------------------------------------ registration and edits

    @Transactional
    public DeviceChange register(long unitId, DeviceRegistration registration) {
        return Refusals.inWords(() -> {
            scope.requireManage(unitId, () -> unitNotFound(unitId));
            long id = registerOne(unitId, registration, "");
            return change(unitId, id);
        });
    }

    /**
     * Registers every row in one transaction, or none: every problem of every row is reported at
     * once, named {@code rows[i].details.field} / {@code rows[i].placement.field}; a refusal by
     * the rules names its row too ({@code rows[i]}).
     */
    @Transactional
    public List<Registered> registerAll(long unitId, List<DeviceRegistration> rows) {
        scope.requireManage(unitId, () -> unitNotFound(unitId));
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> assets = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "rows[" + i + "].";
            DeviceRegistration r = rows.get(i);
            DeviceDetails d = DeviceValidation.details(r == null ? null : r.details(), prefix + "details.", problems);
            if (d != null && !assets.add(d.assetNumber().toLowerCase())) {
                problems.add(new FieldProblem(prefix + "details.assetNumber", "device.assetNumber.repeated",
                        "Asset number " + d.assetNumber() + " appears twice in the list.", d.assetNumber()));
            }
            if (d != null && repository.assetNumberTaken(unitId, d.assetNumber(), null)) {
                problems.add(new FieldProblem(prefix + "details.assetNumber", "device.assetNumber.taken",
                        "Asset number " + d.assetNumber() + " is already in the ledger.", d.assetNumber()));
            }
            placement(unitId, r == null ? null : r.placement(), prefix + "placement.", problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<Registered> registered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                long id = registerOne(unitId, rows.get(i), "rows[" + i + "].");
                registered.add(new Registered(i, id, rows.get(i).details().assetNumber().strip()));
            } catch (DomainException e) {
                throw new ValidationException(List.of(new FieldProblem("rows[" + i + "]", e.code(), e.getMessage(),
                        Refusals.args(e))));
            }
        }
        return registered;
    }

    private long registerOne(long unitId, DeviceRegistration r, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        DeviceDetails d = DeviceValidation.details(r == null ? null : r.details(), prefix + "details.", problems);
        if (d != null && repository.assetNumberTaken(unitId, d.assetNumber(), null)) {
            problems.add(new FieldProblem(prefix + "details.assetNumber", "device.assetNumber.taken",
                    "Asset number " + d.assetNumber() + " is already in the ledger.", d.assetNumber()));
        }
        Placed placed = placement(unitId, r == null ? null : r.placement(), prefix + "placement.", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        BaomiUser user = DeviceScope.user();
        // the aggregate checks the rules before anything is written
        DeviceRecord.register(0, d.assetNumber(), d.designation().toDeviceClass(d.level()), placed.network(),
                placed.reference(), placed.responsible(), placed.departmentId(), placed.location(), actor(user), now);
        long id = repository.insertDevice(unitId, d, DeviceStatus.REGISTERED.name(), null, null, null, "", now);
        DeviceRecord record = DeviceRecord.register(id, d.assetNumber(), d.designation().toDeviceClass(d.level()),
                placed.network(), placed.reference(), placed.responsible(), placed.departmentId(), placed.location(),
                actor(user), now);
        store(record, 0, now);
        Map<String, Object> after = new LinkedHashMap<>(snapshot(d));
        after.putAll(placement(record.state()));
        audit.record("device.register", "device", id, null, after);
        return id;
    }

    private record Placed(Network network, String reference, PersonRef responsible, Long departmentId,
            String location) {
    }

    private Placed placement(long unitId, DevicePlacement p, String prefix, List<FieldProblem> problems) {
        if (p == null) {
            return new Placed(null, "", null, null, "");
        }
        Network network = null;
        String reference = p.admissionReference() == null ? "" : p.admissionReference().strip();
        if (p.networkId() != null) {
            network = coreNetwork(unitId, p.networkId(), prefix + "networkId", problems);
            if (reference.isEmpty()) {
                problems.add(new FieldProblem(prefix + "admissionReference", "device.admissionReferenceRequired",
                        "A device registered on a network needs the reference of its earlier admission approval."));
            }
        }
        DeviceValidation.text(reference, prefix + "admissionReference", 200, false, problems);
        PersonRef responsible = p.responsiblePersonId() == null ? null
                : people.person(p.responsiblePersonId(), prefix + "responsiblePersonId", problems);
        Long department = p.departmentId();
        if (department != null && !repository.departmentUnit(department).map(u -> u == unitId).orElse(false)) {
            problems.add(new FieldProblem(prefix + "departmentId", "device.department.unknown",
                    "There is no active department " + department + " in this unit.", department));
        }
        String location = DeviceValidation.text(p.location(), prefix + "location", 200, false, problems);
        return new Placed(network, reference, responsible, department, location);
    }

    /** Changes the details (never the placement, which changes only by approved acts). */
    @Transactional
    public DeviceChange edit(long id, DeviceDetails details, Integer version) {
        return Refusals.inWords(() -> {
            DeviceHead head = repository.deviceHead(id, true).orElseThrow(() -> notFound(id));
            scope.requireManage(head.unitId(), () -> notFound(id));
            if (head.status().isTerminal()) {
                throw new DomainException("device.closed", "Device " + head.assetNumber() + " is "
                        + head.status().name().toLowerCase() + "; its entry can no longer be changed.", head.assetNumber(),
                        head.status());
            }
            List<FieldProblem> problems = new ArrayList<>();
            DeviceDetails d = DeviceValidation.details(details, "details.", problems);
            if (d != null && repository.assetNumberTaken(head.unitId(), d.assetNumber(), id)) {
                problems.add(new FieldProblem("details.assetNumber", "device.assetNumber.taken",
                        "Asset number " + d.assetNumber() + " is already in the ledger.", d.assetNumber()));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            DeviceDetails before = detail(id).details();
            if (!repository.updateDetails(id, d, version, clock.instant())) {
                throw new DomainException("device.concurrent",
                        "Someone changed this device while you were editing it; reload it and edit again.");
            }
            audit.record("device.update", "device", id, snapshot(before), snapshot(d));
            return change(head.unitId(), id);
        });
    }

    // ------------------------------------------------------------------ approval requests

    @Transactional
    public ActRequestView requestAdmission(long id, AdmissionRequest request) {
        return Refusals.inWords(() -> {
            DeviceHead head = manageable(id);
            DeviceRecord record = restore(head);
            record.requirePossible(DeviceRecord.Act.ADMIT);
            List<FieldProblem> problems = new ArrayList<>();
            Long networkId = request == null ? null : request.networkId();
            Network network = null;
            if (networkId == null) {
                problems.add(new FieldProblem("networkId", "device.required", "Required."));
            } else {
                network = coreNetwork(head.unitId(), networkId, "networkId", problems);
            }
            String reason = reason(request == null ? null : request.reason(), problems);
            throwIf(problems);
            record.requireMayJoin(network);
            return open(head, DeviceAct.ADMISSION, new StoredRequest(0, DeviceAct.ADMISSION, "device", id, networkId, null,
                    null, null, null, null, null, reason, null));
        });
    }

    @Transactional
    public ActRequestView requestChange(long id, ChangeRequest request) {
        return Refusals.inWords(() -> {
            DeviceHead head = manageable(id);
            DeviceRecord record = restore(head);
            record.requirePossible(DeviceRecord.Act.REASSIGN);
            ChangeRequest r = request == null ? new ChangeRequest(null, null, null, null, null) : request;
            List<FieldProblem> problems = new ArrayList<>();
            Network network = r.networkId() == null ? null : coreNetwork(head.unitId(), r.networkId(), "networkId", problems);
            PersonRef responsible = r.responsiblePersonId() == null ? null
                    : people.person(r.responsiblePersonId(), "responsiblePersonId", problems);
            if (r.departmentId() != null
                    && !repository.departmentUnit(r.departmentId()).map(u -> u == head.unitId()).orElse(false)) {
                problems.add(new FieldProblem("departmentId", "device.department.unknown",
                        "There is no active department " + r.departmentId() + " in this unit.", r.departmentId()));
            }
            String location = DeviceValidation.text(r.location(), "location", 200, false, problems);
            if (r.networkId() == null && r.responsiblePersonId() == null && r.departmentId() == null && location.isEmpty()) {
                problems.add(new FieldProblem("responsiblePersonId", "device.change.nothing",
                        "Name the new responsible person, department, location or network."));
            }
            String reason = reason(r.reason(), problems);
            throwIf(problems);
            if (network != null) {
                if (record.status() != DeviceStatus.IN_USE) {
                    throw new DomainException("device.change.notOnNetwork", "Device " + head.assetNumber()
                            + " is on no network; request its admission instead of a change of network.",
                            head.assetNumber());
                }
                record.requireMayJoin(network);
            }
            if (responsible != null) {
                record.requireMayBeResponsible(responsible);
            }
            return open(head, DeviceAct.CHANGE, new StoredRequest(0, DeviceAct.CHANGE, "device", id, r.networkId(),
                    r.responsiblePersonId(), r.departmentId(), location.isEmpty() ? null : location, null, null, null,
                    reason, null));
        });
    }

    @Transactional
    public ActRequestView requestMaintenance(long id, MaintenanceRequest request) {
        return Refusals.inWords(() -> {
            DeviceHead head = manageable(id);
            restore(head).requirePossible(DeviceRecord.Act.START_MAINTENANCE);
            MaintenanceRequest r = request == null ? new MaintenanceRequest(null, null, null, null) : request;
            List<FieldProblem> problems = new ArrayList<>();
            if (r.site() == null) {
                problems.add(new FieldProblem("site", "device.required", "Required."));
            }
            if (r.site() == OpenMaintenance.Site.ON_SITE && r.supervisorPersonId() == null) {
                problems.add(new FieldProblem("supervisorPersonId", "device.maintenance.supervisorRequired",
                        "Maintenance on site is supervised: name the person who watches the work."));
            }
            if (r.supervisorPersonId() != null) {
                PersonRef supervisor = people.person(r.supervisorPersonId(), "supervisorPersonId", problems);
                var level = head.designation().toDeviceClass(head.level()).level();
                if (supervisor != null && head.designation() == Designation.CLASSIFIED && !supervisor.cleared(level)) {
                    problems.add(new FieldProblem("supervisorPersonId", "device.maintenance.supervisorNotCleared",
                            supervisor.name() + " is not cleared for the device's level.", supervisor.name(), level,
                            head.assetNumber()));
                }
            }
            String provider = DeviceValidation.text(r.provider(), "provider", 200, true, problems);
            String fault = reason(r.fault(), problems, "fault");
            throwIf(problems);
            return open(head, DeviceAct.MAINTENANCE, new StoredRequest(0, DeviceAct.MAINTENANCE, "device", id, null, null,
                    null, null, r.site(), r.site() == OpenMaintenance.Site.ON_SITE ? r.supervisorPersonId() : null,
                    provider, fault, null));
        });
    }

    @Transactional
    public ActRequestView requestScrapping(long id, ReasonRequest request) {
        return Refusals.inWords(() -> {
            DeviceHead head = manageable(id);
            List<FieldProblem> problems = new ArrayList<>();
            String reason = reason(request == null ? null : request.reason(), problems);
            throwIf(problems);
            return open(head, DeviceAct.SCRAPPING, new StoredRequest(0, DeviceAct.SCRAPPING, "device", id, null, null,
                    null, null, null, null, null, reason, null));
        });
    }

    private ActRequestView open(DeviceHead head, DeviceAct act, StoredRequest asked) {
        if (head.status().isTerminal() || head.status() == DeviceStatus.SCRAPPED) {
            throw new DomainException(head.status() == DeviceStatus.SCRAPPED ? "device.scrapped" : "device.closed",
                    "Device " + head.assetNumber() + " is " + head.status().name().toLowerCase()
                            + "; no further approval can be asked for it.", head.assetNumber(), head.status());
        }
        String summary = head.assetNumber() + (asked.reason().isEmpty() ? "" : ": " + asked.reason());
        long requestId = requests.open(act, head.id(), head.unitId(), summary, asked);
        return repository.requests("device", head.id()).stream().filter(v -> v.requestId() == requestId).findFirst()
                .orElseThrow();
    }

    // ------------------------------------------------------------------ acts

    /** 入网 on the approved admission request: the network is the one approved. */
    @Transactional
    public DeviceChange admit(long id, Long requestId) {
        return act(id, "device.admit", (record, head, user, now) -> {
            record.requirePossible(DeviceRecord.Act.ADMIT);
            StoredRequest r = requests.spend(DeviceAct.ADMISSION, id, requestId);
            record.admit(new ApprovalRef(r.requestId()), coreNetwork(head.unitId(), r.networkId()), actor(user), now);
        });
    }

    /** 变更 on the approved change request: what changes is what was approved. */
    @Transactional
    public DeviceChange applyChange(long id, Long requestId) {
        return act(id, "device.change", (record, head, user, now) -> {
            record.requirePossible(DeviceRecord.Act.REASSIGN);
            StoredRequest r = requests.spend(DeviceAct.CHANGE, id, requestId);
            record.reassign(new ApprovalRef(r.requestId()),
                    r.responsiblePersonId() == null ? null : people.person(r.responsiblePersonId(), "responsiblePersonId"), r.departmentId(),
                    r.location(), r.networkId() == null ? null : coreNetwork(head.unitId(), r.networkId()),
                    actor(user), now);
        });
    }

    /**
     * Hands the device over for the approved maintenance. Off site, a classified device goes only
     * with its storage removed ({@code storageRemoved}) and kept by a cleared person.
     */
    @Transactional
    public DeviceChange startMaintenance(long id, MaintenanceHandover handover) {
        MaintenanceHandover h = handover == null ? new MaintenanceHandover(null, false, null, null) : handover;
        return act(id, "device.maintenance.start", (record, head, user, now) -> {
            record.requirePossible(DeviceRecord.Act.START_MAINTENANCE);
            List<FieldProblem> problems = new ArrayList<>();
            PersonRef keeper = h.storageKeeperId() == null ? null
                    : people.person(h.storageKeeperId(), "storageKeeperId", problems);
            String note = DeviceValidation.text(h.storageNote(), "storageNote", 500, false, problems);
            throwIf(problems);
            StoredRequest r = requests.spend(DeviceAct.MAINTENANCE, id, h.requestId());
            PersonRef supervisor = r.supervisorPersonId() == null ? null : people.person(r.supervisorPersonId(), "supervisorPersonId");
            record.startMaintenance(new ApprovalRef(r.requestId()), r.site(), supervisor, r.provider(), r.reason(),
                    h.removed(), keeper, note, actor(user), now);
            repository.insertMaintenance(id, r.requestId(), r.site(), supervisor == null ? null : supervisor.id(),
                    r.provider(), r.reason(), h.removed(), h.removed() && keeper != null ? keeper.id() : null,
                    note, now, user.accountId());
        });
    }

    /** Back from maintenance, with what was done. */
    @Transactional
    public DeviceChange closeMaintenance(long id, String workDone) {
        List<FieldProblem> problems = new ArrayList<>();
        String work = DeviceValidation.text(workDone, "workDone", 1000, true, problems);
        throwIf(problems);
        return act(id, "device.maintenance.close", (record, head, user, now) -> {
            record.closeMaintenance(work, actor(user), now);
            repository.closeMaintenance(id, work, now, user.accountId());
        });
    }

    /** 重装系统: records the new operating system and its install date. */
    @Transactional
    public DeviceChange reinstall(long id, ReinstallInput input) {
        ReinstallInput in = input == null ? new ReinstallInput(null, null, null) : input;
        List<FieldProblem> problems = new ArrayList<>();
        String os = DeviceValidation.text(in.operatingSystem(), "operatingSystem", 100, true, problems);
        if (in.installedOn() == null) {
            problems.add(new FieldProblem("installedOn", "device.required", "Required."));
        }
        String note = DeviceValidation.text(in.note(), "note", 500, false, problems);
        throwIf(problems);
        return act(id, "device.reinstall", (record, head, user, now) -> {
            record.reinstall(os, in.installedOn(), note, actor(user), now);
            repository.updateOperatingSystem(id, os, in.installedOn());
        });
    }

    /** 退网. */
    @Transactional
    public DeviceChange removeFromNetwork(long id, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        throwIf(problems);
        return act(id, "device.remove", (record, head, user, now) -> record.removeFromNetwork(why, actor(user), now));
    }

    /** 报废 on the approved scrapping request, recording where the storage went for destruction. */
    @Transactional
    public DeviceChange scrap(long id, ScrappingInput input) {
        ScrappingInput in = input == null ? new ScrappingInput(null, null, null, null) : input;
        List<FieldProblem> problems = new ArrayList<>();
        String items = DeviceValidation.text(in.storageItems(), "storageItems", 300, true, problems);
        String destination = DeviceValidation.text(in.storageDestination(), "storageDestination", 200, true, problems);
        String reference = DeviceValidation.text(in.reference(), "reference", 100, false, problems);
        return act(id, "device.scrap", (record, head, user, now) -> {
            // the status comes first: scrapping a device on a network is refused whatever the form says
            record.requirePossible(DeviceRecord.Act.SCRAP);
            throwIf(problems);
            StoredRequest r = requests.spend(DeviceAct.SCRAPPING, id, in.requestId());
            record.scrap(new ApprovalRef(r.requestId()), new StorageDisposal(items, destination, reference), actor(user),
                    now);
        });
    }

    /** 销毁 of a scrapped device. */
    @Transactional
    public DeviceChange destroy(long id, DestructionInput input) {
        return act(id, "device.destroy", (record, head, user, now) -> {
            record.requirePossible(DeviceRecord.Act.DESTROY);
            record.destroy(people.destruction(input, user), actor(user), now);
        });
    }

    /** 丢失: records the loss and opens an incident in the same transaction. */
    @Transactional
    public DeviceChange reportLost(long id, String note) {
        return act(id, "device.lost", (record, head, user, now) -> {
            record.reportLost(note, actor(user), now);
            incidents.open(IncidentKind.DEVICE_LOST, head.unitId(), "device", String.valueOf(id), head.assetNumber(),
                    note);
        });
    }

    // ------------------------------------------------------------------ the act machinery

    @FunctionalInterface
    private interface Act {
        void perform(DeviceRecord record, DeviceHead head, BaomiUser user, Instant now);
    }

    private DeviceChange act(long id, String action, Act act) {
        return Refusals.inWords(() -> {
            DeviceHead head = repository.deviceHead(id, true).orElseThrow(() -> notFound(id));
            scope.requireManage(head.unitId(), () -> notFound(id));
            BaomiUser user = DeviceScope.user();
            Instant now = clock.instant();
            DeviceRecord record = restore(head);
            int before = record.history().size();
            Map<String, Object> stateBefore = placement(record.state());
            act.perform(record, head, user, now);
            store(record, before, now);
            Map<String, Object> after = placement(record.state());
            after.put("event", codec.kind(record.lastEvent()));
            if (record.lastEvent().approval() != null) {
                after.put("approvalRequestId", record.lastEvent().approval().requestId());
            }
            audit.record(action, "device", id, stateBefore, after);
            return change(head.unitId(), id);
        });
    }

    private DeviceRecord restore(DeviceHead head) {
        List<DeviceEvent> events = codec.deviceEvents(repository.events("device_event", "device_id", head.id()));
        return DeviceRecord.restore(head.id(), head.assetNumber(), head.designation().toDeviceClass(head.level()),
                head.status(), events);
    }

    /** Appends the events from {@code from} and writes the projection. */
    private void store(DeviceRecord record, int from, Instant now) {
        List<DeviceEvent> history = record.history();
        for (int seq = from; seq < history.size(); seq++) {
            DeviceEvent e = history.get(seq);
            repository.insertEvent("device_event", "device_id", record.id(), seq, codec.kind(e), e.at(),
                    e.by().accountId(), e.by().name(), e.approval() == null ? null : e.approval().requestId(),
                    codec.write(e));
        }
        DeviceHistory.State s = record.state();
        repository.updatePlacement(record.id(), s.status(), s.networkId(), s.admissionReference(),
                s.admissionRequestId(), s.responsiblePersonId(), s.departmentId(), s.location(), s.maintenance(), now);
    }

    private DeviceChange change(long unitId, long id) {
        return new DeviceChange(detail(id), compliance.deviceResult(unitId, id));
    }

    private DeviceDetail detail(long id) {
        DeviceDetail d = repository.deviceDetail(id).orElseThrow(() -> notFound(id));
        MaintenanceView open = d.status() == DeviceStatus.IN_MAINTENANCE
                ? repository.maintenances(id).stream().filter(MaintenanceView::open).findFirst().orElse(null)
                : null;
        return new DeviceDetail(d.id(), d.unitId(), d.unitName(), d.details(), d.networkId(), d.networkName(),
                d.admissionReference(), d.admissionRequestId(), d.responsible(), d.departmentId(), d.departmentName(), d.location(), d.status(), open,
                repository.mediaAllowedOn(id), d.version(), d.createdAt(), d.updatedAt());
    }

    private DeviceHead readable(long id) {
        DeviceHead head = repository.deviceHead(id, false).orElseThrow(() -> notFound(id));
        scope.requireRead(head.unitId(), () -> notFound(id));
        return head;
    }

    private DeviceHead manageable(long id) {
        DeviceHead head = repository.deviceHead(id, true).orElseThrow(() -> notFound(id));
        scope.requireManage(head.unitId(), () -> notFound(id));
        return head;
    }

    // ------------------------------------------------------------------ helpers

    static Actor actor(BaomiUser user) {
        return new Actor(user.accountId(), user.displayName());
    }

    private Network coreNetwork(long unitId, long networkId) {
        List<FieldProblem> problems = new ArrayList<>();
        Network n = coreNetwork(unitId, networkId, "networkId", problems);
        throwIf(problems);
        return n;
    }

    private Network coreNetwork(long unitId, long networkId, String field, List<FieldProblem> problems) {
        var view = repository.network(networkId).filter(n -> n.unitId() == unitId && n.active());
        if (view.isEmpty()) {
            problems.add(new FieldProblem(field, "device.network.unknown",
                    "There is no active network " + networkId + " in this unit.", networkId));
            return null;
        }
        NetworkView n = view.get();
        return new Network(NetworkId.of(n.id()), n.name(), n.kind(), n.level(), n.approvalReference());
    }

    private static String reason(String value, List<FieldProblem> problems) {
        return reason(value, problems, "reason");
    }

    private static String reason(String value, List<FieldProblem> problems, String field) {
        return DeviceValidation.text(value, field, 500, true, problems);
    }

    static void throwIf(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static Map<String, Object> snapshot(DeviceDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assetNumber", d.assetNumber());
        m.put("type", d.type().name());
        m.put("designation", d.designation().name());
        m.put("level", d.level() == null ? null : d.level().name());
        m.put("brandModel", d.brandModel());
        m.put("serialNumber", d.serialNumber());
        m.put("diskSerials", d.diskSerials());
        m.put("macAddresses", d.macAddresses());
        m.put("ipAddresses", d.ipAddresses());
        m.put("operatingSystem", d.operatingSystem());
        m.put("osInstalledOn", d.osInstalledOn() == null ? null : d.osInstalledOn().toString());
        m.put("purpose", d.purpose());
        m.put("securityMissing", d.security().missing().stream().map(Enum::name).toList());
        m.put("hardware", d.hardware().toString());
        return m;
    }

    private static Map<String, Object> placement(DeviceHistory.State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.status().name());
        m.put("networkId", s.networkId());
        m.put("admissionReference", s.admissionReference());
        m.put("admissionRequestId", s.admissionRequestId());
        m.put("responsiblePersonId", s.responsiblePersonId());
        m.put("departmentId", s.departmentId());
        m.put("location", s.location());
        return m;
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("device.notFound", "There is no device " + id + " you may see.");
    }

    static NotFoundException unitNotFound(long unitId) {
        return new NotFoundException("unit.notFound", "There is no unit " + unitId + " you may see.");
    }

}
