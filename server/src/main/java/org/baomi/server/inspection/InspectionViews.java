package org.baomi.server.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baomi.core.assessment.Evaluation;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;

/** Read models of inspections for the pages and the API. */
public final class InspectionViews {

    private InspectionViews() {
    }

    public record InspectionSummary(long id, String kind, String title, long inspectingUnitId,
            String inspectingUnitName, LocalDate plannedFrom, LocalDate plannedTo, long standardId,
            String standardCode, int standardVersion, String status, List<UnitRef> units) {
    }

    public record UnitRef(long id, String name) {
    }

    public record FindingView(long id, long unitId, String unitName, String itemId, String problem, String severity,
            LocalDate deadline, Instant createdAt, String createdBy, Long rectificationId, String rectificationStatus) {
    }

    /**
     * One inspected unit's result: the evaluation (scored, or why not yet), the score per category (null where
     * there is none) and the findings.
     */
    public record UnitResult(long unitId, String unitName, Evaluation evaluation, Map<String, BigDecimal> categories,
            int scoredItems, List<FindingView> findings) {

        public BigDecimal score() {
            return evaluation instanceof Evaluation.Scored s ? s.score() : null;
        }

        public String grade() {
            return evaluation instanceof Evaluation.Scored s ? s.grade().name() : null;
        }
    }

    /**
     * An inspection with everything its page shows. {@code canManage}: the reader plans and runs it (an inspector or
     * secrecy officer of the inspecting unit); {@code units}: only the units the reader may see the results of.
     */
    public record InspectionDetail(InspectionSummary summary, String conclusion, Instant startedAt, Instant concludedAt,
            Instant createdAt, String createdBy, Standard standard, List<UnitResult> units, boolean canManage) {
    }

    /** One item of the standard with the result recorded for the unit (null while not scored). */
    public record ItemLine(StandardItem item, ItemResult result) {
    }

    /** The scoring page of one inspected unit: its items by category with results, and its findings. */
    public record UnitScoring(InspectionSummary summary, UnitResult unit, Standard standard,
            Map<String, List<ItemLine>> itemsByCategory, boolean canRecord) {
    }
}
