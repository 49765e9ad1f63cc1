package org.baomi.core.carrier;

import java.time.LocalDate;
import java.util.List;
import org.baomi.core.classification.Marking;

/** Something about a carrier that needs someone's attention, for the dashboard and the overdue list. */
public sealed interface Reminder {

    CarrierId carrier();

    SerialNumber serial();

    /** Circulation past its due date; {@code unsigned} readers still hold it up. */
    record CirculationOverdue(CarrierId carrier, SerialNumber serial, LocalDate due, List<Actor> unsigned)
            implements Reminder {
        public CirculationOverdue {
            unsigned = List.copyOf(unsigned);
        }
    }

    record LoanOverdue(CarrierId carrier, SerialNumber serial, Actor borrower, LocalDate due) implements Reminder {
    }

    /** Carried out and not brought back by the date approved. */
    record CarryOutOverdue(CarrierId carrier, SerialNumber serial, Actor carriedBy, LocalDate returnBy)
            implements Reminder {
    }

    /**
     * The secrecy term ends on {@code declassificationDate} (within the warning window, or already
     * past: {@code daysLeft} ≤ 0): a declassification review is due.
     */
    record TermExpiring(CarrierId carrier, SerialNumber serial, Marking marking, LocalDate declassificationDate,
            long daysLeft) implements Reminder {
    }

    /** Held by an individual on loan as the year ends: to be cleared (returned) by 31 December. */
    record YearEndClearing(CarrierId carrier, SerialNumber serial, Actor borrower, int year) implements Reminder {
    }
}
