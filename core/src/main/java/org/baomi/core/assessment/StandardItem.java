package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 检查项 — a scored item: what is required ({@code text}), the points it is worth, how an
 * inspector checks it ({@code methods}: 查阅资料, 实地查看, 技术检查 ...), and optionally
 * the id of an evidence query (e.g. {@code carrier.overdue}) the server runs against the ledgers to
 * propose a finding. {@code unitKinds} limits it to some kinds of unit (empty: every unit); an item
 * that does not fit the unit is scored NOT_APPLICABLE and leaves the score unchanged.
 */
public record StandardItem(String id, String categoryId, Text text, BigDecimal points, List<CheckMethod> methods,
        String evidenceQuery, Set<String> unitKinds) {

    public StandardItem {
        Objects.requireNonNull(id, "id");
        id = id.strip();
        categoryId = categoryId == null ? "" : categoryId.strip();
        Objects.requireNonNull(text, "text");
        points = Points.normal(Objects.requireNonNull(points, "points"));
        methods = methods == null ? List.of() : List.copyOf(methods);
        evidenceQuery = evidenceQuery == null || evidenceQuery.isBlank() ? null : evidenceQuery.strip();
        unitKinds = unitKinds == null ? Set.of() : Set.copyOf(unitKinds);
    }

    public Optional<String> evidence() {
        return Optional.ofNullable(evidenceQuery);
    }

    /** Whether the item applies to a unit of {@code kind} (every item does when it names no kinds). */
    public boolean appliesTo(String kind) {
        return unitKinds.isEmpty() || unitKinds.contains(kind);
    }
}
