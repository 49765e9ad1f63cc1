package org.baomi.server.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A superior's inspection results across its units, for {@link InspectionSummaryBuilder}.
 *
 * @param superiorUnitName the inspecting unit
 * @param period what the inspection covered (e.g. 2026年度)
 * @param units one result per inspected unit, in the order to print
 * @param problems the main problems found, in order
 * @param nextSteps the officer's text on what follows, when written
 */
public record InspectionSummaryData(
        String superiorUnitName,
        String period,
        LocalDate date,
        Locale language,
        Optional<String> marking,
        List<UnitResult> units,
        List<String> problems,
        Optional<String> nextSteps) {

    public InspectionSummaryData {
        Objects.requireNonNull(superiorUnitName, "superiorUnitName");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(marking, "marking");
        units = List.copyOf(units);
        problems = List.copyOf(problems);
        Objects.requireNonNull(nextSteps, "nextSteps");
    }

    /** One inspected unit's result. */
    public record UnitResult(String unitName, BigDecimal score, ReportGrade grade, boolean vetoed,
            int openRectifications) {
        public UnitResult {
            Objects.requireNonNull(unitName, "unitName");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(grade, "grade");
            if (openRectifications < 0) {
                throw new IllegalArgumentException("open rectifications must be zero or more");
            }
        }
    }
}
