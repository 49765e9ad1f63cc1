package org.baomi.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.core.carrier.CarrierValuesTest.refused;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialNumberPatternTest {

    @Test
    void defaultPatternWritesUnitYearTypeAndPaddedSequence() {
        SerialNumberPattern p = SerialNumberPattern.parse(SerialNumberPattern.DEFAULT);
        assertThat(p.format("FGW", 2026, CarrierType.PAPER_DOCUMENT, 42).value()).isEqualTo("FGW-2026-PD-00042");
        assertThat(p.format("FGW", 2026, CarrierType.DISC, 1).value()).isEqualTo("FGW-2026-DI-00001");
    }

    @Test
    void sequencePastItsWidthGrowsRatherThanBeingCut() {
        SerialNumberPattern p = SerialNumberPattern.parse("{unit}{seq:3}");
        assertThat(p.format("A", 2026, CarrierType.OTHER, 1234).value()).isEqualTo("A1234");
        assertThat(SerialNumberPattern.parse("机要〔{year}〕{seq}号").format("A", 2026, CarrierType.OTHER, 7).value())
                .isEqualTo("机要〔2026〕7号");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "|serialPattern.empty",
            "{unit}-{year}|serialPattern.noSeq",
            "{unit}-{seq}-{seq:3}|serialPattern.twoSeq",
            "{unit}-{yr}-{seq}|serialPattern.unknownPlaceholder",
            "{unit}-{seq:0}|serialPattern.badWidth",
            "{unit}-{seq:x}|serialPattern.badWidth",
            "{unit}-{seq:13}|serialPattern.badWidth",
            "{unit-{seq}|serialPattern.unknownPlaceholder",
            "{unit}-{seq|serialPattern.unclosedBrace",
            "unit}-{seq}|serialPattern.unopenedBrace",
            "{unit} {seq}|serialPattern.whitespace",
            "{unit}-{year}-{type}-{seq:12}-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA|serialPattern.tooLong",
    })
    void refusesABadPatternSayingWhatIsWrong(String pattern, String code) {
        refused(() -> SerialNumberPattern.parse(pattern), code);
    }

    @Test
    void refusesABadUnitCode() {
        SerialNumberPattern p = SerialNumberPattern.parse(SerialNumberPattern.DEFAULT);
        refused(() -> p.format("F G", 2026, CarrierType.DISC, 1), "serialPattern.badUnitCode");
        refused(() -> p.format("", 2026, CarrierType.DISC, 1), "serialPattern.badUnitCode");
        refused(() -> p.sequenceKey("A|B", 2026, CarrierType.DISC), "serialPattern.badUnitCode");
    }

    @Test
    void sequenceKeyNamesOnlyWhatThePatternDistinguishes() {
        assertThat(SerialNumberPattern.parse(SerialNumberPattern.DEFAULT).sequenceKey("FGW", 2026, CarrierType.DISC))
                .isEqualTo("FGW|2026|DI");
        assertThat(SerialNumberPattern.parse("{unit}-{seq:6}").sequenceKey("FGW", 2026, CarrierType.DISC))
                .isEqualTo("FGW|*|*");
    }

    /** Property: under one sequence key, distinct sequence numbers give distinct serials. */
    @Test
    void distinctSequencesGiveDistinctSerials() {
        Random random = new Random(8);
        for (String pattern : new String[] {SerialNumberPattern.DEFAULT, "{seq}", "{unit}{seq:2}9", "{seq:4}-{type}"}) {
            SerialNumberPattern p = SerialNumberPattern.parse(pattern);
            Set<Long> seqs = new HashSet<>();
            Set<String> serials = new HashSet<>();
            for (long s = 1; s <= 2000; s++) {
                seqs.add(s);
            }
            for (int i = 0; i < 2000; i++) {
                seqs.add(1 + (long) (random.nextDouble() * 1_000_000_000L));
            }
            for (long s : seqs) {
                serials.add(p.format("FGW", 2026, CarrierType.FILM, s).value());
            }
            assertThat(serials).as(pattern).hasSameSizeAs(seqs);
        }
    }
}
