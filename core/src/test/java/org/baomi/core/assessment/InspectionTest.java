package org.baomi.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.baomi.core.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class InspectionTest {

    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    private static Inspection planned(InspectionKind kind) {
        return new Inspection(1, kind, 10, "2026年度保密检查", Set.of(11L, 12L), FROM, FROM.plusDays(5),
                new StandardRef("unit-default", 1));
    }

    private static String code(Runnable act) {
        return catchThrowableOfType(DomainException.class, act::run).code();
    }

    @ParameterizedTest
    @EnumSource(InspectionKind.class)
    void onlyASurpriseInspectionIsHiddenFromTheUnitsUntilItBegins(InspectionKind kind) {
        Inspection i = planned(kind);
        assertThat(i.visibleToInspectedUnits()).isEqualTo(kind != InspectionKind.SURPRISE);
        i.start(T0);
        assertThat(i.visibleToInspectedUnits()).isTrue();
        assertThat(i.inspects(11)).isTrue();
        assertThat(i.inspects(10)).isFalse();
    }

    @Test
    void itIsPlannedStartedAndConcluded() {
        Inspection i = planned(InspectionKind.ROUTINE);
        assertThat(code(() -> i.conclude("好", T0))).isEqualTo("assessment.inspectionWrongStatus");
        i.start(T0);
        assertThat(code(() -> i.start(T0))).isEqualTo("assessment.inspectionWrongStatus");
        assertThat(code(() -> i.conclude(" ", T0))).isEqualTo("assessment.rectificationFieldMissing");
        i.conclude("总体符合，发现问题3项", T0.plusSeconds(3600));
        assertThat(i.status()).isEqualTo(Inspection.Status.CONCLUDED);

        Inspection back = Inspection.restore(1, i.kind(), 10, i.title(), i.plannedUnits(), FROM, FROM.plusDays(5), null,
                i.status(), i.conclusion(), i.startedAt().orElseThrow(), i.concludedAt().orElseThrow());
        assertThat(back.conclusion()).isEqualTo("总体符合，发现问题3项");
        assertThat(code(() -> Inspection.restore(1, i.kind(), 10, i.title(), i.plannedUnits(), FROM, FROM, null,
                Inspection.Status.UNDER_WAY, "", null, null))).isEqualTo("assessment.historyCorrupt");
    }

    @Test
    void aPlanNeedsUnitsOtherThanTheInspectorsOwnAndDatesInOrder() {
        assertThat(code(() -> new Inspection(1, InspectionKind.SPOT, 10, "抽查", Set.of(), FROM, FROM, null)))
                .isEqualTo("assessment.inspectionNoUnits");
        assertThat(code(() -> new Inspection(1, InspectionKind.SPOT, 10, "抽查", Set.of(10L), FROM, FROM, null)))
                .isEqualTo("assessment.inspectionInspectsItself");
        assertThat(code(() -> new Inspection(1, InspectionKind.SPOT, 10, "抽查", Set.of(11L), FROM, FROM.minusDays(1), null)))
                .isEqualTo("assessment.inspectionDates");
    }
}
