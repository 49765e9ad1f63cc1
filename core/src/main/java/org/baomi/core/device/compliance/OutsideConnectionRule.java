package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.baomi.core.device.Device;
import org.baomi.core.device.compliance.Observation.InternetReachable;

/**
 * A classified device never reaches the Internet (违规外联), as terminals observe it, whatever
 * the ledger says about its network.
 */
public final class OutsideConnectionRule implements ComplianceRule {

    public static final RuleId ID = new RuleId("device.classified.outside-connection");

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
        for (var seen : Sightings.group(facts.internetReached(), InternetReachable::deviceId)) {
            Device device = facts.device(seen.key());
            if (!device.isClassified()) {
                continue;
            }
            String targets = seen.observations().stream().map(InternetReachable::target).filter(t -> !t.isEmpty())
                    .distinct().sorted().collect(Collectors.joining(", "));
            found.add(Violation.of(this, Subject.of(device.id()), List.of(), null,
                    "Classified device " + device.assetNumber() + " reached the Internet (" + English.times(seen.count())
                            + ", first " + seen.first() + (targets.isEmpty() ? "" : ", " + targets)
                            + "); disconnect it at once, keep it as it is for inspection and report the incident"
                            + " to the secrecy office.",
                    device.assetNumber(), seen.count(), seen.first(), targets));
        }
        return found;
    }
}
