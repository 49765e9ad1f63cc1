package org.baomi.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.core.assessment.Standards.T;
import static org.baomi.core.assessment.Standards.p;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CategoryScoringTest {

    /** A: A1 40, A2 30; B: B1 20, B2 10; C: C1 5. */
    static final Standard STANDARD = new Standard(new StandardRef("cat", 1), AssessmentLevel.UNIT, T, p("105"),
            List.of(new Category("A", T), new Category("B", T), new Category("C", T)),
            List.of(item("A1", "A", "40"), item("A2", "A", "30"), item("B1", "B", "20"), item("B2", "B", "10"),
                    item("C1", "C", "5")),
            List.of(new DeductionItem("D1", "A", T, p("2"), p("6"), null)), List.of(new VetoItem("V1", T, null)));

    static StandardItem item(String id, String category, String points) {
        return new StandardItem(id, category, T, p(points), List.of(CheckMethod.DOCUMENTS), null, null);
    }

    @Test
    void eachCategoryIsScoredOnItsApplicableItemsAndRoundedHalfUp() {
        Results r = Results.none()
                .with(STANDARD, new ItemResult("A1", Finding.COMPLIANT, p("40"), ""))
                .with(STANDARD, new ItemResult("A2", Finding.PARTLY, p("25"), ""))
                .with(STANDARD, new ItemResult("B1", Finding.NOT_APPLICABLE, BigDecimal.ZERO, ""))
                .with(STANDARD, new ItemResult("B2", Finding.NOT_COMPLIANT, BigDecimal.ZERO, ""))
                .withOccurrences(STANDARD, "D1", 3);
        var scores = CategoryScoring.byCategory(STANDARD, r);
        assertThat(scores.keySet()).containsExactly("A", "B", "C");
        // 65 of 70 = 92.857... -> 92.9; deductions stay out of the categories
        assertThat(scores.get("A")).contains(new BigDecimal("92.9"));
        assertThat(scores.get("B")).contains(new BigDecimal("0.0"));
        assertThat(scores.get("C")).isEqualTo(Optional.empty());
    }

    @Test
    void aCategoryWhoseItemsAllDoNotApplyHasNoScore() {
        Results r = Results.none().with(STANDARD, new ItemResult("C1", Finding.NOT_APPLICABLE, BigDecimal.ZERO, ""));
        assertThat(CategoryScoring.byCategory(STANDARD, r).get("C")).isEmpty();
    }
}
