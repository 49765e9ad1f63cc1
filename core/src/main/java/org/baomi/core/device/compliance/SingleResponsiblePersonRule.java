package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.Device;

/**
 * A classified device has exactly one responsible person ("one person, one machine"): nobody
 * answers for a device without one, and with two each can blame the other.
 */
public final class SingleResponsiblePersonRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.classified.single-responsible");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public List<String> messageKeys() {
        return List.of("compliance." + ID.value() + ".none", "compliance." + ID.value() + ".several");
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> check(Device device, ComplianceFacts facts) {
        if (!device.isClassified() || device.responsiblePersons().size() == 1) {
            return List.of();
        }
        if (device.responsiblePersons().isEmpty()) {
            return List.of(Violation.of(this, Subject.of(device.id()), List.of(), "none",
                    "Classified device " + device.assetNumber() + " has no responsible person; register exactly one.",
                    device.assetNumber()));
        }
        return List.of(Violation.of(this, Subject.of(device.id()),
                device.responsiblePersons().stream().map(Subject::of).toList(), "several",
                "Classified device " + device.assetNumber() + " has " + device.responsiblePersons().size()
                        + " responsible persons; keep exactly one and remove the others.",
                device.assetNumber(), device.responsiblePersons().size()));
    }
}
