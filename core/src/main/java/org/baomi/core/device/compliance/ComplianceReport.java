package org.baomi.core.device.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.MediumId;

/**
 * The outcome of one run of the rules over one unit: every violation in a stable order (gravest
 * first, then by rule and subject), counts by rule (every rule listed, zero counts included, so
 * a chart has a fixed set of bars) and by severity, and one result per device.
 *
 * @param rules     one line per rule run, in the engine's order
 * @param devices   one result per device of the facts, in the facts' order
 */
public record ComplianceReport(Instant checkedAt, List<RuleCount> rules, List<Violation> violations,
        List<DeviceResult> devices) {

    /** How often one rule was broken. */
    public record RuleCount(RuleId ruleId, Severity severity, int count) {
        public RuleCount {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /**
     * The violations that concern one device, as subject or related subject (a medium seen on it,
     * a person in charge of it), in report order.
     */
    public record DeviceResult(DeviceId deviceId, String assetNumber, List<Violation> violations) {
        public DeviceResult {
            Objects.requireNonNull(deviceId, "deviceId");
            violations = List.copyOf(violations);
        }

        public boolean isClean() {
            return violations.isEmpty();
        }

        /** The gravest severity among the violations; empty when clean. */
        public Optional<Severity> worst() {
            return violations.stream().map(Violation::severity).min(Enum::compareTo);
        }
    }

    public ComplianceReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        rules = List.copyOf(rules);
        violations = violations.stream().sorted(Violation.ORDER).toList();
        devices = List.copyOf(devices);
    }

    static ComplianceReport of(Instant checkedAt, List<ComplianceRule> rules, ComplianceFacts facts,
            Collection<Violation> found) {
        List<Violation> sorted = List.copyOf(new LinkedHashSet<>(found)).stream().sorted(Violation.ORDER).toList();
        Map<RuleId, Integer> byRule = new HashMap<>();
        Map<Subject, List<Violation>> byDevice = new HashMap<>();
        for (Violation v : sorted) {
            byRule.merge(v.ruleId(), 1, Integer::sum);
            Stream.concat(Stream.of(v.subject()), v.related().stream())
                    .filter(s -> s.type() == Subject.Type.DEVICE).distinct()
                    .forEach(s -> byDevice.computeIfAbsent(s, k -> new ArrayList<>()).add(v));
        }
        List<RuleCount> counts = rules.stream()
                .map(r -> new RuleCount(r.id(), r.severity(), byRule.getOrDefault(r.id(), 0)))
                .toList();
        List<DeviceResult> perDevice = facts.devices().stream()
                .map(d -> new DeviceResult(d.id(), d.assetNumber(), byDevice.getOrDefault(Subject.of(d.id()), List.of())))
                .toList();
        return new ComplianceReport(checkedAt, counts, sorted, perDevice);
    }

    public boolean isClean() {
        return violations.isEmpty();
    }

    /** The gravest severity found; empty when clean. */
    public Optional<Severity> worst() {
        return violations.stream().map(Violation::severity).min(Enum::compareTo);
    }

    /** Violations per rule, every rule of the run present, in the engine's order. */
    public Map<RuleId, Integer> countsByRule() {
        Map<RuleId, Integer> counts = new LinkedHashMap<>();
        rules.forEach(r -> counts.put(r.ruleId(), r.count()));
        return counts;
    }

    /** Violations per severity, every severity present, gravest first. */
    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        violations.forEach(v -> counts.merge(v.severity(), 1, Integer::sum));
        return counts;
    }

    /** The violations that concern {@code subject}, as subject or related subject. */
    public List<Violation> concerning(Subject subject) {
        return violations.stream().filter(v -> v.concerns(subject)).toList();
    }

    /** The result for {@code device}; throws when the device was not in the facts. */
    public DeviceResult forDevice(DeviceId device) {
        return devices.stream().filter(r -> r.deviceId().equals(device)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("device " + device + " was not checked"));
    }

    public List<Violation> forMedium(MediumId medium) {
        return concerning(Subject.of(medium));
    }

    /** The number of devices with at least one violation, for the dashboard. */
    public long devicesWithViolations() {
        return devices.stream().filter(d -> !d.isClean()).count();
    }
}
