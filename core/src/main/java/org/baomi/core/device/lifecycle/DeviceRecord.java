package org.baomi.core.device.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceClass;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.Network;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.lifecycle.DeviceEvent.*;

/**
 * One device of a unit's ledger and its life: registration → admission to a network (approval) →
 * change of user, location or network (approval) → maintenance (approval) → reinstall → removal
 * from the network → scrapping (approval, storage to destruction) → destroyed; or lost.
 *
 * <p>Every act is a method named for it. A refused act throws a {@link DomainException} with a
 * stable {@code device.*} code and changes nothing; an accepted act appends exactly one
 * {@link DeviceEvent}, and the state is always what {@link DeviceHistory#replay} of the history
 * gives. Acts that need approval take an {@link ApprovalRef} that the server has checked
 * (approved, of the act's type, for this device, not used before).
 *
 * <p>The device's designation ({@link DeviceClass}) is a detail of the ledger entry that the
 * server passes in as it stands; the acts use it to refuse what the rules forbid outright (a
 * classified device admitted to the Internet, a responsible person or supervisor without the
 * clearance, off-site repair with the storage inside). Not thread-safe: load, act, store in one
 * transaction.
 */
public final class DeviceRecord {

    /** The acts, to ask whether one is possible now (before spending an approval on it, or to offer it on a page). */
    public enum Act {
        ADMIT("admit to a network", DeviceStatus.REGISTERED, DeviceStatus.REMOVED_FROM_NETWORK),
        REASSIGN("change", DeviceStatus.REGISTERED, DeviceStatus.IN_USE, DeviceStatus.REMOVED_FROM_NETWORK),
        START_MAINTENANCE("send to maintenance", DeviceStatus.REGISTERED, DeviceStatus.IN_USE,
                DeviceStatus.REMOVED_FROM_NETWORK),
        CLOSE_MAINTENANCE("close the maintenance of", DeviceStatus.IN_MAINTENANCE),
        REINSTALL("reinstall", DeviceStatus.REGISTERED, DeviceStatus.IN_USE, DeviceStatus.REMOVED_FROM_NETWORK),
        REMOVE_FROM_NETWORK("remove from its network", DeviceStatus.IN_USE),
        SCRAP("scrap", DeviceStatus.REGISTERED, DeviceStatus.REMOVED_FROM_NETWORK),
        DESTROY("destroy", DeviceStatus.SCRAPPED),
        REPORT_LOST("report lost", DeviceStatus.REGISTERED, DeviceStatus.IN_USE, DeviceStatus.IN_MAINTENANCE,
                DeviceStatus.REMOVED_FROM_NETWORK, DeviceStatus.SCRAPPED);

        private final String words;
        private final List<DeviceStatus> from;

        Act(String words, DeviceStatus... from) {
            this.words = words;
            this.from = List.of(from);
        }

        /** The statuses the act starts from. */
        public List<DeviceStatus> from() {
            return from;
        }
    }

    private final long id;
    private final String assetNumber;
    private final DeviceClass deviceClass;
    private final List<DeviceEvent> history;
    private DeviceHistory.State state;

    private DeviceRecord(long id, String assetNumber, DeviceClass deviceClass, List<DeviceEvent> history) {
        this.id = id;
        this.assetNumber = Objects.requireNonNull(assetNumber, "assetNumber");
        this.deviceClass = Objects.requireNonNull(deviceClass, "deviceClass");
        this.history = new ArrayList<>(history);
        this.state = DeviceHistory.replay(this.history);
    }

    /**
     * Enters a device in the ledger. A new device is registered off any network ({@code network}
     * null) and admitted later on an approval; a device already in use when the ledger starts is
     * registered on its network with the reference of the admission approved before.
     *
     * @throws DomainException {@code device.admissionReferenceRequired}, a network refusal
     *                         ({@link #admit}) or {@code device.responsibleNotCleared}
     */
    public static DeviceRecord register(long id, String assetNumber, DeviceClass deviceClass, Network network,
            String admissionReference, PersonRef responsible, Long departmentId, String location, Actor by,
            Instant at) {
        if (network != null) {
            if (admissionReference == null || admissionReference.isBlank()) {
                throw new DomainException("device.admissionReferenceRequired",
                        "A device registered on a network needs the reference of its earlier admission approval;"
                                + " otherwise register it off the network and request admission.", assetNumber);
            }
            requireFits(assetNumber, deviceClass, network);
        }
        if (responsible != null) {
            requireResponsibleCleared(assetNumber, deviceClass, responsible);
        }
        return new DeviceRecord(id, assetNumber, deviceClass, List.of(new Registered(by, at,
                network == null ? null : Long.valueOf(network.id().value()),
                network == null ? "" : admissionReference,
                responsible == null ? null : responsible.id(), departmentId, location)));
    }

