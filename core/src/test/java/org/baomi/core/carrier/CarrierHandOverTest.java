package org.baomi.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.carrier.CarrierFixtures.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierEvent.HandedOver;
import org.baomi.core.carrier.CarrierEvent.ScopeChanged;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.Test;

/** 移交 and 知悉范围变更: the custodian and the scope change only by an event, and every check uses the current ones. */
class CarrierHandOverTest {

    @Test
    void aHandOverNamesBothPeopleAndTheNewCustodianHoldsItFromNowOn() {
        Carrier c = secret();
        c.handOver(HEAD, "王保密调离", OFFICER, later(1));

        assertThat(c.custodian()).isEqualTo(HEAD);
        HandedOver e = (HandedOver) c.history().get(1);
        assertThat(e.from()).isEqualTo(OFFICER.actor());
        assertThat(e.to()).isEqualTo(HEAD.actor());
        assertThat(e.reason()).isEqualTo("王保密调离");
        assertThat(CarrierHistory.replay(c.history()).custodian()).contains(HEAD.actor());
    }

    @Test
    void archivedCarriersAreHandedOverToo() {
        Carrier c = secret();
        c.archive(OFFICER, later(1));
        c.handOver(HEAD, "调离", OFFICER, later(2));
        assertThat(c.status()).isEqualTo(CarrierStatus.ARCHIVED);
        assertThat(c.custodian()).isEqualTo(HEAD);
    }

    @Test
    void refusesTheSamePersonSomeoneNotClearedAndAMissingReason() {
        Carrier c = topSecret();
        assertCode(() -> c.handOver(OFFICER, "调离", OFFICER, later(1)), "carrier.sameCustodian");
        assertCode(() -> c.handOver(READER, "调离", OFFICER, later(1)), "carrier.custodianNotCleared");
        assertCode(() -> c.handOver(HEAD, " ", OFFICER, later(1)), "carrier.reasonRequired");
        assertCode(() -> c.handOver(HEAD, "调离", READER, later(1)), "carrier.actorNotCleared");
        assertThat(c.history()).hasSize(1);
        assertThat(c.custodian()).isEqualTo(OFFICER);
    }

    @Test
    void whatIsOutComesBackBeforeItChangesHands() {
        Carrier c = secret();
        c.lend(READER, TODAY.plusDays(3), OFFICER, later(1));
        assertCode(() -> c.handOver(HEAD, "调离", OFFICER, later(2)), "carrier.wrongStatus");
        c.returnLoan(OFFICER, later(3));
        c.handOver(HEAD, "调离", OFFICER, later(4));
        assertThat(c.custodian()).isEqualTo(HEAD);
    }

    @Test
    void aCarrierThatIsGoneCannotBeHandedOver() {
        Carrier c = secret();
        c.reportLost("遗失", OFFICER, later(1));
        assertCode(() -> c.handOver(HEAD, "调离", OFFICER, later(2)), "carrier.closed");
        assertCode(() -> c.changeScope(KnowledgeScope.of(List.of(3L), List.of()), "调整", List.of(), OFFICER, later(2)),
                "carrier.closed");
    }

    @Test
    void aNewScopeDecidesWhoMaySeeItFromNowOn() {
        Carrier c = secret();
        assertThat(c.visibilityFor(READER, false)).isInstanceOf(Visibility.Full.class);
        KnowledgeScope narrower = KnowledgeScope.of(List.of(1L, 3L), List.of());
        c.changeScope(narrower, "缩小知悉范围", List.of(), OFFICER, later(1));

        assertThat(c.scope()).isEqualTo(narrower);
        assertThat(c.visibilityFor(READER, false)).isEqualTo(
                new Visibility.SerialAndLevel(c.serial(), c.level(), Visibility.Reason.NOT_IN_SCOPE));
        assertThat(c.visibilityFor(NAMED, false)).isInstanceOf(Visibility.Full.class);
        assertCode(() -> c.lend(READER, TODAY.plusDays(1), OFFICER, later(2)), "carrier.borrowerNotInScope");
        ScopeChanged e = (ScopeChanged) c.history().get(1);
        assertThat(e.oldScope()).isEqualTo(SCOPE);
        assertThat(e.newScope()).isEqualTo(narrower);
        assertThat(CarrierHistory.replay(c.history()).scope()).contains(narrower);
    }

