package org.baomi.server.device;

import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceClass;

/**
 * How a device is designated in the ledger: classified (with a state-secret level), non-classified
 * office device, or Internet computer. Stored as the column {@code device.designation}.
 */
public enum Designation {
    CLASSIFIED, NON_CLASSIFIED, INTERNET;

    /** The core's designation for this one and {@code level} (required and a state secret for CLASSIFIED). */
    public DeviceClass toDeviceClass(ClassificationLevel level) {
        return switch (this) {
            case CLASSIFIED -> DeviceClass.classified(level);
            case NON_CLASSIFIED -> DeviceClass.nonClassified();
            case INTERNET -> DeviceClass.internet();
        };
    }
}
