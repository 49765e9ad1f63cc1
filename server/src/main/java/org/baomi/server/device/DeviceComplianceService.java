package org.baomi.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.Device;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.IpAddress;
import org.baomi.core.device.MacAddress;
import org.baomi.core.device.Medium;
import org.baomi.core.device.MediumId;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.Network;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.PersonClearance;
import org.baomi.core.device.PersonId;
import org.baomi.core.device.compliance.ComplianceEngine;
import org.baomi.core.device.compliance.ComplianceFacts;
import org.baomi.core.device.compliance.ComplianceReport;
import org.baomi.core.device.compliance.ComplianceSettings;
import org.baomi.core.device.compliance.Severity;
import org.baomi.core.device.compliance.Subject;
import org.baomi.core.device.compliance.Violation;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.device.DeviceInputs.DeviceDetails;
import org.baomi.server.device.DeviceViews.*;
import org.baomi.server.platform.Db;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance of the ledger, computed from the tables whenever asked: one {@link ComplianceFacts}
 * per unit (the unit's networks, devices and media, and every person they name, whatever his
 * unit), the standard engine, nothing stored that could drift from the ledger (see
 * docs/adr/0022-compliance-from-the-ledger.md). Acts return the changed device's result by
 * re-running its unit, as ADR 0009 prescribes.
 */
@Service
public class DeviceComplianceService {

    /** The longest maintenance limit a unit may set, in days. */
    public static final int MAX_MAINTENANCE_LIMIT_DAYS = 365;

    private final DeviceRepository repository;
    private final DeviceScope scope;
    private final ComplianceText text;
    private final AuditLog audit;
    private final Clock clock;

    DeviceComplianceService(DeviceRepository repository, DeviceScope scope, ComplianceText text, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.text = text;
        this.audit = audit;
        this.clock = clock;
    }

    /** How many days a maintenance of {@code unitId}'s devices may stay open before it is reported (30 unless set). */
    @Transactional(readOnly = true)
    public int maintenanceLimitDays(long unitId) {
        repository.unitName(unitId).orElseThrow(() -> unitNotFound(unitId));
        scope.requireRead(unitId, () -> unitNotFound(unitId));
        return limitDays(unitId);
    }

    /** Sets the unit's maintenance limit (1 to 365 days); audited; the unit's devices are judged by it at once. */
    @Transactional
    public void setMaintenanceLimitDays(long unitId, Integer days) {
        repository.unitName(unitId).orElseThrow(() -> unitNotFound(unitId));
        scope.requireManage(unitId, () -> unitNotFound(unitId));
        if (days == null || days < 1 || days > MAX_MAINTENANCE_LIMIT_DAYS) {
            throw org.baomi.server.platform.ValidationException.of("maintenanceLimitDays", "device.maintenanceLimit.range",
                    "Give a number of days from 1 to " + MAX_MAINTENANCE_LIMIT_DAYS + ".", MAX_MAINTENANCE_LIMIT_DAYS);
        }
        int before = limitDays(unitId);
        repository.saveMaintenanceLimitDays(unitId, days, clock.instant());
        audit.record("device.settings", "unit", unitId, Map.of("maintenanceLimitDays", before),
                Map.of("maintenanceLimitDays", days));
    }

    private int limitDays(long unitId) {
        return repository.maintenanceLimitDays(unitId)
                .orElse((int) ComplianceSettings.DEFAULT_MAINTENANCE_LIMIT.toDays());
    }

    /** The report of one unit the user may read: counts by rule (zeros included) and severity, violations. */
    @Transactional(readOnly = true)
    public UnitComplianceReport unitReport(long unitId) {
        String unitName = repository.unitName(unitId).orElseThrow(() -> unitNotFound(unitId));
        scope.requireRead(unitId, () -> unitNotFound(unitId));
        Evaluated e = evaluate(unitId);
        ComplianceReport r = e.report();
        return new UnitComplianceReport(unitId, unitName, r.checkedAt(),
                r.rules().stream().map(c -> new RuleCountView(c.ruleId().value(), c.severity(), c.count())).toList(),
                r.countsBySeverity(), r.violations().stream().map(e::view).toList(), r.devices().size(),
                r.devicesWithViolations(), e.mediaChecked());
    }

    /** What concerns one device the user may read, as its unit's evaluation finds it now. */
    @Transactional(readOnly = true)
    public DeviceCompliance forDevice(long deviceId) {
        var head = repository.deviceHead(deviceId, false).orElseThrow(() -> DeviceService.notFound(deviceId));
        scope.requireRead(head.unitId(), () -> DeviceService.notFound(deviceId));
        return deviceResult(head.unitId(), deviceId);
    }

