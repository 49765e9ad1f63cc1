package org.baomi.server.carrier;

import java.time.Instant;
import java.util.List;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.carrier.CarrierViews.Label;
import org.springframework.context.MessageSourceResolvable;

/** What the hand-over pages and API show (移交, ADR 0017). */
public final class HandoverViews {

    private HandoverViews() {
    }

    /**
     * One carrier in a person's custody as a bulk hand-over would treat it. {@code title} is null
     * where the viewer may not see it; {@code problem} says why it cannot go (null when it can).
     */
    public record Candidate(long carrierId, String serial, ClassificationLevel level, String markingText, String title,
            CarrierStatus status, MessageSourceResolvable problem) {
        public boolean canGo() {
            return problem == null;
        }
    }

    /** Everything {@code from} keeps in the unit's ledger and whether each may go to {@code to}. */
    public record Preview(long unitId, Label from, Label to, List<Candidate> items) {
        public Preview {
            items = List.copyOf(items);
        }

        public boolean allCanGo() {
            return !items.isEmpty() && items.stream().allMatch(Candidate::canGo);
        }

        public long refused() {
            return items.stream().filter(c -> !c.canGo()).count();
        }
    }

    /** One line of the printed hand-over list; {@code title} null where the viewer may not see it. */
    public record Item(int position, long carrierId, String serial, CarrierType type, String markingText, String title,
            String documentNumber, int copy, int copyTotal, String storageName) {
    }

    /** A recorded hand-over (one carrier or all of a person's) for the printed list both sign. */
    public record HandoverList(long id, long unitId, String unitName, Label from, Label to, String reason,
            String recordedBy, Instant recordedAt, List<Item> items) {
        public HandoverList {
            items = List.copyOf(items);
        }
    }

    /** A hand-over in the list of a unit's hand-overs. */
    public record Summary(long id, String fromName, String toName, Instant recordedAt, int count) {
    }
}
