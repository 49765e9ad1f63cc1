package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.Device;

/**
 * The classified media registered for a classified device are of at least the device's level:
 * a SECRET computer writes SECRET files, which a CONFIDENTIAL disk may not hold. (A
 * non-classified medium on a classified device is {@link MediaCrossBoundaryRule}'s.)
 */
public final class MediaLevelRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.classified.media-level");

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
        if (!device.isClassified()) {
            return List.of();
        }
        return facts.mediaAllowedOn(device).stream()
                .filter(medium -> medium.status().inService() && medium.isClassified())
                .filter(medium -> !medium.level().atLeast(device.level()))
                .map(medium -> Violation.of(this, Subject.of(device.id()), List.of(Subject.of(medium.id())), null,
                        "Classified device " + device.assetNumber() + " (" + device.level() + ") allows medium "
                                + medium.number() + " of the lower level " + medium.level()
                                + "; withdraw the medium from this device or register one of the device's level.",
                        device.assetNumber(), device.level(), medium.number(), medium.level()))
                .toList();
    }
}
