package org.baomi.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.core.carrier.CarrierFixtures.*;

import java.util.Set;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Need-to-know, level × clearance × scope × ledger role: details only for someone cleared for the
 * level and in the scope or keeping the ledger; everyone else the serial and level, never the title.
 */
class CarrierVisibilityTest {

    static Carrier at(ClassificationLevel level) {
        String marking = switch (level) {
            case TOP_SECRET -> "绝密★";
            case SECRET -> "机密★";
            case CONFIDENTIAL -> "秘密★";
            default -> "内部";
        };
        return registered(marking, SAFE);
    }

    static PersonRef viewer(SecretRelatedLevel clearance, boolean inScope) {
        return new PersonRef(40, "观者", clearance, inScope ? Set.of(10L) : Set.of(30L));
    }

    // expected: F = full, C = serial and level because not cleared, S = serial and level because not in scope
    @ParameterizedTest(name = "{0} seen by {1}: in scope {2}, out of scope {3}, ledger keeper out of scope {4}")
    @CsvSource({
            "TOP_SECRET,   CORE,      F, S, F",
            "TOP_SECRET,   IMPORTANT, C, C, C",
            "TOP_SECRET,   GENERAL,   C, C, C",
            "TOP_SECRET,   NONE,      C, C, C",
            "SECRET,       CORE,      F, S, F",
            "SECRET,       IMPORTANT, F, S, F",
            "SECRET,       GENERAL,   C, C, C",
            "SECRET,       NONE,      C, C, C",
            "CONFIDENTIAL, CORE,      F, S, F",
            "CONFIDENTIAL, IMPORTANT, F, S, F",
            "CONFIDENTIAL, GENERAL,   F, S, F",
            "CONFIDENTIAL, NONE,      C, C, C",
            "INTERNAL,     CORE,      F, S, F",
            "INTERNAL,     IMPORTANT, F, S, F",
            "INTERNAL,     GENERAL,   F, S, F",
            "INTERNAL,     NONE,      F, S, F",
    })
    void detailsOnlyForTheClearedInScopeOrTheLedgerKeeper(ClassificationLevel level, SecretRelatedLevel clearance,
            char inScope, char outOfScope, char ledgerKeeperOutOfScope) {
        Carrier c = at(level);
        check(c, c.visibilityFor(viewer(clearance, true), false), inScope);
        check(c, c.visibilityFor(viewer(clearance, false), false), outOfScope);
        check(c, c.visibilityFor(viewer(clearance, false), true), ledgerKeeperOutOfScope);
        // keeping the ledger while in scope changes nothing
        check(c, c.visibilityFor(viewer(clearance, true), true), inScope);
    }

    private static void check(Carrier c, Visibility v, char expected) {
        switch (expected) {
            case 'F' -> {
                assertThat(v).isInstanceOf(Visibility.Full.class);
                assertThat(v.titleVisible()).isTrue();
            }
            case 'C', 'S' -> {
                assertThat(v).isEqualTo(new Visibility.SerialAndLevel(c.serial(), c.level(),
                        expected == 'C' ? Visibility.Reason.NOT_CLEARED : Visibility.Reason.NOT_IN_SCOPE));
                assertThat(v.titleVisible()).as("the title is a detail").isFalse();
            }
            default -> throw new IllegalArgumentException("" + expected);
        }
    }

    @Test
    void aPersonNamedInTheScopeSeesItWhateverHisDepartment() {
        assertThat(secret().visibilityFor(NAMED, false)).isInstanceOf(Visibility.Full.class);
    }

    @Test
    void topSecretTitleIsHiddenEvenFromACoreLedgerKeeperWithoutClearanceForIt() {
        Carrier c = topSecret();
        Visibility v = c.visibilityFor(READER, true);
        assertThat(v.titleVisible()).isFalse();
        assertThat(v).isInstanceOfSatisfying(Visibility.SerialAndLevel.class,
                s -> assertThat(s.level()).isEqualTo(ClassificationLevel.TOP_SECRET));
    }

    @Test
    void afterDeclassificationScopeStillCountsButClearanceNoLonger() {
        Carrier c = secret();
        c.declassify(APPROVAL, OFFICER, T0);
        assertThat(c.visibilityFor(UNCLEARED, false)).isInstanceOf(Visibility.Full.class);
        assertThat(c.visibilityFor(viewer(SecretRelatedLevel.NONE, false), false))
                .isInstanceOf(Visibility.SerialAndLevel.class);
    }
}
