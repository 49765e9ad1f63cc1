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
        List<String> codes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        if (device.hardware().wirelessCard()) {
            codes.add("WIRELESS_CARD");
            words.add("a wireless card");
        }
        if (device.hardware().bluetooth()) {
            codes.add("BLUETOOTH");
            words.add("Bluetooth");
        }
        if (device.hardware().modem() && device.type() != DeviceType.FAX) {
            codes.add("MODEM");
            words.add("a modem");
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        return List.of(Violation.of(this, Subject.of(device.id()), List.of(), null,
                "Classified device " + device.assetNumber() + " has " + English.list(words, "and")
                        + "; remove the hardware physically and record the removal.",
                device.assetNumber(), String.join(",", codes)));
    }
}
