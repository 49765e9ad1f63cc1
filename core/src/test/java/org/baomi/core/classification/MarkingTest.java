package org.baomi.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.classification.ClassificationLevel.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.baomi.core.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MarkingTest {

    static final LocalDate DETERMINED = LocalDate.of(2026, 3, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "机密★10年|SECRET|10年|2036-03-15",
            "秘密★6个月|CONFIDENTIAL|6个月|2026-09-15",
            "绝密★长期|TOP_SECRET|长期|",
            "机密★2027年6月30日|SECRET|2027年6月30日|2027-06-30",
            "机密★会议结束后|SECRET|会议结束后|",
            "秘密★|CONFIDENTIAL||2036-03-15",
            "绝密★|TOP_SECRET||2056-03-15",
            " 机密★1年 |SECRET|1年|2027-03-15",
    })
    void parsesEveryFormOfTheMarking(String text, ClassificationLevel level, String term, LocalDate declassified) {
        Marking m = Marking.parse(text);
        assertThat(m.level()).isEqualTo(level);
        assertThat(m.term().text()).isEqualTo(term == null ? "" : term);
        assertThat(m.declassificationDate(DETERMINED).orElse(null)).isEqualTo(declassified);
        assertThat(m.format()).isEqualTo(text.strip());
    }

    @Test
    void workSecretsAndPublicMaterialCarryNoTerm() {
        assertThat(Marking.parse("内部").format()).isEqualTo("内部");
        assertThat(Marking.parse("内部").declassificationDate(DETERMINED)).isEmpty();
        assertThat(Marking.parse("机密").format()).as("a level alone means the default term").isEqualTo("机密★");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "|marking.empty",
            "机要★10年|marking.unknownLevel",
            "SECRET★10年|marking.unknownLevel",
            "秘密★11年|marking.termTooLong",
            "机密★21年|marking.termTooLong",
            "绝密★31年|marking.termTooLong",
            "秘密★0年|marking.zeroTerm",
            "秘密★12个月|marking.badMonths",
            "秘密★0个月|marking.badMonths",
            "机密★2027年2月30日|marking.badDate",
            "机密★10|marking.noUnit",
            "机密★★10年|marking.twoStars",
            "内部★1年|marking.termOnNonSecret",
    })
    void refusesMalformedMarkingsSayingWhatIsWrong(String text, String code) {
        assertThatThrownBy(() -> Marking.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    /** Property: every valid marking survives format and parse unchanged. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parseOfFormatIsIdentity(long seed) {
        Marking m = randomMarking(new Random(seed));
        assertThat(Marking.parse(m.format())).isEqualTo(m);
    }

    static Marking randomMarking(Random r) {
        ClassificationLevel level = ClassificationLevel.values()[r.nextInt(5)];
        if (!level.isStateSecret()) {
            return new Marking(level, new SecrecyTerm.Unmarked());
        }
        SecrecyTerm term = switch (r.nextInt(6)) {
            case 0 -> new SecrecyTerm.Years(1 + r.nextInt(level.maxTermYears()));
            case 1 -> new SecrecyTerm.Months(1 + r.nextInt(11));
            case 2 -> new SecrecyTerm.UntilDate(LocalDate.of(2026, 1, 1).plusDays(r.nextInt(20 * 365)));
            case 3 -> new SecrecyTerm.UntilCondition(List.of("会议结束后", "项目验收后", "公开发布之日", "招标结束")
                    .get(r.nextInt(4)));
            case 4 -> new SecrecyTerm.LongTerm();
            default -> new SecrecyTerm.Unmarked();
        };
        return new Marking(level, term);
    }

    @Test
    void aCompilationTakesTheHighestLevelAndTheLongestTerm() {
        assertThat(compile("秘密★", "机密★5年")).isEqualTo(new Marking.Compiled(Marking.parse("机密★10年")));
        assertThat(compile("秘密★3年", "秘密★6个月", "内部")).isEqualTo(new Marking.Compiled(Marking.parse("秘密★3年")));
        assertThat(compile("机密★2040年1月1日", "绝密★5年")).isEqualTo(new Marking.Compiled(Marking.parse("绝密★2040年1月1日")));
        assertThat(compile("机密★10年", "秘密★长期")).isEqualTo(new Marking.Compiled(Marking.parse("机密★长期")));
        assertThat(compile("内部", "公开")).isEqualTo(new Marking.Compiled(Marking.parse("内部")));
        assertThat(compile("机密★会议结束后", "秘密★会议结束后")).isEqualTo(new Marking.Compiled(Marking.parse("机密★会议结束后")));
        assertThat(compile("机密★会议结束后", "秘密★2年")).isInstanceOf(Marking.NeedsDecision.class);
    }

    static Marking.Compilation compile(String... parts) {
        return Marking.compile(java.util.Arrays.stream(parts).map(Marking::parse).toList(), DETERMINED);
    }
}
