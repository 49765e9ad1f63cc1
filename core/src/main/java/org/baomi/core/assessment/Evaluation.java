package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.util.List;

/** What scoring gives: a score, or why there is none yet. */
public sealed interface Evaluation {

    /**
     * The assessment is scored.
     *
     * @param earned     points earned on the applicable items
     * @param applicable points of the applicable items (the standard's total less the N/A items)
     * @param percentage earned / applicable x 100, rounded half up to one decimal
     * @param deducted   aggravated deductions, each capped
     * @param score      percentage less deductions, never below 0 (one decimal)
     * @param grade      from the thresholds, NON_COMPLIANT whenever a veto is triggered
     * @param vetoes     ids of the veto items triggered, in the standard's order
     */
    record Scored(BigDecimal earned, BigDecimal applicable, BigDecimal percentage, BigDecimal deducted, BigDecimal score,
            Grade grade, List<String> vetoes) implements Evaluation {
        public Scored {
            vetoes = List.copyOf(vetoes);
        }

        public boolean vetoed() {
            return !vetoes.isEmpty();
        }
    }

    /** Items without a result yet (in the standard's order); nothing is scored until all have one. */
    record Incomplete(List<String> missingItems) implements Evaluation {
        public Incomplete {
            missingItems = List.copyOf(missingItems);
        }
    }

    /** Every item was found not applicable: there is nothing to score against. */
    record NothingApplicable() implements Evaluation {
    }
}
