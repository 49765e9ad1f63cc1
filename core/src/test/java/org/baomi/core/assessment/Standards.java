package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Small standards for the tests: one category, items I1..In of the given points. */
final class Standards {

    static final Text T = new Text("检查内容", "What is checked");

    private Standards() {
    }

    static BigDecimal p(String points) {
        return new BigDecimal(points);
    }

    static StandardItem item(String id, String points) {
        return new StandardItem(id, "A", T, p(points), List.of(CheckMethod.DOCUMENTS), null, null);
    }

    /** Items I1..In worth {@code points}, total their sum, deduction D1 (per, cap) and veto V1. */
    static Standard of(AssessmentLevel level, String per, String cap, String... points) {
        List<StandardItem> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < points.length; i++) {
            items.add(item("I" + (i + 1), points[i]));
            total = total.add(p(points[i]));
        }
        return new Standard(new StandardRef("test", 1), level, T, total, List.of(new Category("A", T)), items,
                List.of(new DeductionItem("D1", "A", T, p(per), p(cap), null)), List.of(new VetoItem("V1", T, null)));
    }

    static Standard of(String... points) {
        return of(AssessmentLevel.UNIT, "2", "6", points);
    }

    /** Ten items of 10 points: 100 in all. */
    static Standard tenByTen() {
        return of("10", "10", "10", "10", "10", "10", "10", "10", "10", "10");
    }
}
