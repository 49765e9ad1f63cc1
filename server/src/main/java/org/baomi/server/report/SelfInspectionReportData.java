package org.baomi.server.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a unit's self-inspection report says, as the assessment feature hands it over: the figures
 * drawn from the ledgers, the score, the problems and their rectifications, and the texts the
 * officer wrote or edited in the draft. {@link SelfInspectionReportBuilder} turns it into a
 * {@link ReportDocument} in the standard order.
 *
 * @param unitName the unit inspected
 * @param period what the inspection covers, as the officer writes it (e.g. 2026年度)
 * @param date the report's date
 * @param language zh or en
 * @param marking the report's own classification marking, when it is classified
 * @param score the points earned as a percentage of the applicable points, 0..100
 * @param grade the grade the assessment decided
 * @param vetoed whether a veto item was found
 * @param categories the score table, one row per category of the standard
 * @param figures ledger figures by {@link Figure}; missing figures are left out of the text
 * @param problems the problems found, in order
 * @param rectifications the rectification of each problem
 * @param officerText the officer's own text for a part; it replaces the generated introduction of
 *     that part (paragraphs separated by line breaks)
 */
public record SelfInspectionReportData(
        String unitName,
        String period,
        LocalDate date,
        Locale language,
        Optional<String> marking,
        BigDecimal score,
        ReportGrade grade,
        boolean vetoed,
        List<CategoryScore> categories,
        Map<Figure, Long> figures,
        List<String> problems,
        List<Rectification> rectifications,
        Map<Part, String> officerText) {

    public SelfInspectionReportData {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(score, "score");
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("score must be between 0 and 100: " + score);
        }
        Objects.requireNonNull(grade, "grade");
        categories = List.copyOf(categories);
        figures = figures.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(figures));
        figures.forEach((figure, count) -> {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("figure " + figure + " must be zero or more: " + count);
            }
        });
        problems = List.copyOf(problems);
        rectifications = List.copyOf(rectifications);
        officerText = officerText.isEmpty()
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new EnumMap<>(officerText));
    }

    /** One row of the score table. */
    public record CategoryScore(String category, BigDecimal applicablePoints, BigDecimal earnedPoints,
            String remarks) {
        public CategoryScore {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(applicablePoints, "applicablePoints");
            Objects.requireNonNull(earnedPoints, "earnedPoints");
            remarks = remarks == null ? "" : remarks;
        }
    }

    /** A problem's rectification: measures, the person responsible and the deadline. */
    public record Rectification(String problem, String measures, String owner, LocalDate deadline) {
        public Rectification {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(measures, "measures");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /** The parts of the report in their standard order; the officer may write the text of each. */
    public enum Part {
        BASIC_SITUATION,
        ORGANISATION,
        RULES,
        EDUCATION,
        MANAGEMENT,
        SCORE,
        PROBLEMS,
        RECTIFICATION
    }

    /** The management areas of part five, in order, each holding its figures. */
    public enum Area {
        PEOPLE,
        CARRIERS,
        COMPUTERS,
        MEDIA,
        NETWORKS,
        EQUIPMENT
    }

    /**
     * A figure drawn from a ledger; its sentence fragment is the message {@code report.figure.<name>}
     * (e.g. 办公计算机{0}台 / {0} office computers).
     */
    public enum Figure {
        PEOPLE_TOTAL(Area.PEOPLE),
        PEOPLE_CORE(Area.PEOPLE),
        PEOPLE_IMPORTANT(Area.PEOPLE),
        PEOPLE_GENERAL(Area.PEOPLE),
        CARRIERS_TOTAL(Area.CARRIERS),
        CARRIERS_TOP_SECRET(Area.CARRIERS),
        CARRIERS_SECRET(Area.CARRIERS),
        CARRIERS_CONFIDENTIAL(Area.CARRIERS),
        CARRIERS_DESTROYED(Area.CARRIERS),
        COMPUTERS_CLASSIFIED(Area.COMPUTERS),
        COMPUTERS_OFFICE(Area.COMPUTERS),
        COMPUTERS_READING_ROOM(Area.COMPUTERS),
        COMPUTERS_INTERNET(Area.COMPUTERS),
        MEDIA_CLASSIFIED(Area.MEDIA),
        MEDIA_NON_CLASSIFIED(Area.MEDIA),
        NETWORKS_CLASSIFIED(Area.NETWORKS),
        EQUIPMENT_CLASSIFIED(Area.EQUIPMENT);

        private final Area area;

        Figure(Area area) {
            this.area = area;
        }

        public Area area() {
            return area;
        }
    }

    /** The figures of one area, in declaration order. */
    public Map<Figure, Long> figuresOf(Area area) {
        Map<Figure, Long> result = new LinkedHashMap<>();
        figures.forEach((figure, count) -> {
            if (figure.area() == area) {
                result.put(figure, count);
            }
        });
        return result;
    }

    /** The officer's text for a part, when written. */
    public Optional<String> officerText(Part part) {
        return Optional.ofNullable(officerText.get(part)).filter(t -> !t.isBlank());
    }
}
