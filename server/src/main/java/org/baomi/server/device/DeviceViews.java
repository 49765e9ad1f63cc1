package org.baomi.server.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.compliance.Severity;
import org.baomi.core.device.lifecycle.DeviceRecord;
import org.baomi.core.device.lifecycle.MediumRecord;

/** Read models of the device, medium and network ledger, for pages, the API and exports. */
public final class DeviceViews {

    private DeviceViews() {
    }

    /** A network of a unit, with how many devices in service are on it. */
    public record NetworkView(long id, long unitId, String unitName, String name, NetworkKind kind,
            ClassificationLevel level, String approvalReference, String description, boolean active,
            long deviceCount) {
    }

    /** A reference to a person: id, name, unit, secret-related level. */
    public record PersonLabel(long id, String name, long unitId, String level) {
    }

    /** A device in a list. */
    public record DeviceRow(long id, long unitId, String unitName, String assetNumber, DeviceType type,
            Designation designation, ClassificationLevel level, String brandModel, Long networkId, String networkName,
            Long responsiblePersonId, String responsibleName, String departmentName, String location,
            DeviceStatus status) {
    }

    /** The open maintenance, or a past one, of a device. */
    public record MaintenanceView(long id, long deviceId, long approvalRequestId, OpenMaintenance.Site site,
            PersonLabel supervisor, String provider, String fault, boolean storageRemoved, PersonLabel storageKeeper,
            String storageNote, Instant openedAt, String openedBy, Instant closedAt, String closedBy,
            String workDone) {

        @JsonProperty("open")
        public boolean open() {
            return closedAt == null;
        }
    }

    /** A medium as a device lists it (the media registered for use on it). */
    public record MediumLabel(long id, String number, MediumType type, ClassificationLevel level,
            MediumStatus status) {
    }

    /**
     * One device with everything the ledger holds on it. {@code details} are what an edit changes;
     * network, responsible person, department and location change only through approved acts.
     */
    public record DeviceDetail(long id, long unitId, String unitName, DeviceInputs.DeviceDetails details,
            Long networkId, String networkName, String admissionReference, Long admissionRequestId, PersonLabel responsible, Long departmentId, String departmentName,
            String location, DeviceStatus status, MaintenanceView openMaintenance, List<MediumLabel> allowedMedia,
            int version, Instant createdAt, Instant updatedAt) {

        /** The acts the device's status allows now (approvals and other conditions aside), for offering buttons. */
        @JsonProperty("possibleActs")
        public Set<DeviceRecord.Act> possibleActs() {
            Set<DeviceRecord.Act> acts = EnumSet.noneOf(DeviceRecord.Act.class);
            for (DeviceRecord.Act act : DeviceRecord.Act.values()) {
                if (act.from().contains(status)) {
                    acts.add(act);
                }
            }
            return acts;
        }
    }

    /** A device after a change, with its compliance as it now stands. */
    public record DeviceChange(DeviceDetail device, DeviceCompliance compliance) {
    }

    /** One entry of a device's or medium's history; {@code details} is the event's content by field. */
    public record HistoryEntry(int seq, String kind, Instant at, String byName, Long approvalRequestId,
            Map<String, Object> details) {
    }

    /**
     * An approval request for an act on a device or medium, with what it asked for.
     * {@code usable}: approved and not yet used, so the act may be performed with it now.
     */
    public record ActRequestView(long requestId, DeviceAct act, String subjectType, long subjectId,
            ApprovalStatus status, String reason, Long networkId, String networkName, Long responsiblePersonId,
            String responsibleName, Long departmentId, String location, OpenMaintenance.Site site,
            Long supervisorPersonId, String supervisorName, String provider, Instant requestedAt, Instant usedAt,
            boolean usable) {
    }

    /** A medium in a list. */
    public record MediumRow(long id, long unitId, String unitName, String number, MediumType type,
            ClassificationLevel level, String brandModel, String capacity, String usbSerial, Long holderPersonId,
            String holderName, MediumStatus status) {
    }

    /** One medium with everything the ledger holds on it. */
    public record MediumDetail(long id, long unitId, String unitName, String number, DeviceInputs.MediumDetails details,
            PersonLabel holder, MediumStatus status, List<DeviceLabel> allowedDevices, int version, Instant createdAt,
            Instant updatedAt) {

        /** The acts the medium's status allows now. */
        @JsonProperty("possibleActs")
        public Set<MediumRecord.Act> possibleActs() {
            Set<MediumRecord.Act> acts = EnumSet.noneOf(MediumRecord.Act.class);
            for (MediumRecord.Act act : MediumRecord.Act.values()) {
                if (act.from().contains(status)) {
                    acts.add(act);
                }
            }
            return acts;
        }
    }

    /** A device as a medium lists it. */
    public record DeviceLabel(long id, String assetNumber, DeviceType type, Designation designation,
            ClassificationLevel level, DeviceStatus status) {
    }

    /** A medium after a change, with the violations that concern it. */
    public record MediumChange(MediumDetail medium, List<ViolationView> compliance) {
    }

    // ------------------------------------------------------------------ compliance

    /** What a violation is about, with a label a person recognises (asset number, medium number, name). */
    public record SubjectView(String type, String id, String label) {
    }

    /**
     * One violation: rule id, severity, subject and related subjects, the message key
     * {@code compliance.<rule id>[.<variant>]} with its args, the English sentence, and {@code text}:
     * the sentence in the reader's language with the args translated.
     */
    public record ViolationView(String ruleId, Severity severity, SubjectView subject, List<SubjectView> related,
            String messageKey, List<String> args, String message, String text) {
    }

    /** The compliance of one device: what concerns it, gravest first; {@code worst} null when clean. */
    public record DeviceCompliance(long deviceId, String assetNumber, Instant checkedAt, Severity worst,
            List<ViolationView> violations) {

        @JsonProperty("clean")
        public boolean clean() {
            return violations.isEmpty();
        }
    }

    /** How often one rule was broken in a unit (every rule listed, zeros included). */
    public record RuleCountView(String ruleId, Severity severity, int count) {
    }

    /** A unit's compliance report, computed now from the ledger (nothing stored). */
    public record UnitComplianceReport(long unitId, String unitName, Instant checkedAt, List<RuleCountView> rules,
            Map<Severity, Integer> bySeverity, List<ViolationView> violations, int devicesChecked,
            long devicesWithViolations, int mediaChecked) {
    }

    // ------------------------------------------------------------------ export (helper X)

    /** The 15 usual columns of a device ledger (设备台账), in this order. */
    public record DeviceLedgerRow(String assetNumber, DeviceType type, String brandModel, String serialNumber,
            String diskSerials, String macAddresses, String ipAddresses, String operatingSystem,
            Designation designation, ClassificationLevel level, String networkName, String responsibleName,
            String departmentName, String location, DeviceStatus status) {
    }

    /** The usual columns of a medium ledger (移动存储介质台账). */
    public record MediumLedgerRow(String number, MediumType type, ClassificationLevel level, String brandModel,
            String capacity, String serialNumber, String usbSerial, String holderName, String allowedDevices,
            String purpose, MediumStatus status) {
    }

    /** One row of a ledger import that was registered: its position in the input and the new id and number. */
    public record Registered(int row, long id, String label) {
    }

    /** A date shown in the ledger; kept here so exports and pages agree. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
