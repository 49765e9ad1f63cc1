package org.baomi.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.baomi.core.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RectificationTest {

    private static final Person OFFICER = new Person(1, "王保密");
    private static final Person OWNER = new Person(2, "张工");
    private static final Person VERIFIER = new Person(3, "李主任");
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);

    private static Rectification open() {
        return Rectification.open(1, Rectification.Source.assessment(7, "C09.2"), "涉密计算机未禁用无线网卡", OWNER,
                "拆除无线网卡并复查", DEADLINE, OFFICER, T0);
    }

    private static String code(Runnable act) {
        return catchThrowableOfType(DomainException.class, act::run).code();
    }

    @Test
    void itIsWorkedOnDoneAndVerifiedBySomeoneElse() {
        Rectification r = open();
        r.start(OWNER, T0);
        r.complete(OWNER, "已拆除无线网卡", T0);
        r.verify(VERIFIER, "复查无误", T0);

        assertThat(r.status()).isEqualTo(RectificationStatus.VERIFIED);
        assertThat(r.verification().orElseThrow().by()).isEqualTo(VERIFIER);
        assertThat(r.history()).extracting(Rectification.Step::to).containsExactly(RectificationStatus.OPEN,
                RectificationStatus.IN_PROGRESS, RectificationStatus.DONE, RectificationStatus.VERIFIED);
    }

    @Test
    void thePlanChangesWhileTheWorkIsToBeDoneButNeverToAPastDeadline() {
        Rectification r = open();
        LocalDate today = LocalDate.of(2026, 12, 1);
        r.replan(VERIFIER, "更换为李主任负责", today, today);
        assertThat(r.owner()).isEqualTo(VERIFIER);
        assertThat(r.measures()).isEqualTo("更换为李主任负责");
        assertThat(r.deadline()).isEqualTo(today);

        assertThat(code(() -> r.replan(OWNER, "拆除", today.minusDays(1), today))).isEqualTo("assessment.deadlinePast");
        assertThat(code(() -> r.replan(OWNER, " ", DEADLINE, today))).isEqualTo("assessment.rectificationFieldMissing");
        assertThat(code(() -> r.replan(OWNER, "拆除", null, today))).isEqualTo("assessment.rectificationFieldMissing");
        assertThat(r.owner()).isEqualTo(VERIFIER);

        r.start(VERIFIER, T0);
        r.replan(OWNER, "拆除无线网卡", DEADLINE, today);
        assertThat(r.owner()).isEqualTo(OWNER);
        r.complete(OWNER, "已拆除", T0);
        assertThat(code(() -> r.replan(VERIFIER, "再查", DEADLINE, today)))
                .isEqualTo("assessment.rectificationWrongStatus");
        assertThat(r.owner()).isEqualTo(OWNER);
    }

    @Test
    void theOwnerCannotVerifyHisOwnWorkNorCanWhoeverCompletedIt() {
        Rectification r = open();
        r.start(OWNER, T0);
        r.complete(VERIFIER, "已拆除", T0);

        assertThat(code(() -> r.verify(OWNER, "", T0))).isEqualTo("assessment.ownerVerifies");
        assertThat(code(() -> r.verify(VERIFIER, "", T0))).isEqualTo("assessment.ownerVerifies");
        assertThat(code(() -> r.rejectVerification(OWNER, "未完成", T0))).isEqualTo("assessment.ownerVerifies");
        assertThat(r.status()).isEqualTo(RectificationStatus.DONE);
        r.verify(OFFICER, "", T0);
        assertThat(r.status()).isEqualTo(RectificationStatus.VERIFIED);
    }

    @Test
    void aVerifierWhoFindsItNotCorrectedSendsItBackWithAReason() {
        Rectification r = open();
        r.start(OWNER, T0);
        r.complete(OWNER, "已拆除", T0);
        assertThat(code(() -> r.rejectVerification(VERIFIER, " ", T0))).isEqualTo("assessment.rectificationFieldMissing");
        r.rejectVerification(VERIFIER, "仍可连接无线网络", T0);

        assertThat(r.status()).isEqualTo(RectificationStatus.IN_PROGRESS);
        assertThat(r.history().get(3).note()).isEqualTo("仍可连接无线网络");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        Rectification r = open();
        assertThat(code(() -> r.complete(OWNER, "x", T0))).isEqualTo("assessment.rectificationWrongStatus");
        assertThat(code(() -> r.verify(VERIFIER, "", T0))).isEqualTo("assessment.rectificationWrongStatus");
        r.start(OWNER, T0);
        assertThat(code(() -> r.start(OWNER, T0))).isEqualTo("assessment.rectificationWrongStatus");
        assertThat(code(() -> r.complete(OWNER, "", T0))).isEqualTo("assessment.rectificationFieldMissing");
    }

    @Test
    void ownerMeasuresAndDeadlineAreRequired() {
        assertThat(code(() -> Rectification.open(1, Rectification.Source.inspection(4), "问题", OWNER, " ", DEADLINE,
                OFFICER, T0))).isEqualTo("assessment.rectificationFieldMissing");
        assertThat(code(() -> Rectification.open(1, Rectification.Source.inspection(4), "", OWNER, "措施", DEADLINE,
                OFFICER, T0))).isEqualTo("assessment.rectificationFieldMissing");
    }

    static Stream<Arguments> overdue() {
        return Stream.of(
                Arguments.of("open, deadline today", 0, LocalDate.of(2026, 12, 31), false),
                Arguments.of("open, a day past", 0, LocalDate.of(2027, 1, 1), true),
                Arguments.of("in progress, past", 1, LocalDate.of(2027, 1, 1), true),
                Arguments.of("done, past", 2, LocalDate.of(2027, 3, 1), false),
                Arguments.of("verified, past", 3, LocalDate.of(2027, 3, 1), false),
                Arguments.of("in progress, before", 1, LocalDate.of(2026, 12, 1), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overdue")
    void overdueWhenPastTheDeadlineAndNotDone(String name, int steps, LocalDate today, boolean overdue) {
        Rectification r = open();
        if (steps >= 1) {
            r.start(OWNER, T0);
        }
        if (steps >= 2) {
            r.complete(OWNER, "完成", T0);
        }
        if (steps >= 3) {
            r.verify(VERIFIER, "", T0);
        }
        assertThat(r.overdue(today)).isEqualTo(overdue);
    }

    @Test
    void aStoredRectificationIsRestored() {
        Rectification r = open();
        r.start(OWNER, T0);
        Rectification back = Rectification.restore(r.id(), r.source(), r.problem(), r.owner(), r.measures(), r.deadline(),
                r.history());
        assertThat(back.status()).isEqualTo(RectificationStatus.IN_PROGRESS);
        assertThat(code(() -> Rectification.restore(1, r.source(), "p", OWNER, "m", DEADLINE, r.history().subList(1, 2))))
                .isEqualTo("assessment.historyCorrupt");
    }
}
