package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.device.Device;
import org.baomi.core.device.Medium;

/**
 * Media never cross between classified and non-classified machines: a classified medium is
 * registered for classified devices only, and a non-classified medium for none.
 */
public final class MediaCrossBoundaryRule implements ComplianceRule {

    public static final RuleId ID = new RuleId("medium.allowance.cross-boundary");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public List<String> messageKeys() {
        return List.of("compliance." + ID.value() + ".classified-medium", "compliance." + ID.value() + ".non-classified-medium");
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> check(ComplianceFacts facts) {
        List<Violation> found = new ArrayList<>();
        for (Medium medium : facts.mediaInService()) {
            for (Device device : facts.devicesAllowedFor(medium)) {
                if (!device.status().inService() || medium.isClassified() == device.isClassified()) {
                    continue;
                }
                if (medium.isClassified()) {
                    found.add(Violation.of(this, Subject.of(medium.id()), List.of(Subject.of(device.id())),
                            "classified-medium",
                            "Classified medium " + medium.number() + " is registered for non-classified device "
                                    + device.assetNumber() + "; withdraw that permission and check the device"
                                    + " for classified files.",
                            medium.number(), device.assetNumber()));
                } else {
                    found.add(Violation.of(this, Subject.of(medium.id()), List.of(Subject.of(device.id())),
                            "non-classified-medium",
                            "Non-classified medium " + medium.number() + " is registered for classified device "
                                    + device.assetNumber() + "; withdraw that permission and use a registered"
                                    + " classified medium instead.",
                            medium.number(), device.assetNumber()));
                }
            }
        }
        return found;
    }
}
