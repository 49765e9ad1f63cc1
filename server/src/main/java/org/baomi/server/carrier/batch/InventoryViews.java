package org.baomi.server.carrier.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;

/** What inventories (清查) hand to pages and the API. */
public final class InventoryViews {

    private InventoryViews() {
    }

    public enum InventoryStatus { OPEN, FINISHED }

    /** Where a carrier on the expected list should be: {@code HERE} to be checked, {@code OUT} with someone. */
    public enum Expected { HERE, OUT }

    /** The outcome of checking an expected carrier. */
    public enum Result { PRESENT, MISSING }

    /** Start an inventory of a unit's ledger, or of one storage place of it (kind and name both set). */
    public record InventoryInput(Long unitId, StoragePlace.Kind storageKind, String storageName) {
    }

    /** A storage place holding carriers of a unit, offered when starting an inventory. */
    public record Place(long unitId, String unitName, StoragePlace.Kind kind, String name) {
    }

    public record InventorySummary(long id, long unitId, String unitName, StoragePlace.Kind storageKind,
            String storageName, InventoryStatus status, String startedBy, Instant startedAt, Instant finishedAt,
            int expected, int present, int missing, int unexpected) {
    }

    /**
     * A carrier on the expected list. {@code title} and {@code storageName} are null unless the
     * viewer keeps the unit's ledger and is cleared for the level; {@code holder} and {@code due}
     * are set for {@link Expected#OUT}. {@code result} is null until checked.
     */
    public record Item(long carrierId, String serial, ClassificationLevel level, String title, Expected expected,
            CarrierStatus statusThen, String storageName, String holder, LocalDate due, Result result, String note,
            Instant checkedAt, String checkedBy) {
    }

    /** Found but not expected: a ledger carrier not on the list ({@code carrierId} set), or unknown. */
    public record Unexpected(long id, Long carrierId, String text, String note, Instant recordedAt,
            String recordedBy) {
    }

    /** What the viewer may do now. */
    public record Actions(boolean check, boolean print) {
    }

    public record InventoryDetail(InventorySummary summary, List<Item> here, List<Item> out,
            List<Unexpected> unexpected, Actions actions) {

        public List<Item> present() {
            return here.stream().filter(i -> i.result() == Result.PRESENT).toList();
        }

        public List<Item> missing() {
            return here.stream().filter(i -> i.result() == Result.MISSING).toList();
        }

        public List<Item> unchecked() {
            return here.stream().filter(i -> i.result() == null).toList();
        }
    }

    /** What checking a serial did: ticked an expected carrier, it was ticked already, or it was not expected. */
    public enum Outcome { TICKED, ALREADY_TICKED, UNEXPECTED, ALREADY_RECORDED }

    public record CheckResult(Outcome outcome, String serial) {
    }
}
