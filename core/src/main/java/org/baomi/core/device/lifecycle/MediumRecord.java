package org.baomi.core.device.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.lifecycle.MediumEvent.*;

/**
 * One removable medium of a unit's ledger and its life: registered (numbered) → issued to a holder
 * cleared for its level → returned → ... → destroyed on an approval; or lost at any time before.
 * Same pattern as {@link DeviceRecord}: acts named for what they do, one event each, state from
 * replay. The medium's level is a ledger detail the server passes in as it stands.
 */
public final class MediumRecord {

    /** The acts, to ask whether one is possible now (see {@link DeviceRecord.Act}). */
    public enum Act {
        ISSUE("issue", MediumStatus.IN_STOCK),
        RETURN("take back", MediumStatus.ISSUED),
        REPORT_LOST("report lost", MediumStatus.IN_STOCK, MediumStatus.ISSUED),
        DESTROY("destroy", MediumStatus.IN_STOCK);

        private final String words;
        private final List<MediumStatus> from;

        Act(String words, MediumStatus... from) {
            this.words = words;
            this.from = List.of(from);
        }

        public List<MediumStatus> from() {
            return from;
        }
    }

    private final long id;
    private final String number;
    private final ClassificationLevel level;
    private final List<MediumEvent> history;
    private MediumHistory.State state;

    private MediumRecord(long id, String number, ClassificationLevel level, List<MediumEvent> history) {
        this.id = id;
        this.number = Objects.requireNonNull(number, "number");
        this.level = Objects.requireNonNull(level, "level");
        this.history = new ArrayList<>(history);
        this.state = MediumHistory.replay(this.history);
    }

    /** Enters a medium in the ledger under the number the server allocated; it is in stock. */
    public static MediumRecord register(long id, String number, ClassificationLevel level, Actor by, Instant at) {
        return new MediumRecord(id, number, level, List.of(new Registered(by, at, number)));
    }

    /** @throws DomainException {@code medium.historyCorrupt} or {@code medium.statusMismatch} */
    public static MediumRecord restore(long id, String number, ClassificationLevel level, MediumStatus storedStatus,
            List<MediumEvent> history) {
        MediumRecord medium = new MediumRecord(id, number, level, history);
        if (medium.status() != storedStatus) {
            throw new DomainException("medium.statusMismatch", "Medium " + number + " is stored as " + storedStatus
                    + " but its history says " + medium.status() + ".", number, storedStatus, medium.status());
        }
        return medium;
    }

    /**
     * 发放 — issues the medium to {@code holder}, whose secret-related level must allow its level.
     *
     * @throws DomainException {@code medium.holderNotCleared} or a status refusal
     */
    public void issue(PersonRef holder, Actor by, Instant at) {
        requirePossible(Act.ISSUE);
        Objects.requireNonNull(holder, "holder");
        if (!holder.cleared(level)) {
            throw new DomainException("medium.holderNotCleared", holder.name() + " is not cleared for "
                    + level.chinese() + " and cannot hold medium " + number + ".", holder.name(), level, number);
        }
        append(new Issued(by, at, holder.named()));
    }

    /** 归还 — the holder gave it back; it is in stock again. */
    public void returnToStock(Actor by, Instant at) {
        requirePossible(Act.RETURN);
        append(new Returned(by, at, state.holder()));
    }

    /** 丢失 — lost; the server opens an incident in the same transaction. */
    public void reportLost(String note, Actor by, Instant at) {
        requirePossible(Act.REPORT_LOST);
        if (note == null || note.isBlank()) {
            throw new DomainException("medium.loss.noteRequired",
                    "Say when and where the medium was last seen and how it was lost.", number);
        }
        append(new ReportedLost(by, at, note));
    }

    /**
     * 销毁 — destroyed on an approval, from stock (an issued medium is returned first).
     *
     * @throws DomainException {@code medium.approvalRequired} or a status refusal
     */
    public void destroy(ApprovalRef approval, DestructionRecord record, Actor by, Instant at) {
        requirePossible(Act.DESTROY);
        if (approval == null) {
            throw new DomainException("medium.approvalRequired",
                    "Destroying medium " + number + " needs an approved request.", number);
        }
        Objects.requireNonNull(record, "record");
        append(new Destroyed(by, at, approval, record));
    }

    public long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public ClassificationLevel level() {
        return level;
    }

    public MediumStatus status() {
        return state.status();
    }

    public MediumHistory.State state() {
        return state;
    }

    public List<MediumEvent> history() {
        return List.copyOf(history);
    }

    public MediumEvent lastEvent() {
        return history.get(history.size() - 1);
    }

    private void append(MediumEvent event) {
        MediumHistory.State next = MediumHistory.apply(state, event, history.size());
        history.add(event);
        state = next;
    }

    private void requireOpen() {
        if (!state.status().inService()) {
            throw new DomainException("medium.closed", "Medium " + number + " is " + words(state.status())
                    + "; nothing more can be recorded for it.", number, state.status());
        }
    }

    /** The acts possible in the medium's present status. */
    public java.util.Set<Act> possibleActs() {
        java.util.Set<Act> acts = java.util.EnumSet.noneOf(Act.class);
        for (Act act : Act.values()) {
            if (act.from().contains(state.status())) {
                acts.add(act);
            }
        }
        return acts;
    }

    /** Refuses {@code act} as the act itself would: {@code medium.closed} or {@code medium.wrongStatus}. */
    public void requirePossible(Act act) {
        requireOpen();
        if (!act.from().contains(state.status())) {
            throw new DomainException("medium.wrongStatus", "Cannot " + act.words + " medium " + number
                    + " while it is " + words(state.status()) + ".", number, state.status(), act.name());
        }
    }

    private static String words(MediumStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }
}
