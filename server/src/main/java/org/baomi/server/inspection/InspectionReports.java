package org.baomi.server.inspection;

import org.baomi.core.ChinaTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baomi.core.assessment.Evaluation;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.inspection.InspectionService.ForReport;
import org.baomi.server.inspection.InspectionViews.FindingView;
import org.baomi.server.inspection.InspectionViews.UnitResult;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.report.ReportFormat;
import org.baomi.server.report.DocxRenderer;
import org.baomi.server.report.InspectionSummaryBuilder;
import org.baomi.server.report.InspectionSummaryData;
import org.baomi.server.report.PdfRenderer;
import org.baomi.server.report.ReportDocument;
import org.baomi.server.report.ReportGrade;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection summary across units (.docx or .pdf) of a concluded inspection, for its inspecting side:
 * each unit's score and grade (a veto found makes it non-compliant), the open rectifications of its findings, the
 * main problems (the vetoes found among them) and the next steps; optionally with the document's own marking. The
 * next steps and marking given with a download are kept on the inspection when its manager downloads (ADR 0058);
 * a download without them uses the kept ones. Every download is audited.
 */
@Service
public class InspectionReports {

    static final int MAX_MARKING = 40;
    static final int MAX_NEXT_STEPS = 4000;

    /** A generated file. */
    public record ReportFile(String fileName, String contentType, byte[] content) {
    }

    private final InspectionService inspections;
    private final InspectionSummaryBuilder builder;
    private final DocxRenderer docx;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    InspectionReports(InspectionService inspections, InspectionSummaryBuilder builder, DocxRenderer docx,
            PdfRenderer pdf, MessageSource messages, AuditLog audit, Clock clock) {
        this.inspections = inspections;
        this.builder = builder;
        this.docx = docx;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The summary as a file. {@code marking} and {@code nextSteps}: null for the ones kept on the inspection; given,
     * they are used and, when the reader runs the inspection, kept for the next download.
     */
    @Transactional
    public ReportFile summary(long id, ReportFormat format, Locale language, String marking, String nextSteps) {
        if (format == null) {
            throw ValidationException.of("format", "inspection.report.formatRequired", "Choose .docx or .pdf.");
        }
        String givenMark = marking == null ? null : InspectionService.reportMarking(marking);
        String givenNext = nextSteps == null ? null : InspectionService.reportNextSteps(nextSteps);
        ForReport r = inspections.forReport(id);
        String mark = givenMark != null ? givenMark : Optional.ofNullable(r.row().reportMarking()).orElse("");
        String next = givenNext != null ? givenNext : Optional.ofNullable(r.row().reportNextSteps()).orElse("");
        if ((givenMark != null || givenNext != null) && r.canManage()) {
            inspections.saveReportTexts(id, mark, next);
        }
        Locale locale = language != null && "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        List<InspectionSummaryData.UnitResult> units = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (UnitResult u : r.units()) {
            int open = (int) u.findings().stream()
                    .filter(f -> f.rectificationStatus() != null && !"VERIFIED".equals(f.rectificationStatus()))
                    .count();
            if (u.evaluation() instanceof Evaluation.Scored s) {
                units.add(new InspectionSummaryData.UnitResult(u.unitName(), s.score(),
                        ReportGrade.valueOf(s.grade().name()), s.vetoed(), open));
            }
            if (u.evaluation() instanceof Evaluation.Scored s) {
                for (String veto : s.vetoes()) {
                    r.standard().veto(veto).ifPresent(v -> problems.add(messages.getMessage("inspection.report.veto",
                            new Object[] {u.unitName(), v.id(), "en".equals(locale.getLanguage()) ? v.text().en()
                                    : v.text().zh()}, locale)));
                }
            }
            for (FindingView f : u.findings()) {
                problems.add(u.unitName() + ": " + (f.itemId() == null ? "" : f.itemId() + " ") + f.problem());
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        String period = messages.getMessage("inspection.report.period",
                new Object[] {r.row().plannedFrom().getYear(), r.row().title()}, locale);
        ReportDocument document = builder.build(new InspectionSummaryData(r.row().inspectingUnitName(), period, today,
                locale, mark.isEmpty() ? Optional.empty() : Optional.of(mark), units, problems,
                next.isEmpty() ? Optional.empty() : Optional.of(next)));
        byte[] content = format.render(document, docx, pdf);
        audit.record("inspection.report", "inspection", id, null, Map.of("format", format.name(), "marking", mark,
                "language", locale.getLanguage(), "units", units.size(), "bytes", content.length));
        return new ReportFile("inspection-summary-" + id + "." + format.extension(), format.contentType(), content);
    }
}
