package org.baomi.core.device.compliance;

import java.time.Instant;
import java.util.Objects;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.UsbSerial;

/**
 * Something a terminal reported seeing on a registered device (the agent's inspection, or an
 * imported report of a terminal inspection tool). Observations sit beside the ledger in
 * {@link ComplianceFacts}, so the same rules judge what was registered and what was seen.
 */
public sealed interface Observation permits Observation.MediumSeen, Observation.InternetReachable {

    DeviceId deviceId();

    Instant at();

    /** A USB storage device with {@code usbSerial} was connected to the device. */
    record MediumSeen(DeviceId deviceId, UsbSerial usbSerial, Instant at) implements Observation {
        public MediumSeen {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(usbSerial, "usbSerial");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The device reached a host on the Internet (违规外联 when the device is classified).
     *
     * @param target what was reached, as reported (host or address); may be empty
     */
    record InternetReachable(DeviceId deviceId, Instant at, String target) implements Observation {
        public InternetReachable {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(at, "at");
            target = target == null ? "" : target.strip();
        }
    }
}
