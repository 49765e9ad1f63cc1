package org.baomi.core.device.compliance;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.baomi.core.device.Device;
import org.baomi.core.device.SecurityControl;

/**
 * A classified computer has all its security settings in place: boot password, USB storage
 * blocked, wireless removed, optical drive disabled, terminal control suite, antivirus, audit.
 * Printers, copiers and other office equipment have none of these and are not judged.
 */
public final class SecuritySettingsRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.classified.security-settings");

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
        if (!device.isClassified() || !device.type().isComputer()) {
            return List.of();
        }
        Set<SecurityControl> missing = device.security().missing();
        if (missing.isEmpty()) {
            return List.of();
        }
        String codes = missing.stream().map(SecurityControl::name).collect(Collectors.joining(","));
        String words = English.list(missing.stream().map(English::words).toList(), "and");
        return List.of(Violation.of(this, Subject.of(device.id()), List.of(), null,
                "Classified computer " + device.assetNumber() + " lacks these security settings: " + words
                        + "; put them in place and record them in the ledger.",
                device.assetNumber(), codes));
    }
}
