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
        List<String> codes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        if (device.ipAddresses().isEmpty()) {
            codes.add("IP_ADDRESS");
            words.add("IP address");
        }
        if (device.macAddresses().isEmpty()) {
            codes.add("MAC_ADDRESS");
            words.add("MAC address");
        }
        if (device.responsiblePersons().isEmpty()) {
            codes.add("RESPONSIBLE_PERSON");
            words.add("responsible person");
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        return List.of(Violation.of(this, Subject.of(device.id()), List.of(), null,
                "Internet device " + device.assetNumber() + " has no " + English.list(words, "or")
                        + " registered; register " + (codes.size() == 1 ? "it" : "them")
                        + " so an outside connection can be traced to the machine and its user.",
                device.assetNumber(), String.join(",", codes)));
    }
}
