package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.device.Device;
import org.baomi.core.device.DeviceType;

/**
 * A classified device has no wireless card, Bluetooth or modem. A fax machine's modem is its
 * function; classified faxing goes through approved encryption equipment, which this rule does
 * not judge, so the modem of a {@link DeviceType#FAX} is not reported.
 */
public final class RadioHardwareRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.classified.radio-hardware");

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
        List<String> present = new ArrayList<>();
        if (device.hardware().wirelessCard()) {
            present.add("wireless card");
        }
        if (device.hardware().bluetooth()) {
            present.add("Bluetooth");
        }
        if (device.hardware().modem() && device.type() != DeviceType.FAX) {
            present.add("modem");
        }
        if (present.isEmpty()) {
            return List.of();
        }
        String list = String.join(", ", present);
        return List.of(Violation.of(this, Subject.of(device.id()), List.of(), null,
                "Classified device " + device.assetNumber() + " has " + list
                        + "; remove the hardware physically and record the removal.",
                device.assetNumber(), list));
    }
}
