package org.baomi.core.device.compliance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs every compliance rule over one snapshot of facts and gathers the results into a
 * {@link ComplianceReport}. The same engine serves the ledger (on every change and for a whole
 * unit on demand) and terminal reports (the agent's observations added to the ledger's facts).
 * Rules are independent and may run in any order; the report's order does not depend on it.
 */
public final class ComplianceEngine {

    private final List<ComplianceRule> rules;
    private final Clock clock;

    /**
     * @param rules the rules to run; their ids must be unique
     * @param clock the time the report is stamped with (rules that measure time get their own)
     */
    public ComplianceEngine(List<? extends ComplianceRule> rules, Clock clock) {
        Set<RuleId> ids = new HashSet<>();
        for (ComplianceRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("two rules share the id " + rule.id());
            }
        }
        List<ComplianceRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(ComplianceRule::severity).thenComparing(ComplianceRule::id));
        this.rules = List.copyOf(sorted);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The engine with every rule of the ledger, the limits from {@code settings}. */
    public static ComplianceEngine standard(ComplianceSettings settings, Clock clock) {
        return new ComplianceEngine(standardRules(settings, clock), clock);
    }

    /** Every rule of the ledger (see docs/adr/0009-compliance-rules.md), gravest first. */
    public static List<ComplianceRule> standardRules(ComplianceSettings settings, Clock clock) {
        return List.of(
                new ClassifiedOnNonClassifiedNetworkRule(),
                new CrossUseRule(),
                new UnregisteredMediumRule(),
                new OutsideConnectionRule(),
                new SingleResponsiblePersonRule(),
                new NetworkLevelExceededRule(),
                new NonClassifiedOnClassifiedNetworkRule(),
                new RadioHardwareRule(),
                new MediaLevelRule(),
                new MediaCrossBoundaryRule(),
                new ResponsibleClearanceRule(),
                new HolderClearanceRule(),
                new OffSiteMaintenanceRule(),
                new SecuritySettingsRule(),
                new InternetRegistrationRule(),
                new MaintenanceOverdueRule(settings.maintenanceLimit(), clock),
                new SharedUsbSerialRule(),
                new UsbSerialMissingRule());
    }

    /** The rules this engine runs, gravest first, then by id. */
    public List<ComplianceRule> rules() {
        return rules;
    }

    /** Runs every rule over {@code facts}. */
    public ComplianceReport check(ComplianceFacts facts) {
        List<Violation> all = new ArrayList<>();
        for (ComplianceRule rule : rules) {
            for (Violation v : rule.check(facts)) {
                if (!v.ruleId().equals(rule.id()) || v.severity() != rule.severity()) {
                    throw new IllegalStateException("rule " + rule.id() + " returned a violation of "
                            + v.ruleId() + "/" + v.severity());
                }
                all.add(v);
            }
        }
        return ComplianceReport.of(clock.instant(), rules, facts, all);
    }
}
