package org.baomi.core.device.lifecycle;

import java.util.List;
import java.util.Optional;
import org.baomi.core.DomainException;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.lifecycle.MediumEvent.*;

/** Derives a medium's status and holder from its history alone (see {@link DeviceHistory}). */
public final class MediumHistory {

    private MediumHistory() {
    }

    /** @param holder the person it is issued to, or {@code null} */
    public record State(MediumStatus status, PersonRef.Named holder) {
        public Optional<PersonRef.Named> currentHolder() {
            return Optional.ofNullable(holder);
        }
    }

    public static State replay(List<MediumEvent> events) {
        if (events.isEmpty() || !(events.get(0) instanceof Registered)) {
            throw corrupt(0, "a history starts with the registration");
        }
        State s = new State(MediumStatus.IN_STOCK, null);
        for (int i = 1; i < events.size(); i++) {
            s = apply(s, events.get(i), i);
        }
        return s;
    }

    static State apply(State s, MediumEvent e, int index) {
        if (s.status() == MediumStatus.LOST || s.status() == MediumStatus.DESTROYED) {
            throw corrupt(index, "nothing can follow " + s.status());
        }
        if (e instanceof Registered) {
            throw corrupt(index, "registered twice");
        }
        if (e instanceof Issued i) {
            expect(s, index, MediumStatus.IN_STOCK);
            return new State(MediumStatus.ISSUED, i.holder());
        }
        if (e instanceof Returned r) {
            expect(s, index, MediumStatus.ISSUED);
            if (s.holder().id() != r.holder().id()) {
                throw corrupt(index, "returned by someone who did not hold it");
            }
            return new State(MediumStatus.IN_STOCK, null);
        }
        if (e instanceof ReportedLost) {
            return new State(MediumStatus.LOST, s.holder());
        }
        if (e instanceof Destroyed) {
            expect(s, index, MediumStatus.IN_STOCK);
            return new State(MediumStatus.DESTROYED, null);
        }
        throw corrupt(index, "unknown event " + e.getClass().getSimpleName());
    }

    private static void expect(State s, int index, MediumStatus allowed) {
        if (s.status() != allowed) {
            throw corrupt(index, "not possible while " + s.status());
        }
    }

    private static DomainException corrupt(int index, String why) {
        return new DomainException("medium.historyCorrupt",
                "The stored history of this medium cannot be right (entry " + (index + 1) + ": " + why + ").",
                index + 1, why);
    }
}
