package org.baomi.core.device.compliance;

import java.util.Objects;

/**
 * The stable identifier of a compliance rule, e.g. {@code device.classified.single-responsible}:
 * lower-case dotted words. Stored with results, used in message keys and URLs; never renamed.
 */
public record RuleId(String value) implements Comparable<RuleId> {

    public RuleId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("a rule id is lower-case dotted words, not: " + value);
        }
    }

    @Override
    public int compareTo(RuleId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
