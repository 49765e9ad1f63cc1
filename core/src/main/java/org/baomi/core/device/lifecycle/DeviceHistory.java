package org.baomi.core.device.lifecycle;

import java.util.List;
import java.util.Optional;
import org.baomi.core.DomainException;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.lifecycle.DeviceEvent.*;

/**
 * Derives a device's state from its history alone. {@link DeviceRecord} applies each new event
 * through this same function, so the stored status and placement cannot drift from the timeline,
 * and {@link DeviceRecord#restore} refuses a row that disagrees with its events.
 */
public final class DeviceHistory {

    private DeviceHistory() {
    }

    /**
     * Where a device stands.
     *
     * @param networkId           the network it is on, or {@code null}
     * @param admissionReference  with a network it was registered on, the earlier admission's
     *                            reference as written then; otherwise {@code null}
     * @param admissionRequestId  with a network it was admitted or moved to on an approval, that
     *                            request's id; otherwise {@code null}. At most one of the two is set,
     *                            and neither without a network.
     * @param maintenance         the open maintenance, or {@code null}
     * @param beforeMaintenance   the status it returns to when the maintenance closes, or {@code null}
     */
    public record State(DeviceStatus status, Long networkId, Long responsiblePersonId, Long departmentId,
            String location, OpenMaintenance maintenance, DeviceStatus beforeMaintenance, String admissionReference,
            Long admissionRequestId) {

        public Optional<Long> network() {
            return Optional.ofNullable(networkId);
        }

        public Optional<OpenMaintenance> openMaintenance() {
            return Optional.ofNullable(maintenance);
        }

        /** The same placement with another status; off any network, the admission is gone with it. */
        State with(DeviceStatus newStatus, Long newNetwork) {
            return newNetwork == null
                    ? new State(newStatus, null, responsiblePersonId, departmentId, location, maintenance,
                            beforeMaintenance, null, null)
                    : new State(newStatus, newNetwork, responsiblePersonId, departmentId, location, maintenance,
                            beforeMaintenance, admissionReference, admissionRequestId);
        }

        /** On {@code network} by the approval {@code requestId}. */
        State admitted(DeviceStatus newStatus, long network, long requestId) {
            return new State(newStatus, network, responsiblePersonId, departmentId, location, maintenance,
                    beforeMaintenance, null, requestId);
        }
    }

    /**
     * Replays {@code events} from the first, which must be {@link Registered}.
     *
     * @throws DomainException {@code device.historyCorrupt} for a history no sequence of acts writes
     */
    public static State replay(List<DeviceEvent> events) {
        if (events.isEmpty() || !(events.get(0) instanceof Registered r)) {
            throw corrupt(0, "a history starts with the registration");
        }
        if (r.networkId() != null && r.admissionReference().isEmpty()) {
            throw corrupt(0, "registered on a network without the admission's reference");
        }
        State s = new State(r.networkId() == null ? DeviceStatus.REGISTERED : DeviceStatus.IN_USE, r.networkId(),
                r.responsiblePersonId(), r.departmentId(), r.location(), null, null,
                r.networkId() == null ? null : r.admissionReference(), null);
        for (int i = 1; i < events.size(); i++) {
            s = apply(s, events.get(i), i);
        }
        return s;
    }

    static State apply(State s, DeviceEvent e, int index) {
        if (s.status().isTerminal()) {
            throw corrupt(index, "nothing can follow " + s.status());
        }
        // Java 17: an instanceof chain; the final throw names an event type this method forgot.
        if (e instanceof Registered) {
            throw corrupt(index, "registered twice");
        }
        if (e instanceof AdmittedToNetwork a) {
            expect(s, index, DeviceStatus.REGISTERED, DeviceStatus.REMOVED_FROM_NETWORK);
            return s.admitted(DeviceStatus.IN_USE, a.networkId(), a.approval().requestId());
        }
        if (e instanceof Reassigned r) {
            expect(s, index, DeviceStatus.REGISTERED, DeviceStatus.IN_USE, DeviceStatus.REMOVED_FROM_NETWORK);
            if (r.networkId() != null && s.status() != DeviceStatus.IN_USE) {
                throw corrupt(index, "moved to another network while on none");
            }
            State moved = r.networkId() != null ? s.admitted(s.status(), r.networkId(), r.approval().requestId()) : s;
            return new State(s.status(), moved.networkId(),
                    r.responsiblePersonId() != null ? r.responsiblePersonId() : s.responsiblePersonId(),
                    r.departmentId() != null ? r.departmentId() : s.departmentId(),
                    r.location().isEmpty() ? s.location() : r.location(), null, null, moved.admissionReference(),
                    moved.admissionRequestId());
        }
        if (e instanceof MaintenanceStarted m) {
            expect(s, index, DeviceStatus.REGISTERED, DeviceStatus.IN_USE, DeviceStatus.REMOVED_FROM_NETWORK);
            return new State(DeviceStatus.IN_MAINTENANCE, s.networkId(), s.responsiblePersonId(), s.departmentId(),
                    s.location(), new OpenMaintenance(m.at(), m.site(), m.storageRemoved()), s.status(),
                    s.admissionReference(), s.admissionRequestId());
        }
        if (e instanceof MaintenanceClosed) {
            expect(s, index, DeviceStatus.IN_MAINTENANCE);
            return new State(s.beforeMaintenance(), s.networkId(), s.responsiblePersonId(), s.departmentId(),
                    s.location(), null, null, s.admissionReference(), s.admissionRequestId());
        }
        if (e instanceof Reinstalled) {
            expect(s, index, DeviceStatus.REGISTERED, DeviceStatus.IN_USE, DeviceStatus.REMOVED_FROM_NETWORK);
            return s;
        }
        if (e instanceof RemovedFromNetwork r) {
            expect(s, index, DeviceStatus.IN_USE);
            if (s.networkId() == null || s.networkId() != r.networkId()) {
                throw corrupt(index, "removed from a network it was not on");
            }
            return s.with(DeviceStatus.REMOVED_FROM_NETWORK, null);
        }
        if (e instanceof Scrapped) {
            expect(s, index, DeviceStatus.REGISTERED, DeviceStatus.REMOVED_FROM_NETWORK);
            return s.with(DeviceStatus.SCRAPPED, null);
        }
        if (e instanceof Destroyed) {
            expect(s, index, DeviceStatus.SCRAPPED);
            return s.with(DeviceStatus.DESTROYED, null);
        }
        if (e instanceof ReportedLost) {
            return new State(DeviceStatus.LOST, null, s.responsiblePersonId(), s.departmentId(), s.location(), null,
                    null, null, null);
        }
        throw corrupt(index, "unknown event " + e.getClass().getSimpleName());
    }

    private static void expect(State s, int index, DeviceStatus... allowed) {
        for (DeviceStatus a : allowed) {
            if (s.status() == a) {
                return;
            }
        }
        throw corrupt(index, "not possible while " + s.status());
    }

    private static DomainException corrupt(int index, String why) {
        return new DomainException("device.historyCorrupt",
                "The stored history of this device cannot be right (entry " + (index + 1) + ": " + why + ").",
                index + 1, why);
    }
}
