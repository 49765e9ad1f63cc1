package org.baomi.server.assessment.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.DeductionItem;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.Grade;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.SelfAssessment;
import org.baomi.core.assessment.StandardItem;
import org.baomi.core.assessment.Text;
import org.baomi.core.assessment.VetoItem;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceType;
import org.baomi.server.assessment.AssessmentViews.RectificationSummary;
import org.baomi.server.evidence.LedgerFigures;
import org.baomi.server.report.ReportGrade;
import org.baomi.server.report.SelfInspectionReportData.CategoryScore;
import org.baomi.server.report.SelfInspectionReportData.Figure;
import org.baomi.server.report.SelfInspectionReportData.Rectification;
import org.springframework.context.MessageSource;

/**
 * What the self-inspection report says about an assessment, in the report's language: the grade, the
 * score table by category, the problems (every item not fully met with its note, every veto found,
 * every aggravated deduction counted), the rectifications in the standard's order, and the ledger
 * figures of part five. Texts come from the {@code reportdraft} bundle.
 */
final class ReportContent {

    private final MessageSource messages;
    private final Locale language;

    ReportContent(MessageSource messages, Locale language) {
        this.messages = messages;
        this.language = language;
    }

    /** The one mapping of the assessment's grade to the report's (ADR 0050). */
    static ReportGrade grade(Grade grade) {
        return switch (grade) {
            case COMPLIANT -> ReportGrade.COMPLIANT;
            case BASICALLY_COMPLIANT -> ReportGrade.BASICALLY_COMPLIANT;
            case NON_COMPLIANT -> ReportGrade.NON_COMPLIANT;
        };
    }

    /**
     * The figures of part five from the ledgers: carriers (in total and by level) are those still in the
     * unit's hands; the ledgers know no reading-room computers, so that figure is left out.
     */
    static Map<Figure, Long> figures(LedgerFigures f) {
        Map<Figure, Long> m = new EnumMap<>(Figure.class);
        Map<String, Long> people = f.peopleBySecretRelatedLevel();
        long core = people.getOrDefault("CORE", 0L);
        long important = people.getOrDefault("IMPORTANT", 0L);
        long general = people.getOrDefault("GENERAL", 0L);
        m.put(Figure.PEOPLE_TOTAL, core + important + general);
        m.put(Figure.PEOPLE_CORE, core);
        m.put(Figure.PEOPLE_IMPORTANT, important);
        m.put(Figure.PEOPLE_GENERAL, general);
        m.put(Figure.CARRIERS_TOTAL, f.carriersByStatus().entrySet().stream()
                .filter(e -> !org.baomi.core.carrier.CarrierStatus.valueOf(e.getKey()).isTerminal())
                .mapToLong(Map.Entry::getValue).sum());
        m.put(Figure.CARRIERS_TOP_SECRET, f.carriersHeldByLevel().getOrDefault("TOP_SECRET", 0L));
        m.put(Figure.CARRIERS_SECRET, f.carriersHeldByLevel().getOrDefault("SECRET", 0L));
        m.put(Figure.CARRIERS_CONFIDENTIAL, f.carriersHeldByLevel().getOrDefault("CONFIDENTIAL", 0L));
        m.put(Figure.CARRIERS_DESTROYED, f.carriersDestroyed());
        Map<String, Map<String, Long>> devices = f.devicesByDesignationAndType();
        m.put(Figure.COMPUTERS_CLASSIFIED, count(devices.get("CLASSIFIED"), true));
        m.put(Figure.COMPUTERS_OFFICE, count(devices.get("NON_CLASSIFIED"), true));
        m.put(Figure.COMPUTERS_INTERNET, count(devices.get("INTERNET"), true));
        long classifiedMedia = 0;
        long otherMedia = 0;
        for (var e : f.mediaByLevel().entrySet()) {
            if (ClassificationLevel.valueOf(e.getKey()).isStateSecret()) {
                classifiedMedia += e.getValue();
            } else {
                otherMedia += e.getValue();
            }
        }
        m.put(Figure.MEDIA_CLASSIFIED, classifiedMedia);
        m.put(Figure.MEDIA_NON_CLASSIFIED, otherMedia);
        m.put(Figure.NETWORKS_CLASSIFIED, f.networks().stream()
                .filter(n -> n.level() != null && ClassificationLevel.valueOf(n.level()).isStateSecret()).count());
        m.put(Figure.EQUIPMENT_CLASSIFIED, count(devices.get("CLASSIFIED"), false));
        return m;
    }

