package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalStep;
import org.baomi.core.carrier.Actor;
import org.baomi.core.carrier.ApprovalRef;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.carrier.SerialNumberPattern;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.carrier.Visibility;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.security.Role;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.carrier.CarrierViews.ReminderKind;
import org.baomi.server.carrier.CarrierViews.Row;
import org.baomi.server.carrier.CarrierViews.TimelineEntry;
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

/** The ledger through {@link CarrierService} on a real database: registration, need-to-know, acts, approvals. */
abstract class CarrierServiceTest extends WithCarrierWorld {

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

    String unitCode() {
        return jdbc.sql("select code from unit where id = :id").param("id", w.unit).query(String.class).single();
    }

    CarrierView view(TestAccount who, long id) {
        return w.as(who, () -> carriers.get(id));
    }

    CarrierViews.Detail detail(long id) {
        return ((CarrierView.Full) view(w.keeper, id)).detail();
    }

    long views(long id) {
        return jdbc.sql("select count(*) from audit_entry where action = 'carrier.view' and object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single();
    }

    // ------------------------------------------------------------ registration

    @Test
    void registrationAssignsTheNextSerialOfTheUnitYearAndTypeAndStartsTheTimeline() {
        long before = fixtures.auditCount("carrier.register");
        Registered first = w.register(w.secret());
        Registered second = w.register(w.secret());
        int year = CarrierWorld.today(clock).getYear();
        assertThat(first.serial()).isEqualTo(unitCode() + "-" + year + "-PD-00001");
        assertThat(second.serial()).isEqualTo(unitCode() + "-" + year + "-PD-00002");
        CarrierView.Full full = (CarrierView.Full) view(w.keeper, first.id());
        assertThat(full.detail().status()).isEqualTo(CarrierStatus.IN_CUSTODY);
        assertThat(full.detail().markingText()).isEqualTo("机密★10年");
        assertThat(full.detail().declassificationDate()).isEqualTo(LocalDate.of(2036, 3, 1));
        assertThat(full.timeline()).extracting(TimelineEntry::kind).containsExactly("Registered");
        assertThat(fixtures.auditCount("carrier.register")).isEqualTo(before + 2);
    }

    @Test
    void numbersAnImportedRegisterAlreadyHoldsArePassedOverNeverHandedOutTwice() {
        int year = CarrierWorld.today(clock).getYear();
        String prefix = unitCode() + "-" + year + "-PD-";
        Registered first = w.register(w.secret());
        w.as(w.keeper, () -> carriers.registerImported(w.secret(), prefix + "00002"));
        w.as(w.keeper, () -> carriers.registerImported(w.secret(), prefix + "00003"));

        Registered next = w.register(w.secret());

        assertThat(first.serial()).isEqualTo(prefix + "00001");
        assertThat(next.serial()).isEqualTo(prefix + "00004");
        assertThat(repository.countIn(w.unit)).isEqualTo(4);
    }

    @Test
    void receivingABatchRegistersOneCarrierPerCopyHeldWithConsecutiveSerials() {
        CarrierInput in = w.secret();
        CarrierInput of20 = new CarrierInput(in.unitId(), in.type(), in.title(), in.documentNumber(), in.issuer(),
                in.dated(), null, 20, in.marking(), in.scopePersonIds(), in.scopeDepartmentIds(), in.custodianId(),
                in.storageKind(), in.storageName());
        List<Registered> batch = w.as(w.keeper, () -> carriers.receiveBatch(of20, List.of(3, 4, 7)));
        assertThat(batch).hasSize(3);
        assertThat(batch).extracting(Registered::serial).allMatch(s -> s.startsWith(unitCode()));
        assertThat(batch.stream().map(r -> Integer.parseInt(r.serial().substring(r.serial().length() - 5))))
                .containsExactly(1, 2, 3);
        assertThat(batch.stream().map(r -> detail(r.id()).copyNumber() + "/" + detail(r.id()).copyTotal()))
                .containsExactly("3/20", "4/20", "7/20");
        assertThatThrownBy(() -> w.as(w.keeper, () -> carriers.receiveBatch(of20, List.of(5, 21))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(ValidationException.FieldProblem::field)
                                .containsExactly("copyNumbers"));
        assertThat(repository.countIn(w.unit)).isEqualTo(3);
    }

    @Test
    void badInputNamesEachFieldAndLeavesNoGapInTheSerials() {
        CarrierInput good = w.secret();
        CarrierInput bad = new CarrierInput(w.unit, good.type(), " ", good.documentNumber(), "", good.dated(), 1, 1,
                "绝密★40年", List.of(), List.of(w.deptA), 999_999_999L, StoragePlace.Kind.OTHER, "抽屉");
        assertThatThrownBy(() -> w.register(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(ValidationException.FieldProblem::field)
                        .contains("marking", "custodianId"));
        CarrierInput topSecretInCabinet = w.input("绝密★长期", List.of(w.keeper.personId()), List.of(),
                StoragePlace.Kind.COMBINATION_LOCK_CABINET);
        assertThatThrownBy(() -> w.register(topSecretInCabinet)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(ValidationException.FieldProblem::field)
                        .containsExactly("storageKind"));
        CarrierInput noScope = w.input("机密★5年", List.of(), List.of(), StoragePlace.Kind.COMBINATION_SAFE);
        assertThatThrownBy(() -> w.register(noScope)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(ValidationException.FieldProblem::field)
                        .containsExactly("scopePersonIds"));
        assertThat(repository.countIn(w.unit)).isZero();
        assertThat(w.register(good).serial()).endsWith("-00001");
    }

    @Test
    void onlyTheKeepersOfTheUnitsLedgerRegister() {
        for (TestAccount who : List.of(w.reader, w.leader, w.head, w.inspector, w.otherKeeper)) {
            assertThatThrownBy(() -> w.as(who, () -> carriers.register(w.secret())))
                    .as(who.username()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(w.as(w.archivist, () -> carriers.register(w.secret())).serial()).endsWith("-00001");
    }

    // ------------------------------------------------------------ need-to-know

    @Test
    void detailsOnlyForTheClearedInScopeOrLedgerKeepersAndEveryFullViewIsAudited() {
        long id = w.register(w.secret()).id();
        long before = views(id);
        assertThat(view(w.keeper, id)).isInstanceOf(CarrierView.Full.class);
        assertThat(view(w.reader, id)).isInstanceOf(CarrierView.Full.class);
        assertThat(views(id)).isEqualTo(before + 2);

        assertThat(view(w.general, id)).isEqualTo(new CarrierView.Restricted(id, w.unit, detail(id).serial(),
                ClassificationLevel.SECRET, Visibility.Reason.NOT_CLEARED));
        long afterKeeper = views(id);
        assertThat(((CarrierView.Restricted) view(w.outsider, id)).reason()).isEqualTo(Visibility.Reason.NOT_IN_SCOPE);
        assertThat(((CarrierView.Restricted) view(w.unclearedKeeper, id)).reason())
                .isEqualTo(Visibility.Reason.NOT_CLEARED);
        assertThat(((CarrierView.Restricted) view(w.inspector, id)).reason()).isEqualTo(Visibility.Reason.NOT_IN_SCOPE);
        assertThat(views(id)).as("restricted views show nothing to record").isEqualTo(afterKeeper);
        assertThatThrownBy(() -> view(w.otherKeeper, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.as(w.outsider, () -> carriers.timeline(id))).isInstanceOf(AccessDeniedException.class);

        List<String> seenBy = w.as(w.keeper, () -> carriers.disclosure(id)).stream()
                .map(CarrierViews.Disclosure::username).toList();
        assertThat(seenBy).contains(w.reader.username(), w.keeper.username()).doesNotContain(w.outsider.username());
        assertThatThrownBy(() -> w.as(w.reader, () -> carriers.disclosure(id))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void searchShowsOnlySerialAndLevelOfRowsTheViewerMayNotSeeAndFiltersNeverRevealThem() {
        CarrierInput in = w.secret();
        long id = w.register(in).id();
        CarrierQuery byUnit = new CarrierQuery(w.unit, null, null, null, null, null, null, null, null, null, null, null,
                null, true, 1, 50);
        Row outsiderRow = w.as(w.outsider, () -> carriers.search(byUnit)).items().get(0);
        assertThat(outsiderRow.id()).isEqualTo(id);
        assertThat(outsiderRow.detailsVisible()).isFalse();
        assertThat(outsiderRow.title()).isNull();
        assertThat(outsiderRow.status()).isNull();
        CarrierQuery byTitle = new CarrierQuery(w.unit, null, in.title().substring(2), null, null, null, null, null, null,
                null, null, null, null, true, 1, 50);
        assertThat(w.as(w.outsider, () -> carriers.search(byTitle)).items()).isEmpty();
        assertThat(w.as(w.reader, () -> carriers.search(byTitle)).items()).extracting(Row::title)
                .containsExactly(in.title());
        assertThat(w.as(w.otherKeeper, () -> carriers.search(byUnit)).items()).isEmpty();
        assertThat(w.as(w.inspector, () -> carriers.search(byUnit)).total()).isEqualTo(1);
        CarrierQuery bySerial = new CarrierQuery(null, unitCode(), null, null, ClassificationLevel.SECRET, null, null,
                null, null, null, null, null, CarrierQuery.Sort.SERIAL, false, 1, 50);
        assertThat(w.as(w.keeper, () -> carriers.search(bySerial)).items()).extracting(Row::id).containsExactly(id);
    }

    CarrierQuery byUnit(CarrierQuery.Sort sort, boolean descending) {
        return new CarrierQuery(w.unit, null, null, null, null, null, null, null, null, null, null, null, sort,
                descending, 1, 50);
    }

    CarrierQuery byLevel(ClassificationLevel level) {
        return new CarrierQuery(w.unit, null, null, null, level, null, null, null, null, null, null, null, null, true,
                1, 50);
    }

    List<Long> ids(TestAccount who, CarrierQuery q) {
        return w.as(who, () -> carriers.search(q)).items().stream().map(Row::id).toList();
    }

    @Test
    void sortingByLevelPutsTheHighestFirstAndPagesNeverOverlap() {
        long confidential1 = w.register(w.input("秘密★1年", List.of(), List.of(w.deptA),
                StoragePlace.Kind.COMBINATION_LOCK_CABINET)).id();
        long secret1 = w.register(w.secret()).id();
        long confidential2 = w.register(w.input("秘密★1年", List.of(), List.of(w.deptA),
                StoragePlace.Kind.COMBINATION_LOCK_CABINET)).id();
        long secret2 = w.register(w.secret()).id();
        assertThat(ids(w.keeper, byUnit(CarrierQuery.Sort.LEVEL, false)))
                .containsExactly(secret1, secret2, confidential1, confidential2);
        assertThat(ids(w.keeper, byUnit(CarrierQuery.Sort.LEVEL, true)))
                .containsExactly(confidential2, confidential1, secret2, secret1);
        CarrierQuery q = byUnit(CarrierQuery.Sort.LEVEL, false);
        CarrierQuery second = new CarrierQuery(w.unit, null, null, null, null, null, null, null, null, null, null, null,
                q.sort(), false, 2, 3);
        assertThat(ids(w.keeper, second)).containsExactly(confidential2);
        assertThat(ids(w.keeper, byLevel(ClassificationLevel.CONFIDENTIAL))).containsExactly(confidential2, confidential1);
    }

    @Test
    void holderAndOverdueFindWhatIsOutWithWhomAndLateButNeverRowsTheViewerMayNotSee() {
        CarrierService threeWeeksAgo = new CarrierService(repository, codec, orgScope, audit, approvals, accounts,
                incidents, Clock.offset(clock, Duration.ofDays(-21)), transactions);
        LocalDate today = CarrierWorld.today(clock);
        long late = new TransactionTemplate(transactions).execute(tx -> w.as(w.keeper, () -> {
            long id = threeWeeksAgo.register(w.secret()).id();
            threeWeeksAgo.lend(id, w.reader.personId(), today.minusDays(14));
            return id;
        }));
        long lent = w.register(w.secret()).id();
        w.run(w.keeper, () -> carriers.lend(lent, w.reader2.personId(), today.plusDays(5)));
        long circulating = w.register(w.secret()).id();
        w.run(w.keeper, () -> carriers.circulate(circulating, List.of(w.reader.personId(), w.reader2.personId()), today,
                false));
        long kept = w.register(w.secret()).id();
        CarrierQuery all = byUnit(CarrierQuery.Sort.REGISTERED, false);

        assertThat(ids(w.keeper, all.withHolderId(w.reader.personId()))).containsExactly(late, circulating);
        assertThat(ids(w.keeper, all.withHolderId(w.reader2.personId()))).containsExactly(lent);
        assertThat(ids(w.keeper, all.withOverdue(true))).containsExactly(late);
        assertThat(ids(w.keeper, all.withOverdue(false))).containsExactly(lent, circulating, kept);
        assertThat(ids(w.keeper, all.withHolderId(w.reader2.personId()).withOverdue(true))).isEmpty();
        w.run(w.reader, () -> carriers.signAsRead(circulating));
        assertThat(ids(w.keeper, all.withHolderId(w.reader2.personId()))).as("the next reader's turn")
                .containsExactly(lent, circulating);
        assertThat(all.withOverdue(true).filtersDetails()).isTrue();
        assertThat(all.withHolderId(1L).filtersDetails()).isTrue();

        assertThat(ids(w.outsider, all)).as("serial and level rows").contains(late);
        assertThat(ids(w.outsider, all.withOverdue(true))).as("an overdue filter must not reveal a hidden row").isEmpty();
        assertThat(ids(w.outsider, all.withHolderId(w.reader.personId()))).isEmpty();
        assertThat(ids(w.otherKeeper, all.withOverdue(true))).isEmpty();
        assertThat(ids(w.inspector, all.withOverdue(true))).as("not in scope").isEmpty();
    }

    // ------------------------------------------------------------ circulation and loans

    @Test
    void readersSignInRouteOrderWithTheirOwnNameAndTheKeeperEndsTheCirculation() {
        long id = w.register(w.secret()).id();
        LocalDate today = CarrierWorld.today(clock);
        w.run(w.keeper, () -> carriers.circulate(id, List.of(w.reader.personId(), w.reader2.personId()), today, false));
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.CIRCULATING);
        assertThatThrownBy(() -> w.run(w.reader2, () -> carriers.signAsRead(id)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("carrier.notYourTurn"));
        assertThatThrownBy(() -> w.run(w.outsider, () -> carriers.signAsRead(id))).isInstanceOf(NotFoundException.class);
        w.run(w.reader, () -> carriers.signAsRead(id));
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.endCirculation(id)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("carrier.unsignedReaders"));
        w.run(w.reader2, () -> carriers.signAsRead(id));
        var circulation = detail(id).circulation();
        assertThat(circulation.route()).allMatch(r -> r.signedAt() != null);
        w.run(w.keeper, () -> carriers.endCirculation(id));
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.IN_CUSTODY);
        assertThat(((CarrierView.Full) view(w.keeper, id)).timeline()).extracting(TimelineEntry::kind)
                .containsExactly("Registered", "CirculationStarted", "SignedAsRead", "SignedAsRead", "CirculationEnded");
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.circulate(id, List.of(w.outsider.personId()), today,
                false))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("carrier.readerNotInScope"));
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.circulate(id, List.of(w.reader.personId()),
                today.plusDays(5), false))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("carrier.circulationTooLong"));
    }

    @Test
    void aLoanGoesToOnePersonInScopeAndComesBackBeforeAnyOther() {
        long id = w.register(w.secret()).id();
        LocalDate due = CarrierWorld.today(clock).plusDays(3);
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.lend(id, w.outsider.personId(), due)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("carrier.borrowerNotInScope"));
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.lend(id, w.otherPerson, due)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("personId"));
        assertThatThrownBy(() -> w.run(w.reader, () -> carriers.lend(id, w.reader.personId(), due)))
                .isInstanceOf(AccessDeniedException.class);
        w.run(w.keeper, () -> carriers.lend(id, w.reader.personId(), due));
        assertThat(detail(id).loan().name()).isEqualTo(w.reader.username());
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.lend(id, w.reader2.personId(), due)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("carrier.onLoan"));
        assertThatThrownBy(() -> w.run(w.reader2, () -> carriers.returnLoan(id))).isInstanceOf(AccessDeniedException.class);
        w.run(w.reader, () -> carriers.returnLoan(id));
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.IN_CUSTODY);
    }

    // ------------------------------------------------------------ approvals

    @Test
    void copyingNeedsAnApprovedUnusedCopyRequestForThisCarrier() {
        long id = w.register(w.secret()).id();
        long other = w.register(w.secret()).id();
        long pending = w.as(w.keeper, () -> carriers.requestCopy(id, 2, CopyChain.LEADER_IN_CHARGE, null, null, "传达"));
        assertRefused(() -> carriers.copy(id, 987_654_321L), "carrier.approvalUnknown");
        assertRefused(() -> carriers.copy(id, pending), "carrier.approvalNotApproved");
        long rejected = w.rejected(w.leader,
                w.as(w.keeper, () -> carriers.requestCopy(id, 1, CopyChain.LEADER_IN_CHARGE, null, null, "传达")));
        assertRefused(() -> carriers.copy(id, rejected), "carrier.approvalNotApproved");
        long forOther = w.approved(w.leader,
                w.as(w.keeper, () -> carriers.requestCopy(other, 1, CopyChain.LEADER_IN_CHARGE, null, null, "传达")));
        assertRefused(() -> carriers.copy(id, forOther), "carrier.approvalOtherCarrier");
        long carryOut = w.approved(w.leader,
                w.as(w.keeper, () -> carriers.requestCarryOut(id, CarrierWorld.today(clock), "汇报")));
        assertRefused(() -> carriers.copy(id, carryOut), "carrier.approvalWrongType");
        long unitHeadChain = w.as(w.keeper, () -> carriers.requestCopy(id, 2, CopyChain.UNIT_HEAD, null, null, "传达"));
        assertThatThrownBy(() -> w.approved(w.leader, unitHeadChain)).isInstanceOf(DomainException.class);
        assertThat(detail(id).copies()).isEmpty();

        long approved = w.approved(w.leader, pending);
        List<Registered> copies = w.as(w.keeper, () -> carriers.copy(id, approved));
        assertThat(copies).hasSize(2);
        CarrierViews.Detail copy = detail(copies.get(1).id());
        assertThat(copy.copiedFrom().id()).isEqualTo(id);
        assertThat(copy.copyNumber() + "/" + copy.copyTotal()).isEqualTo("2/2");
        assertThat(copy.markingText()).isEqualTo("机密★10年");
        assertThat(copy.scopeDepartments()).extracting(CarrierViews.Label::id).containsExactly(w.deptA);
        assertThat(detail(id).copies()).extracting(CarrierViews.Ref::id)
                .containsExactlyElementsOf(copies.stream().map(Registered::id).toList());
        assertRefused(() -> carriers.copy(id, approved), "carrier.approvalUsed");
        assertThat(w.as(w.keeper, () -> carriers.requests(id))).anyMatch(r -> r.requestId() == approved
                && r.usedAt() != null);
    }

    @Test
    void topSecretCopiesGoToTheUnitHeadWithTheOriginatorsConsent() {
        long id = w.register(w.input("绝密★长期", List.of(w.keeper.personId()), List.of(),
                StoragePlace.Kind.COMBINATION_SAFE)).id();
        assertThatThrownBy(() -> w.as(w.keeper, () -> carriers.requestCopy(id, 1, CopyChain.LEADER_IN_CHARGE, "", "",
                "报送"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("consentAuthority"));
        long request = w.as(w.keeper, () -> carriers.requestCopy(id, 1, CopyChain.LEADER_IN_CHARGE, "省发改委",
                "省发改函〔2026〕88号", "报送"));
        assertThatThrownBy(() -> w.approved(w.leader, request)).isInstanceOf(DomainException.class);
        w.approved(w.head, request);
        Registered copy = w.as(w.keeper, () -> carriers.copy(id, request)).get(0);
        assertThat(detail(copy.id()).level()).isEqualTo(ClassificationLevel.TOP_SECRET);
        var copied = ((CarrierView.Full) view(w.keeper, id)).timeline().get(1).event();
        assertThat(((org.baomi.core.carrier.CarrierEvent.Copied) copied).consent().reference())
                .isEqualTo("省发改函〔2026〕88号");
    }

    @Test
    void aRequestNobodyElseCouldDecideIsRefused() {
        TestAccount soleHeadKeeper = fixtures.account(w.otherUnit, org.baomi.core.org.SecretRelatedLevel.CORE,
                Role.SECRECY_OFFICER, Role.UNIT_HEAD);
        long otherId = w.as(w.otherKeeper, () -> carriers.register(new CarrierInput(w.otherUnit,
                org.baomi.core.carrier.CarrierType.DISC, "光盘", "", "某局", LocalDate.of(2026, 1, 5), 1, 1, "秘密★5年",
                List.of(w.otherKeeper.personId()), List.of(), w.otherKeeper.personId(),
                StoragePlace.Kind.COMBINATION_LOCK_CABINET, "柜"))).id();
        assertThatThrownBy(() -> w.as(soleHeadKeeper, () -> carriers.requestDeclassify(otherId, "期限届满")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("carrier.noApprover"));
    }

    @Test
    void markingsChangeOnlyUnderTheUnitHeadsApprovalAndTheOldMarkingStaysInTheHistory() {
        long id = w.register(w.secret()).id();
        assertThatThrownBy(() -> w.as(w.keeper, () -> carriers.requestReclassify(id, "机密★10年", "复核")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("carrier.markingUnchanged"));
        long down = w.as(w.keeper, () -> carriers.requestReclassify(id, "秘密★5年", "复核"));
        assertThatThrownBy(() -> w.approved(w.leader, down)).isInstanceOf(DomainException.class);
        assertRefused(() -> carriers.reclassify(id, down), "carrier.approvalNotApproved");
        w.approved(w.head, down);
        w.run(w.keeper, () -> carriers.reclassify(id, down));
        assertThat(detail(id).markingText()).isEqualTo("秘密★5年");
        assertThat(detail(id).level()).isEqualTo(ClassificationLevel.CONFIDENTIAL);
        long declassify = w.approved(w.head, w.as(w.keeper, () -> carriers.requestDeclassify(id, "期限届满")));
        assertRefused(() -> carriers.reclassify(id, declassify), "carrier.approvalWrongType");
        w.run(w.keeper, () -> carriers.declassify(id, declassify));
        CarrierViews.Detail d = detail(id);
        assertThat(d.markingText()).isEqualTo("解密");
        assertThat(d.formerMarking()).isEqualTo("秘密★5年");
        assertThat(d.level()).isEqualTo(ClassificationLevel.INTERNAL);
        assertThat(w.as(w.keeper, () -> carriers.search(byLevel(ClassificationLevel.INTERNAL))).items())
                .as("the level the ledger filters by follows the marking").extracting(Row::id).containsExactly(id);
        assertThat(w.as(w.keeper, () -> carriers.search(byLevel(ClassificationLevel.SECRET))).items())
                .extracting(Row::id).doesNotContain(id);
        assertThat(((CarrierView.Full) view(w.keeper, id)).timeline()).extracting(TimelineEntry::kind)
                .containsExactly("Registered", "Reclassified", "Declassified");
        assertThat(view(w.general, id)).as("declassified: handled as internal").isInstanceOf(CarrierView.Full.class);
    }

    @Test
    void carryingOutIsAskedByWhoeverTakesItApprovedByTheLeaderAndBroughtBack() {
        long id = w.register(w.secret()).id();
        LocalDate back = CarrierWorld.today(clock).plusDays(2);
        assertThatThrownBy(() -> w.as(w.outsider, () -> carriers.requestCarryOut(id, back, "汇报")))
                .isInstanceOf(AccessDeniedException.class);
        long request = w.as(w.reader, () -> carriers.requestCarryOut(id, back, "汇报"));
        assertRefused(w.reader, () -> carriers.carryOut(id, request), "carrier.approvalNotApproved");
        w.approved(w.leader, request);
        w.run(w.reader, () -> carriers.carryOut(id, request));
        CarrierViews.Detail d = detail(id);
        assertThat(d.status()).isEqualTo(CarrierStatus.CARRIED_OUT);
        assertThat(d.carriedOut().personId()).isEqualTo(w.reader.personId());
        assertThat(d.carriedOut().due()).isEqualTo(back);
        w.run(w.reader, () -> carriers.bringBack(id));
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.IN_CUSTODY);
        assertRefused(w.reader, () -> carriers.carryOut(id, request), "carrier.approvalUsed");
    }

    @Test
    void aLossOpensAnIncidentInTheSameTransactionAndClosesTheCarrier() {
        long id = w.register(w.secret()).id();
        assertThatThrownBy(() -> w.as(w.outsider, () -> carriers.reportLost(id, "遗失"))).isInstanceOf(AccessDeniedException.class);
        long incident = w.as(w.keeper, () -> carriers.reportLost(id, "在会议室遗失"));
        assertThat(jdbc.sql("select subject_id from incident where id = :i").param("i", incident).query(String.class)
                .single()).isEqualTo(Long.toString(id));
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.LOST);
        assertRefused(() -> carriers.archive(id), "carrier.closed");
    }

    @Test
    void archivedCarriersAreClearedWithTheIssuersReceiptAndStorageFollowsTheRule() {
        long id = w.register(w.secret()).id();
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.moveTo(id, StoragePlace.Kind.OTHER, "抽屉")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("storageKind"));
        w.run(w.keeper, () -> carriers.moveTo(id, StoragePlace.Kind.COMBINATION_SAFE, "3号保险柜"));
        w.run(w.archivist, () -> carriers.archive(id));
        assertThatThrownBy(() -> w.run(w.keeper, () -> carriers.clear(id, " "))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("receipt"));
        w.run(w.keeper, () -> carriers.clear(id, "签收单 No.7"));
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.CLEARED);
        assertThat(detail(id).storage().name()).isEqualTo("3号保险柜");
    }

    @Test
    void destructionBatchesDestroyEachCarrierOnceUnderAnApprovedDestructionRequest() {
        long id = w.register(w.secret()).id();
        long request = w.as(w.keeper, () -> approvals.open(CarrierService.DESTROY, "carrier-batch", "B-1", "销毁批次",
                w.unit, List.of(new ApprovalStep(Role.LEADER_IN_CHARGE, w.unit))));
        DestructionRecord record = new DestructionRecord("B-1", new ApprovalRef(request),
                DestructionRecord.Method.DESTRUCTION_CENTRE, new Actor(w.keeper.personId(), w.keeper.username()),
                List.of(new Actor(w.reader.personId(), "甲"), new Actor(w.reader2.personId(), "乙")));
        assertRefused(() -> carriers.destroy(id, record, request), "carrier.approvalNotApproved");
        long copyRequest = w.approved(w.leader,
                w.as(w.keeper, () -> carriers.requestCopy(id, 1, CopyChain.LEADER_IN_CHARGE, null, null, "传达")));
        assertRefused(() -> carriers.destroy(id, record, copyRequest), "carrier.approvalWrongType");
        w.approved(w.leader, request);
        w.run(w.keeper, () -> carriers.destroy(id, record, request));
        assertThat(detail(id).status()).isEqualTo(CarrierStatus.DESTROYED);
        assertRefused(() -> carriers.destroy(id, record, request), "carrier.approvalUsed");
    }

    // ------------------------------------------------------------ reminders and settings

    @Test
    void overdueLoansAndEndingTermsAreRemindedToTheKeeperAndTheHolder() {
        CarrierService threeWeeksAgo = new CarrierService(repository, codec, orgScope, audit, approvals, accounts,
                incidents, Clock.offset(clock, Duration.ofDays(-21)), transactions);
        long id = w.register(w.secret()).id();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> w.run(w.keeper,
                () -> threeWeeksAgo.lend(id, w.reader.personId(), CarrierWorld.today(clock).minusDays(14))));
        LocalDate dated = CarrierWorld.today(clock).minusDays(300);
        CarrierInput s = w.secret();
        long ending = w.register(new CarrierInput(s.unitId(), s.type(), s.title(), s.documentNumber(), s.issuer(), dated, 1,
                1, "秘密★1年", s.scopePersonIds(), s.scopeDepartmentIds(), s.custodianId(), s.storageKind(),
                s.storageName())).id();
        var keeperSees = w.as(w.keeper, () -> carriers.reminders(w.unit));
        assertThat(keeperSees).anyMatch(r -> r.kind() == ReminderKind.LOAN_OVERDUE && r.carrierId() == id
                && r.daysLeft() == -14 && w.reader.username().equals(r.person()));
        assertThat(keeperSees).anyMatch(r -> r.kind() == ReminderKind.TERM_EXPIRING && r.carrierId() == ending
                && r.date().equals(dated.plusYears(1)));
        assertThat(w.as(w.reader, () -> carriers.reminders(null))).extracting(CarrierViews.ReminderRow::carrierId)
                .contains(id).doesNotContain(ending);
        assertThat(w.as(w.outsider, () -> carriers.reminders(null))).isEmpty();
        assertThat(w.as(w.keeper, carriers::reminderCounts).overdue()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> w.as(w.reader, () -> carriers.reminders(w.unit))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aUnitsSerialPatternAndLimitsAreSettingsCheckedFieldByField() {
        assertThatThrownBy(() -> w.as(w.keeper, () -> carriers.updateSettings(new CarrierSettings(w.unit, "{unit}-{x}",
                40, 90, 30)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(ValidationException.FieldProblem::field)
                                .containsExactly("serialPattern", "circulationDays"));
        w.as(w.keeper, () -> carriers.updateSettings(new CarrierSettings(w.unit, "{unit}/{seq:3}", 1, 60, 20)));
        assertThat(w.register(w.secret()).serial()).isEqualTo(unitCode() + "/001");
        assertThat(w.as(w.keeper, () -> carriers.settings(w.unit)).circulationDays()).isEqualTo(1);
        assertThatThrownBy(() -> w.as(w.reader, () -> carriers.settings(w.unit))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> w.as(w.otherKeeper, () -> carriers.settings(w.unit)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theNextSerialExampleShowsWhatAPatternWouldGiveAndAllocatesNothing() {
        int year = CarrierWorld.today(clock).getYear();
        String first = w.as(w.keeper, () -> carriers.nextSerialExample(w.unit, SerialNumberPattern.DEFAULT));
        assertThat(first).isEqualTo(unitCode() + "-" + year + "-PD-00001");
        assertThat(w.as(w.keeper, () -> carriers.nextSerialExample(w.unit, SerialNumberPattern.DEFAULT)))
                .as("asking twice allocates nothing").isEqualTo(first);
        assertThat(w.register(w.secret()).serial()).isEqualTo(first);
        assertThat(w.as(w.keeper, () -> carriers.nextSerialExample(w.unit, SerialNumberPattern.DEFAULT)))
                .isEqualTo(unitCode() + "-" + year + "-PD-00002");
        assertThat(w.as(w.keeper, () -> carriers.nextSerialExample(w.unit, "密{year}-{seq:3}")))
                .isEqualTo("密" + year + "-001");
        for (String bad : new String[] {"{unit}-{x}", "{unit}", "", null}) {
            assertThatThrownBy(() -> w.as(w.keeper, () -> carriers.nextSerialExample(w.unit, bad)))
                    .as(bad).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.problems()).extracting(ValidationException.FieldProblem::field)
                                    .containsExactly("serialPattern"));
        }
        assertThatThrownBy(() -> w.as(w.reader, () -> carriers.nextSerialExample(w.unit, SerialNumberPattern.DEFAULT)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> w.as(w.otherKeeper, () -> carriers.nextSerialExample(w.unit, SerialNumberPattern.DEFAULT)))
                .isInstanceOf(AccessDeniedException.class);
    }

    void assertRefused(Runnable act, String code) {
        assertRefused(w.keeper, act, code);
    }

    void assertRefused(TestAccount who, Runnable act, String code) {
        assertThatThrownBy(() -> w.run(who, act)).satisfies(e -> {
            String actual = e instanceof DomainException d ? d.code()
                    : e instanceof ValidationException v ? v.problems().get(0).code() : e.toString();
            assertThat(actual).isEqualTo(code);
        });
    }
}
