package org.baomi.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.core.carrier.CarrierFixtures.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.classification.Marking;
import org.junit.jupiter.api.Test;

class CarrierRemindersTest {

    static final CarrierReminders.Policy POLICY = CarrierReminders.Policy.DEFAULT;

    @Test
    void circulationIsOverdueTheDayAfterItIsDue() {
        Carrier c = secret();
        c.circulate(List.of(READER, NAMED), TODAY.plusDays(2), false, CirculationPolicy.DEFAULT, OFFICER, T0);
        c.signAsRead(READER, later(1));
        assertThat(CarrierReminders.overdueCirculation(c, TODAY.plusDays(2))).isEmpty();
        assertThat(CarrierReminders.overdueCirculation(c, TODAY.plusDays(3))).contains(
                new Reminder.CirculationOverdue(c.id(), c.serial(), TODAY.plusDays(2), List.of(NAMED.actor())));
        c.signAsRead(NAMED, later(2));
        c.endCirculation(OFFICER, later(3));
        assertThat(CarrierReminders.overdueCirculation(c, TODAY.plusDays(3))).isEmpty();
    }

    @Test
    void loanOverdueNamesTheBorrower() {
        Carrier c = secret();
        c.lend(READER, TODAY.plusDays(7), OFFICER, T0);
        assertThat(CarrierReminders.overdueLoan(c, TODAY.plusDays(7))).isEmpty();
        assertThat(CarrierReminders.overdueLoan(c, TODAY.plusDays(8)))
                .contains(new Reminder.LoanOverdue(c.id(), c.serial(), READER.actor(), TODAY.plusDays(7)));
        c.returnLoan(OFFICER, later(1));
        assertThat(CarrierReminders.overdueLoan(c, TODAY.plusDays(8))).isEmpty();
    }

    @Test
    void anOverdueRetrievalFromTheArchiveIsAnOverdueLoan() {
        Carrier c = secret();
        c.archive(OFFICER, T0);
        c.retrieve(READER, TODAY.plusDays(2), OFFICER, T0);
        assertThat(CarrierReminders.overdueLoan(c, TODAY.plusDays(2))).isEmpty();
        assertThat(CarrierReminders.all(c, TODAY.plusDays(3), CarrierReminders.Policy.DEFAULT))
                .contains(new Reminder.LoanOverdue(c.id(), c.serial(), READER.actor(), TODAY.plusDays(2)));
        c.returnLoan(OFFICER, later(1));
        assertThat(CarrierReminders.overdueLoan(c, TODAY.plusDays(3))).isEmpty();
    }

    @Test
    void carriedOutAndNotBackByTheReturnDate() {
        Carrier c = secret();
        c.carryOut(APPROVAL, TODAY.plusDays(1), READER, T0);
        assertThat(CarrierReminders.overdueCarryOut(c, TODAY.plusDays(1))).isEmpty();
        assertThat(CarrierReminders.overdueCarryOut(c, TODAY.plusDays(2)))
                .contains(new Reminder.CarryOutOverdue(c.id(), c.serial(), READER.actor(), TODAY.plusDays(1)));
    }

    @Test
    void termExpiringWithinTheWarningWindowCountedFromTheCarriersDate() {
        Carrier c = registered("秘密★1年", CABINET); // dated 2026-03-10: ends 2027-03-10
        LocalDate end = LocalDate.of(2027, 3, 10);
        assertThat(CarrierReminders.termExpiring(c, end.minusDays(91), 90)).isEmpty();
        assertThat(CarrierReminders.termExpiring(c, end.minusDays(90), 90)).contains(
                new Reminder.TermExpiring(c.id(), c.serial(), Marking.parse("秘密★1年"), end, 90));
        assertThat(CarrierReminders.termExpiring(c, end.plusDays(5), 90)).hasValueSatisfying(
                r -> assertThat(((Reminder.TermExpiring) r).daysLeft()).as("review overdue").isEqualTo(-5));
    }

    @Test
    void noTermReminderForLongTermDeclassifiedOrGoneCarriers() {
        LocalDate farFuture = LocalDate.of(2100, 1, 1);
        assertThat(CarrierReminders.termExpiring(topSecret(), farFuture, 90)).as("long-term").isEmpty();
        Carrier declassified = secret();
        declassified.declassify(APPROVAL, OFFICER, T0);
        assertThat(CarrierReminders.termExpiring(declassified, farFuture, 90)).isEmpty();
        Carrier destroyed = secret();
        destroyed.reportLost("lost", OFFICER, T0);
        assertThat(CarrierReminders.termExpiring(destroyed, farFuture, 90)).isEmpty();
        assertThat(CarrierReminders.termExpiring(secret(), farFuture, 90)).isPresent();
    }

    @Test
    void loansAreCalledInAsTheYearEndsAndStillAfterNewYear() {
        Carrier c = secret();
        c.lend(READER, LocalDate.of(2027, 1, 31), OFFICER, T0);
        assertThat(CarrierReminders.yearEndClearing(c, LocalDate.of(2026, 11, 30), POLICY)).isEmpty();
        assertThat(CarrierReminders.yearEndClearing(c, LocalDate.of(2026, 12, 1), POLICY))
                .contains(new Reminder.YearEndClearing(c.id(), c.serial(), READER.actor(), 2026));
        assertThat(CarrierReminders.yearEndClearing(c, LocalDate.of(2027, 1, 5), POLICY))
                .contains(new Reminder.YearEndClearing(c.id(), c.serial(), READER.actor(), 2026));
        Carrier inCustody = secret();
        assertThat(CarrierReminders.yearEndClearing(inCustody, LocalDate.of(2026, 12, 31), POLICY)).isEmpty();
    }

    @Test
    void theYearALoanBeganIsTheUnitsYear() {
        Carrier c = secret();
        // 23:30 on 31 December in Beijing is still 2026 there, though 15:30 UTC the same day
        c.lend(READER, LocalDate.of(2027, 1, 31), OFFICER, Instant.parse("2026-12-31T15:30:00Z"));
        assertThat(CarrierReminders.yearEndClearing(c, LocalDate.of(2027, 1, 2), POLICY)).isPresent();
        Carrier newYear = secret();
        newYear.lend(READER, LocalDate.of(2027, 1, 31), OFFICER, Instant.parse("2026-12-31T16:30:00Z"));
        assertThat(CarrierReminders.yearEndClearing(newYear, LocalDate.of(2027, 1, 2), POLICY)).isEmpty();
    }

    @Test
    void allGathersEveryReminderOfACarrier() {
        Carrier c = registered("秘密★6个月", CABINET);
        c.lend(READER, LocalDate.of(2026, 8, 1), OFFICER, T0);
        assertThat(CarrierReminders.all(c, LocalDate.of(2026, 12, 15), POLICY))
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("LoanOverdue", "TermExpiring", "YearEndClearing");
    }
}