    /**
     * Rebuilds a stored device; refuses a row whose stored status disagrees with its history.
     *
     * @throws DomainException {@code device.historyCorrupt} or {@code device.statusMismatch}
     */
    public static DeviceRecord restore(long id, String assetNumber, DeviceClass deviceClass, DeviceStatus storedStatus,
            List<DeviceEvent> history) {
        DeviceRecord device = new DeviceRecord(id, assetNumber, deviceClass, history);
        if (device.status() != storedStatus) {
            throw new DomainException("device.statusMismatch", "Device " + assetNumber + " is stored as "
                    + storedStatus + " but its history says " + device.status() + ".", assetNumber, storedStatus,
                    device.status());
        }
        return device;
    }

    // ---------------------------------------------------------------- network

    /**
     * 入网 — admits the device to {@code network} on an approval.
     *
     * @throws DomainException {@code device.approvalRequired}, {@code device.network.classifiedOnOpen}
     *                         (a classified device on the intranet or the Internet),
     *                         {@code device.network.nonClassifiedOnClassified},
     *                         {@code device.network.levelExceeded}, or a status refusal
     */
    public void admit(ApprovalRef approval, Network network, Actor by, Instant at) {
        requirePossible(Act.ADMIT);
        requireApproval(approval, "admission to a network");
        Objects.requireNonNull(network, "network");
        requireFits(assetNumber, deviceClass, network);
        append(new AdmittedToNetwork(by, at, approval, Long.parseLong(network.id().value())));
    }

    /**
     * 变更 — a change of responsible person (with his department), location or network, on an
     * approval. A {@code null} argument (or blank location) keeps what is there; a new network is
     * only possible while the device is on one (otherwise it is an admission).
     *
     * @throws DomainException {@code device.approvalRequired}, {@code device.change.nothing},
     *                         {@code device.change.notOnNetwork}, {@code device.responsibleNotCleared},
     *                         a network refusal, or a status refusal
     */
    public void reassign(ApprovalRef approval, PersonRef responsible, Long departmentId, String location,
            Network network, Actor by, Instant at) {
        requirePossible(Act.REASSIGN);
        requireApproval(approval, "a change of user, location or network");
        boolean newLocation = location != null && !location.isBlank() && !location.strip().equals(state.location());
        boolean newPerson = responsible != null && !Objects.equals(responsible.id(), state.responsiblePersonId());
        boolean newDepartment = departmentId != null && !departmentId.equals(state.departmentId());
        Long networkId = network == null ? null : Long.valueOf(network.id().value());
        boolean newNetwork = networkId != null && !networkId.equals(state.networkId());
        if (!newLocation && !newPerson && !newDepartment && !newNetwork) {
            throw new DomainException("device.change.nothing",
                    "The change names no new responsible person, department, location or network.", assetNumber);
        }
        if (newNetwork) {
            if (state.status() != DeviceStatus.IN_USE) {
                throw new DomainException("device.change.notOnNetwork", "Device " + assetNumber
                        + " is on no network; request its admission instead of a change of network.", assetNumber);
            }
            requireFits(assetNumber, deviceClass, network);
        }
        if (newPerson) {
            requireResponsibleCleared(assetNumber, deviceClass, responsible);
        }
        append(new Reassigned(by, at, approval, newPerson ? responsible.id() : null,
                newDepartment ? departmentId : null, newLocation ? location : "", newNetwork ? networkId : null));
    }

    /**
     * 退网 — takes the device off its network (before scrapping, a long repair, or reuse
     * elsewhere). Needs no approval: it makes the device safer, never less safe.
     */
    public void removeFromNetwork(String reason, Actor by, Instant at) {
        requirePossible(Act.REMOVE_FROM_NETWORK);
        append(new RemovedFromNetwork(by, at, state.networkId(), reason));
    }

    // ---------------------------------------------------------------- maintenance

