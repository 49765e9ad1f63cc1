package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierViews.ReminderKind;
import org.baomi.server.incident.IncidentService;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** 调阅 — retrieval from the archive through {@link CarrierService} on a real database (ADR 0018). */
abstract class CarrierArchiveTest extends WithCarrierWorld {

    @Autowired
    CarrierRepository repository;
    @Autowired
    CarrierEventCodec codec;
    @Autowired
    OrgScope orgScope;
    @Autowired
    AuditLog audit;
    @Autowired
    AccountRepository accounts;
    @Autowired
    IncidentService incidents;
    @Autowired
    PlatformTransactionManager transactions;

    long archived() {
        long id = w.register(w.secret()).id();
        w.run(w.keeper, () -> carriers.archive(id));
        return id;
    }

    CarrierViews.Detail detail(long id) {
        return ((CarrierView.Full) w.as(w.keeper, () -> carriers.get(id))).detail();
    }

    String statusColumn(long id) {
        return jdbc.sql("select status from carrier where id = :id").param("id", id).query(String.class).single();
    }

    static void refusedWith(Runnable act, String code) {
        assertThatThrownBy(act::run).satisfies(e -> {
            if (e instanceof ValidationException v) {
                assertThat(v.problems()).extracting(ValidationException.FieldProblem::code).contains(code);
            } else {
                assertThat(e).isInstanceOfSatisfying(DomainException.class, d -> assertThat(d.code()).isEqualTo(code));
            }
        });
    }

    @Test
    void retrievedForAReaderThenReturnedToTheArchiveStoredAndAudited() {
        long id = archived();
        long retrievals = fixtures.auditCount("carrier.retrieve");
        long returns = fixtures.auditCount("carrier.returnToArchive");

        w.run(w.keeper, () -> carriers.retrieve(id, w.reader.personId(), today.plusDays(3)));

        assertThat(statusColumn(id)).isEqualTo("ON_LOAN");
        CarrierViews.Holding loan = detail(id).loan();
        assertThat(loan.personId()).isEqualTo(w.reader.personId());
        assertThat(loan.due()).isEqualTo(today.plusDays(3));
        assertThat(loan.fromArchive()).isTrue();
        assertThat(fixtures.auditCount("carrier.retrieve")).isEqualTo(retrievals + 1);

        // the reader himself brings it back, as with a loan
        w.run(w.reader, () -> carriers.returnLoan(id));

        assertThat(statusColumn(id)).isEqualTo("ARCHIVED");
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.ARCHIVED);
        assertThat(detail(id).loan()).isNull();
        assertThat(fixtures.auditCount("carrier.returnToArchive")).isEqualTo(returns + 1);
        var timeline = w.as(w.keeper, () -> carriers.timeline(id));
        assertThat(timeline.get(timeline.size() - 2).event()).isInstanceOfSatisfying(CarrierEvent.Lent.class,
                e -> assertThat(e.fromArchive()).isTrue());
        assertThat(timeline.get(timeline.size() - 1).event()).isInstanceOfSatisfying(CarrierEvent.Returned.class,
                e -> assertThat(e.toArchive()).isTrue());
        String after = jdbc.sql("select after_state from audit_entry where action = 'carrier.returnToArchive' and object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single();
        assertThat(after).contains("ARCHIVED");
    }

    @Test
    void aLoanFromCustodyStillComesBackToCustody() {
        long id = w.register(w.secret()).id();
        w.run(w.keeper, () -> carriers.lend(id, w.reader.personId(), today.plusDays(3)));
        assertThat(detail(id).loan().fromArchive()).isFalse();
        w.run(w.keeper, () -> carriers.returnLoan(id));
        assertThat(statusColumn(id)).isEqualTo("IN_CUSTODY");
        assertThat(fixtures.auditCount("carrier.returnLoan")).isPositive();
    }

