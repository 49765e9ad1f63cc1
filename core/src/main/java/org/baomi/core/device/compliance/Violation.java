package org.baomi.core.device.compliance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One breach of one rule. The UI looks {@link #messageKey()} up in its bundles with
 * {@link #args()}; {@link #message()} is the English sentence, saying what is wrong and what to
 * do, for the CLI, logs and the API.
 *
 * @param subject the thing that breaks the rule (the device for device rules, the medium for
 *                medium rules)
 * @param related other things involved, e.g. the medium a device may not use, the device a
 *                medium was seen on; a device's results include violations that relate to it
 */
public record Violation(RuleId ruleId, Severity severity, Subject subject, List<Subject> related, String messageKey,
        List<String> args, String message) {

    /** Gravest first, then by rule, subject and related subjects: the order reports show. */
    public static final Comparator<Violation> ORDER = Comparator.comparing(Violation::severity)
            .thenComparing(Violation::ruleId)
            .thenComparing(Violation::subject)
            .thenComparing(Violation::related, Violation::compareLists)
            .thenComparing(Violation::messageKey)
            .thenComparing(Violation::message);

    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        related = List.copyOf(related);
        if (messageKey == null || messageKey.isBlank()) {
            throw new IllegalArgumentException("messageKey must not be blank");
        }
        args = List.copyOf(args);
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
    }

    /**
     * A violation of {@code rule}, keyed {@code compliance.<rule id>} or, with a variant,
     * {@code compliance.<rule id>.<variant>}; the args are turned into text.
     */
    public static Violation of(ComplianceRule rule, Subject subject, List<Subject> related, String variant,
            String message, Object... args) {
        String key = "compliance." + rule.id().value() + (variant == null ? "" : "." + variant);
        return new Violation(rule.id(), rule.severity(), subject, related, key,
                Arrays.stream(args).map(String::valueOf).toList(), message);
    }

    /** Whether this violation is about {@code s}, as its subject or as a related subject. */
    public boolean concerns(Subject s) {
        return subject.equals(s) || related.contains(s);
    }

    private static int compareLists(List<Subject> a, List<Subject> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
