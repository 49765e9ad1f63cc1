package org.baomi.core.assessment;

import java.math.BigDecimal;

/** Points as a standard states them: one canonical form, so 2, 2.0 and 2.00 are the same value. */
final class Points {

    private Points() {
    }

    /** {@code value} without trailing zeros and never in exponent form (100, not 1E+2). */
    static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