    /** The violations that concern one medium the user may read. */
    @Transactional(readOnly = true)
    public List<ViolationView> forMedium(long mediumId) {
        var head = repository.mediumHead(mediumId, false).orElseThrow(() -> MediumService.notFound(mediumId));
        scope.requireRead(head.unitId(), () -> MediumService.notFound(mediumId));
        return mediumResult(head.unitId(), mediumId);
    }

    /** Violations by severity (every severity present) over the units the signed-in user may read. */
    @Transactional(readOnly = true)
    public Map<Severity, Integer> severityCounts() {
        return severityCounts(DeviceScope.user());
    }

    Map<Severity, Integer> severityCounts(BaomiUser user) {
        Map<Severity, Integer> total = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            total.put(s, 0);
        }
        for (Long unitId : repository.unitsWithLedger(scope.readable(user))) {
            evaluate(unitId).report().countsBySeverity().forEach((s, n) -> total.merge(s, n, Integer::sum));
        }
        return total;
    }

    /**
     * The ids of the devices in {@code unitIds} (already scope-checked by the caller) with at least
     * one violation, each unit evaluated once as for its report: work grows with the number of
     * units that keep a ledger, the result with the number of devices in breach.
     */
    Set<Long> devicesWithViolations(java.util.Collection<Long> unitIds) {
        Set<Long> ids = new HashSet<>();
        for (Long unitId : repository.unitsWithLedger(unitIds)) {
            evaluate(unitId).report().devices().stream().filter(d -> !d.isClean())
                    .forEach(d -> ids.add(Long.valueOf(d.deviceId().value())));
        }
        return ids;
    }

    /** Whether any unit the user may read keeps a device or medium ledger. */
    boolean hasLedger(BaomiUser user) {
        return !repository.unitsWithLedger(scope.readable(user)).isEmpty();
    }

    // ------------------------------------------------------------------ for the services (scope checked there)

    DeviceCompliance deviceResult(long unitId, long deviceId) {
        Evaluated e = evaluate(unitId);
        var result = e.report().forDevice(DeviceId.of(deviceId));
        return new DeviceCompliance(deviceId, result.assetNumber(), e.report().checkedAt(),
                result.worst().orElse(null), result.violations().stream().map(e::view).toList());
    }

    List<ViolationView> mediumResult(long unitId, long mediumId) {
        Evaluated e = evaluate(unitId);
        return e.report().forMedium(MediumId.of(mediumId)).stream().map(e::view).toList();
    }

    // ------------------------------------------------------------------ building the facts

    private record Evaluated(ComplianceReport report, Map<Subject, String> labels, int mediaChecked,
            ComplianceText text) {
        ViolationView view(Violation v) {
            return new ViolationView(v.ruleId().value(), v.severity(), subject(v.subject()),
                    v.related().stream().map(this::subject).toList(), v.messageKey(), v.args(), v.message(),
                    text.text(v));
        }

        SubjectView subject(Subject s) {
            return new SubjectView(s.type().name(), s.id(), labels.getOrDefault(s, s.id()));
        }
    }

    private record DeviceFacts(Device device, Long responsibleId) {
    }

    private Evaluated evaluate(long unitId) {
        Map<Subject, String> labels = new HashMap<>();
        List<Network> networks = repository.networksOfUnitRows(unitId, (rs, i) -> network(rs));
        networks.forEach(n -> labels.put(Subject.of(n.id()), n.name()));
        Set<Long> networkIds = new HashSet<>();
        networks.forEach(n -> networkIds.add(Long.valueOf(n.id().value())));

        List<DeviceFacts> deviceRows = repository.devicesOfUnitRows(unitId, (rs, i) -> device(rs, networkIds));
        List<Medium> mediaRows = repository.mediaOfUnitRows(unitId, (rs, i) -> medium(rs));
        Set<String> deviceIds = new HashSet<>();
        deviceRows.forEach(d -> deviceIds.add(d.device().id().value()));
        Set<String> mediumIds = new HashSet<>();
        mediaRows.forEach(m -> mediumIds.add(m.id().value()));
        Map<String, List<DeviceId>> allowed = new LinkedHashMap<>();
        for (long[] pair : repository.pairingsOfUnit(unitId)) {
            String medium = String.valueOf(pair[0]);
            String device = String.valueOf(pair[1]);
            if (mediumIds.contains(medium) && deviceIds.contains(device)) {
                allowed.computeIfAbsent(medium, k -> new ArrayList<>()).add(DeviceId.of(device));
            }
        }
        List<Medium> media = mediaRows.stream()
                .map(m -> m.withAllowedDevices(allowed.getOrDefault(m.id().value(), List.of()))).toList();

        Set<Long> personIds = new HashSet<>();
        deviceRows.forEach(d -> {
            if (d.responsibleId() != null) {
                personIds.add(d.responsibleId());
            }
        });
        media.forEach(m -> m.holder().ifPresent(p -> personIds.add(Long.valueOf(p.value()))));
        List<PersonClearance> persons = repository.persons(personIds).stream()
                .map(p -> new PersonClearance(PersonId.of(p.id()), p.name(), p.level())).toList();
        persons.forEach(p -> labels.put(Subject.of(p.id()), p.name()));
        List<Device> devices = deviceRows.stream().map(DeviceFacts::device).toList();
        devices.forEach(d -> labels.put(Subject.of(d.id()), d.assetNumber()));
        media.forEach(m -> labels.put(Subject.of(m.id()), m.number()));

        ComplianceFacts facts = ComplianceFacts.ofLedger(networks, devices, media, persons);
        ComplianceReport report = ComplianceEngine.standard(
                new ComplianceSettings(java.time.Duration.ofDays(limitDays(unitId))), clock).check(facts);
        return new Evaluated(report, labels, media.size(), text);
    }

    private static Network network(ResultSet rs) throws SQLException {
        NetworkKind kind = NetworkKind.valueOf(rs.getString("kind"));
        ClassificationLevel level = ClassificationLevel.valueOf(rs.getString("level"));
        NetworkId id = NetworkId.of(rs.getLong("id"));
        return switch (kind) {
            case CLASSIFIED -> Network.classified(id, rs.getString("name"), level, rs.getString("approval_reference"));
            case GOVERNMENT_INTRANET -> Network.intranet(id, rs.getString("name"));
            case INTERNET -> Network.internet(id, rs.getString("name"));
            case STANDALONE -> Network.standalone(id, rs.getString("name"), level);
        };
    }

    private static DeviceFacts device(ResultSet rs, Set<Long> networkIds) throws SQLException {
        DeviceDetails d = DeviceRepository.details(rs);
        Long networkId = Db.nullableLong(rs, "network_id");
        Long responsible = Db.nullableLong(rs, "responsible_person_id");
        String site = rs.getString("maintenance_site");
        OpenMaintenance maintenance = site == null ? null
                : new OpenMaintenance(Db.instant(rs, "maintenance_since"), OpenMaintenance.Site.valueOf(site),
                        rs.getBoolean("maintenance_storage_out"));
        List<IpAddress> ips = new ArrayList<>();
        for (String ip : d.ipAddresses()) {
            try {
                ips.add(new IpAddress(ip));
            } catch (IllegalArgumentException ignored) {
                // validated on input; a value stored before that is not an address for the rules
            }
        }
        List<MacAddress> macs = new ArrayList<>();
        for (String mac : d.macAddresses()) {
            try {
                macs.add(new MacAddress(mac));
            } catch (IllegalArgumentException ignored) {
                // as above
            }
        }
        Device device = Device.builder(DeviceId.of(rs.getLong("id")), d.assetNumber(), d.type(),
                        d.designation().toDeviceClass(d.level()))
                .network(networkId != null && networkIds.contains(networkId) ? NetworkId.of(networkId) : null)
                .responsiblePersons(responsible == null ? List.of() : List.of(PersonId.of(responsible)))
                .ipAddresses(List.copyOf(new java.util.LinkedHashSet<>(ips)))
                .macAddresses(List.copyOf(new java.util.LinkedHashSet<>(macs)))
                .hardware(d.hardware()).security(d.security())
                .status(DeviceStatus.valueOf(rs.getString("status"))).maintenance(maintenance).build();
        return new DeviceFacts(device, responsible);
    }

    private static Medium medium(ResultSet rs) throws SQLException {
        Long holder = Db.nullableLong(rs, "holder_person_id");
        return Medium.of(MediumId.of(rs.getLong("id")), rs.getString("number"), MediumType.valueOf(rs.getString("type")),
                ClassificationLevel.valueOf(rs.getString("level")), rs.getString("usb_serial"),
                holder == null ? null : PersonId.of(holder), List.of(), MediumStatus.valueOf(rs.getString("status")));
    }

    private static NotFoundException unitNotFound(long unitId) {
        return new NotFoundException("unit.notFound", "There is no unit " + unitId + " you may see.");
    }
}
