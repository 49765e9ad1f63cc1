package org.baomi.core.carrier;

import org.baomi.core.classification.ClassificationLevel;

/**
 * What a viewer may see of a carrier (need-to-know). Details — title, document number, issuer,
 * scope, custodian, timeline — only for someone whose secret-related level allows the carrier's
 * level <em>and</em> who is in the knowledge scope or holds the ledger role for the unit; everyone
 * else at most the serial number and the level, never the title. The server audits every
 * {@link Full} view (the disclosure record).
 */
public sealed interface Visibility {

    /** Whether the title may be shown. */
    boolean titleVisible();

    /** The whole carrier may be shown. */
    record Full() implements Visibility {
        @Override
        public boolean titleVisible() {
            return true;
        }
    }

    /** Only the serial number and the level may be shown; {@code reason} says why no more. */
    record SerialAndLevel(SerialNumber serial, ClassificationLevel level, Reason reason) implements Visibility {
        @Override
        public boolean titleVisible() {
            return false;
        }
    }

    enum Reason {
        /** His secret-related level does not reach the carrier's level (checked first). */
        NOT_CLEARED,
        /** Cleared, but neither in the knowledge scope nor keeper of the unit's ledger. */
        NOT_IN_SCOPE
    }
}
