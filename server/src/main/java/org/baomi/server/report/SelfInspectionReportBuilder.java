package org.baomi.server.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baomi.server.report.ReportDocument.Block;
import org.baomi.server.report.ReportDocument.BulletList;
import org.baomi.server.report.ReportDocument.Paragraph;
import org.baomi.server.report.ReportDocument.Section;
import org.baomi.server.report.ReportDocument.Subheading;
import org.baomi.server.report.ReportDocument.Table;
import org.baomi.server.report.SelfInspectionReportData.Area;
import org.baomi.server.report.SelfInspectionReportData.CategoryScore;
import org.baomi.server.report.SelfInspectionReportData.Figure;
import org.baomi.server.report.SelfInspectionReportData.Part;
import org.baomi.server.report.SelfInspectionReportData.Rectification;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a unit's self-inspection report in the order such reports follow: 一、基本情况 二、组织领导
 * 三、制度建设 四、宣传教育培训 五、各项管理情况 (with the ledger figures) 六、自查评分情况 (the score table)
 * 七、存在的问题 八、整改措施, then the signature block. Every text comes from the {@code report} bundle
 * in the data's language; the officer's own text for a part replaces the generated introduction.
 */
@Component
public class SelfInspectionReportBuilder {

    private final MessageSource messages;

    public SelfInspectionReportBuilder(MessageSource messages) {
        this.messages = messages;
    }

    public ReportDocument build(SelfInspectionReportData data) {
        ReportTexts t = new ReportTexts(messages, data.language());
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(t.get("report.self.section.basic"), intro(data, Part.BASIC_SITUATION,
                t.get("report.self.basic.default", data.unitName(), data.period()))));
        sections.add(new Section(t.get("report.self.section.organisation"),
                intro(data, Part.ORGANISATION, t.get("report.self.organisation.default"))));
        sections.add(new Section(t.get("report.self.section.rules"),
                intro(data, Part.RULES, t.get("report.self.rules.default"))));
        sections.add(new Section(t.get("report.self.section.education"),
                intro(data, Part.EDUCATION, t.get("report.self.education.default"))));
        sections.add(new Section(t.get("report.self.section.management"), management(data, t)));
        sections.add(new Section(t.get("report.self.section.score"), score(data, t)));
        sections.add(new Section(t.get("report.self.section.problems"), problems(data, t)));
        sections.add(new Section(t.get("report.self.section.rectification"), rectifications(data, t)));
        return new ReportDocument(
                t.get("report.self.title", data.unitName(), data.period()),
                data.unitName(),
                data.date(),
                data.language(),
                data.marking(),
                sections,
                List.of(data.unitName() + t.get("report.signature.seal"), t.date(data.date())));
    }

    /**
     * The text the report would print for a part when the officer has written none: what the draft
     * editor shows for the officer to change. Empty for the parts whose text is all generated.
     */
    public String draftText(SelfInspectionReportData data, Part part) {
        ReportTexts t = new ReportTexts(messages, data.language());
        return switch (part) {
            case BASIC_SITUATION -> t.get("report.self.basic.default", data.unitName(), data.period());
            case ORGANISATION -> t.get("report.self.organisation.default");
            case RULES -> t.get("report.self.rules.default");
            case EDUCATION -> t.get("report.self.education.default");
            case MANAGEMENT -> t.get("report.self.management.default");
            case RECTIFICATION -> t.get(data.rectifications().isEmpty()
                    ? "report.self.rectification.none" : "report.self.rectification.intro");
            case SCORE, PROBLEMS -> "";
        };
    }

    private static List<Block> intro(SelfInspectionReportData data, Part part, String generated) {
        return data.officerText(part).map(ReportTexts::paragraphs).orElseGet(() -> List.of(new Paragraph(generated)));
    }

    private static List<Block> management(SelfInspectionReportData data, ReportTexts t) {
        List<Block> blocks = new ArrayList<>(data.officerText(Part.MANAGEMENT).map(ReportTexts::paragraphs)
                .orElseGet(() -> List.of(new Paragraph(t.get("report.self.management.default")))));
        int position = 0;
        for (Area area : Area.values()) {
            Map<Figure, Long> figures = data.figuresOf(area);
            if (figures.isEmpty()) {
                continue;
            }
            position++;
            blocks.add(new Subheading(
                    t.get("report.subheading", t.subNumber(position), t.get("report.self.area." + area.name()))));
            List<String> fragments = new ArrayList<>();
            figures.forEach((figure, count) -> fragments.add(t.get("report.figure." + figure.name(), count)));
            blocks.add(new Paragraph(t.get("report.self.figures", data.unitName(), t.list(fragments))));
        }
        return blocks;
    }

    private static List<Block> score(SelfInspectionReportData data, ReportTexts t) {
        List<Block> blocks = new ArrayList<>(data.officerText(Part.SCORE).map(ReportTexts::paragraphs).orElse(List.of()));
        blocks.add(new Paragraph(t.get("report.self.score.summary", t.points(data.score()),
                t.get("report.grade." + data.grade().name()))));
        if (data.vetoed()) {
            blocks.add(new Paragraph(t.get("report.self.score.veto")));
        }
        if (!data.categories().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            BigDecimal applicable = BigDecimal.ZERO;
            BigDecimal earned = BigDecimal.ZERO;
            int n = 0;
            for (CategoryScore c : data.categories()) {
                rows.add(List.of(Integer.toString(++n), c.category(), t.points(c.applicablePoints()),
                        t.points(c.earnedPoints()), c.remarks()));
                applicable = applicable.add(c.applicablePoints());
                earned = earned.add(c.earnedPoints());
            }
            rows.add(List.of("", t.get("report.table.total"), t.points(applicable), t.points(earned), ""));
            blocks.add(new Table(List.of(t.get("report.table.no"), t.get("report.self.score.col.category"),
                    t.get("report.self.score.col.applicable"), t.get("report.self.score.col.earned"),
                    t.get("report.self.score.col.remarks")), rows, List.of(2, 7, 3, 3, 8)));
        }
        return blocks;
    }

    private static List<Block> problems(SelfInspectionReportData data, ReportTexts t) {
        List<Block> blocks = new ArrayList<>(data.officerText(Part.PROBLEMS).map(ReportTexts::paragraphs).orElse(List.of()));
        if (data.problems().isEmpty()) {
            blocks.add(new Paragraph(t.get("report.self.problems.none")));
        } else {
            blocks.add(new BulletList(data.problems(), true));
        }
        return blocks;
    }

    private static List<Block> rectifications(SelfInspectionReportData data, ReportTexts t) {
        List<Block> blocks = new ArrayList<>();
        if (data.rectifications().isEmpty()) {
            blocks.addAll(data.officerText(Part.RECTIFICATION).map(ReportTexts::paragraphs)
                    .orElseGet(() -> List.of(new Paragraph(t.get("report.self.rectification.none")))));
            return blocks;
        }
        blocks.addAll(data.officerText(Part.RECTIFICATION).map(ReportTexts::paragraphs)
                .orElseGet(() -> List.of(new Paragraph(t.get("report.self.rectification.intro")))));
        List<String> items = new ArrayList<>();
        for (Rectification r : data.rectifications()) {
            items.add(t.get("report.self.rectification.item", r.problem(), trimEnd(r.measures()), r.owner(),
                    t.date(r.deadline())));
        }
        blocks.add(new BulletList(items, true));
        return blocks;
    }

    /** Drops a closing full stop the officer typed, since the item's sentence supplies its own. */
    private static String trimEnd(String text) {
        String s = text.strip();
        while (!s.isEmpty() && "。.；;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
