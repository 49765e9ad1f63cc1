package org.baomi.server.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.assessment.AssessmentEvent;
import org.baomi.core.assessment.Evaluation;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.Rectification;
import org.baomi.core.assessment.SelfAssessment;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;

/** Read models of standards, assessments and rectifications for pages and the API. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public record StandardSummary(long id, String code, int version, String level, String titleZh, String titleEn,
            BigDecimal total, Instant importedAt, String importedBy) {
    }

    public record StandardDetail(StandardSummary summary, Standard standard) {
    }

    public record AssessmentSummary(long id, String standardCode, int standardVersion, String titleZh, String titleEn,
            String level, long unitId, String unitName, String departmentName, String personName, int year,
            String status, BigDecimal submittedScore, String submittedGrade) {
    }

    public record Evidence(long id, String itemId, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    /** A rectification of an earlier period on the same item: what was found and whether it was fixed. */
    public record PreviousRectification(long id, int year, String status, String problem) {
    }

    /**
     * What the ledgers suggest for an item whose standard names an evidence query: {@code known} false when
     * the registry has no such query (the page says there is no ledger data yet); otherwise the suggestion
     * (COMPLIANT, NOT_COMPLIANT, NO_DATA), the count, the summary and at most {@value #MAX_RECORDS} records
     * (serials and numbers, never titles).
     */
    public record LedgerSuggestion(String queryId, boolean known, String suggestion, int count, String summary,
            List<org.baomi.server.evidence.Evidence.EvidenceRecord> records) {

        public static final int MAX_RECORDS = 10;

        public LedgerSuggestion {
            records = records == null ? List.of() : List.copyOf(records);
        }
    }

    /**
     * One scored item with its result (null while not scored), evidence, the previous period's rectification
     * and what the ledgers suggest (null when the item names no evidence query).
     */
    public record ItemView(StandardItem item, ItemResult result, List<Evidence> evidence, PreviousRectification previous,
            LedgerSuggestion suggestion) {
    }

    public record CategoryView(String id, String titleZh, String titleEn, List<ItemView> items, long scored) {
    }

    /**
     * An assessment with everything its page shows. {@code canEdit}: the reader may record results now;
     * {@code canSubmit}, {@code canReopen}: the acts open to him.
     */
    public record AssessmentDetail(AssessmentSummary summary, long standardId, SelfAssessment assessment,
            Evaluation evaluation, List<CategoryView> categories, List<AssessmentEvent> history,
            Long approvalRequestId, boolean canEdit, boolean canReopen, List<RectificationSummary> rectifications) {
    }

    public record RectificationSummary(long id, Long assessmentId, String itemId, long unitId, String unitName,
            String problem, long ownerId, String ownerName, String measures, LocalDate deadline, String status,
            boolean overdue, Integer year, Long inspectionId, String inspectionTitle) {
    }

    public record RectificationDetail(RectificationSummary summary, List<Rectification.Step> history,
            boolean canWork, boolean canVerify) {
    }

    /**
     * What a report on an assessment is written from: the assessment with its evaluation now, its subject's unit,
     * its rectifications, and whether the reader may write it (the writers of the subject, ADR 0046).
     */
    public record ReportSource(AssessmentSummary summary, SelfAssessment assessment, Evaluation evaluation,
            List<RectificationSummary> rectifications, boolean canWrite) {
    }
}
