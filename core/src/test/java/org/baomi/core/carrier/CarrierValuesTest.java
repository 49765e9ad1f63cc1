package org.baomi.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.carrier.CarrierFixtures.*;

import java.util.List;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarrierValuesTest {

    static void refused(Runnable act, String code) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "TOP_SECRET, COMBINATION_SAFE, true",
            "TOP_SECRET, COMBINATION_LOCK_CABINET, false",
            "TOP_SECRET, OTHER, false",
            "SECRET, COMBINATION_SAFE, true",
            "SECRET, COMBINATION_LOCK_CABINET, true",
            "SECRET, OTHER, false",
            "CONFIDENTIAL, COMBINATION_SAFE, true",
            "CONFIDENTIAL, COMBINATION_LOCK_CABINET, true",
            "CONFIDENTIAL, OTHER, false",
            "INTERNAL, OTHER, true",
    })
    void storageRuleTopSecretInASafeSecretAndConfidentialInASafeOrCabinet(ClassificationLevel level,
            StoragePlace.Kind kind, boolean allowed) {
        StoragePlace place = new StoragePlace(kind, "柜 1");
        assertThat(place.permits(level)).isEqualTo(allowed);
        if (allowed) {
            place.requirePermits(level);
        } else {
            refused(() -> place.requirePermits(level), "carrier.storageNotAllowed");
        }
    }

    @Test
    void storagePlaceNeedsAName() {
        refused(() -> new StoragePlace(StoragePlace.Kind.COMBINATION_SAFE, " "), "carrier.storageNameEmpty");
    }

    @Test
    void serialNumberIsStrippedAndBounded() {
        assertThat(new SerialNumber("  FGW-1 ").value()).isEqualTo("FGW-1");
        refused(() -> new SerialNumber(" "), "carrier.serialEmpty");
        refused(() -> new SerialNumber(null), "carrier.serialEmpty");
        refused(() -> new SerialNumber("X".repeat(SerialNumber.MAX_LENGTH + 1)), "carrier.serialTooLong");
        refused(() -> new SerialNumber("A\nB"), "carrier.serialControlCharacter");
    }

    @Test
    void copyNumberIsWrittenBothWaysAndReadAsRegistersWriteIt() {
        CopyNumber c = new CopyNumber(3, 20);
        assertThat(c.chinese()).isEqualTo("第3份/共20份");
        assertThat(c.english()).isEqualTo("copy 3 of 20");
        assertThat(CopyNumber.parse("第3份/共20份")).isEqualTo(c);
        assertThat(CopyNumber.parse("第 3 份，共 20 份")).isEqualTo(c);
        assertThat(CopyNumber.parse("3/20")).isEqualTo(c);
        assertThat(CopyNumber.parse("Copy 3 of 20")).isEqualTo(c);
        assertThat(CopyNumber.single()).isEqualTo(new CopyNumber(1, 1));
        assertThat(CopyNumber.range(3, 5, 20)).containsExactly(new CopyNumber(3, 20), new CopyNumber(4, 20),
                new CopyNumber(5, 20));
    }

    @Test
    void copyNumberOutsideItsSeriesIsRefused() {
        refused(() -> new CopyNumber(0, 20), "carrier.copyNumberOutOfRange");
        refused(() -> new CopyNumber(21, 20), "carrier.copyNumberOutOfRange");
        refused(() -> new CopyNumber(1, 0), "carrier.copyCountInvalid");
        refused(() -> CopyNumber.parse("三份"), "carrier.copyNumberUnreadable");
        refused(() -> CopyNumber.parse("21/20"), "carrier.copyNumberOutOfRange");
        refused(() -> CopyNumber.range(5, 3, 20), "carrier.copyRangeReversed");
    }

    @Test
    void knowledgeScopeIncludesNamedPeopleAndMembersOfNamedDepartments() {
        assertThat(SCOPE.includes(3, Set.of())).as("named").isTrue();
        assertThat(SCOPE.includes(99, Set.of(30L, 10L))).as("member of a named department").isTrue();
        assertThat(SCOPE.includes(99, Set.of(20L))).isFalse();
        assertThat(SCOPE.includes(READER)).isTrue();
        assertThat(SCOPE.includes(OUTSIDER)).isFalse();
        assertThat(KnowledgeScope.of(List.of(), List.of()).isEmpty()).isTrue();
    }

    @Test
    void personIsClearedUpToHisSecretRelatedLevel() {
        assertThat(READER.cleared(ClassificationLevel.SECRET)).isTrue();
        assertThat(READER.cleared(ClassificationLevel.TOP_SECRET)).isFalse();
        assertThat(new PersonRef(9, "甲", SecretRelatedLevel.NONE, Set.of()).cleared(ClassificationLevel.INTERNAL)).isTrue();
        refused(() -> new PersonRef(9, " ", SecretRelatedLevel.CORE, Set.of()), "carrier.nameMissing");
    }

    @Test
    void destructionNeedsTwoSupervisorsWhoDidNotRequestIt() {
        Actor requester = READER.actor();
        List<Actor> two = List.of(HEAD.actor(), NAMED.actor());
        new DestructionRecord("2026-销-01", APPROVAL, DestructionRecord.Method.DESTRUCTION_CENTRE, requester, two);
        refused(() -> new DestructionRecord("2026-销-01", APPROVAL, DestructionRecord.Method.IN_HOUSE_EQUIPMENT,
                requester, List.of(HEAD.actor())), "carrier.supervisorsTooFew");
        refused(() -> new DestructionRecord("2026-销-01", APPROVAL, DestructionRecord.Method.IN_HOUSE_EQUIPMENT,
                requester, List.of(HEAD.actor(), HEAD.actor())), "carrier.supervisorsTooFew");
        refused(() -> new DestructionRecord("2026-销-01", APPROVAL, DestructionRecord.Method.IN_HOUSE_EQUIPMENT,
                requester, List.of(HEAD.actor(), requester)), "carrier.supervisorIsRequester");
        refused(() -> new DestructionRecord("2026-销-01", null, DestructionRecord.Method.IN_HOUSE_EQUIPMENT,
                requester, two), "carrier.approvalRequired");
        refused(() -> new DestructionRecord(" ", APPROVAL, DestructionRecord.Method.IN_HOUSE_EQUIPMENT,
                requester, two), "carrier.destructionBatchMissing");
    }

    @Test
    void originatorConsentNamesAuthorityAndReference() {
        refused(() -> new OriginatorConsent("国家保密局", " "), "carrier.consentIncomplete");
    }
}
