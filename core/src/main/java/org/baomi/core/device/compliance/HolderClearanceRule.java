package org.baomi.core.device.compliance;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.device.Medium;

/**
 * A medium's holder holds a clearance for the medium's level.
 */
public final class HolderClearanceRule implements ComplianceRule {

    public static final RuleId ID = new RuleId("medium.holder.clearance");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> check(ComplianceFacts facts) {
        List<Violation> found = new ArrayList<>();
        for (Medium medium : facts.mediaInService()) {
            medium.holder().map(facts::person).filter(person -> !person.level().maySee(medium.level()))
                    .ifPresent(person -> found.add(Violation.of(this, Subject.of(medium.id()),
                            List.of(Subject.of(person.id())), null,
                            "Medium " + medium.number() + " (" + medium.level() + ") is held by " + person.name()
                                    + ", who is " + person.level() + "; take it back and issue it only to someone"
                                    + " cleared for its level.",
                            medium.number(), medium.level(), person.name(), person.level())));
        }
        return found;
    }
}
