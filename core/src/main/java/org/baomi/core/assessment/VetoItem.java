package org.baomi.core.assessment;

import java.util.Objects;
import java.util.Optional;

/**
 * 一票否决 — a violation that makes the assessment non-compliant whatever its score (e.g. 涉密计算机
 * 连接互联网). {@code text} names it: a veto nobody can read cannot be applied fairly.
 */
public record VetoItem(String id, Text text, String evidenceQuery) {
    public VetoItem {
        Objects.requireNonNull(id, "id");
        id = id.strip();
        evidenceQuery = evidenceQuery == null || evidenceQuery.isBlank() ? null : evidenceQuery.strip();
    }

    public Optional<String> evidence() {
        return Optional.ofNullable(evidenceQuery);
    }
}
