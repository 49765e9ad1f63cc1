package org.baomi.core.device.compliance;

import java.util.List;

/**
 * A classified USB medium has its USB serial registered; without it a terminal's report cannot
 * tell the registered red disk from any other drive.
 */
public final class UsbSerialMissingRule implements ComplianceRule {

    public static final RuleId ID = new RuleId("medium.classified.usb-serial-missing");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public List<Violation> check(ComplianceFacts facts) {
        return facts.mediaInService().stream()
                .filter(m -> m.isClassified() && m.type().hasUsbSerial() && m.usbSerial().isEmpty())
                .map(m -> Violation.of(this, Subject.of(m.id()), List.of(), null,
                        "Classified medium " + m.number() + " has no USB serial registered; read it on a"
                                + " classified computer with the inspection tool and record it.",
                        m.number()))
                .toList();
    }
}