    @Test
    void refusesReadersNotClearedOrNotInScopeAWrongStatusAndABadDueDate() {
        long id = archived();
        long audits = fixtures.auditCount("carrier.retrieve");
        refusedWith(() -> w.run(w.keeper, () -> carriers.retrieve(id, w.general.personId(), today.plusDays(3))),
                "carrier.borrowerNotCleared");
        refusedWith(() -> w.run(w.keeper, () -> carriers.retrieve(id, w.outsider.personId(), today.plusDays(3))),
                "carrier.borrowerNotInScope");
        refusedWith(() -> w.run(w.keeper, () -> carriers.retrieve(id, w.reader.personId(), today.minusDays(1))),
                "carrier.dueInPast");
        refusedWith(() -> w.run(w.keeper, () -> carriers.retrieve(id, w.reader.personId(), null)), "carrier.required");
        refusedWith(() -> w.run(w.keeper, () -> carriers.retrieve(id, w.otherPerson, today.plusDays(3))),
                "carrier.personUnknown");
        assertThat(statusColumn(id)).isEqualTo("ARCHIVED");
        assertThat(fixtures.auditCount("carrier.retrieve")).as("nothing recorded").isEqualTo(audits);

        long inCustody = w.register(w.secret()).id();
        refusedWith(() -> w.run(w.keeper, () -> carriers.retrieve(inCustody, w.reader.personId(), today.plusDays(3))),
                "carrier.wrongStatus");
        w.run(w.keeper, () -> carriers.retrieve(id, w.reader.personId(), today.plusDays(3)));
        refusedWith(() -> w.run(w.keeper, () -> carriers.retrieve(id, w.reader2.personId(), today.plusDays(3))),
                "carrier.onLoan");
        assertThat(detail(id).loan().personId()).as("no hand-off between readers").isEqualTo(w.reader.personId());
    }

    @Test
    void onlyTheUnitsLedgerKeepersRetrieveAndOtherUnitsDoNotSeeTheCarrier() {
        long id = archived();
        for (TestAccount who : List.of(w.reader, w.leader, w.head, w.inspector)) {
            assertThatThrownBy(() -> w.run(who, () -> carriers.retrieve(id, w.reader.personId(), today.plusDays(3))))
                    .as(who.username()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> w.run(w.otherKeeper, () -> carriers.retrieve(id, w.reader.personId(), today.plusDays(3))))
                .isInstanceOf(NotFoundException.class);
        w.run(w.keeper, () -> carriers.retrieve(id, w.reader.personId(), today.plusDays(3)));
        assertThatThrownBy(() -> w.run(w.reader2, () -> carriers.returnLoan(id)))
                .as("neither the reader nor the keeper").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> w.run(w.otherKeeper, () -> carriers.returnLoan(id))).isInstanceOf(NotFoundException.class);
        assertThat(statusColumn(id)).isEqualTo("ON_LOAN");
    }

    @Test
    void anOverdueRetrievalIsAnOverdueLoanInTheReminders() {
        CarrierService threeWeeksAgo = new CarrierService(repository, codec, orgScope, audit, approvals, accounts,
                incidents, Clock.offset(clock, Duration.ofDays(-21)), transactions);
        long id = archived();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> w.run(w.keeper,
                () -> threeWeeksAgo.retrieve(id, w.reader.personId(), today.minusDays(14))));
        assertThat(detail(id).loan().overdue()).isTrue();
        assertThat(w.as(w.keeper, () -> carriers.reminders(w.unit))).anyMatch(r -> r.kind() == ReminderKind.LOAN_OVERDUE
                && r.carrierId() == id && r.daysLeft() == -14 && w.reader.username().equals(r.person()));
        assertThat(w.as(w.reader, () -> carriers.reminders(null))).extracting(CarrierViews.ReminderRow::carrierId)
                .contains(id);
        w.run(w.keeper, () -> carriers.returnLoan(id));
        assertThat(w.as(w.keeper, () -> carriers.reminders(w.unit))).noneMatch(r -> r.carrierId() == id
                && r.kind() == ReminderKind.LOAN_OVERDUE);
        assertThat(statusColumn(id)).isEqualTo("ARCHIVED");
    }
}
