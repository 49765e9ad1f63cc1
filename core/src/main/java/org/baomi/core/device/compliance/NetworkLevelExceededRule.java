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
    public List<String> messageKeys() {
        return List.of("compliance." + ID.value(), "compliance." + ID.value() + ".non-classified");
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
                .map(network -> List.of(device.isClassified()
                        ? Violation.of(this, Subject.of(device.id()), List.of(Subject.of(network.id())), null,
                                device.level() + " device " + device.assetNumber() + " is on " + network.name()
                                        + ", which is approved up to " + network.level() + " only; move it to a"
                                        + " network approved for its level or run it standalone.",
                                device.assetNumber(), device.deviceClass(), network.name(), network.level())
                        : Violation.of(this, Subject.of(device.id()), List.of(Subject.of(network.id())),
                                "non-classified",
                                "Non-classified device " + device.assetNumber() + " is on " + network.name()
                                        + " (" + network.level() + "); take it off that network, or register it as"
                                        + " an Internet computer and keep work files off it.",
                                device.assetNumber(), device.deviceClass(), network.name(), network.level())))
                .orElse(List.of());
    }
}
