package org.baomi.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.assessment.Standards.p;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.baomi.core.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scoring rule as a table. Each case is a standard (items' points), a finding per item ("C"
 * compliant, "N" not compliant, "X" not applicable, or a number: partly, that many points),
 * occurrences of deduction D1 (2 points each, capped at 6), whether veto V1 is triggered, and the
 * expected percentage, score and grade.
 */
class ScoringTest {

    record Case(String name, String[] points, String[] findings, int occurrences, boolean veto, String percentage,
            String score, Grade grade) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String[] TEN = {"10", "10", "10", "10", "10", "10", "10", "10", "10", "10"};

    private static Case c(String name, String[] points, String findings, int occurrences, boolean veto, String percentage,
            String score, Grade grade) {
        return new Case(name, points, findings.split(" "), occurrences, veto, percentage, score, grade);
    }

    static Stream<Case> table() {
        return Stream.of(
                c("all compliant is 100", TEN, "C C C C C C C C C C", 0, false, "100.0", "100.0", Grade.COMPLIANT),
                c("nothing met is 0", TEN, "N N N N N N N N N N", 0, false, "0.0", "0.0", Grade.NON_COMPLIANT),
                c("exactly 90 is compliant", TEN, "C C C C C C C C C N", 0, false, "90.0", "90.0", Grade.COMPLIANT),
                c("89.9 is only basically compliant", new String[] {"100"}, "89.9", 0, false, "89.9", "89.9",
                        Grade.BASICALLY_COMPLIANT),
                c("exactly 80 is basically compliant", TEN, "C C C C C C C C N N", 0, false, "80.0", "80.0",
                        Grade.BASICALLY_COMPLIANT),
                c("79.9 is non-compliant", new String[] {"100"}, "79.9", 0, false, "79.9", "79.9", Grade.NON_COMPLIANT),
                c("partly met earns the points given", TEN, "C C C C C C C C 5 5.5", 0, false, "90.5", "90.5",
                        Grade.COMPLIANT),
                c("a not-applicable item leaves the denominator", TEN, "C C C C C C C C N X", 0, false, "88.9", "88.9",
                        Grade.BASICALLY_COMPLIANT),
                c("89.95 rounds half up to 90.0", new String[] {"100", "100"}, "C 79.9", 0, false, "90.0", "90.0",
                        Grade.COMPLIANT),
                c("89.94 rounds down to 89.9", new String[] {"50", "50"}, "C 39.9", 0, false, "89.9", "89.9",
                        Grade.BASICALLY_COMPLIANT),
                c("one deduction takes 2 points off", TEN, "C C C C C C C C C C", 1, false, "100.0", "98.0",
                        Grade.COMPLIANT),
                c("a deduction can cross a boundary", TEN, "C C C C C C C C C 1", 1, false, "91.0", "89.0",
                        Grade.BASICALLY_COMPLIANT),
                c("deductions stop at their cap", TEN, "C C C C C C C C C C", 50, false, "100.0", "94.0",
                        Grade.COMPLIANT),
                c("the score never goes below 0", TEN, "N N N N N N N N N 0.5", 9, false, "0.5", "0.0",
                        Grade.NON_COMPLIANT),
                c("a veto makes full marks non-compliant", TEN, "C C C C C C C C C C", 0, true, "100.0", "100.0",
                        Grade.NON_COMPLIANT),
                c("a veto and deductions together", TEN, "C C C C C C C C N N", 2, true, "80.0", "76.0",
                        Grade.NON_COMPLIANT),
                c("half points add up exactly", new String[] {"0.5", "0.5", "1.5", "97.5"}, "C C X 87.8", 0, false, "90.2",
                        "90.2", Grade.COMPLIANT)); // 88.8 / 98.5 = 90.15...
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void scoresAsTheRuleSays(Case c) {
        Standard standard = Standards.of(c.points());
        Results results = Results.none();
        for (int i = 0; i < c.findings().length; i++) {
            results = results.with(standard, result(standard.items().get(i), c.findings()[i]));
        }
        results = results.withOccurrences(standard, "D1", c.occurrences()).withVeto(standard, "V1", c.veto());

        Evaluation.Scored scored = (Evaluation.Scored) Scoring.evaluate(standard, results);

        assertThat(scored.percentage()).isEqualTo(p(c.percentage()));
        assertThat(scored.score()).isEqualTo(p(c.score()));
        assertThat(scored.grade()).isEqualTo(c.grade());
        assertThat(scored.vetoed()).isEqualTo(c.veto());
    }

    static ItemResult result(StandardItem item, String finding) {
        return switch (finding) {
            case "C" -> ItemResult.of(item, Finding.COMPLIANT, null, "");
            case "N" -> ItemResult.of(item, Finding.NOT_COMPLIANT, null, "问题");
            case "X" -> ItemResult.of(item, Finding.NOT_APPLICABLE, null, "");
            default -> ItemResult.of(item, Finding.PARTLY, p(finding), "部分");
        };
    }

    @Test
    void thresholdsCanBeSetOtherwise() {
        Standard standard = Standards.tenByTen();
        Results results = Results.none();
        for (int i = 0; i < 10; i++) {
            results = results.with(standard, result(standard.items().get(i), i < 8 ? "C" : "N"));
        }
        GradeThresholds strict = new GradeThresholds(p("95"), p("85"));

        assertThat(((Evaluation.Scored) Scoring.evaluate(standard, results, strict)).grade()).isEqualTo(Grade.NON_COMPLIANT);
        assertThat(((Evaluation.Scored) Scoring.evaluate(standard, results)).grade()).isEqualTo(Grade.BASICALLY_COMPLIANT);
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new GradeThresholds(p("80"), p("90")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("assessment.thresholdsInvalid"));
        assertThatThrownBy(() -> new GradeThresholds(p("101"), p("90"))).isInstanceOf(DomainException.class);
    }

    @Test
    void anItemWithoutAResultLeavesTheAssessmentIncomplete() {
        Standard standard = Standards.of("50", "30", "20");
        Results results = Results.none().with(standard, result(standard.items().get(1), "C"));

        assertThat(Scoring.evaluate(standard, results)).isEqualTo(new Evaluation.Incomplete(List.of("I1", "I3")));
    }

    @Test
    void whenNothingAppliesThereIsNoScore() {
        Standard standard = Standards.of("50", "50");
        Results results = Results.none().with(standard, result(standard.items().get(0), "X"))
                .with(standard, result(standard.items().get(1), "X"));

        assertThat(Scoring.evaluate(standard, results)).isInstanceOf(Evaluation.NothingApplicable.class);
    }

    @Test
    void partlyMeansMoreThanNothingAndLessThanAll() {
        StandardItem item = Standards.item("I1", "4");
        for (String given : new String[] {"0", "4", "4.5", "-1", "1.25"}) {
            assertThatThrownBy(() -> ItemResult.of(item, Finding.PARTLY, p(given), ""))
                    .as(given).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo("assessment.partlyPointsInvalid"));
        }
        assertThatThrownBy(() -> ItemResult.of(item, Finding.PARTLY, null, "")).isInstanceOf(DomainException.class);
        assertThat(ItemResult.of(item, Finding.PARTLY, p("3.5"), "").earned()).isEqualTo(p("3.5"));
    }

