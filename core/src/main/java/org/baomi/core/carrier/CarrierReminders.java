package org.baomi.core.carrier;

import org.baomi.core.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.baomi.core.classification.Marking;

/**
 * The reminders a carrier gives on {@code today}: pure functions of the carrier and the date, so
 * the server can run them over the ledger (or translate them into SQL) and the tests need no clock.
 * Overdue means the due date has passed: a loan due today is not yet overdue.
 */
public final class CarrierReminders {

    /**
     * @param termWarningDays    how far ahead a term's end is announced (the issue: 90 days)
     * @param yearEndWindowDays  how many days before 31 December loans start to be called in
     * @param zone               the unit's time zone, to tell in which year a loan began
     */
    public record Policy(int termWarningDays, int yearEndWindowDays, ZoneId zone) {
        public static final Policy DEFAULT = new Policy(90, 30, ChinaTime.ZONE);

        public Policy {
            if (termWarningDays < 0 || yearEndWindowDays < 0) {
                throw new IllegalArgumentException("reminder windows are not negative");
            }
            Objects.requireNonNull(zone, "zone");
        }
    }

    private CarrierReminders() {
    }

    /** Every reminder {@code carrier} gives on {@code today}, in the order of the methods below. */
    public static List<Reminder> all(Carrier carrier, LocalDate today, Policy policy) {
        List<Reminder> all = new ArrayList<>();
        overdueCirculation(carrier, today).ifPresent(all::add);
        overdueLoan(carrier, today).ifPresent(all::add);
        overdueCarryOut(carrier, today).ifPresent(all::add);
        termExpiring(carrier, today, policy.termWarningDays()).ifPresent(all::add);
        yearEndClearing(carrier, today, policy).ifPresent(all::add);
        return all;
    }

    public static Optional<Reminder> overdueCirculation(Carrier carrier, LocalDate today) {
        return carrier.circulation().filter(c -> today.isAfter(c.due()))
                .map(c -> new Reminder.CirculationOverdue(carrier.id(), carrier.serial(), c.due(), c.unsigned()));
    }

    public static Optional<Reminder> overdueLoan(Carrier carrier, LocalDate today) {
        return carrier.loan().filter(l -> today.isAfter(l.due()))
                .map(l -> new Reminder.LoanOverdue(carrier.id(), carrier.serial(), l.to(), l.due()));
    }

    public static Optional<Reminder> overdueCarryOut(Carrier carrier, LocalDate today) {
        return carrier.carriedOut().filter(c -> today.isAfter(c.returnBy()))
                .map(c -> new Reminder.CarryOutOverdue(carrier.id(), carrier.serial(), c.by(), c.returnBy()));
    }

    /**
     * A declassification review is due when the term, counted from {@link CarrierDetails#dated},
     * ends within {@code warningDays} — or has ended and the carrier is still classified. Long-term
     * and conditional terms have no date and give no reminder; nor do carriers that have left the
     * unit (cleared, destroyed, lost) or are declassified already.
     */
    public static Optional<Reminder> termExpiring(Carrier carrier, LocalDate today, int warningDays) {
        if (carrier.status().isTerminal() || !(carrier.marking() instanceof CarrierMarking.Classified c)) {
            return Optional.empty();
        }
        Marking marking = c.marking();
        return marking.declassificationDate(carrier.details().dated())
                .filter(end -> !end.isAfter(today.plusDays(warningDays)))
                .map(end -> new Reminder.TermExpiring(carrier.id(), carrier.serial(), marking, end,
                        ChronoUnit.DAYS.between(today, end)));
    }

    /**
     * Documents issued to individuals are cleared by the year end: a carrier on loan gives this
     * reminder from {@code yearEndWindowDays} before 31 December, and after New Year for as long as
     * a loan begun in an earlier year is still out.
     */
    public static Optional<Reminder> yearEndClearing(Carrier carrier, LocalDate today, Policy policy) {
        return carrier.loan().filter(l -> {
            LocalDate yearEnd = MonthDay.of(12, 31).atYear(today.getYear());
            boolean inWindow = !today.isBefore(yearEnd.minusDays(policy.yearEndWindowDays()));
            boolean fromEarlierYear = LocalDate.ofInstant(l.at(), policy.zone()).getYear() < today.getYear();
            return inWindow || fromEarlierYear;
        }).map(l -> new Reminder.YearEndClearing(carrier.id(), carrier.serial(), l.to(),
                fromYear(l.at(), policy.zone(), today)));
    }

    private static int fromYear(Instant lentAt, ZoneId zone, LocalDate today) {
        // The year whose end the loan should not have outlived: the year it began, if earlier.
        return Math.min(LocalDate.ofInstant(lentAt, zone).getYear(), today.getYear());
    }
}
