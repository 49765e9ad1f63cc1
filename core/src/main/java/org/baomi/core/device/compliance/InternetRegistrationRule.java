package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.device.Device;
import org.baomi.core.device.DeviceClass;
import org.baomi.core.device.NetworkKind;

/**
 * An Internet device (a non-classified device designated for the Internet, or on it) has its IP
 * address, MAC address and a responsible person registered, so an outside connection can be
 * traced to a machine and a person.
 */
public final class InternetRegistrationRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.internet.registration");

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
        if (device.isClassified()) {
            return List.of(); // a classified device on the Internet is a graver rule's, and needs no registration advice
        }
        boolean internet = device.deviceClass() instanceof DeviceClass.Internet
                || facts.networkOf(device).map(n -> n.kind() == NetworkKind.INTERNET).orElse(false);
        if (!internet) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (device.ipAddresses().isEmpty()) {
            missing.add("IP address");
        }
        if (device.macAddresses().isEmpty()) {
            missing.add("MAC address");
        }
        if (device.responsiblePersons().isEmpty()) {
            missing.add("responsible person");
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        String list = missing.size() == 1 ? missing.get(0)
                : String.join(", ", missing.subList(0, missing.size() - 1)) + " or " + missing.get(missing.size() - 1);
        return List.of(Violation.of(this, Subject.of(device.id()), List.of(), null,
                "Internet device " + device.assetNumber() + " has no " + list + " registered; fill them in.",
                device.assetNumber(), list));
    }
}
