package org.baomi.core.device.compliance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.baomi.core.device.Device;

/**
 * A maintenance is closed within the limit (30 days by default, {@link ComplianceSettings}): a
 * device that stays "under repair" for months is usually one nobody follows up, or one that
 * left with its data.
 */
public final class MaintenanceOverdueRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.maintenance.overdue");

    private final Duration limit;
    private final Clock clock;

    public MaintenanceOverdueRule(Duration limit, Clock clock) {
        this.limit = new ComplianceSettings(limit).maintenanceLimit();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<Violation> check(Device device, ComplianceFacts facts) {
        return device.maintenance()
                .filter(m -> Duration.between(m.since(), clock.instant()).compareTo(limit) > 0)
                .map(m -> {
                    long days = Duration.between(m.since(), clock.instant()).toDays();
                    return List.of(Violation.of(this, Subject.of(device.id()), List.of(), null,
                            "Maintenance of device " + device.assetNumber() + " has been open for " + days
                                    + " days (limit " + limit.toDays() + "); finish it and close the record, or"
                                    + " have the device brought back.",
                            device.assetNumber(), days, limit.toDays()));
                })
                .orElse(List.of());
    }
}
