package org.baomi.server.device;

import java.time.LocalDate;
import java.util.List;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.SecuritySettings;

/**
 * What callers send: forms, the API and the importer. Validation happens in the services; every
 * problem names its field (for imports {@code rows[i].field}).
 */
public final class DeviceInputs {

    private DeviceInputs() {
    }

    /** A network; {@code level} is required for classified and standalone networks, implied otherwise. */
    public record NetworkInput(String name, NetworkKind kind, ClassificationLevel level, String approvalReference,
            String description) {
    }

    /**
     * The facts of a device that an edit may change (no approval): identity, hardware, software,
     * designation, security settings.
     *
     * @param level required for {@link Designation#CLASSIFIED}, ignored otherwise
     */
    public record DeviceDetails(String assetNumber, DeviceType type, Designation designation,
            ClassificationLevel level, String brandModel, String serialNumber, List<String> diskSerials,
            List<String> macAddresses, List<String> ipAddresses, String operatingSystem, LocalDate osInstalledOn,
            String purpose, SecuritySettings security, HardwareFacts hardware) {
    }

    /**
     * Where a device is placed when registered. {@code networkId} with {@code admissionReference}
     * registers a device already admitted on paper; without a network it is admitted later.
     */
    public record DevicePlacement(Long networkId, String admissionReference, Long responsiblePersonId,
            Long departmentId, String location) {
    }

    /** A registration: details and placement. */
    public record DeviceRegistration(DeviceDetails details, DevicePlacement placement) {
    }

    /** The orders of a device search; the asset number (then the id) breaks ties. */
    public enum DeviceSort {
        ASSET_NUMBER, TYPE, STATUS, RESPONSIBLE, UPDATED
    }

    /** The orders of a medium search; the number (then the id) breaks ties. */
    public enum MediumSort {
        NUMBER, TYPE, LEVEL, STATUS, HOLDER, UPDATED
    }

    /**
     * Search of the device ledger; null fields do not filter; {@code page} from 1.
     *
     * @param level matches classified devices of that level (non-classified devices have none)
     * @param withViolations true: only devices with at least one compliance violation; false: only
     *        devices without; null: both
     * @param sort null orders by unit, then asset number
     */
    public record DeviceSearch(Long unitId, String text, org.baomi.core.device.DeviceStatus status, DeviceType type,
            Designation designation, Long networkId, Long responsiblePersonId, Long departmentId,
            ClassificationLevel level, Boolean withViolations, DeviceSort sort, boolean descending, int page,
            int size) {

        /** The search without the later filters and order (kept for existing callers). */
        public DeviceSearch(Long unitId, String text, org.baomi.core.device.DeviceStatus status, DeviceType type,
                Designation designation, Long networkId, int page, int size) {
            this(unitId, text, status, type, designation, networkId, null, null, null, null, null, false, page, size);
        }

        public DeviceSearch withResponsiblePersonId(Long id) {
            return new DeviceSearch(unitId, text, status, type, designation, networkId, id, departmentId, level,
                    withViolations, sort, descending, page, size);
        }

        public DeviceSearch withDepartmentId(Long id) {
            return new DeviceSearch(unitId, text, status, type, designation, networkId, responsiblePersonId, id, level,
                    withViolations, sort, descending, page, size);
        }

        public DeviceSearch withLevel(ClassificationLevel l) {
            return new DeviceSearch(unitId, text, status, type, designation, networkId, responsiblePersonId,
                    departmentId, l, withViolations, sort, descending, page, size);
        }

        public DeviceSearch withViolations(Boolean only) {
            return new DeviceSearch(unitId, text, status, type, designation, networkId, responsiblePersonId,
                    departmentId, level, only, sort, descending, page, size);
        }

        public DeviceSearch sortedBy(DeviceSort by, boolean desc) {
            return new DeviceSearch(unitId, text, status, type, designation, networkId, responsiblePersonId,
                    departmentId, level, withViolations, by, desc, page, size);
        }

        public DeviceSearch atPage(int p, int s) {
            return new DeviceSearch(unitId, text, status, type, designation, networkId, responsiblePersonId,
                    departmentId, level, withViolations, sort, descending, p, s);
        }
    }

    /** Asks for admission to a network. */
    public record AdmissionRequest(Long networkId, String reason) {
    }

    /** Asks for a change; null fields (blank location) stay as they are. */
    public record ChangeRequest(Long responsiblePersonId, Long departmentId, String location, Long networkId,
            String reason) {
    }

    /** Asks for maintenance: on site under a supervisor, or off site. */
    public record MaintenanceRequest(OpenMaintenance.Site site, Long supervisorPersonId, String provider,
            String fault) {
    }

    /** Asks for scrapping or medium destruction. */
    public record ReasonRequest(String reason) {
    }

    /** Hands the device over for the approved maintenance: whether the storage was removed and who keeps it. */
    public record MaintenanceHandover(Long requestId, Boolean storageRemoved, Long storageKeeperId,
            String storageNote) {

        /** Whether the storage was taken out; not saying so means it was not. */
        public boolean removed() {
            return Boolean.TRUE.equals(storageRemoved);
        }
    }

    /** Scraps on the approved request, recording where the storage went for destruction. */
    public record ScrappingInput(Long requestId, String storageItems, String storageDestination, String reference) {
    }

    /** A destruction: where, the certificate, the supervisors (persons). */
    public record DestructionInput(Long requestId, String place, String certificate, List<Long> supervisorIds) {
    }

    /** A reinstall of the operating system. */
    public record ReinstallInput(String operatingSystem, LocalDate installedOn, String note) {
    }

    /**
     * The facts of a medium an edit may change. The number is allocated at registration and never
     * changes; the holder changes by issue and return.
     */
    public record MediumDetails(MediumType type, ClassificationLevel level, String brandModel, String capacity,
            String serialNumber, String usbSerial, String purpose, List<Long> allowedDeviceIds) {
    }

    /** Search of the medium ledger; null fields do not filter; {@code sort} null orders by unit, then number. */
    public record MediumSearch(Long unitId, String text, org.baomi.core.device.MediumStatus status, MediumType type,
            Long holderPersonId, ClassificationLevel level, MediumSort sort, boolean descending, int page, int size) {

        /** The search without level and order (kept for existing callers). */
        public MediumSearch(Long unitId, String text, org.baomi.core.device.MediumStatus status, MediumType type,
                Long holderPersonId, int page, int size) {
            this(unitId, text, status, type, holderPersonId, null, null, false, page, size);
        }

        public MediumSearch withLevel(ClassificationLevel l) {
            return new MediumSearch(unitId, text, status, type, holderPersonId, l, sort, descending, page, size);
        }

        public MediumSearch sortedBy(MediumSort by, boolean desc) {
            return new MediumSearch(unitId, text, status, type, holderPersonId, level, by, desc, page, size);
        }
    }
}
