package org.baomi.server.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.baomi.core.device.compliance.InternetRegistrationRule;
import org.baomi.core.device.compliance.SecuritySettingsRule;
import org.baomi.core.device.compliance.Severity;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.device.DeviceViews.SubjectView;
import org.baomi.server.device.DeviceViews.UnitComplianceReport;
import org.baomi.server.device.DeviceViews.ViolationView;
import org.baomi.server.evidence.Evidence.EvidenceRecord;
import org.springframework.stereotype.Component;

/**
 * Evidence from the device, medium and network ledger: the standard compliance rules (ADR 0009)
 * as {@link DeviceComplianceService} evaluates each unit now, from the tables (ADR 0022). The
 * ledger holds the present only, so the period does not narrow these: they say what the ledger
 * says today. One record per violation, named by the subject's asset or medium number.
 */
@Component
class DeviceEvidence implements EvidenceSource {

    /** The rules that find a classified device connected to the Internet or to an open network. */
    static final java.util.Set<String> INTERNET_RULES = java.util.Set.of(
            org.baomi.core.device.compliance.ClassifiedOnNonClassifiedNetworkRule.ID.value(),
            org.baomi.core.device.compliance.OutsideConnectionRule.ID.value());

    /** One responsible person per classified device, cleared for its level: registered and in someone's charge. */
    static final java.util.Set<String> REGISTRATION_RULES = java.util.Set.of(
            org.baomi.core.device.compliance.SingleResponsiblePersonRule.ID.value(),
            org.baomi.core.device.compliance.ResponsibleClearanceRule.ID.value());
    /** Repairs on site or with the storage kept, and closed in time. */
    static final java.util.Set<String> MAINTENANCE_RULES = java.util.Set.of(
            org.baomi.core.device.compliance.OffSiteMaintenanceRule.ID.value(),
            org.baomi.core.device.compliance.MaintenanceOverdueRule.ID.value());
    /** Media kept on their side of the classified boundary. */
    static final java.util.Set<String> CROSS_USE_RULES = java.util.Set.of(
            org.baomi.core.device.compliance.CrossUseRule.ID.value(),
            org.baomi.core.device.compliance.MediaCrossBoundaryRule.ID.value());

    private final DeviceComplianceService compliance;
    private final EvidenceRepository repository;

    DeviceEvidence(DeviceComplianceService compliance, EvidenceRepository repository) {
        this.compliance = compliance;
        this.repository = repository;
    }

    @Override
    public List<EvidenceQuery> queries() {
        return List.of(
                EvidenceQuery.of("device.compliance.critical",
                        "Violations of CRITICAL compliance rules (the veto items), e.g. a classified computer on the Internet.",
                        c -> violations(c, "device.compliance.critical", v -> v.severity() == Severity.CRITICAL, false)),
                EvidenceQuery.of("device.internetConnected",
                        "Classified devices on a non-classified network or seen reaching the Internet (veto item).",
                        c -> violations(c, "device.internetConnected", v -> INTERNET_RULES.contains(v.ruleId()), false)),
                EvidenceQuery.of("device.compliance.high", "Violations of HIGH compliance rules.",
                        c -> violations(c, "device.compliance.high", v -> v.severity() == Severity.HIGH, false)),
                EvidenceQuery.of("device.classified.security-settings",
                        "Classified computers without the required security settings (boot password, USB blocking, audit...).",
                        c -> violations(c, "device.classified.security-settings",
                                v -> v.ruleId().equals(SecuritySettingsRule.ID.value()), false)),
                EvidenceQuery.of("medium.compliance", "Violations of the removable-medium rules.",
                        c -> violations(c, "medium.compliance", v -> v.ruleId().startsWith("medium."), true)),
                EvidenceQuery.of("device.classified.registration",
                        "Classified devices without exactly one responsible person cleared for their level (one person, one machine).",
                        c -> violations(c, "device.classified.registration", v -> REGISTRATION_RULES.contains(v.ruleId()), false)),
                EvidenceQuery.of("device.maintenance",
                        "Classified devices repaired off site with their storage, or maintenance left open past the limit.",
                        c -> violations(c, "device.maintenance", v -> MAINTENANCE_RULES.contains(v.ruleId()), false)),
                EvidenceQuery.of("device.internet.registration",
                        "Internet devices without IP address, MAC address or responsible person on the ledger.",
                        c -> violations(c, "device.internet.registration",
                                v -> v.ruleId().equals(InternetRegistrationRule.ID.value()), false)),
                EvidenceQuery.of("medium.crossUse",
                        "Media crossing between classified and non-classified machines (registered or seen).",
                        c -> violations(c, "medium.crossUse", v -> CROSS_USE_RULES.contains(v.ruleId()), true)),
                EvidenceQuery.of("equipment.classified.compliance",
                        "Violations of any rule by classified office equipment (printers, copiers, fax, scanners,"
                                + " multi-function devices); no data while none is on the ledger.",
                        this::equipment),
                EvidenceQuery.of("medium.unregistered",
                        "Unregistered media seen on terminals; no terminal observations are stored yet, so always NO_DATA.",
                        c -> c.noData("medium.unregistered", "evidence.summary.medium.unregistered.noObservations")));
    }

    private Evidence violations(EvidenceContext c, String id, Predicate<ViolationView> which, boolean media) {
        if (repository.devicesAndMedia(c.unitIds()) == 0) {
            return c.noData(id, "evidence.summary.device.noLedger");
        }
        List<EvidenceRecord> records = new ArrayList<>();
        int mediaChecked = 0;
        for (Long unitId : c.unitIds()) {
            UnitComplianceReport report = compliance.unitReport(unitId);
            mediaChecked += report.mediaChecked();
            for (ViolationView v : report.violations()) {
                if (which.test(v)) {
                    records.add(record(v));
                }
            }
        }
        if (media && mediaChecked == 0) {
            return c.noData(id, "evidence.summary.medium.noLedger");
        }
        return c.findings(id, records);
    }

    private Evidence equipment(EvidenceContext c) {
        String id = "equipment.classified.compliance";
        java.util.Set<String> equipment = repository.classifiedEquipment(c.unitIds()).stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        if (equipment.isEmpty()) {
            return c.noData(id, "evidence.summary.equipment.classified.compliance.noLedger");
        }
        return violations(c, id, v -> "DEVICE".equals(v.subject().type()) && equipment.contains(v.subject().id()), false);
    }

    private static EvidenceRecord record(ViolationView v) {
        SubjectView s = v.subject();
        String type = s.type().toLowerCase();
        String link = switch (s.type()) {
            case "DEVICE" -> "/devices/" + s.id();
            case "MEDIUM" -> "/media/" + s.id();
            case "NETWORK" -> "/networks";
            case "PERSON" -> "/people/" + s.id();
            default -> null;
        };
        return new EvidenceRecord(type, s.id(), s.label(), v.text(), link);
    }
}
