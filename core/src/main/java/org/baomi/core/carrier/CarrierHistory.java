package org.baomi.core.carrier;

import java.util.List;
import java.util.Optional;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierEvent.*;

/**
 * Derives a carrier's state from its history alone. {@link Carrier} applies each new event through
 * this same function, so the stored status can never drift from what the timeline shows, and
 * {@link Carrier#restore} can refuse a stored row that disagrees with its events.
 */
public final class CarrierHistory {

    private CarrierHistory() {
    }

    /**
     * The state a history leads to. {@code custodian} and {@code scope} are empty until the first
     * hand-over or scope change: until then they are what the registration recorded
     * ({@link CarrierDetails}), which the history does not repeat.
     */
    public record State(CarrierStatus status, CarrierMarking marking, StoragePlace storage,
            Optional<Circulation> circulation, Optional<Lent> loan, Optional<CarriedOut> carriedOut,
            Optional<CarrierId> copiedFrom, Optional<Actor> custodian, Optional<KnowledgeScope> scope) {

        State(CarrierStatus status, CarrierMarking marking, StoragePlace storage, Optional<Circulation> circulation,
                Optional<Lent> loan, Optional<CarriedOut> carriedOut, Optional<CarrierId> copiedFrom) {
            this(status, marking, storage, circulation, loan, carriedOut, copiedFrom, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Replays {@code events} from the first, which must be {@link Registered}.
     *
     * @throws DomainException ({@code carrier.historyCorrupt}) when the history is not one the
     *                         carrier could have written: an event after a terminal one, a
     *                         signature out of turn, a return without a loan, and so on
     */
    public static State replay(List<CarrierEvent> events) {
        if (events.isEmpty() || !(events.get(0) instanceof Registered first)) {
            throw corrupt(0, "a history starts with the registration");
        }
        State s = new State(CarrierStatus.IN_CUSTODY, new CarrierMarking.Classified(first.marking()), first.storage(),
                Optional.empty(), Optional.empty(), Optional.empty(), first.original());
        for (int i = 1; i < events.size(); i++) {
            s = apply(s, events.get(i), i);
        }
        return s;
    }

    static State apply(State s, CarrierEvent e, int index) {
        if (s.status().isTerminal()) {
            throw corrupt(index, "nothing can follow " + s.status().words());
        }
        // Java 17: no pattern switch yet, so an instanceof chain; the sealed interface keeps it
        // complete in review (the final throw names an event type this method forgot).
        if (e instanceof Registered) {
            throw corrupt(index, "registered twice");
        }
        if (e instanceof CirculationStarted c) {
            expect(s, index, CarrierStatus.IN_CUSTODY);
            return with(s, CarrierStatus.CIRCULATING,
                    Optional.of(new Circulation(c.route(), List.of(), c.due(), c.urgent())), Optional.empty(), Optional.empty());
        }
        if (e instanceof SignedAsRead r) {
            expect(s, index, CarrierStatus.CIRCULATING);
            Circulation c = s.circulation().orElseThrow();
            if (c.nextReader().map(n -> n.personId() != r.by().personId()).orElse(true)) {
                throw corrupt(index, r.by().name() + " signed out of turn");
            }
            return with(s, CarrierStatus.CIRCULATING, Optional.of(c.sign(r.by())), Optional.empty(), Optional.empty());
        }
        if (e instanceof CirculationEnded c) {
            expect(s, index, CarrierStatus.CIRCULATING);
            if (!s.circulation().orElseThrow().allSigned() && !c.recalled()) {
                throw corrupt(index, "circulation ended with unsigned readers and no reason");
            }
            return custody(s);
        }
        if (e instanceof Lent l) {
            expect(s, index, l.fromArchive() ? CarrierStatus.ARCHIVED : CarrierStatus.IN_CUSTODY);
            return with(s, CarrierStatus.ON_LOAN, Optional.empty(), Optional.of(l), Optional.empty());
        }
        if (e instanceof Returned r) {
            expect(s, index, CarrierStatus.ON_LOAN);
            if (s.loan().orElseThrow().fromArchive() != r.toArchive()) {
                throw corrupt(index, r.toArchive() ? "returned to the archive what was lent from custody"
                        : "returned to custody what was retrieved from the archive");
            }
            return r.toArchive() ? with(s, CarrierStatus.ARCHIVED, Optional.empty(), Optional.empty(), Optional.empty())
                    : custody(s);
        }
        if (e instanceof CarriedOut c) {
            expect(s, index, CarrierStatus.IN_CUSTODY);
            return with(s, CarrierStatus.CARRIED_OUT, Optional.empty(), Optional.empty(), Optional.of(c));
        }
        if (e instanceof BroughtBack) {
            expect(s, index, CarrierStatus.CARRIED_OUT);
            return custody(s);
        }
        if (e instanceof Copied) {
            expect(s, index, CarrierStatus.IN_CUSTODY);
            return s;
        }
        if (e instanceof Moved m) {
            expect(s, index, CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
            return new State(s.status(), s.marking(), m.to(), s.circulation(), s.loan(), s.carriedOut(), s.copiedFrom(),
                    s.custodian(), s.scope());
        }
        if (e instanceof Archived) {
            expect(s, index, CarrierStatus.IN_CUSTODY);
            return with(s, CarrierStatus.ARCHIVED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (e instanceof Cleared) {
            expect(s, index, CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
            return with(s, CarrierStatus.CLEARED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (e instanceof Destroyed) {
            expect(s, index, CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
            return with(s, CarrierStatus.DESTROYED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (e instanceof Lost) {
            // Lost from wherever it was: the loan, circulation or carrying out it was lost in is
            // kept in the state for the incident.
            return new State(CarrierStatus.LOST, s.marking(), s.storage(), s.circulation(), s.loan(), s.carriedOut(),
                    s.copiedFrom(), s.custodian(), s.scope());
        }
        if (e instanceof Reclassified r) {
            expect(s, index, CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
            if (s.marking() instanceof CarrierMarking.Declassified) {
                throw corrupt(index, "reclassified after declassification");
            }
            return new State(s.status(), new CarrierMarking.Classified(r.newMarking()), s.storage(), s.circulation(),
                    s.loan(), s.carriedOut(), s.copiedFrom(), s.custodian(), s.scope());
        }
        if (e instanceof Declassified d) {
            expect(s, index, CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
            if (s.marking() instanceof CarrierMarking.Declassified) {
                throw corrupt(index, "declassified twice");
            }
            return new State(s.status(), new CarrierMarking.Declassified(d.oldMarking()), s.storage(),
                    s.circulation(), s.loan(), s.carriedOut(), s.copiedFrom(), s.custodian(), s.scope());
        }
        if (e instanceof HandedOver h) {
            expect(s, index, CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
            if (h.from().personId() == h.to().personId()) {
                throw corrupt(index, "handed over to the same person");
            }
            if (s.custodian().map(c -> c.personId() != h.from().personId()).orElse(false)) {
                throw corrupt(index, "handed over by " + h.from().name() + ", who was not the custodian");
            }
            return new State(s.status(), s.marking(), s.storage(), s.circulation(), s.loan(), s.carriedOut(),
                    s.copiedFrom(), Optional.of(h.to()), s.scope());
        }
        if (e instanceof ScopeChanged c) {
            if (s.scope().map(old -> !old.equals(c.oldScope())).orElse(false)) {
                throw corrupt(index, "the scope changed from one it did not have");
            }
            return new State(s.status(), s.marking(), s.storage(), s.circulation(), s.loan(), s.carriedOut(),
                    s.copiedFrom(), s.custodian(), Optional.of(c.newScope()));
        }
        throw new IllegalStateException("replay does not know " + e.getClass().getSimpleName());
    }

    private static State custody(State s) {
        return with(s, CarrierStatus.IN_CUSTODY, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static State with(State s, CarrierStatus status, Optional<Circulation> circulation, Optional<Lent> loan,
            Optional<CarriedOut> carriedOut) {
        return new State(status, s.marking(), s.storage(), circulation, loan, carriedOut, s.copiedFrom(), s.custodian(),
                s.scope());
    }

    private static void expect(State s, int index, CarrierStatus... allowed) {
        for (CarrierStatus a : allowed) {
            if (s.status() == a) {
                return;
            }
        }
        throw corrupt(index, "not possible while " + s.status().words());
    }

    private static DomainException corrupt(int index, String why) {
        return new DomainException("carrier.historyCorrupt",
                "The stored history of this carrier is inconsistent at entry " + (index + 1) + ": " + why + ".",
                index + 1, why);
    }
}
