package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.util.Objects;
import org.baomi.core.DomainException;

/**
 * The lowest scores of the grades: {@code compliant} and over is COMPLIANT, {@code basically} and
 * over BASICALLY_COMPLIANT, anything less NON_COMPLIANT. The rules' values are 90 and 80
 * ({@link #DEFAULT}); a unit's superior may set others.
 */
public record GradeThresholds(BigDecimal compliant, BigDecimal basically) {

    public static final GradeThresholds DEFAULT = new GradeThresholds(new BigDecimal("90"), new BigDecimal("80"));

    public GradeThresholds {
        Objects.requireNonNull(compliant, "compliant");
        Objects.requireNonNull(basically, "basically");
        if (basically.signum() < 0 || compliant.compareTo(basically) <= 0 || compliant.compareTo(Scoring.HUNDRED) > 0) {
            throw new DomainException("assessment.thresholdsInvalid", "Grade thresholds need 0 <= basically compliant ("
                    + basically.toPlainString() + ") < compliant (" + compliant.toPlainString() + ") <= 100.",
                    basically.toPlainString(), compliant.toPlainString());
        }
    }

    public Grade grade(BigDecimal score) {
        if (score.compareTo(compliant) >= 0) {
            return Grade.COMPLIANT;
        }
        return score.compareTo(basically) >= 0 ? Grade.BASICALLY_COMPLIANT : Grade.NON_COMPLIANT;
    }
}
