package org.baomi.core.device.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a medium's history. Append-only; the medium's status and holder are what
 * {@link MediumHistory#replay} of it gives.
 */
public sealed interface MediumEvent {

    Actor by();

    Instant at();

    /** The approval behind the act, or {@code null} for acts that need none. */
    default ApprovalRef approval() {
        return null;
    }

    /** Entered in the ledger under its number, in stock. */
    record Registered(Actor by, Instant at, String number) implements MediumEvent {
        public Registered {
            check(by, at);
            Objects.requireNonNull(number, "number");
        }
    }

    /** 发放: issued to {@code holder}. */
    record Issued(Actor by, Instant at, PersonRef.Named holder) implements MediumEvent {
        public Issued {
            check(by, at);
            Objects.requireNonNull(holder, "holder");
        }
    }

    /** 归还: back in stock from its holder. */
    record Returned(Actor by, Instant at, PersonRef.Named holder) implements MediumEvent {
        public Returned {
            check(by, at);
            Objects.requireNonNull(holder, "holder");
        }
    }

    /** 丢失: reported lost; an incident follows it up. */
    record ReportedLost(Actor by, Instant at, String note) implements MediumEvent {
        public ReportedLost {
            check(by, at);
            note = note == null ? "" : note.strip();
        }
    }

    /** 销毁: destroyed on an approval, as recorded. */
    record Destroyed(Actor by, Instant at, ApprovalRef approval, DestructionRecord record) implements MediumEvent {
        public Destroyed {
            check(by, at);
            Objects.requireNonNull(approval, "approval");
            Objects.requireNonNull(record, "record");
        }
    }

    private static void check(Actor by, Instant at) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
