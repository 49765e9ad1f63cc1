package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A score per category of a standard, for comparing units category by category: the points earned on the
 * category's applicable items x 100 / their points, rounded half up to one decimal, as {@link Scoring} does
 * for the whole. Deductions and vetoes belong to the whole score and are left out. A category is empty
 * (no score) while any of its items has no result or when none of them applies. Pure.
 */
public final class CategoryScoring {

    private CategoryScoring() {
    }

    /** The score of every category of {@code standard}, in its order; empty where there is none. */
    public static Map<String, Optional<BigDecimal>> byCategory(Standard standard, Results results) {
        Map<String, Optional<BigDecimal>> scores = new LinkedHashMap<>();
        for (Category c : standard.categories()) {
            BigDecimal earned = BigDecimal.ZERO;
            BigDecimal applicable = BigDecimal.ZERO;
            boolean complete = true;
            for (StandardItem item : standard.itemsOf(c.id())) {
                ItemResult r = results.items().get(item.id());
                if (r == null) {
                    complete = false;
                } else if (r.finding() != Finding.NOT_APPLICABLE) {
                    applicable = applicable.add(item.points());
                    earned = earned.add(r.earned().min(item.points()));
                }
            }
            scores.put(c.id(), complete && applicable.signum() > 0
                    ? Optional.of(earned.multiply(Scoring.HUNDRED).divide(applicable, 1, RoundingMode.HALF_UP))
                    : Optional.empty());
        }
        return scores;
    }
}
