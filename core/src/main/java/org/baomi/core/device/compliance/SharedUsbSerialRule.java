package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.baomi.core.device.Medium;

/**
 * No two registered media share a USB serial (cheap drives sometimes report the same one): a
 * terminal's sighting of such a serial cannot be told apart, so the sighting rules accept it
 * if either medium is allowed. One violation per shared serial, about the first medium in ledger
 * order, the others related.
 */
public final class SharedUsbSerialRule implements ComplianceRule {

    public static final RuleId ID = new RuleId("medium.usb-serial.shared");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<Violation> check(ComplianceFacts facts) {
        List<Violation> found = new ArrayList<>();
        facts.sharedSerials().forEach((serial, media) -> {
            String numbers = media.stream().map(Medium::number).collect(Collectors.joining(", "));
            found.add(Violation.of(this, Subject.of(media.get(0).id()),
                    media.subList(1, media.size()).stream().map(m -> Subject.of(m.id())).toList(), null,
                    "Media " + numbers + " report the same USB serial " + serial + "; replace all but one of"
                            + " them with drives that have a unique serial.",
                    numbers, serial));
        });
        return found;
    }
}
