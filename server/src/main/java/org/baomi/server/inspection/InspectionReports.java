package org.baomi.server.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * each unit's score and grade, the open rectifications of its findings, the main problems and the next steps
 * the officer wrote before downloading; optionally with the document's own marking. Every download is audited.
 */
@Service
public class InspectionReports {

    static final int MAX_MARKING = 40;
    static final int MAX_NEXT_STEPS = 4000;

    public enum Format {
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        PDF("pdf", "application/pdf");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

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

    @Transactional
    public ReportFile summary(long id, Format format, Locale language, String marking, String nextSteps) {
        if (format == null) {
            throw ValidationException.of("format", "inspection.report.formatRequired", "Choose .docx or .pdf.");
        }
        String mark = marking == null ? "" : marking.strip();
        if (mark.length() > MAX_MARKING) {
            throw ValidationException.of("marking", "inspection.report.markingTooLong", "At most 40 characters.",
                    MAX_MARKING);
        }
        String next = nextSteps == null ? "" : nextSteps.strip();
        if (next.length() > MAX_NEXT_STEPS) {
            throw ValidationException.of("nextSteps", "inspection.textTooLong", "At most 4000 characters.",
                    MAX_NEXT_STEPS);
        }
        ForReport r = inspections.forReport(id);
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
            for (FindingView f : u.findings()) {
                problems.add(u.unitName() + ": " + (f.itemId() == null ? "" : f.itemId() + " ") + f.problem());
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        String period = messages.getMessage("inspection.report.period",
                new Object[] {r.row().plannedFrom().getYear(), r.row().title()}, locale);
        ReportDocument document = builder.build(new InspectionSummaryData(r.row().inspectingUnitName(), period, today,
                locale, mark.isEmpty() ? Optional.empty() : Optional.of(mark), units, problems,
                next.isEmpty() ? Optional.empty() : Optional.of(next)));
        byte[] content = format == Format.DOCX ? docx.render(document) : pdf.render(document);
        audit.record("inspection.report", "inspection", id, null, Map.of("format", format.name(), "marking", mark,
                "language", locale.getLanguage(), "units", units.size(), "bytes", content.length));
        return new ReportFile("inspection-summary-" + id + "." + format.extension, format.contentType, content);
    }
}
