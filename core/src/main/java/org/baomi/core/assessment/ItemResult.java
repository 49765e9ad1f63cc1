package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.util.Objects;
import org.baomi.core.DomainException;

/**
 * The assessor's finding on one scored item, the points it earns and a note (what was seen, the
 * problem found). Build it with {@link #of}, which checks the points against the item.
 */
public record ItemResult(String itemId, Finding finding, BigDecimal earned, String note) {

    public ItemResult {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(earned, "earned");
        note = note == null ? "" : note.strip();
    }

    /**
     * The result for {@code item}: COMPLIANT earns its points, NOT_COMPLIANT and NOT_APPLICABLE 0,
     * PARTLY the {@code given} points, which must be more than 0 and less than the item's with at
     * most one decimal ({@code given} is ignored for the other findings).
     *
     * @throws DomainException {@code assessment.partlyPointsInvalid}
     */
    public static ItemResult of(StandardItem item, Finding finding, BigDecimal given, String note) {
        BigDecimal earned = switch (finding) {
            case COMPLIANT -> item.points();
            case NOT_COMPLIANT, NOT_APPLICABLE -> BigDecimal.ZERO;
            case PARTLY -> {
                if (given == null || given.signum() <= 0 || given.compareTo(item.points()) >= 0
                        || given.stripTrailingZeros().scale() > 1) {
                    throw new DomainException("assessment.partlyPointsInvalid", "Item " + item.id()
                            + " is partly met: give more than 0 and less than " + item.points().toPlainString()
                            + " points, with at most one decimal.", item.id(), item.points().toPlainString(),
                            given == null ? "" : given.toPlainString());
                }
                yield given;
            }
        };
        return new ItemResult(item.id(), finding, earned, note);
    }
}
