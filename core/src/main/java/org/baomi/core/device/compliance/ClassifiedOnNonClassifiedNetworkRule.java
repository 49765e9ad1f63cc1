package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.Device;

/**
 * A classified device is on a classified network or standalone, never on the government
 * intranet or the Internet (涉密不上网).
 */
public final class ClassifiedOnNonClassifiedNetworkRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.classified.non-classified-network");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public List<Violation> check(Device device, ComplianceFacts facts) {
        if (!device.isClassified()) {
            return List.of();
        }
        return facts.networkOf(device)
                .filter(network -> !network.kind().admitsClassifiedDevices())
                .map(network -> List.of(Violation.of(this, Subject.of(device.id()), List.of(Subject.of(network.id())),
                        null,
                        "Classified device " + device.assetNumber() + " is connected to " + network.name() + " ("
                                + network.kind() + "); disconnect it at once, inspect it for leaks, and connect it only"
                                + " to a classified network of its level or run it standalone.",
                        device.assetNumber(), network.name(), network.kind())))
                .orElse(List.of());
    }
}
