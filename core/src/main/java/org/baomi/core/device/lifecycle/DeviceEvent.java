package org.baomi.core.device.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.baomi.core.device.OpenMaintenance;

/**
 * One entry of a device's history: what happened, who recorded it and when. Append-only; the
 * device's status, network, responsible person, location and open maintenance are what
 * {@link DeviceHistory#replay} of it gives. Ids are the server's ledger ids.
 */
public sealed interface DeviceEvent {

    Actor by();

    Instant at();

    /** The approval behind the act, or {@code null} for acts that need none. */
    default ApprovalRef approval() {
        return null;
    }

    /**
     * Entered in the ledger. A device already in use when the ledger was started is registered on
     * its network with {@code admissionReference}, the reference of the admission approved on
     * paper before; a new device is registered off any network and admitted later.
     *
     * @param networkId          the network it is already on, or {@code null}
     * @param admissionReference the earlier admission's reference; required with a network
     */
    record Registered(Actor by, Instant at, Long networkId, String admissionReference, Long responsiblePersonId,
            Long departmentId, String location) implements DeviceEvent {
        public Registered {
            check(by, at);
            admissionReference = admissionReference == null ? "" : admissionReference.strip();
            location = location == null ? "" : location.strip();
        }
    }

    /** 入网: admitted to {@code networkId} on an approval. */
    record AdmittedToNetwork(Actor by, Instant at, ApprovalRef approval, long networkId) implements DeviceEvent {
        public AdmittedToNetwork {
            check(by, at);
            Objects.requireNonNull(approval, "approval");
        }
    }

    /**
     * 变更: a change of responsible person (and department), location or network on an approval.
     * A {@code null} field (or a blank location) is left as it was.
     */
    record Reassigned(Actor by, Instant at, ApprovalRef approval, Long responsiblePersonId, Long departmentId,
            String location, Long networkId) implements DeviceEvent {
        public Reassigned {
            check(by, at);
            Objects.requireNonNull(approval, "approval");
            location = location == null ? "" : location.strip();
        }
    }

    /**
     * 维修: handed over for maintenance on an approval — on site under {@code supervisor}, or off
     * site with the storage removed and kept by {@code storageKeeper}.
     */
    record MaintenanceStarted(Actor by, Instant at, ApprovalRef approval, OpenMaintenance.Site site,
            PersonRef.Named supervisor, String provider, String fault, boolean storageRemoved,
            PersonRef.Named storageKeeper, String storageNote) implements DeviceEvent {
        public MaintenanceStarted {
            check(by, at);
            Objects.requireNonNull(approval, "approval");
            Objects.requireNonNull(site, "site");
            provider = provider == null ? "" : provider.strip();
            fault = fault == null ? "" : fault.strip();
            storageNote = storageNote == null ? "" : storageNote.strip();
        }
    }

    /** Back from maintenance, with what was done. */
    record MaintenanceClosed(Actor by, Instant at, String workDone) implements DeviceEvent {
        public MaintenanceClosed {
            check(by, at);
            workDone = workDone == null ? "" : workDone.strip();
        }
    }

    /** 重装系统: the operating system installed anew. */
    record Reinstalled(Actor by, Instant at, String operatingSystem, LocalDate installedOn, String note)
            implements DeviceEvent {
        public Reinstalled {
            check(by, at);
            operatingSystem = operatingSystem == null ? "" : operatingSystem.strip();
            Objects.requireNonNull(installedOn, "installedOn");
            note = note == null ? "" : note.strip();
        }
    }

    /** 退网: taken off its network. */
    record RemovedFromNetwork(Actor by, Instant at, long networkId, String reason) implements DeviceEvent {
        public RemovedFromNetwork {
            check(by, at);
            reason = reason == null ? "" : reason.strip();
        }
    }

    /** 报废: scrapped on an approval; its storage went to destruction as recorded. */
    record Scrapped(Actor by, Instant at, ApprovalRef approval, StorageDisposal storage) implements DeviceEvent {
        public Scrapped {
            check(by, at);
            Objects.requireNonNull(approval, "approval");
            Objects.requireNonNull(storage, "storage");
        }
    }

    /** 销毁: the scrapped device physically destroyed. */
    record Destroyed(Actor by, Instant at, DestructionRecord record) implements DeviceEvent {
        public Destroyed {
            check(by, at);
            Objects.requireNonNull(record, "record");
        }
    }

    /** 丢失: reported lost or stolen; an incident follows it up. */
    record ReportedLost(Actor by, Instant at, String note) implements DeviceEvent {
        public ReportedLost {
            check(by, at);
            note = note == null ? "" : note.strip();
        }
    }

    private static void check(Actor by, Instant at) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
