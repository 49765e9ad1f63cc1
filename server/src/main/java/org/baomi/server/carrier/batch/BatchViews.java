package org.baomi.server.carrier.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.carrier.CarrierViews.Label;

/** What destruction batches hand to pages and the API. */
public final class BatchViews {

    private BatchViews() {
    }

    /**
     * Where a batch stands. The list may change only while {@link #DRAFT} or {@link #REJECTED}
     * (a rejected batch is edited and submitted again); it is frozen from submission on.
     */
    public enum BatchStatus {
        DRAFT, SUBMITTED, APPROVED, REJECTED, EXECUTED;

        public boolean editable() {
            return this == DRAFT || this == REJECTED;
        }
    }

    /** A new batch, or the changes to one: unit, method (with the equipment when in-house), planned date, place. */
    public record BatchInput(Long unitId, DestructionRecord.Method method, String equipment, LocalDate plannedDate,
            String place) {
    }

    /** Carrying out an approved batch: when, who supervised (at least two, not the requester), who destroyed. */
    public record Execution(LocalDate executedOn, List<Long> supervisorIds, Long destroyedById) {
        public Execution {
            supervisorIds = supervisorIds == null ? List.of() : supervisorIds.stream().filter(java.util.Objects::nonNull)
                    .toList();
        }
    }

    /** One line of the batch list. */
    public record BatchSummary(long id, long unitId, String unitName, String number, BatchStatus status,
            DestructionRecord.Method method, LocalDate plannedDate, int itemCount, String requesterName,
            Instant createdAt) {
    }

    /**
     * One carrier on the list. {@code title} is null unless the viewer keeps the unit's ledger and
     * is cleared for the carrier's level (ADR 0015).
     */
    public record BatchItem(int position, long carrierId, String serial, ClassificationLevel level,
            CarrierStatus status, String title) {
    }

    /** How many carriers of each level the list holds (the printed record's count). */
    public record LevelCount(ClassificationLevel level, int count) {
    }

    /** The approval behind the batch: the request, its state, and who decided when. */
    public record Approval(long requestId, String status, String approverName, Instant decidedAt, String comment) {
    }

    /** What the viewer may do with the batch now. */
    public record Actions(boolean edit, boolean submit, boolean execute, boolean print) {
    }

    /** A batch with its list, approval and execution. */
    public record BatchDetail(long id, long unitId, String unitName, String number, BatchStatus status,
            DestructionRecord.Method method, String equipment, LocalDate plannedDate, String place,
            long requesterPersonId, String requesterName, Instant createdAt, Approval approval, LocalDate executedOn,
            String destroyedByName, List<Label> supervisors, List<BatchItem> items, List<LevelCount> counts,
            Actions actions, int version) {
    }
}
