package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.DeviceClass;
import org.baomi.core.device.Device;

/**
 * Only classified devices are admitted to a classified network: a non-classified or Internet
 * device there bridges the network to the outside.
 */
public final class NonClassifiedOnClassifiedNetworkRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.non-classified.classified-network");

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
        if (device.isClassified()) {
            return List.of();
        }
        return facts.networkOf(device)
                .filter(network -> network.isClassified())
                .map(network -> List.of(Violation.of(this, Subject.of(device.id()), List.of(Subject.of(network.id())),
                        null,
                        (device.deviceClass() instanceof DeviceClass.Internet ? "Internet" : "Non-classified")
                                + " device " + device.assetNumber() + " is on classified network "
                                + network.name() + "; remove it from the network, or register it as a classified"
                                + " device and have its admission approved.",
                        device.deviceClass(), device.assetNumber(), network.name())))
                .orElse(List.of());
    }
}
