package org.baomi.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of scoring over random standards and results (a failing seed reproduces exactly):
 * the score stays within 0..100, its grade is what the thresholds say unless vetoed, and items
 * found not applicable change nothing: the standard without them scores the same.
 */
class ScoringPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoreStaysWithinZeroAndHundredAndNotApplicableItemsDoNotCount(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(30);
        List<String> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(tenths(1 + random.nextInt(200)));
        }
        String per = tenths(1 + random.nextInt(50));
        String cap = new BigDecimal(per).multiply(BigDecimal.valueOf(1 + random.nextInt(5))).toPlainString();
        Standard standard = Standards.of(AssessmentLevel.UNIT, per, cap, points.toArray(String[]::new));

        Results results = Results.none();
        List<String> applicable = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (StandardItem item : standard.items()) {
            Finding f = Finding.values()[random.nextInt(4)];
            if (f == Finding.PARTLY && item.points().compareTo(new BigDecimal("0.2")) < 0) {
                f = Finding.COMPLIANT;
            }
            String finding = switch (f) {
                case COMPLIANT -> "C";
                case NOT_COMPLIANT -> "N";
                case NOT_APPLICABLE -> "X";
                case PARTLY -> tenths(1 + random.nextInt(item.points().movePointRight(1).intValueExact() - 1));
            };
            results = results.with(standard, ScoringTest.result(item, finding));
            if (f != Finding.NOT_APPLICABLE) {
                applicable.add(item.points().toPlainString());
                findings.add(finding);
            }
        }
        int occurrences = random.nextInt(4) == 0 ? random.nextInt(20) : 0;
        boolean veto = random.nextInt(10) == 0;
        results = results.withOccurrences(standard, "D1", occurrences).withVeto(standard, "V1", veto);

        Evaluation evaluation = Scoring.evaluate(standard, results);
        if (applicable.isEmpty()) {
            assertThat(evaluation).isInstanceOf(Evaluation.NothingApplicable.class);
            return;
        }
        Evaluation.Scored scored = (Evaluation.Scored) evaluation;
        assertThat(scored.score()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        assertThat(scored.percentage()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        assertThat(scored.score()).isLessThanOrEqualTo(scored.percentage());
        assertThat(scored.grade()).isEqualTo(veto ? Grade.NON_COMPLIANT : GradeThresholds.DEFAULT.grade(scored.score()));

        // The same assessment against the standard without the not-applicable items.
        Standard without = Standards.of(AssessmentLevel.UNIT, per, cap, applicable.toArray(String[]::new));
        Results same = Results.none();
        for (int i = 0; i < applicable.size(); i++) {
            same = same.with(without, ScoringTest.result(without.items().get(i), findings.get(i)));
        }
        same = same.withOccurrences(without, "D1", occurrences).withVeto(without, "V1", veto);
        Evaluation.Scored reduced = (Evaluation.Scored) Scoring.evaluate(without, same);
        assertThat(reduced.score()).isEqualTo(scored.score());
        assertThat(reduced.percentage()).isEqualTo(scored.percentage());
        assertThat(reduced.grade()).isEqualTo(scored.grade());
    }

    private static String tenths(int tenths) {
        return BigDecimal.valueOf(tenths, 1).toPlainString();
    }
}