    /**
     * 维修 — hands the device over for maintenance on an approval. On site, a named supervisor
     * cleared for the device's level watches the work; off site, a classified device leaves only
     * with its storage removed and kept by a cleared person of the unit.
     *
     * @param supervisor     required on site, else ignored
     * @param storageKeeper  required when {@code storageRemoved}
     * @throws DomainException {@code device.approvalRequired}, {@code device.maintenance.supervisorRequired},
     *                         {@code device.maintenance.supervisorNotCleared},
     *                         {@code device.maintenance.storageInside},
     *                         {@code device.maintenance.keeperRequired},
     *                         {@code device.maintenance.keeperNotCleared}, or a status refusal
     */
    public void startMaintenance(ApprovalRef approval, OpenMaintenance.Site site, PersonRef supervisor,
            String provider, String fault, boolean storageRemoved, PersonRef storageKeeper, String storageNote,
            Actor by, Instant at) {
        requirePossible(Act.START_MAINTENANCE);
        requireApproval(approval, "maintenance");
        Objects.requireNonNull(site, "site");
        ClassificationLevel level = deviceClass.level();
        if (site == OpenMaintenance.Site.ON_SITE) {
            if (supervisor == null) {
                throw new DomainException("device.maintenance.supervisorRequired",
                        "Maintenance on site is supervised: name the person who watches the work.", assetNumber);
            }
            if (deviceClass.isClassified() && !supervisor.cleared(level)) {
                throw new DomainException("device.maintenance.supervisorNotCleared", supervisor.name()
                        + " is not cleared for " + level.chinese() + " and cannot supervise the repair of " + assetNumber
                        + ".", supervisor.name(), level, assetNumber);
            }
        }
        if (site == OpenMaintenance.Site.OFF_SITE && deviceClass.isClassified() && !storageRemoved) {
            throw new DomainException("device.maintenance.storageInside", "Classified device " + assetNumber
                    + " may leave for repair only with its storage removed and kept by the unit.", assetNumber);
        }
        if (storageRemoved) {
            if (storageKeeper == null) {
                throw new DomainException("device.maintenance.keeperRequired",
                        "Name the person who keeps the removed storage.", assetNumber);
            }
            if (deviceClass.isClassified() && !storageKeeper.cleared(level)) {
                throw new DomainException("device.maintenance.keeperNotCleared", storageKeeper.name()
                        + " is not cleared for " + level.chinese() + " and cannot keep the storage of " + assetNumber
                        + ".", storageKeeper.name(), level, assetNumber);
            }
        }
        append(new MaintenanceStarted(by, at, approval, site,
                site == OpenMaintenance.Site.ON_SITE ? supervisor.named() : null, provider, fault, storageRemoved,
                storageRemoved ? storageKeeper.named() : null, storageNote));
    }

    /** Records the device back from maintenance with what was done; it returns to its earlier status. */
    public void closeMaintenance(String workDone, Actor by, Instant at) {
        requirePossible(Act.CLOSE_MAINTENANCE);
        if (workDone == null || workDone.isBlank()) {
            throw new DomainException("device.maintenance.workDoneRequired",
                    "Record what was done in the maintenance before closing it.", assetNumber);
        }
        append(new MaintenanceClosed(by, at, workDone));
    }

    /** 重装系统 — the operating system was installed anew on {@code installedOn}. */
    public void reinstall(String operatingSystem, LocalDate installedOn, String note, Actor by, Instant at) {
        requirePossible(Act.REINSTALL);
        if (operatingSystem == null || operatingSystem.isBlank()) {
            throw new DomainException("device.reinstall.osRequired", "Name the operating system installed.",
                    assetNumber);
        }
        Objects.requireNonNull(installedOn, "installedOn");
        append(new Reinstalled(by, at, operatingSystem, installedOn, note));
    }

    // ---------------------------------------------------------------- end of life

    /**
     * 报废 — scraps the device on an approval; its storage goes to destruction as recorded. The
     * device must be off any network first.
     *
     * @throws DomainException {@code device.approvalRequired}, {@code device.scrap.onNetwork}, or a
     *                         status refusal
     */
    public void scrap(ApprovalRef approval, StorageDisposal storage, Actor by, Instant at) {
        requirePossible(Act.SCRAP);
        requireApproval(approval, "scrapping");
        Objects.requireNonNull(storage, "storage");
        append(new Scrapped(by, at, approval, storage));
    }

    /** 销毁 — the scrapped device was destroyed as recorded. */
    public void destroy(DestructionRecord record, Actor by, Instant at) {
        requirePossible(Act.DESTROY);
        Objects.requireNonNull(record, "record");
        append(new Destroyed(by, at, record));
    }

    /** 丢失 — the device was lost or stolen; the server opens an incident in the same transaction. */
    public void reportLost(String note, Actor by, Instant at) {
        requirePossible(Act.REPORT_LOST);
        if (note == null || note.isBlank()) {
            throw new DomainException("device.loss.noteRequired",
                    "Say when and where the device was last seen and how it was lost.", assetNumber);
        }
        append(new ReportedLost(by, at, note));
    }

    // ---------------------------------------------------------------- reading

    public long id() {
        return id;
    }

    public String assetNumber() {
        return assetNumber;
    }

    public DeviceClass deviceClass() {
        return deviceClass;
    }

    public DeviceStatus status() {
        return state.status();
    }

    public DeviceHistory.State state() {
        return state;
    }

