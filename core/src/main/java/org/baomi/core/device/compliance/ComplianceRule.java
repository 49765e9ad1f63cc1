package org.baomi.core.device.compliance;

import java.util.List;

/**
 * One compliance rule of the device, medium and network ledger: a small checker with a stable
 * id and a fixed severity that looks at a whole snapshot of facts and returns the violations it
 * finds (none when the facts comply). Rules are stateless and independent; they never throw for
 * facts that merely break the rule. {@link ComplianceEngine} runs them all.
 */
public interface ComplianceRule {

    RuleId id();

    Severity severity();

    List<Violation> check(ComplianceFacts facts);

    /**
     * Every message key this rule's violations may carry, so the UI can check its bundles hold
     * them all: {@code compliance.<id>} unless the rule words its variants apart.
     */
    default List<String> messageKeys() {
        return List.of("compliance." + id().value());
    }
}
