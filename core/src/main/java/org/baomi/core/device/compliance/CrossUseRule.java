package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.device.Device;
import org.baomi.core.device.Medium;

/**
 * A registered medium is used only on the devices it is registered for (交叉使用 otherwise), as
 * terminals observe it: a red disk seen on an unregistered computer, a non-classified drive seen
 * on a classified one. Two non-classified sides are none of this rule's business. A serial the
 * ledger does not know is {@link UnregisteredMediumRule}'s.
 */
public final class CrossUseRule implements ComplianceRule {

    public static final RuleId ID = new RuleId("medium.cross-use");

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
            List<Medium> candidates = facts.mediaWithSerial(seen.key().serial());
            if (candidates.isEmpty() || candidates.stream().anyMatch(m -> facts.allowed(device, m))) {
                continue;
            }
            Medium medium = candidates.stream().filter(Medium::isClassified).findFirst().orElse(candidates.get(0));
            if (!medium.isClassified() && !device.isClassified()) {
                continue;
            }
            found.add(Violation.of(this, Subject.of(medium.id()), List.of(Subject.of(device.id())), null,
                    (medium.isClassified() ? "Classified" : "Non-classified") + " medium " + medium.number()
                            + " was used on device " + device.assetNumber() + ", which it is not registered for ("
                            + English.times(seen.count()) + ", last " + seen.last() + "); take the medium back,"
                            + " inspect both for classified files and report the incident to the secrecy office.",
                    medium.number(), device.assetNumber(), seen.count(), seen.last()));
        }
        return found;
    }
}
