package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.device.Device;

/**
 * A classified device uses registered classified media only: a USB serial the ledger does not
 * know, seen on a classified device, is an unregistered (and so non-classified) medium crossing
 * over.
 */
public final class UnregisteredMediumRule implements ComplianceRule {

    public static final RuleId ID = new RuleId("medium.unregistered-on-classified-device");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public List<Violation> check(ComplianceFacts facts) {
        List<Violation> found = new ArrayList<>();
        for (var seen : Sightings.mediaOnDevices(facts)) {
            Device device = facts.device(seen.key().device());
            if (!device.isClassified() || !facts.mediaWithSerial(seen.key().serial()).isEmpty()) {
                continue;
            }
            found.add(Violation.of(this, Subject.of(device.id()), List.of(), null,
                    "An unregistered USB medium (serial " + seen.key().serial() + ") was used on classified device "
                            + device.assetNumber() + " (" + English.times(seen.count()) + ", last " + seen.last()
                            + "); find and seize the medium, inspect the device and report the incident to the"
                            + " secrecy office.",
                    seen.key().serial(), device.assetNumber(), seen.count(), seen.last()));
        }
        return found;
    }
}
