package org.baomi.server.assessment.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.assessment.Grade;
import org.baomi.server.evidence.LedgerFigures;
import org.baomi.server.report.ReportGrade;
import org.baomi.server.report.SelfInspectionReportData.Figure;
import org.junit.jupiter.api.Test;

class ReportContentTest {

    @Test
    void everyGradeOfTheAssessmentMapsToTheReportGradeOfTheSameMeaningOneToOne() {
        assertThat(ReportContent.grade(Grade.COMPLIANT)).isEqualTo(ReportGrade.COMPLIANT);
        assertThat(ReportContent.grade(Grade.BASICALLY_COMPLIANT)).isEqualTo(ReportGrade.BASICALLY_COMPLIANT);
        assertThat(ReportContent.grade(Grade.NON_COMPLIANT)).isEqualTo(ReportGrade.NON_COMPLIANT);
        // A grade added on one side only would break the report: both enums stay the same set.
        assertThat(Arrays.stream(Grade.values()).map(ReportContent::grade).distinct())
                .containsExactlyInAnyOrder(ReportGrade.values());
    }

    @Test
    void theLedgerFiguresBecomeTheReportsFiguresWithoutTheCarriersTheUnitNoLongerHolds() {
        Map<String, Map<String, Long>> devices = new LinkedHashMap<>();
        devices.put("CLASSIFIED", Map.of("DESKTOP", 3L, "LAPTOP", 1L, "PRINTER", 2L, "SCANNER", 1L));
        devices.put("NON_CLASSIFIED", Map.of("DESKTOP", 30L, "COPIER", 4L));
        devices.put("INTERNET", Map.of("DESKTOP", 5L));
        LedgerFigures ledger = new LedgerFigures(List.of(1L), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Map.of("CORE", 2L, "IMPORTANT", 3L, "GENERAL", 10L, "NONE", 40L),
                Map.of("SECRET", 9L, "CONFIDENTIAL", 3L), Map.of("TOP_SECRET", 0L, "SECRET", 6L, "CONFIDENTIAL", 2L),
                Map.of("IN_CUSTODY", 6L, "ON_LOAN", 2L, "DESTROYED", 3L, "CLEARED", 1L),
                4, 1, 3, Map.of("CLASSIFIED", 7L, "NON_CLASSIFIED", 34L, "INTERNET", 5L), devices,
                List.of(new LedgerFigures.NetworkFigure(1, "涉密内网", "CLASSIFIED", "SECRET", 4),
                        new LedgerFigures.NetworkFigure(2, "办公网", "NON_CLASSIFIED", null, 30)),
                Map.of("USB_FLASH_DRIVE", 6L), Map.of("SECRET", 2L, "CONFIDENTIAL", 1L, "INTERNAL", 3L, "PUBLIC", 0L),
                0, Map.of());

        Map<Figure, Long> f = ReportContent.figures(ledger);

        assertThat(f).containsEntry(Figure.PEOPLE_TOTAL, 15L).containsEntry(Figure.PEOPLE_CORE, 2L)
                .containsEntry(Figure.CARRIERS_TOTAL, 8L).containsEntry(Figure.CARRIERS_DESTROYED, 3L)
                .containsEntry(Figure.COMPUTERS_CLASSIFIED, 4L).containsEntry(Figure.COMPUTERS_OFFICE, 30L)
                .containsEntry(Figure.COMPUTERS_INTERNET, 5L).containsEntry(Figure.EQUIPMENT_CLASSIFIED, 3L)
                .containsEntry(Figure.MEDIA_CLASSIFIED, 3L).containsEntry(Figure.MEDIA_NON_CLASSIFIED, 3L)
                .containsEntry(Figure.NETWORKS_CLASSIFIED, 1L)
                .as("by level, only what the unit still holds").containsEntry(Figure.CARRIERS_SECRET, 6L)
                .containsEntry(Figure.CARRIERS_CONFIDENTIAL, 2L).containsEntry(Figure.CARRIERS_TOP_SECRET, 0L)
                .doesNotContainKeys(Figure.COMPUTERS_READING_ROOM);
    }
}
