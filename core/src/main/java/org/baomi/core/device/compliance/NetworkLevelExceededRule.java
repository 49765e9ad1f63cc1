package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.Device;

/**
 * A device is not above its network's level: a SECRET computer does not sit on a CONFIDENTIAL
 * network, an office computer (internal) does not sit on the Internet. A classified device on
 * the intranet or the Internet is left to {@link ClassifiedOnNonClassifiedNetworkRule}, which
 * reports it as critical, so the one fact is not reported twice.
 */
public final class NetworkLevelExceededRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.network-level-exceeded");

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
        return facts.networkOf(device)
                .filter(network -> !network.level().atLeast(device.level()))
                .filter(network -> !(device.isClassified() && !network.kind().admitsClassifiedDevices()))
                .map(network -> List.of(Violation.of(this, Subject.of(device.id()), List.of(Subject.of(network.id())),
                        null,
                        "Device " + device.assetNumber() + " (" + device.deviceClass() + ") is above the level of "
                                + network.name() + " (" + network.level() + "); move it to a network of its level"
                                + " or lower its classification through the proper procedure.",
                        device.assetNumber(), device.deviceClass(), network.name(), network.level())))
                .orElse(List.of());
    }
}
