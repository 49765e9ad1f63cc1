package org.baomi.core.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.baomi.core.classification.Marking;

/**
 * One entry of a carrier's history (its timeline): what happened, who did it and when. The history
 * is append-only; the carrier's status, marking, storage place and circulation are what replaying
 * it gives ({@link CarrierHistory#replay}).
 */
public sealed interface CarrierEvent {

    /** Who did it (for {@link SignedAsRead}, the reader who signed). */
    Actor by();

    Instant at();

    /** Entered in the ledger — or, with {@code copiedFrom}, made as a copy of that carrier. */
    record Registered(Actor by, Instant at, Marking marking, StoragePlace storage, CarrierId copiedFrom)
            implements CarrierEvent {
        public Registered {
            check(by, at);
            Objects.requireNonNull(marking, "marking");
            Objects.requireNonNull(storage, "storage");
        }

        public Optional<CarrierId> original() {
            return Optional.ofNullable(copiedFrom);
        }
    }

    /** Sent round {@code route}, in that order, to come back by {@code due}. */
    record CirculationStarted(Actor by, Instant at, List<Actor> route, LocalDate due, boolean urgent)
            implements CarrierEvent {
        public CirculationStarted {
            check(by, at);
            route = List.copyOf(route);
            Objects.requireNonNull(due, "due");
        }
    }

    /** A reader signed with his full name ({@code by.name()}) at {@code at}. */
    record SignedAsRead(Actor by, Instant at) implements CarrierEvent {
        public SignedAsRead {
            check(by, at);
        }
    }

    /**
     * Back in custody from circulation: every reader signed ({@code recallReason} empty), or recalled
     * early with a reason, leaving {@code unsigned} readers who did not read it.
     */
    record CirculationEnded(Actor by, Instant at, String recallReason, List<Actor> unsigned) implements CarrierEvent {
        public CirculationEnded {
            check(by, at);
            recallReason = recallReason == null ? "" : recallReason.strip();
            unsigned = List.copyOf(unsigned);
        }

        public boolean recalled() {
            return !recallReason.isEmpty();
        }
    }

    /**
     * 借阅 — lent to {@code to} until {@code due}; with {@code fromArchive}, 调阅 — retrieved from the
     * archive for reading, to go back to the archive on return (ADR 0018).
     */
    record Lent(Actor by, Instant at, Actor to, LocalDate due, boolean fromArchive) implements CarrierEvent {
        public Lent {
            check(by, at);
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(due, "due");
        }

        /** A loan from custody. */
        public Lent(Actor by, Instant at, Actor to, LocalDate due) {
            this(by, at, to, due, false);
        }
    }

    /**
     * The borrower returned it; {@code by} is who took it back — into custody, or with
     * {@code toArchive} into the archive it was retrieved from.
     */
    record Returned(Actor by, Instant at, Actor borrower, boolean toArchive) implements CarrierEvent {
        public Returned {
            check(by, at);
            Objects.requireNonNull(borrower, "borrower");
        }

        /** Back into custody. */
        public Returned(Actor by, Instant at, Actor borrower) {
            this(by, at, borrower, false);
        }
    }

    record CarriedOut(Actor by, Instant at, ApprovalRef approval, LocalDate returnBy) implements CarrierEvent {
        public CarriedOut {
            check(by, at);
            Objects.requireNonNull(approval, "approval");
            Objects.requireNonNull(returnBy, "returnBy");
        }
    }

    record BroughtBack(Actor by, Instant at) implements CarrierEvent {
        public BroughtBack {
            check(by, at);
        }
    }

    /**
     * Copies were made; each is a new carrier whose {@link Registered#copiedFrom} names this one.
     * {@code consent} is present for TOP SECRET.
     */
    record Copied(Actor by, Instant at, ApprovalRef approval, List<CarrierId> copies, OriginatorConsent consent)
            implements CarrierEvent {
        public Copied {
            check(by, at);
            Objects.requireNonNull(approval, "approval");
            copies = List.copyOf(copies);
        }

        public Optional<OriginatorConsent> originatorConsent() {
            return Optional.ofNullable(consent);
        }
    }

    /** Moved to another storage place. */
    record Moved(Actor by, Instant at, StoragePlace from, StoragePlace to) implements CarrierEvent {
        public Moved {
            check(by, at);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    record Archived(Actor by, Instant at) implements CarrierEvent {
        public Archived {
            check(by, at);
        }
    }

    /** 清退 — returned to {@code issuer}, who signed {@code receipt}. */
    record Cleared(Actor by, Instant at, String receipt, String issuer) implements CarrierEvent {
        public Cleared {
            check(by, at);
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    record Destroyed(Actor by, Instant at, DestructionRecord record) implements CarrierEvent {
        public Destroyed {
            check(by, at);
            Objects.requireNonNull(record, "record");
        }
    }

    /** Reported lost; the server opens an incident from {@code note}. */
    record Lost(Actor by, Instant at, String note) implements CarrierEvent {
        public Lost {
            check(by, at);
            Objects.requireNonNull(note, "note");
        }
    }

    /** The marking changed (level or term); the old one is kept, struck out beside the new. */
    record Reclassified(Actor by, Instant at, Marking oldMarking, Marking newMarking, ApprovalRef approval)
            implements CarrierEvent {
        public Reclassified {
            check(by, at);
            Objects.requireNonNull(oldMarking, "oldMarking");
            Objects.requireNonNull(newMarking, "newMarking");
            Objects.requireNonNull(approval, "approval");
        }
    }

    /** Declassified: marked 解密 from now on; {@code oldMarking} is what it bore before. */
    record Declassified(Actor by, Instant at, Marking oldMarking, ApprovalRef approval) implements CarrierEvent {
        public Declassified {
            check(by, at);
            Objects.requireNonNull(oldMarking, "oldMarking");
            Objects.requireNonNull(approval, "approval");
        }
    }

    /**
     * 移交 — the custodian (责任人) changed from {@code from} to {@code to}, recorded by {@code by}
     * (the ledger keeper), for {@code reason}. Both names stay on the record.
     */
    record HandedOver(Actor by, Instant at, Actor from, Actor to, String reason) implements CarrierEvent {
        public HandedOver {
            check(by, at);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** 知悉范围变更 — the knowledge scope changed from {@code oldScope} to {@code newScope}, for {@code reason}. */
    record ScopeChanged(Actor by, Instant at, KnowledgeScope oldScope, KnowledgeScope newScope, String reason)
            implements CarrierEvent {
        public ScopeChanged {
            check(by, at);
            Objects.requireNonNull(oldScope, "oldScope");
            Objects.requireNonNull(newScope, "newScope");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static void check(Actor by, Instant at) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
