package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scoring rule (SPEC section 2, ADR 0040), in exact decimals:
 * <ol>
 * <li>earned = the points of the results; applicable = the points of the items not NOT_APPLICABLE;</li>
 * <li>percentage = earned x 100 / applicable, rounded <b>half up to one decimal</b> (89.95 is 90.0);</li>
 * <li>score = percentage less the sum of the aggravated deductions, each capped at its own cap,
 *     never below 0;</li>
 * <li>grade from the thresholds on that score; any veto item triggered makes it NON_COMPLIANT.</li>
 * </ol>
 * Pure: no clock, no state.
 */
public final class Scoring {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Scoring() {
    }

    public static Evaluation evaluate(Standard standard, Results results) {
        return evaluate(standard, results, GradeThresholds.DEFAULT);
    }

    public static Evaluation evaluate(Standard standard, Results results, GradeThresholds thresholds) {
        List<String> missing = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal applicable = BigDecimal.ZERO;
        for (StandardItem item : standard.items()) {
            ItemResult r = results.items().get(item.id());
            if (r == null) {
                missing.add(item.id());
            } else if (r.finding() != Finding.NOT_APPLICABLE) {
                applicable = applicable.add(item.points());
                earned = earned.add(r.earned().min(item.points()));
            }
        }
        if (!missing.isEmpty()) {
            return new Evaluation.Incomplete(missing);
        }
        if (applicable.signum() == 0) {
            return new Evaluation.NothingApplicable();
        }
        BigDecimal percentage = earned.multiply(HUNDRED).divide(applicable, 1, RoundingMode.HALF_UP);
        BigDecimal deducted = BigDecimal.ZERO;
        for (DeductionItem d : standard.deductions()) {
            int n = results.deductions().getOrDefault(d.id(), 0);
            if (n > 0) {
                deducted = deducted.add(d.deduction(n));
            }
        }
        BigDecimal score = percentage.subtract(deducted).max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
        List<String> vetoes = standard.vetoes().stream().map(VetoItem::id).filter(results.vetoes()::contains).toList();
        Grade grade = vetoes.isEmpty() ? thresholds.grade(score) : Grade.NON_COMPLIANT;
        return new Evaluation.Scored(earned, applicable, percentage, deducted.setScale(1, RoundingMode.HALF_UP), score,
                grade, vetoes);
    }
}
