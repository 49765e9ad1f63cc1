package org.baomi.core.carrier;

import java.util.Objects;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.classification.Marking;

/**
 * The marking a carrier bears now, independent of where it is in its lifecycle: still classified
 * under a {@link Marking}, or declassified and stamped 解密. A declassified carrier stays in the
 * ledger (it may still be archived, cleared or destroyed) and keeps its former marking for the
 * record.
 */
public sealed interface CarrierMarking {

    /** The text stamped on the carrier: the marking string, or 解密. */
    String text();

    /**
     * The level the carrier is handled at. A declassified carrier is handled as INTERNAL, not
     * PUBLIC: declassification ends the state secret, but publishing still needs a disclosure
     * review (先审后公开), so it is not for everyone yet.
     */
    ClassificationLevel effectiveLevel();

    record Classified(Marking marking) implements CarrierMarking {
        public Classified {
            Objects.requireNonNull(marking, "marking");
        }

        @Override
        public String text() {
            return marking.format();
        }

        @Override
        public ClassificationLevel effectiveLevel() {
            return marking.level();
        }
    }

    record Declassified(Marking former) implements CarrierMarking {

        /** What a declassified carrier is marked. */
        public static final String STAMP = "解密";

        public Declassified {
            Objects.requireNonNull(former, "former");
        }

        @Override
        public String text() {
            return STAMP;
        }

        @Override
        public ClassificationLevel effectiveLevel() {
            return ClassificationLevel.INTERNAL;
        }
    }
}
