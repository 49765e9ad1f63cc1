package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.Device;

/**
 * A device's responsible person holds a clearance for the device's level: a SECRET computer
 * is not in the charge of general (一般) staff.
 */
public final class ResponsibleClearanceRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.responsible.clearance");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> check(Device device, ComplianceFacts facts) {
        return device.responsiblePersons().stream()
                .map(facts::person)
                .filter(person -> !person.level().maySee(device.level()))
                .map(person -> Violation.of(this, Subject.of(device.id()), List.of(Subject.of(person.id())), null,
                        "Responsible person " + person.name() + " of device " + device.assetNumber() + " is "
                                + person.level() + ", below the device's level " + device.level()
                                + "; hand the device to someone cleared for it or review his clearance.",
                        person.name(), device.assetNumber(), person.level(), device.level()))
                .toList();
    }
}
