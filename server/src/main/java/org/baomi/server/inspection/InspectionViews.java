package org.baomi.server.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.assessment.Evaluation;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.Person;
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
            LocalDate deadline, Instant createdAt, String createdBy, Long rectificationId, String rectificationStatus,
            Long ownerId, String ownerName) {
    }

    /**
     * One inspected unit's result: the evaluation (scored with the deductions and vetoes, or why not yet), the
     * score per category (null where there is none), the aggravated deductions counted and the vetoes found (ids of
     * the standard's entries), and the findings.
     */
    public record UnitResult(long unitId, String unitName, Evaluation evaluation, Map<String, BigDecimal> categories,
            int scoredItems, Map<String, Integer> deductions, Set<String> vetoes, List<FindingView> findings) {

        public BigDecimal score() {
            return evaluation instanceof Evaluation.Scored s ? s.score() : null;
        }

        public String grade() {
            return evaluation instanceof Evaluation.Scored s ? s.grade().name() : null;
        }

        /** How often deduction {@code id} was found (0: not). */
        public int occurrences(String id) {
            return deductions.getOrDefault(id, 0);
        }
    }

    /**
     * An inspection with everything its page shows. {@code canManage}: the reader plans and runs it (an inspector or
     * secrecy officer of the inspecting unit); {@code units}: only the units the reader may see the results of;
     * {@code reportMarking}, {@code reportNextSteps}: what the summary report was last downloaded with (null: never;
     * for the inspecting side only).
     */
    public record InspectionDetail(InspectionSummary summary, String conclusion, Instant startedAt, Instant concludedAt,
            Instant createdAt, String createdBy, Standard standard, List<UnitResult> units, boolean canManage,
            String reportMarking, String reportNextSteps) {
    }

    /** One item of the standard with the result recorded for the unit (null while not scored). */
    public record ItemLine(StandardItem item, ItemResult result) {
    }

    /**
     * The scoring page of one inspected unit: its items by category with results, its marks and findings, and
     * (for who records) the people of the unit who may own a finding's rectification.
     */
    public record UnitScoring(InspectionSummary summary, UnitResult unit, Standard standard,
            Map<String, List<ItemLine>> itemsByCategory, boolean canRecord, List<Person> owners) {
    }
}