    public List<DeviceEvent> history() {
        return List.copyOf(history);
    }

    /** The event the last act appended. */
    public DeviceEvent lastEvent() {
        return history.get(history.size() - 1);
    }

    // ---------------------------------------------------------------- guards

    private void append(DeviceEvent event) {
        DeviceHistory.State next = DeviceHistory.apply(state, event, history.size());
        history.add(event);
        state = next;
    }

    /**
     * Refuses now what admitting the device to, or moving it onto, {@code network} would refuse,
     * so that nobody is asked to approve an act the rules forbid anyway.
     */
    public void requireMayJoin(Network network) {
        requireFits(assetNumber, deviceClass, Objects.requireNonNull(network, "network"));
    }

    /** Refuses now a responsible person a change would refuse ({@code device.responsibleNotCleared}). */
    public void requireMayBeResponsible(PersonRef person) {
        requireResponsibleCleared(assetNumber, deviceClass, Objects.requireNonNull(person, "person"));
    }

    /** The acts possible in the device's present status (approvals and other conditions aside). */
    public java.util.Set<Act> possibleActs() {
        java.util.Set<Act> acts = java.util.EnumSet.noneOf(Act.class);
        for (Act act : Act.values()) {
            if (act.from().contains(state.status())) {
                acts.add(act);
            }
        }
        return acts;
    }

    /**
     * Refuses {@code act} as the act itself would when the device's status does not allow it:
     * {@code device.closed}, {@code device.scrapped}, {@code device.scrap.onNetwork} or
     * {@code device.wrongStatus}.
     */
    public void requirePossible(Act act) {
        if (act == Act.SCRAP && state.status() == DeviceStatus.IN_USE) {
            throw new DomainException("device.scrap.onNetwork", "Device " + assetNumber
                    + " is still on a network: remove it from the network before scrapping it.", assetNumber);
        }
        requireStatus(act.words, act.from().toArray(DeviceStatus[]::new));
    }

    private void requireNotClosed(String act) {
        if (state.status().isTerminal()) {
            throw new DomainException("device.closed", "Device " + assetNumber + " is " + words(state.status())
                    + "; nothing more can be recorded for it.", assetNumber, state.status());
        }
    }

    private void requireStatus(String act, DeviceStatus... allowed) {
        requireNotClosed(act);
        if (Arrays.asList(allowed).contains(state.status())) {
            return;
        }
        if (state.status() == DeviceStatus.SCRAPPED) {
            throw new DomainException("device.scrapped", "Device " + assetNumber
                    + " is scrapped; it can only be destroyed or reported lost.", assetNumber);
        }
        String where = Arrays.stream(allowed).map(DeviceRecord::words).collect(Collectors.joining(" or "));
        throw new DomainException("device.wrongStatus", "Cannot " + act + " device " + assetNumber + " while it is "
                + words(state.status()) + "; it must be " + where + ".", assetNumber, state.status(),
                Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(",")));
    }

    private void requireApproval(ApprovalRef approval, String what) {
        if (approval == null) {
            throw new DomainException("device.approvalRequired", what.substring(0, 1).toUpperCase() + what.substring(1)
                    + " of " + assetNumber + " needs an approved request.", assetNumber);
        }
    }

    private static void requireFits(String assetNumber, DeviceClass deviceClass, Network network) {
        if (deviceClass.isClassified() && !network.kind().admitsClassifiedDevices()) {
            throw new DomainException("device.network.classifiedOnOpen", "Classified device " + assetNumber
                    + " may never be connected to " + network.name() + ", a non-classified network.", assetNumber,
                    network.name());
        }
        if (!deviceClass.isClassified() && network.kind() == NetworkKind.CLASSIFIED) {
            throw new DomainException("device.network.nonClassifiedOnClassified", "Device " + assetNumber
                    + " is not classified and may not join the classified network " + network.name() + ".",
                    assetNumber, network.name());
        }
        if (!network.level().atLeast(deviceClass.level())) {
            throw new DomainException("device.network.levelExceeded", "Device " + assetNumber + " ("
                    + deviceClass + ") is above the level of " + network.name() + " (" + network.level() + ").",
                    assetNumber, deviceClass.toString(), network.name(), network.level());
        }
    }

    private static void requireResponsibleCleared(String assetNumber, DeviceClass deviceClass, PersonRef person) {
        if (deviceClass.isClassified() && !person.cleared(deviceClass.level())) {
            throw new DomainException("device.responsibleNotCleared", person.name() + " is not cleared for "
                    + deviceClass.level().chinese() + " and cannot be responsible for " + assetNumber + ".",
                    person.name(), deviceClass.level(), assetNumber);
        }
    }

    private static String words(DeviceStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }
}
