package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.carrier.Visibility;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.carrier.HandoverViews.HandoverList;
import org.baomi.server.carrier.HandoverViews.Preview;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** 移交 and 知悉范围变更 through the services on a real database (ADR 0017). */
abstract class CarrierHandoverTest extends WithCarrierWorld {

    @Autowired
    HandoverService handovers;

    CarrierView view(TestAccount who, long id) {
        return w.as(who, () -> carriers.get(id));
    }

    CarrierViews.Detail detail(long id) {
        return ((CarrierView.Full) view(w.keeper, id)).detail();
    }

    String custodianColumn(long id) {
        return jdbc.sql("select custodian_name from carrier where id = :id").param("id", id).query(String.class).single();
    }

    String nameOf(TestAccount a) {
        return jdbc.sql("select name from person where id = :id").param("id", a.personId()).query(String.class).single();
    }

    CarrierInput topSecret() {
        return w.input("绝密★长期", List.of(), List.of(w.deptA), StoragePlace.Kind.COMBINATION_SAFE);
    }

    static void assertProblem(Runnable act, String field, String code) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems()).extracting(ValidationException.FieldProblem::field).contains(field);
            assertThat(e.problems()).extracting(ValidationException.FieldProblem::code).contains(code);
        });
    }

    // ------------------------------------------------------------ one carrier

    @Test
    void aHandOverChangesTheCustodianEverywhereAndNamesBothPeople() {
        long id = w.register(w.secret()).id();
        long audits = fixtures.auditCount("carrier.handOver");

        long list = w.as(w.keeper, () -> handovers.handOver(id, w.head.personId(), "王某调离"));

        assertThat(detail(id).custodian().id()).isEqualTo(w.head.personId());
        assertThat(custodianColumn(id)).isEqualTo(nameOf(w.head));
        var timeline = w.as(w.keeper, () -> carriers.timeline(id));
        assertThat(timeline.get(timeline.size() - 1).event()).isInstanceOfSatisfying(CarrierEvent.HandedOver.class, e -> {
            assertThat(e.from().personId()).isEqualTo(w.keeper.personId());
            assertThat(e.to().personId()).isEqualTo(w.head.personId());
            assertThat(e.reason()).isEqualTo("王某调离");
        });
        assertThat(fixtures.auditCount("carrier.handOver")).isEqualTo(audits + 1);
        String after = jdbc.sql("select after_state from audit_entry where action = 'carrier.handOver' and object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single();
        String before = jdbc.sql("select before_state from audit_entry where action = 'carrier.handOver' and object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single();
        assertThat(before).contains(nameOf(w.keeper));
        assertThat(after).contains(nameOf(w.head)).contains("王某调离");
        CarrierQuery byCustodian = new CarrierQuery(w.unit, null, null, null, null, null, w.head.personId(), null, null,
                null, null, null, null, true, 1, 50);
        assertThat(w.as(w.keeper, () -> carriers.search(byCustodian)).items()).extracting(CarrierViews.Row::id)
                .containsExactly(id);
        HandoverList printed = w.as(w.keeper, () -> handovers.list(list));
        assertThat(printed.from().name()).isEqualTo(nameOf(w.keeper));
        assertThat(printed.to().name()).isEqualTo(nameOf(w.head));
        assertThat(printed.items()).extracting(HandoverViews.Item::carrierId).containsExactly(id);
    }

    @Test
    void refusesTheSamePersonSomeoneNotClearedInactiveOrOfAnotherUnit() {
        long secret = w.register(w.secret()).id();
        long top = w.register(topSecret()).id();
        assertProblem(() -> w.run(w.keeper, () -> carriers.handOver(secret, w.keeper.personId(), "调离")), "toPersonId",
                "carrier.sameCustodian");
        assertProblem(() -> w.run(w.keeper, () -> carriers.handOver(top, w.reader.personId(), "调离")), "toPersonId",
                "carrier.custodianNotCleared");
        assertProblem(() -> w.run(w.keeper, () -> carriers.handOver(secret, w.otherPerson, "调离")), "toPersonId",
                "carrier.personUnknown");
        assertProblem(() -> w.run(w.keeper, () -> carriers.handOver(secret, w.head.personId(), " ")), "reason",
                "carrier.reasonMissing");
        jdbc.sql("update person set active = false where id = :id").param("id", w.reader2.personId()).update();
        assertProblem(() -> w.run(w.keeper, () -> carriers.handOver(secret, w.reader2.personId(), "调离")), "toPersonId",
                "carrier.personInactive");
        assertThat(detail(secret).custodian().id()).isEqualTo(w.keeper.personId());
        assertThat(detail(top).custodian().id()).isEqualTo(w.keeper.personId());
    }

    @Test
    void onlyInCustodyOrArchivedAndOnlyByTheLedgerKeeper() {
        long id = w.register(w.secret()).id();
        w.run(w.keeper, () -> carriers.lend(id, w.reader.personId(), today.plusDays(3)));
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.handOver(id, w.head.personId(), "调离")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("carrier.wrongStatus"));
        w.run(w.keeper, () -> carriers.returnLoan(id));
        w.run(w.keeper, () -> carriers.archive(id));

        for (TestAccount who : List.of(w.reader, w.leader, w.inspector)) {
            assertThatThrownBy(() -> w.run(who, () -> carriers.handOver(id, w.head.personId(), "调离")))
                    .as(who.username()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> w.run(who, () -> carriers.changeScope(id, List.of(), List.of(w.deptB), "调整")))
                    .as(who.username()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> w.run(w.otherKeeper, () -> carriers.handOver(id, w.head.personId(), "调离")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.run(w.otherKeeper, () -> carriers.changeScope(id, List.of(), List.of(), "调整")))
                .isInstanceOf(NotFoundException.class);
        w.run(w.keeper, () -> carriers.handOver(id, w.head.personId(), "调离"));
        assertThat(detail(id).custodian().id()).isEqualTo(w.head.personId());
    }

    // ------------------------------------------------------------ everything a person keeps

    @Test
    void aBulkHandOverIsAllOrNothingAndNamesWhatCannotGo() {
        Registered a = w.register(w.secret());
        Registered b = w.register(w.secret());
        Registered top = w.register(topSecret());
        w.run(w.keeper, () -> carriers.lend(b.id(), w.reader.personId(), today.plusDays(2)));

        Preview preview = w.as(w.keeper, () -> handovers.preview(w.unit, w.keeper.personId(), w.archivist.personId()));
        assertThat(preview.items()).extracting(HandoverViews.Candidate::carrierId)
                .containsExactlyInAnyOrder(a.id(), b.id(), top.id());
        assertThat(preview.refused()).isEqualTo(2);
        assertThat(preview.items()).filteredOn(HandoverViews.Candidate::canGo)
                .extracting(HandoverViews.Candidate::carrierId).containsExactly(a.id());

        assertThatThrownBy(() -> w.run(w.keeper, () -> handovers.handOverAll(w.unit, w.keeper.personId(),
                w.archivist.personId(), "调离"))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).extracting(ValidationException.FieldProblem::field)
                            .containsOnly("carriers");
                    assertThat(e.problems()).extracting(p -> p.args()[0]).containsExactlyInAnyOrder(b.serial(),
                            top.serial());
                });
        for (long id : List.of(a.id(), b.id(), top.id())) {
            assertThat(detail(id).custodian().id()).as("nothing changed").isEqualTo(w.keeper.personId());
        }

        w.run(w.keeper, () -> carriers.returnLoan(b.id()));
        long audits = fixtures.auditCount("carrier.handOver");
        long list = w.as(w.keeper, () -> handovers.handOverAll(w.unit, w.keeper.personId(), w.head.personId(), "调离"));
        for (long id : List.of(a.id(), b.id(), top.id())) {
            assertThat(detail(id).custodian().id()).isEqualTo(w.head.personId());
        }
        assertThat(fixtures.auditCount("carrier.handOver")).isEqualTo(audits + 3);
        HandoverList printed = w.as(w.keeper, () -> handovers.list(list));
        assertThat(printed.items()).hasSize(3).allMatch(i -> i.title() != null);
        assertThat(printed.reason()).isEqualTo("调离");
        assertThatThrownBy(() -> w.as(w.otherKeeper, () -> handovers.list(list))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.as(w.reader, () -> handovers.list(list))).isInstanceOf(AccessDeniedException.class);
        // Titles only for levels the reader of the list is cleared for: the archivist is not cleared for TOP SECRET.
        HandoverList forArchivist = w.as(w.archivist, () -> handovers.list(list));
        assertThat(forArchivist.items()).filteredOn(i -> i.carrierId() == top.id()).allMatch(i -> i.title() == null);
        assertProblem(() -> w.as(w.keeper, () -> handovers.preview(w.unit, w.keeper.personId(), w.head.personId())),
                "fromPersonId", "carrier.handoverNothing");
        assertThatThrownBy(() -> w.as(w.otherKeeper, () -> handovers.preview(w.unit, w.head.personId(),
                w.keeper.personId()))).isInstanceOf(AccessDeniedException.class);
    }

    // ------------------------------------------------------------ scope

    @Test
    void needToKnowFollowsTheNewScopeAndTheDisclosureRecordKeepsPastViews() {
        long id = w.register(w.secret()).id();
        assertThat(view(w.reader, id)).isInstanceOf(CarrierView.Full.class);
        assertThat(view(w.outsider, id)).isInstanceOf(CarrierView.Restricted.class);

        w.run(w.keeper, () -> carriers.changeScope(id, List.of(), List.of(w.deptB), "工作调整"));

        assertThat(view(w.reader, id)).isInstanceOfSatisfying(CarrierView.Restricted.class,
                r -> assertThat(r.reason()).isEqualTo(Visibility.Reason.NOT_IN_SCOPE));
        assertThat(view(w.outsider, id)).isInstanceOf(CarrierView.Full.class);
        CarrierQuery all = new CarrierQuery(w.unit, null, null, null, null, null, null, null, null, null, null, null,
                null, true, 1, 50);
        assertThat(w.as(w.reader, () -> carriers.search(all)).items()).filteredOn(r -> r.id() == id)
                .allMatch(r -> !r.detailsVisible());
        assertThat(w.as(w.outsider, () -> carriers.search(all)).items()).filteredOn(r -> r.id() == id)
                .allMatch(CarrierViews.Row::detailsVisible);
        assertThat(w.as(w.keeper, () -> carriers.disclosure(id))).extracting(CarrierViews.Disclosure::username)
                .contains(w.reader.username(), w.outsider.username());
        var timeline = w.as(w.keeper, () -> carriers.timeline(id));
        assertThat(timeline.get(timeline.size() - 1).event()).isInstanceOfSatisfying(CarrierEvent.ScopeChanged.class,
                e -> {
                    assertThat(e.oldScope().departmentIds()).containsExactly(w.deptA);
                    assertThat(e.newScope().departmentIds()).containsExactly(w.deptB);
                });
        assertThat(detail(id).scopeDepartments()).extracting(CarrierViews.Label::id).containsExactly(w.deptB);
        String after = jdbc.sql("select after_state from audit_entry where action = 'carrier.scope' and object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single();
        assertThat(after).contains("工作调整");
    }

    @Test
    void theBorrowerAndTheCustodianStayInTheScope() {
        long id = w.register(w.secret()).id();
        w.run(w.keeper, () -> carriers.lend(id, w.reader.personId(), today.plusDays(3)));
        assertProblem(() -> w.run(w.keeper, () -> carriers.changeScope(id, List.of(), List.of(w.deptB), "调整")),
                "scopePersonIds", "carrier.holderOutOfScope");
        w.run(w.keeper, () -> carriers.changeScope(id, List.of(w.reader.personId()), List.of(w.deptB), "调整"));
        w.run(w.keeper, () -> carriers.returnLoan(id));

        w.run(w.keeper, () -> carriers.handOver(id, w.outsider.personId(), "调离"));
        assertProblem(() -> w.run(w.keeper, () -> carriers.changeScope(id, List.of(w.reader.personId()), List.of(),
                "调整")), "scopePersonIds", "carrier.custodianOutOfScope");
        assertProblem(() -> w.run(w.keeper, () -> carriers.changeScope(id, List.of(), List.of(), "调整")),
                "scopePersonIds", "carrier.scopeEmpty");
        assertProblem(() -> w.run(w.keeper, () -> carriers.changeScope(id, List.of(w.otherPerson), List.of(w.deptB),
                "调整")), "scopePersonIds", "carrier.personUnknown");
        assertThat(detail(id).scopeDepartments()).extracting(CarrierViews.Label::id).containsExactly(w.deptB);
        assertThat(detail(id).scopePeople()).extracting(CarrierViews.Label::id).containsExactly(w.reader.personId());
        // the restored aggregate agrees with its rows (restore checks custodian and scope against the history)
        assertThat(w.as(w.keeper, () -> carriers.timeline(id))).extracting(CarrierViews.TimelineEntry::kind)
                .containsSubsequence("ScopeChanged", "HandedOver");
        assertThat(detail(id).custodian().id()).isEqualTo(w.outsider.personId());
    }
}