    @Test
    void aCompliantResultEarnsTheItemsPointsWhateverWasTyped() {
        StandardItem item = Standards.item("I1", "4");
        assertThat(ItemResult.of(item, Finding.COMPLIANT, p("99"), "").earned()).isEqualTo(p("4"));
        assertThat(ItemResult.of(item, Finding.NOT_COMPLIANT, p("3"), "").earned()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void resultsNameOnlyWhatTheStandardHas() {
        Standard standard = Standards.tenByTen();
        assertThatThrownBy(() -> Results.none().withVeto(standard, "V9", true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("assessment.unknownItem"));
        assertThatThrownBy(() -> Results.none().withOccurrences(standard, "D9", 1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Results.none().withOccurrences(standard, "D1", -1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("assessment.occurrencesInvalid"));
        ItemResult foreign = new ItemResult("Z1", Finding.COMPLIANT, p("10"), "");
        assertThatThrownBy(() -> Results.none().with(standard, foreign)).isInstanceOf(DomainException.class);
    }

    @Test
    void aResultCannotEarnMoreThanItsItemEvenWhenBuiltByHand() {
        Standard standard = Standards.tenByTen();
        ItemResult inflated = new ItemResult("I1", Finding.PARTLY, p("50"), "");
        assertThatThrownBy(() -> Results.none().with(standard, inflated)).isInstanceOf(DomainException.class);
    }
}
