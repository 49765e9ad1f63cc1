package org.baomi.server.report;

import java.util.ArrayList;
import java.util.List;
import org.baomi.server.report.InspectionSummaryData.UnitResult;
import org.baomi.server.report.ReportDocument.Block;
import org.baomi.server.report.ReportDocument.BulletList;
import org.baomi.server.report.ReportDocument.Paragraph;
import org.baomi.server.report.ReportDocument.Section;
import org.baomi.server.report.ReportDocument.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a superior's inspection summary across units: an overview with the count of each grade,
 * the table unit / score / grade / veto / open rectifications, the main problems and the next steps.
 */
@Component
public class InspectionSummaryBuilder {

    private final MessageSource messages;

    public InspectionSummaryBuilder(MessageSource messages) {
        this.messages = messages;
    }

    public ReportDocument build(InspectionSummaryData data) {
        ReportTexts t = new ReportTexts(messages, data.language());
        long compliant = count(data, ReportGrade.COMPLIANT);
        long basically = count(data, ReportGrade.BASICALLY_COMPLIANT);
        long non = count(data, ReportGrade.NON_COMPLIANT);
        long vetoed = data.units().stream().filter(UnitResult::vetoed).count();
        int open = data.units().stream().mapToInt(UnitResult::openRectifications).sum();

        List<Section> sections = new ArrayList<>();
        sections.add(new Section(t.get("report.summary.section.overview"), List.of(new Paragraph(t.get(
                "report.summary.overview", data.period(), data.units().size(), compliant, basically, non, vetoed,
                open)))));
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (UnitResult u : data.units()) {
            rows.add(List.of(Integer.toString(++n), u.unitName(), t.points(u.score()),
                    t.get("report.grade." + u.grade().name()), t.get(u.vetoed() ? "report.yes" : "report.no"),
                    Integer.toString(u.openRectifications())));
        }
        List<Block> table = rows.isEmpty()
                ? List.of(new Paragraph(t.get("report.summary.none")))
                : List.of(new Table(List.of(t.get("report.table.no"), t.get("report.summary.col.unit"),
                        t.get("report.summary.col.score"), t.get("report.summary.col.grade"),
                        t.get("report.summary.col.veto"), t.get("report.summary.col.open")), rows,
                        List.of(2, 9, 3, 4, 3, 4)));
        sections.add(new Section(t.get("report.summary.section.units"), table));
        sections.add(new Section(t.get("report.summary.section.problems"), data.problems().isEmpty()
                ? List.of(new Paragraph(t.get("report.summary.problems.none")))
                : List.of(new BulletList(data.problems(), true))));
        sections.add(new Section(t.get("report.summary.section.next"), data.nextSteps()
                .filter(s -> !s.isBlank())
                .map(ReportTexts::paragraphs)
                .orElseGet(() -> List.of(new Paragraph(t.get("report.summary.next.default"))))));
        return new ReportDocument(
                t.get("report.summary.title", data.superiorUnitName(), data.period()),
                data.superiorUnitName(),
                data.date(),
                data.language(),
                data.marking(),
                sections,
                List.of(data.superiorUnitName() + t.get("report.signature.seal"), t.date(data.date())));
    }

    private static long count(InspectionSummaryData data, ReportGrade grade) {
        return data.units().stream().filter(u -> u.grade() == grade).count();
    }
}
