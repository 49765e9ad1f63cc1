package org.baomi.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.carrier.CarrierFixtures.*;
import static org.baomi.core.carrier.CarrierValuesTest.refused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.baomi.core.carrier.CarrierEvent.*;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.classification.Marking;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CarrierLifecycleTest {

    static final CirculationPolicy POLICY = CirculationPolicy.DEFAULT;

    static DestructionRecord destruction() {
        return new DestructionRecord("2026-销-01", APPROVAL, DestructionRecord.Method.DESTRUCTION_CENTRE,
                READER.actor(), List.of(HEAD.actor(), NAMED.actor()));
    }

    @Nested
    class Registration {

        @Test
        void registeredCarrierIsInCustodyWithOneRegisteredEvent() {
            Carrier c = secret();
            assertThat(c.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
            assertThat(c.markingText()).isEqualTo("机密★10年");
            assertThat(c.level()).isEqualTo(ClassificationLevel.SECRET);
            assertThat(c.storage()).isEqualTo(CABINET);
            assertThat(c.copiedFrom()).isEmpty();
            assertThat(c.history()).singleElement().isInstanceOfSatisfying(Registered.class, r -> {
                assertThat(r.by()).isEqualTo(OFFICER.actor());
                assertThat(r.at()).isEqualTo(T0);
            });
        }

        @Test
        void batchOfCopiesRegistersOneCarrierPerCopyNumber() {
            List<Carrier> batch = CopyNumber.range(1, 3, 3).stream()
                    .map(n -> Carrier.register(new CarrierId(200 + n.copy()), new SerialNumber("S-" + n.copy()),
                            details().withCopyNumber(n), Marking.parse("秘密★"), CABINET, OFFICER, T0))
                    .toList();
            assertThat(batch).extracting(c -> c.details().copyNumber().chinese())
                    .containsExactly("第1份/共3份", "第2份/共3份", "第3份/共3份");
        }

        @Test
        void topSecretOutsideACombinationSafeIsRefused() {
            refused(() -> registered("绝密★长期", CABINET), "carrier.storageNotAllowed");
        }

        @Test
        void publicMaterialIsNotAClassifiedCarrier() {
            refused(() -> registered("公开", CABINET), "carrier.notClassified");
        }

        @Test
        void stateSecretWithoutKnowledgeScopeIsRefused() {
            CarrierDetails d = details();
            CarrierDetails noScope = new CarrierDetails(1, d.type(), d.title(), d.documentNumber(), d.issuer(), d.dated(),
                    d.copyNumber(), KnowledgeScope.of(List.of(), List.of()), d.custodian());
            refused(() -> Carrier.register(new CarrierId(1), new SerialNumber("S"), noScope, Marking.parse("秘密★"),
                    CABINET, OFFICER, T0), "carrier.scopeEmpty");
        }

        @Test
        void custodianAndRegistrarMustBeClearedForTheLevel() {
            CarrierDetails d = details();
            CarrierDetails lowCustodian = new CarrierDetails(1, d.type(), d.title(), d.documentNumber(), d.issuer(),
                    d.dated(), d.copyNumber(), d.scope(), GENERAL);
            refused(() -> Carrier.register(new CarrierId(1), new SerialNumber("S"), lowCustodian, Marking.parse("机密★"),
                    CABINET, OFFICER, T0), "carrier.custodianNotCleared");
            refused(() -> Carrier.register(new CarrierId(1), new SerialNumber("S"), d, Marking.parse("机密★"),
                    CABINET, GENERAL, T0), "carrier.actorNotCleared");
        }

        @Test
        void detailsNeedTitleIssuerAndDate() {
            CarrierDetails d = details();
            refused(() -> new CarrierDetails(1, d.type(), " ", "", d.issuer(), d.dated(), d.copyNumber(), d.scope(),
                    d.custodian()), "carrier.titleEmpty");
            refused(() -> new CarrierDetails(1, d.type(), "t", "", "", d.dated(), d.copyNumber(), d.scope(),
                    d.custodian()), "carrier.issuerEmpty");
            refused(() -> new CarrierDetails(1, d.type(), "t", "", "x", null, d.copyNumber(), d.scope(),
                    d.custodian()), "carrier.dateMissing");
        }
    }

    @Nested
    class CirculationRoute {

        @Test
        void readersSignInOrderAndTheCustodianEndsTheCirculation() {
            Carrier c = secret();
            c.circulate(List.of(READER, NAMED), TODAY.plusDays(2), false, POLICY, OFFICER, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.CIRCULATING);
            assertThat(c.circulation().orElseThrow().nextReader()).contains(READER.actor());

            refused(() -> c.signAsRead(NAMED, later(2)), "carrier.notYourTurn");
            c.signAsRead(READER, later(2));
            c.signAsRead(NAMED, later(3));
            assertThat(c.status()).as("back in custody only when the custodian has it").isEqualTo(CarrierStatus.CIRCULATING);
            refused(() -> c.signAsRead(NAMED, later(3)), "carrier.allSigned");

            c.endCirculation(OFFICER, later(4));
            assertThat(c.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
            assertThat(c.circulation()).isEmpty();
            assertThat(c.history()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Registered",
                    "CirculationStarted", "SignedAsRead", "SignedAsRead", "CirculationEnded");
            assertThat(c.history().get(2)).isEqualTo(new SignedAsRead(READER.actor(), later(2)));
        }

        @Test
        void aReaderWhoseClearanceWasWithdrawnSinceTheRouteWasSetMayNotSign() {
            Carrier c = secret();
            c.circulate(List.of(READER), TODAY, false, POLICY, OFFICER, T0);
            PersonRef downgraded = new PersonRef(READER.id(), READER.name(), SecretRelatedLevel.GENERAL,
                    READER.departmentIds());
            refused(() -> c.signAsRead(downgraded, later(1)), "carrier.readerNotCleared");
            c.recallCirculation("阅读人涉密等级已调整", OFFICER, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
        }

        @Test
        void endingWithUnsignedReadersIsRefusedButRecallWithAReasonIsNot() {
            Carrier c = secret();
            c.circulate(List.of(READER, NAMED), TODAY.plusDays(1), false, POLICY, OFFICER, later(1));
            c.signAsRead(READER, later(2));
            refused(() -> c.endCirculation(OFFICER, later(3)), "carrier.unsignedReaders");
            refused(() -> c.recallCirculation(" ", OFFICER, later(3)), "carrier.reasonRequired");
            c.recallCirculation("领导急需", OFFICER, later(3));
            assertThat(c.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
            assertThat(c.history().get(c.history().size() - 1)).isInstanceOfSatisfying(CirculationEnded.class, e -> {
                assertThat(e.recalled()).isTrue();
                assertThat(e.unsigned()).containsExactly(NAMED.actor());
            });
        }

        @Test
        void everyReaderMustBeClearedAndInScope() {
            Carrier c = secret();
            refused(() -> c.circulate(List.of(READER, GENERAL), TODAY, false, POLICY, OFFICER, T0),
                    "carrier.readerNotCleared");
            refused(() -> c.circulate(List.of(READER, OUTSIDER), TODAY, false, POLICY, OFFICER, T0),
                    "carrier.readerNotInScope");
            refused(() -> c.circulate(List.of(), TODAY, false, POLICY, OFFICER, T0), "carrier.routeEmpty");
            refused(() -> c.circulate(List.of(READER, READER), TODAY, false, POLICY, OFFICER, T0),
                    "carrier.routeRepeats");
            assertThat(c.history()).hasSize(1);
        }

        @Test
        void dueDateWithinTheLimitAndUrgentOnesTheSameDay() {
            Carrier c = secret();
            refused(() -> c.circulate(List.of(READER), TODAY.plusDays(3), false, POLICY, OFFICER, T0),
                    "carrier.circulationTooLong");
            refused(() -> c.circulate(List.of(READER), TODAY.plusDays(1), true, POLICY, OFFICER, T0),
                    "carrier.urgentSameDay");
            refused(() -> c.circulate(List.of(READER), TODAY.minusDays(1), false, POLICY, OFFICER, T0),
                    "carrier.dueInPast");
            c.circulate(List.of(READER), TODAY, true, POLICY, OFFICER, T0);
            assertThat(c.circulation().orElseThrow().urgent()).isTrue();
        }

        @Test
        void theLimitIsConfigurable() {
            Carrier c = secret();
            c.circulate(List.of(READER), TODAY.plusDays(5), false, new CirculationPolicy(5, POLICY.zone()), OFFICER, T0);
            assertThat(c.circulation().orElseThrow().due()).isEqualTo(TODAY.plusDays(5));
        }
    }

    @Nested
    class Loans {

        @Test
        void lentToSomeoneInScopeAndReturned() {
            Carrier c = secret();
            c.lend(NAMED, TODAY.plusDays(7), OFFICER, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.ON_LOAN);
            assertThat(c.loan().orElseThrow().to()).isEqualTo(NAMED.actor());
            c.returnLoan(OFFICER, later(5));
            assertThat(c.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
            assertThat(c.loan()).isEmpty();
            assertThat(c.history().get(2)).isEqualTo(new Returned(OFFICER.actor(), later(5), NAMED.actor()));
        }

        @Test
        void noHandOffFromOneBorrowerToAnother() {
            Carrier c = secret();
            c.lend(NAMED, TODAY.plusDays(7), OFFICER, later(1));
            refused(() -> c.lend(READER, TODAY.plusDays(7), OFFICER, later(2)), "carrier.onLoan");
            assertThat(c.loan().orElseThrow().to()).isEqualTo(NAMED.actor());
        }

        @Test
        void borrowerMustBeClearedAndInScope() {
            Carrier c = secret();
            refused(() -> c.lend(GENERAL, TODAY, OFFICER, T0), "carrier.borrowerNotCleared");
            refused(() -> c.lend(OUTSIDER, TODAY, OFFICER, T0), "carrier.borrowerNotInScope");
            refused(() -> c.lend(READER, null, OFFICER, T0), "carrier.dueMissing");
            refused(() -> c.returnLoan(OFFICER, T0), "carrier.wrongStatus");
        }

        @Test
        void notWhileCirculating() {
            Carrier c = secret();
            c.circulate(List.of(READER), TODAY, false, POLICY, OFFICER, T0);
            refused(() -> c.lend(NAMED, TODAY, OFFICER, T0), "carrier.wrongStatus");
        }
    }

    @Nested
    class RetrievalFromTheArchive {

        private Carrier archived() {
            Carrier c = secret();
            c.archive(OFFICER, T0);
            return c;
        }

        @Test
        void retrievedForReadingAndReturnedToTheArchiveNotToCustody() {
            Carrier c = archived();
            c.retrieve(NAMED, TODAY.plusDays(3), OFFICER, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.ON_LOAN);
            assertThat(c.loan().orElseThrow()).isEqualTo(new Lent(OFFICER.actor(), later(1), NAMED.actor(),
                    TODAY.plusDays(3), true));
            assertThat(c.holders()).containsExactly(NAMED.actor());
            c.returnLoan(NAMED, later(5));
            assertThat(c.status()).isEqualTo(CarrierStatus.ARCHIVED);
            assertThat(c.loan()).isEmpty();
            assertThat(c.history().get(3)).isEqualTo(new Returned(NAMED.actor(), later(5), NAMED.actor(), true));
            Carrier restored = Carrier.restore(c.id(), c.serial(), c.details(), CarrierStatus.ARCHIVED, c.history());
            assertThat(restored.status()).isEqualTo(CarrierStatus.ARCHIVED);
            c.retrieve(READER, TODAY.plusDays(3), OFFICER, later(6));
            assertThat(c.status()).as("it can be retrieved again").isEqualTo(CarrierStatus.ON_LOAN);
        }

        @Test
        void aLoanFromCustodyStillComesBackToCustody() {
            Carrier c = secret();
            c.lend(NAMED, TODAY.plusDays(3), OFFICER, later(1));
            c.returnLoan(OFFICER, later(2));
            assertThat(c.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
            assertThat(((Returned) c.history().get(2)).toArchive()).isFalse();
        }

        @Test
        void theReaderMustBeClearedAndInScopeAndGiveADueDate() {
            Carrier c = archived();
            refused(() -> c.retrieve(GENERAL, TODAY, OFFICER, T0), "carrier.borrowerNotCleared");
            refused(() -> c.retrieve(OUTSIDER, TODAY, OFFICER, T0), "carrier.borrowerNotInScope");
            refused(() -> c.retrieve(READER, null, OFFICER, T0), "carrier.dueMissing");
            refused(() -> c.retrieve(READER, TODAY, UNCLEARED, T0), "carrier.actorNotCleared");
            assertThat(c.status()).isEqualTo(CarrierStatus.ARCHIVED);
            assertThat(c.history()).hasSize(2);
        }

        @Test
        void noHandOffBetweenReadersAndOnlyFromTheArchive() {
            Carrier c = archived();
            c.retrieve(NAMED, TODAY.plusDays(3), OFFICER, later(1));
            refused(() -> c.retrieve(READER, TODAY.plusDays(3), OFFICER, later(2)), "carrier.onLoan");
            refused(() -> c.lend(READER, TODAY.plusDays(3), OFFICER, later(2)), "carrier.onLoan");
            refused(() -> c.archive(OFFICER, later(2)), "carrier.wrongStatus");
            Carrier inCustody = secret();
            assertThatThrownBy(() -> inCustody.retrieve(READER, TODAY, OFFICER, T0))
                    .hasMessage("Cannot retrieve from the archive FGW-2026-PD-00042 while it is in custody; it must be archived.");
            refused(() -> archived().lend(READER, TODAY, OFFICER, T0), "carrier.wrongStatus");
        }

        @Test
        void aReturnThatDisagreesWithWhereTheLoanCameFromIsACorruptHistory() {
            Carrier c = archived();
            c.retrieve(NAMED, TODAY.plusDays(3), OFFICER, later(1));
            List<CarrierEvent> h = new ArrayList<>(c.history());
            h.add(new Returned(OFFICER.actor(), later(2), NAMED.actor(), false));
            refused(() -> Carrier.restore(c.id(), c.serial(), c.details(), CarrierStatus.IN_CUSTODY, h),
                    "carrier.historyCorrupt");
            Carrier custody = secret();
            List<CarrierEvent> h2 = new ArrayList<>(custody.history());
            h2.add(new Lent(OFFICER.actor(), later(1), NAMED.actor(), TODAY, true));
            refused(() -> Carrier.restore(custody.id(), custody.serial(), custody.details(), CarrierStatus.ON_LOAN, h2),
                    "carrier.historyCorrupt");
        }
    }

    @Nested
    class CarryingOut {

        @Test
        void carriedOutWithApprovalAndBroughtBack() {
            Carrier c = secret();
            c.carryOut(APPROVAL, TODAY.plusDays(1), READER, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.CARRIED_OUT);
            assertThat(c.carriedOut().orElseThrow().approval()).isEqualTo(APPROVAL);
            c.bringBack(READER, later(20));
            assertThat(c.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
        }

        @Test
        void refusedWithoutApprovalReturnDateOrBySomeoneOutsideTheScope() {
            Carrier c = secret();
            refused(() -> c.carryOut(null, TODAY, READER, T0), "carrier.approvalRequired");
            refused(() -> c.carryOut(APPROVAL, null, READER, T0), "carrier.returnDateMissing");
            refused(() -> c.carryOut(APPROVAL, TODAY, OUTSIDER, T0), "carrier.actorNotInScope");
            refused(() -> c.carryOut(APPROVAL, TODAY, GENERAL, T0), "carrier.actorNotCleared");
            refused(() -> c.bringBack(READER, T0), "carrier.wrongStatus");
        }
    }

    @Nested
    class Copying {

        static List<CopyIdentity> identities(int n) {
            return IntStream.rangeClosed(1, n)
                    .mapToObj(i -> new CopyIdentity(new CarrierId(500 + i), new SerialNumber("FGW-2026-PD-0100" + i)))
                    .toList();
        }

        @Test
        void copiesAreNewCarriersInANewSeriesLinkedToTheOriginal() {
            Carrier original = secret();
            List<Carrier> copies = original.copy(APPROVAL, identities(2), null, OFFICER, later(1));
            assertThat(copies).hasSize(2);
            assertThat(copies).extracting(c -> c.details().copyNumber())
                    .containsExactly(new CopyNumber(1, 2), new CopyNumber(2, 2));
            for (Carrier copy : copies) {
                assertThat(copy.copiedFrom()).contains(original.id());
                assertThat(copy.markingText()).isEqualTo(original.markingText());
                assertThat(copy.details().scope()).isEqualTo(original.details().scope());
                assertThat(copy.details().title()).isEqualTo(original.details().title());
                assertThat(copy.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
                assertThat(copy.storage()).isEqualTo(original.storage());
            }
            assertThat(original.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
            assertThat(original.history().get(1)).isInstanceOfSatisfying(Copied.class, e -> {
                assertThat(e.approval()).isEqualTo(APPROVAL);
                assertThat(e.copies()).containsExactly(new CarrierId(501), new CarrierId(502));
            });
        }

        @Test
        void topSecretNeedsTheOriginatingAuthoritysConsent() {
            Carrier c = topSecret();
            refused(() -> c.copy(APPROVAL, identities(1), null, OFFICER, T0), "carrier.consentRequired");
            c.copy(APPROVAL, identities(1), new OriginatorConsent("国家保密局", "国保函〔2026〕9号"), OFFICER, T0);
            assertThat(((Copied) c.history().get(1)).originatorConsent()).isPresent();
        }

        @Test
        void refusedWithoutApprovalOutsideCustodyOrWithRepeatedIdentities() {
            Carrier c = secret();
            refused(() -> c.copy(null, identities(1), null, OFFICER, T0), "carrier.approvalRequired");
            refused(() -> c.copy(APPROVAL, List.of(), null, OFFICER, T0), "carrier.copyCount");
            CopyIdentity one = identities(1).get(0);
            refused(() -> c.copy(APPROVAL, List.of(one, one), null, OFFICER, T0), "carrier.copyIdentityRepeats");
            refused(() -> c.copy(APPROVAL, List.of(new CopyIdentity(c.id(), new SerialNumber("X"))), null, OFFICER, T0),
                    "carrier.copyIdentityRepeats");
            c.lend(READER, TODAY, OFFICER, T0);
            refused(() -> c.copy(APPROVAL, identities(1), null, OFFICER, T0), "carrier.wrongStatus");
            assertThat(c.history()).hasSize(2);
        }
    }

    @Nested
    class Disposal {

        @Test
        void archivedThenClearedToTheIssuerWithTheReceipt() {
            Carrier c = secret();
            c.archive(OFFICER, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.ARCHIVED);
            refused(() -> c.lend(READER, TODAY, OFFICER, T0), "carrier.wrongStatus");
            refused(() -> c.clear(" ", OFFICER, later(2)), "carrier.receiptMissing");
            c.clear("国家保密局签收单 0012", OFFICER, later(2));
            assertThat(c.status()).isEqualTo(CarrierStatus.CLEARED);
            assertThat(c.history().get(2)).isInstanceOfSatisfying(Cleared.class,
                    e -> assertThat(e.issuer()).isEqualTo("国家保密局"));
        }

        @Test
        void destroyedWithAnApprovedBatch() {
            Carrier c = secret();
            refused(() -> c.destroy(null, OFFICER, T0), "carrier.approvalRequired");
            c.destroy(destruction(), OFFICER, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.DESTROYED);
        }

        @Test
        void wrongStatusMessageSaysWhatAndWhere() {
            Carrier c = secret();
            c.archive(OFFICER, T0);
            assertThatThrownBy(() -> c.lend(READER, LocalDate.of(2026, 4, 1), OFFICER, T0))
                    .hasMessage("Cannot lend FGW-2026-PD-00042 while it is archived; it must be in custody.");
        }

        @Test
        void notDestroyedWhileOnLoan() {
            Carrier c = secret();
            c.lend(READER, TODAY, OFFICER, T0);
            refused(() -> c.destroy(destruction(), OFFICER, T0), "carrier.wrongStatus");
            refused(() -> c.clear("r", OFFICER, T0), "carrier.wrongStatus");
        }

        @Test
        void lostFromWhereverItWasKeepingTheLoanForTheIncident() {
            Carrier c = secret();
            c.lend(READER, TODAY, OFFICER, T0);
            refused(() -> c.reportLost("", OFFICER, later(1)), "carrier.noteRequired");
            c.reportLost("出差途中遗失", UNCLEARED, later(1));
            assertThat(c.status()).isEqualTo(CarrierStatus.LOST);
            assertThat(c.loan()).isEmpty();
        }

        @Test
        void terminalStatesAcceptNothing() {
            for (Carrier c : List.of(terminal(CarrierStatus.CLEARED), terminal(CarrierStatus.DESTROYED),
                    terminal(CarrierStatus.LOST))) {
                int size = c.history().size();
                refused(() -> c.lend(READER, TODAY, OFFICER, T0), "carrier.closed");
                refused(() -> c.circulate(List.of(READER), TODAY, false, POLICY, OFFICER, T0), "carrier.closed");
                refused(() -> c.archive(OFFICER, T0), "carrier.closed");
                refused(() -> c.reportLost("again", OFFICER, T0), "carrier.closed");
                refused(() -> c.declassify(APPROVAL, OFFICER, T0), "carrier.closed");
                refused(() -> c.destroy(destruction(), OFFICER, T0), "carrier.closed");
                assertThat(c.history()).hasSize(size);
            }
        }

        private Carrier terminal(CarrierStatus status) {
            Carrier c = secret();
            switch (status) {
                case CLEARED -> c.clear("receipt", OFFICER, T0);
                case DESTROYED -> c.destroy(destruction(), OFFICER, T0);
                case LOST -> c.reportLost("lost", OFFICER, T0);
                default -> throw new IllegalArgumentException();
            }
            return c;
        }
    }

    @Nested
    class MarkingChanges {

        @Test
        void reclassifiedKeepsTheOldMarkingInTheHistory() {
            Carrier c = secret();
            c.reclassify(Marking.parse("秘密★5年"), APPROVAL, OFFICER, later(1));
            assertThat(c.markingText()).isEqualTo("秘密★5年");
            assertThat(c.history().get(1)).isEqualTo(new Reclassified(OFFICER.actor(), later(1),
                    Marking.parse("机密★10年"), Marking.parse("秘密★5年"), APPROVAL));
            refused(() -> c.reclassify(Marking.parse("秘密★5年"), APPROVAL, OFFICER, T0), "carrier.markingUnchanged");
            refused(() -> c.reclassify(Marking.parse("机密★"), null, OFFICER, T0), "carrier.approvalRequired");
            refused(() -> c.reclassify(Marking.parse("公开"), APPROVAL, OFFICER, T0), "carrier.declassifyInstead");
        }

        @Test
        void raisingTheLevelMustFitTheStoragePlaceUntilItIsMoved() {
            Carrier c = secret();
            refused(() -> c.reclassify(Marking.parse("绝密★"), APPROVAL, OFFICER, T0), "carrier.storageNotAllowed");
            refused(() -> c.moveTo(CABINET, OFFICER, T0), "carrier.samePlace");
            c.moveTo(SAFE, OFFICER, later(1));
            c.reclassify(Marking.parse("绝密★"), APPROVAL, OFFICER, later(2));
            assertThat(c.level()).isEqualTo(ClassificationLevel.TOP_SECRET);
            refused(() -> c.moveTo(CABINET, OFFICER, T0), "carrier.storageNotAllowed");
        }

        @Test
        void declassifiedCarrierIsMarkedJiemiAndKeepsItsFormerMarking() {
            Carrier c = secret();
            refused(() -> c.declassify(null, OFFICER, T0), "carrier.approvalRequired");
            c.declassify(APPROVAL, OFFICER, later(1));
            assertThat(c.markingText()).isEqualTo("解密");
            assertThat(c.marking()).isEqualTo(new CarrierMarking.Declassified(Marking.parse("机密★10年")));
            assertThat(c.level()).as("handled as internal until a disclosure review").isEqualTo(ClassificationLevel.INTERNAL);
            refused(() -> c.declassify(APPROVAL, OFFICER, T0), "carrier.alreadyDeclassified");
            refused(() -> c.reclassify(Marking.parse("秘密★"), APPROVAL, OFFICER, T0), "carrier.alreadyDeclassified");
            refused(() -> c.copy(APPROVAL, Copying.identities(1), null, OFFICER, T0), "carrier.copyDeclassified");
            c.lend(GENERAL, TODAY, OFFICER, later(2));
            assertThat(c.status()).isEqualTo(CarrierStatus.ON_LOAN);
        }

        @Test
        void notWhileOutOfTheCustodiansHands() {
            Carrier c = secret();
            c.lend(READER, TODAY, OFFICER, T0);
            refused(() -> c.declassify(APPROVAL, OFFICER, T0), "carrier.wrongStatus");
        }
    }

    @Nested
    class Restoring {

        @Test
        void restoreRebuildsTheSameStateFromTheHistory() {
            Carrier c = secret();
            c.circulate(List.of(READER), TODAY, false, POLICY, OFFICER, T0);
            c.signAsRead(READER, later(1));
            Carrier r = Carrier.restore(c.id(), c.serial(), c.details(), CarrierStatus.CIRCULATING, c.history());
            assertThat(r.status()).isEqualTo(c.status());
            assertThat(r.circulation()).isEqualTo(c.circulation());
            r.endCirculation(OFFICER, later(2));
            assertThat(r.status()).isEqualTo(CarrierStatus.IN_CUSTODY);
        }

        @Test
        void aStoredStatusThatDisagreesWithTheHistoryIsRefused() {
            Carrier c = secret();
            refused(() -> Carrier.restore(c.id(), c.serial(), c.details(), CarrierStatus.ON_LOAN, c.history()),
                    "carrier.statusMismatch");
        }

        @Test
        void anImpossibleHistoryIsRefused() {
            Carrier c = secret();
            List<CarrierEvent> h = new ArrayList<>(c.history());
            h.add(new Returned(OFFICER.actor(), T0, READER.actor()));
            refused(() -> Carrier.restore(c.id(), c.serial(), c.details(), CarrierStatus.IN_CUSTODY, h),
                    "carrier.historyCorrupt");
            refused(() -> Carrier.restore(c.id(), c.serial(), c.details(), CarrierStatus.IN_CUSTODY, List.of()),
                    "carrier.historyCorrupt");
        }

        @Test
        void historyIsASnapshotThatCallersCannotChange() {
            Carrier c = secret();
            List<CarrierEvent> h = c.history();
            c.archive(OFFICER, T0);
            assertThat(h).hasSize(1);
            assertThatThrownBy(() -> h.add(h.get(0)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