    private static long count(Map<String, Long> byType, boolean computers) {
        if (byType == null) {
            return 0;
        }
        return byType.entrySet().stream().filter(e -> DeviceType.valueOf(e.getKey()).isComputer() == computers)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * One row per category: the points of its applicable items, the points earned less its deductions, and
     * the remarks naming each item not fully met and each deduction.
     */
    List<CategoryScore> categories(SelfAssessment a) {
        List<CategoryScore> rows = new ArrayList<>();
        Map<String, ItemResult> results = a.results().items();
        for (Category c : a.standard().categories()) {
            BigDecimal applicable = BigDecimal.ZERO;
            BigDecimal earned = BigDecimal.ZERO;
            List<String> remarks = new ArrayList<>();
            for (StandardItem item : a.standard().itemsOf(c.id())) {
                ItemResult r = results.get(item.id());
                if (r == null || r.finding() == Finding.NOT_APPLICABLE) {
                    continue;
                }
                applicable = applicable.add(item.points());
                earned = earned.add(r.earned());
                if (r.finding() == Finding.PARTLY || r.finding() == Finding.NOT_COMPLIANT) {
                    remarks.add(get("reportdraft.remark.item", item.id(), points(item.points().subtract(r.earned()))));
                }
            }
            for (DeductionItem d : a.standard().deductions()) {
                Integer n = a.results().deductions().get(d.id());
                if (d.categoryId().equals(c.id()) && n != null && n > 0) {
                    BigDecimal less = d.deduction(n);
                    earned = earned.subtract(less).max(BigDecimal.ZERO);
                    remarks.add(get("reportdraft.remark.deduction", d.id(), n, points(less)));
                }
            }
            rows.add(new CategoryScore(text(c.title()), applicable, earned, String.join(get("reportdraft.list.separator"),
                    remarks)));
        }
        return rows;
    }

    /** Every item not fully met (with its note), every veto found and every aggravated deduction counted. */
    List<String> problems(SelfAssessment a) {
        List<String> problems = new ArrayList<>();
        for (StandardItem item : a.standard().items()) {
            ItemResult r = a.results().items().get(item.id());
            if (r == null || (r.finding() != Finding.PARTLY && r.finding() != Finding.NOT_COMPLIANT)) {
                continue;
            }
            String finding = get("reportdraft.finding." + r.finding().name());
            problems.add(r.note().isEmpty()
                    ? get("reportdraft.problem.item", item.id(), sentence(text(item.text())), finding)
                    : get("reportdraft.problem.itemNote", item.id(), sentence(text(item.text())), finding,
                            sentence(r.note())));
        }
        for (VetoItem v : a.standard().vetoes()) {
            if (a.results().vetoes().contains(v.id())) {
                problems.add(get("reportdraft.problem.veto", v.id(), sentence(text(v.text()))));
            }
        }
        for (DeductionItem d : a.standard().deductions()) {
            Integer n = a.results().deductions().get(d.id());
            if (n != null && n > 0) {
                problems.add(get("reportdraft.problem.deduction", d.id(), sentence(text(d.text())), n));
            }
        }
        return problems;
    }

    /** The rectifications opened for the assessment, in the standard's order of their items. */
    static List<Rectification> rectifications(SelfAssessment a, List<RectificationSummary> rects) {
        Map<String, Integer> order = new HashMap<>();
        List<StandardItem> items = a.standard().items();
        for (int i = 0; i < items.size(); i++) {
            order.put(items.get(i).id(), i);
        }
        return rects.stream()
                .sorted(java.util.Comparator.comparing((RectificationSummary r) -> order.getOrDefault(
                        r.itemId() == null ? "" : r.itemId(), Integer.MAX_VALUE)).thenComparing(RectificationSummary::id))
                .map(r -> new Rectification(r.problem(), r.measures(), r.ownerName(), r.deadline()))
                .toList();
    }

    String text(Text t) {
        return "en".equals(language.getLanguage()) ? t.en() : t.zh();
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, language);
    }

    private static String points(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Drops the closing stop of a text that a report sentence continues. */
    private static String sentence(String text) {
        String s = text.strip();
        while (!s.isEmpty() && "。.；;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
