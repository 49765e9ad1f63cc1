package org.baomi.server.inspection;

import org.baomi.core.ChinaTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.CategoryScoring;
import org.baomi.core.assessment.Evaluation;
import org.baomi.core.assessment.Results;
import org.baomi.core.assessment.Scoring;
import org.baomi.core.assessment.Standard;
import org.baomi.core.security.Permission;
import org.baomi.server.inspection.InspectionRepository.InspectedRow;
import org.baomi.server.inspection.InspectionRepository.SelfRow;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.sheet.SheetFormat;
import org.baomi.server.platform.sheet.SheetWriter;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comparison page's figures (ADR 0056): for the units the viewer may read, the scores per year and per
 * category against one standard (all its versions), from approved unit self-assessments (source SELF, the
 * score and grade submitted and approved) and from concluded inspections (source INSPECTION, scored now from the
 * inspectors' results, aggravated deductions and vetoes: a veto found makes the grade non-compliant); and a line chart of them, laid out here so the page draws plain SVG.
 */
@Service
public class ComparisonService {

    /** Most years shown at once. */
    static final int MAX_YEARS = 20;

    public record CategoryRef(String id, String titleZh, String titleEn) {
    }

    /**
     * One scored record: a unit's self-assessment or inspection of a year, with its grade (null while not scored),
     * the vetoes found (inspections; ids of the standard's entries) and the score per category.
     */
    public record Row(long unitId, String unitName, int year, String source, String label, BigDecimal score,
            String grade, List<String> vetoes, Map<String, BigDecimal> categories) {

        /** The heat class of a score: good from 90, fair from 80, poor from 60, bad below; none without one. */
        public static String heat(BigDecimal score) {
            if (score == null) {
                return "heat-none";
            }
            return score.compareTo(BigDecimal.valueOf(90)) >= 0 ? "heat-good"
                    : score.compareTo(BigDecimal.valueOf(80)) >= 0 ? "heat-fair"
                    : score.compareTo(BigDecimal.valueOf(60)) >= 0 ? "heat-poor" : "heat-bad";
        }
    }

    public record Point(double x, double y, int year, BigDecimal score) {
    }

    /** One line of the chart: a unit's scores of one source over the years. */
    public record Series(long unitId, String unitName, String source, int colour, List<Point> points) {

        /** The polyline's points attribute. */
        public String path() {
            StringBuilder b = new StringBuilder();
            points.forEach(p -> b.append(b.isEmpty() ? "" : " ").append(fmt(p.x())).append(',').append(fmt(p.y())));
            return b.toString();
        }
    }

    public record Tick(double pos, String label) {
    }

    public record Chart(int width, int height, double left, double right, double top, double bottom,
            List<Tick> xTicks, List<Tick> yTicks, List<Series> series) {
    }

    public record Comparison(List<String> standardCodes, String standardCode, int fromYear, int toYear,
            List<CategoryRef> categories, List<Row> rows, Chart chart) {
    }

    static final int WIDTH = 420;
    static final int HEIGHT = 240;
    static final double LEFT = 34;
    static final double RIGHT = WIDTH - 14;
    static final double TOP = 12;
    static final double BOTTOM = HEIGHT - 26;

    private final InspectionRepository repository;
    private final InspectionService inspections;
    private final OrgScope orgScope;
    private final Clock clock;

    ComparisonService(InspectionRepository repository, InspectionService inspections, OrgScope orgScope,
            Clock clock) {
        this.repository = repository;
        this.inspections = inspections;
        this.orgScope = orgScope;
        this.clock = clock;
    }

    /**
     * The comparison for the years {@code from}..{@code to} (default the last five) and the standard code
     * (default the first one used).
     *
     * @throws ValidationException naming {@code from} or {@code standard}
     */
    @Transactional(readOnly = true)
    public Comparison compare(Integer from, Integer to, String standardCode) {
        BaomiUser user = InspectionService.current(Permission.BUSINESS_READ);
        int thisYear = clock.instant().atZone(ChinaTime.ZONE).getYear();
        int toYear = to == null ? thisYear : to;
        int fromYear = from == null ? toYear - 4 : from;
        if (fromYear > toYear) {
            throw ValidationException.of("from", "inspection.compare.yearsReversed",
                    "The first year comes after the last.");
        }
        if (toYear - fromYear >= MAX_YEARS) {
            throw ValidationException.of("from", "inspection.compare.tooManyYears", "Compare at most 20 years.",
                    MAX_YEARS);
        }
        List<String> codes = repository.comparableStandardCodes();
        String code = standardCode == null || standardCode.isBlank() ? (codes.isEmpty() ? null : codes.get(0))
                : standardCode.strip();
        if (code != null && !codes.contains(code)) {
            throw ValidationException.of("standard", "inspection.compare.standardUnknown",
                    "No unit is scored against standard " + code + ".", code);
        }
        if (code == null) {
            return new Comparison(codes, null, fromYear, toYear, List.of(), List.of(),
                    chart(fromYear, toYear, List.of()));
        }
        Set<Long> units = orgScope.visibleUnitIds(user);
        Map<Long, Standard> standards = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (SelfRow s : repository.approvedSelfAssessments(units, code, fromYear, toYear)) {
            Standard standard = standards.computeIfAbsent(s.standardId(), id -> inspections.standard(id).orElseThrow());
            Results results = new Results(repository.selfResults(s.id()), Map.of(), Set.of());
            var submitted = repository.submitted(s.id());
            rows.add(new Row(s.unitId(), s.unitName(), s.periodYear(), "SELF", null,
                    submitted.map(InspectionRepository.Submitted::score).orElse(null),
                    submitted.map(InspectionRepository.Submitted::grade).orElse(null), List.of(),
                    categories(standard, results)));
        }
        for (InspectedRow i : repository.concludedInspections(units, code, fromYear, toYear)) {
            Standard standard = standards.computeIfAbsent(i.standardId(), id -> inspections.standard(id).orElseThrow());
            Results results = repository.scored(i.inspectionId(), i.unitId());
            Evaluation.Scored sc = Scoring.evaluate(standard, results) instanceof Evaluation.Scored s ? s : null;
            rows.add(new Row(i.unitId(), i.unitName(), i.plannedFrom().getYear(), "INSPECTION", i.title(),
                    sc == null ? null : sc.score(), sc == null ? null : sc.grade().name(),
                    sc == null ? List.of() : sc.vetoes(), categories(standard, results)));
        }
        rows.sort(Comparator.comparing(Row::unitName).thenComparing(Row::unitId).thenComparing(Row::year)
                .thenComparing(Row::source, Comparator.reverseOrder()));
        // The categories of the newest version used lead; those only older versions have follow.
        List<CategoryRef> categories = new ArrayList<>();
        standards.values().stream().sorted(Comparator.comparing((Standard s) -> s.ref().version()).reversed())
                .forEach(s -> {
                    for (Category c : s.categories()) {
                        if (categories.stream().noneMatch(x -> x.id().equals(c.id()))) {
                            categories.add(new CategoryRef(c.id(), c.title().zh(), c.title().en()));
                        }
                    }
                });
        return new Comparison(codes, code, fromYear, toYear, categories, rows, chart(fromYear, toYear, rows));
    }

    private static Map<String, BigDecimal> categories(Standard standard, Results results) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        CategoryScoring.byCategory(standard, results).forEach((k, v) -> out.put(k, v.orElse(null)));
        return out;
    }

    /** Years along x, score 0..100 up y; a line per unit and source (an inspection of a year: its last one). */
    static Chart chart(int fromYear, int toYear, List<Row> rows) {
        int years = toYear - fromYear;
        List<Tick> xTicks = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            xTicks.add(new Tick(x(y, fromYear, years), Integer.toString(y)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int v = 0; v <= 100; v += 20) {
            yTicks.add(new Tick(y(BigDecimal.valueOf(v)), Integer.toString(v)));
        }
        Map<String, Map<Integer, Row>> lines = new LinkedHashMap<>();
        Map<Long, Integer> colours = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.score() == null) {
                continue;
            }
            colours.computeIfAbsent(r.unitId(), u -> colours.size() % 6);
            lines.computeIfAbsent(r.unitId() + "/" + r.source(), k -> new java.util.TreeMap<>()).put(r.year(), r);
        }
        List<Series> series = new ArrayList<>();
        lines.forEach((key, byYear) -> {
            Row first = byYear.values().iterator().next();
            List<Point> points = byYear.values().stream()
                    .map(r -> new Point(x(r.year(), fromYear, years), y(r.score()), r.year(), r.score())).toList();
            series.add(new Series(first.unitId(), first.unitName(), first.source(), colours.get(first.unitId()),
                    points));
        });
        return new Chart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, xTicks, yTicks, series);
    }

    private static double x(int year, int fromYear, int years) {
        double inner = 16;
        return years == 0 ? (LEFT + RIGHT) / 2 : LEFT + inner + (RIGHT - LEFT - 2 * inner) * (year - fromYear) / years;
    }

    private static double y(BigDecimal score) {
        return BOTTOM - (BOTTOM - TOP) * Math.max(0, Math.min(100, score.doubleValue())) / 100;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /**
     * The table as an .xlsx file: unit, year, source, score, grade and one column per category.
     *
     * @param headers the first five headers in the reader's language
     * @param sources the labels of SELF and INSPECTION in the reader's language
     * @param grades  the labels of the grades in the reader's language
     */
    public InspectionReports.ReportFile sheet(Comparison c, List<String> headers, Map<String, String> sources,
            Map<String, String> grades, boolean english) {
        List<String> all = new ArrayList<>(headers);
        List<Integer> widths = new ArrayList<>(List.of(30, 8, 14, 8, 12));
        c.categories().forEach(cat -> {
            all.add(english ? cat.titleEn() : cat.titleZh());
            widths.add(12);
        });
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (SheetWriter w = SheetWriter.open(SheetFormat.XLSX, out, new SheetWriter.Layout(
                c.standardCode() + " " + c.fromYear() + "-" + c.toYear(), all, widths))) {
            for (Row r : c.rows()) {
                List<Object> values = new ArrayList<>(List.of(r.unitName(), r.year(),
                        sources.getOrDefault(r.source(), r.source()) + (r.label() == null ? "" : " " + r.label())));
                values.add(r.score());
                values.add(r.grade() == null ? "" : grades.getOrDefault(r.grade(), r.grade()));
                c.categories().forEach(cat -> values.add(r.categories().get(cat.id())));
                w.row(values);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new InspectionReports.ReportFile("comparison-" + c.standardCode() + "-" + c.fromYear() + "-"
                + c.toYear() + ".xlsx", SheetFormat.XLSX.contentType(), out.toByteArray());
    }
}
