package org.baomi.server.carrier;

import org.baomi.core.carrier.Visibility;
import org.baomi.core.classification.ClassificationLevel;

/**
 * One carrier as the signed-in person may see it (need-to-know, ADR 0008): {@link Full} when his
 * secret-related level allows the carrier's level and he is in the knowledge scope or keeps the
 * unit's ledger — every such view is audited ({@code carrier.view}); otherwise {@link Restricted},
 * the serial number and level only, never the title.
 */
public sealed interface CarrierView {

    long id();

    long unitId();

    String serial();

    ClassificationLevel level();

    /** Everything, the timeline (oldest first), and what the viewer may do with it now. */
    record Full(CarrierViews.Detail detail, java.util.List<CarrierViews.TimelineEntry> timeline,
            CarrierViews.Actions actions) implements CarrierView {
        @Override
        public long id() {
            return detail.id();
        }

        @Override
        public long unitId() {
            return detail.unitId();
        }

        @Override
        public String serial() {
            return detail.serial();
        }

        @Override
        public ClassificationLevel level() {
            return detail.level();
        }
    }

    /** Serial and level only; {@code reason} says why (not cleared, or not in the scope). */
    record Restricted(long id, long unitId, String serial, ClassificationLevel level, Visibility.Reason reason)
            implements CarrierView {
    }
}