    @Test
    void theCustodianStaysInTheScope() {
        Carrier c = secret();
        assertCode(() -> c.changeScope(KnowledgeScope.of(List.of(3L), List.of()), "调整", List.of(), OFFICER, later(1)),
                "carrier.custodianOutOfScope");
        assertCode(() -> c.changeScope(SCOPE, "调整", List.of(), OFFICER, later(1)), "carrier.scopeUnchanged");
        assertCode(() -> c.changeScope(KnowledgeScope.of(List.of(), List.of()), "调整", List.of(), OFFICER, later(1)),
                "carrier.scopeEmpty");
        assertThat(c.history()).hasSize(1);
    }

    @Test
    void theBorrowerAndReadersStillToSignStayInTheScope() {
        Carrier c = secret();
        c.lend(READER, TODAY.plusDays(3), OFFICER, later(1));
        KnowledgeScope withoutOffice = KnowledgeScope.of(List.of(1L, 3L), List.of());
        assertCode(() -> c.changeScope(withoutOffice, "调整", List.of(READER), OFFICER, later(2)),
                "carrier.holderOutOfScope");
        // the borrower's department stays: allowed
        c.changeScope(KnowledgeScope.of(List.of(1L), List.of(10L)), "调整", List.of(READER), OFFICER, later(2));
        c.returnLoan(OFFICER, later(3));

        Carrier d = secret();
        d.circulate(List.of(HEAD, NAMED), TODAY, true, CirculationPolicy.DEFAULT, OFFICER, later(4));
        d.signAsRead(HEAD, later(4));
        assertCode(() -> d.changeScope(KnowledgeScope.of(List.of(1L), List.of(10L)), "调整", List.of(NAMED), OFFICER,
                later(5)), "carrier.holderOutOfScope");
        // HEAD has signed: he may leave the scope; NAMED, still to read, stays by name
        d.changeScope(KnowledgeScope.of(List.of(1L, 3L), List.of()), "调整", List.of(NAMED), OFFICER, later(5));
    }

    @Test
    void aRestoredCarrierMustAgreeWithItsHistory() {
        Carrier c = secret();
        c.handOver(HEAD, "调离", OFFICER, later(1));
        KnowledgeScope wider = KnowledgeScope.of(List.of(3L, 6L), List.of(10L, 20L));
        c.changeScope(wider, "扩大", List.of(), HEAD, later(2));

        Carrier restored = Carrier.restore(c.id(), c.serial(), c.details(), c.status(), c.history());
        assertThat(restored.custodian()).isEqualTo(HEAD);
        assertThat(restored.scope()).isEqualTo(wider);
        assertCode(() -> Carrier.restore(c.id(), c.serial(), details(), c.status(), c.history()),
                "carrier.custodianMismatch");
        assertCode(() -> Carrier.restore(c.id(), c.serial(), details().withCustodian(HEAD), c.status(), c.history()),
                "carrier.scopeMismatch");
    }

    @Test
    void reclassifyingChecksTheCurrentCustodian() {
        PersonRef important = new PersonRef(8, "吴八", SecretRelatedLevel.IMPORTANT, Set.of(10L));
        Carrier c = secret();
        c.handOver(important, "调离", OFFICER, later(1));
        assertCode(() -> c.reclassify(org.baomi.core.classification.Marking.parse("绝密★长期"), APPROVAL, OFFICER,
                later(2)), "carrier.storageNotAllowed");
        c.moveTo(SAFE, OFFICER, later(2));
        assertCode(() -> c.reclassify(org.baomi.core.classification.Marking.parse("绝密★长期"), APPROVAL, OFFICER,
                later(3)), "carrier.custodianNotCleared");
        // a copy takes the current custodian and scope
        Carrier copy = c.copy(APPROVAL, List.of(new CopyIdentity(new CarrierId(101), new SerialNumber("C-1"))), null,
                OFFICER, later(4)).get(0);
        assertThat(copy.custodian()).isEqualTo(important);
        assertThat(LocalDate.of(2026, 3, 10)).isEqualTo(copy.details().dated());
    }

    private static void assertCode(Runnable act, String code) {
        assertThatThrownBy(act::run).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(code));
    }
}
