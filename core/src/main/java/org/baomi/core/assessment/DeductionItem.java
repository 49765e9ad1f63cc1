package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * 加重扣分项 — an aggravated deduction: {@code perOccurrence} points come off the score for each
 * time it is found, at most {@code cap} in all (e.g. 涉密载体丢失, 2 points each, at most 10).
 */
public record DeductionItem(String id, String categoryId, Text text, BigDecimal perOccurrence, BigDecimal cap,
        String evidenceQuery) {

    public DeductionItem {
        Objects.requireNonNull(id, "id");
        id = id.strip();
        categoryId = categoryId == null ? "" : categoryId.strip();
        Objects.requireNonNull(text, "text");
        perOccurrence = Points.normal(Objects.requireNonNull(perOccurrence, "perOccurrence"));
        cap = Points.normal(Objects.requireNonNull(cap, "cap"));
        evidenceQuery = evidenceQuery == null || evidenceQuery.isBlank() ? null : evidenceQuery.strip();
    }

    public Optional<String> evidence() {
        return Optional.ofNullable(evidenceQuery);
    }

    /** Points deducted for {@code occurrences}, capped. */
    public BigDecimal deduction(int occurrences) {
        BigDecimal d = perOccurrence.multiply(BigDecimal.valueOf(occurrences));
        return d.min(cap);
    }
}
