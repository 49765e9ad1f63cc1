package org.baomi.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.assessment.AssessmentEvent.*;
import org.junit.jupiter.api.Test;

class SelfAssessmentTest {

    private static final Person OFFICER = new Person(1, "王保密");
    private static final Person HEAD = new Person(2, "李主任");
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    private final Standard standard = Standards.of("60", "40");

    private SelfAssessment draft() {
        return SelfAssessment.start(7, standard, Subject.unit(3), 2026, OFFICER, T0);
    }

    private SelfAssessment scored() {
        SelfAssessment a = draft();
        a.record(ScoringTest.result(standard.items().get(0), "C"));
        a.record(ScoringTest.result(standard.items().get(1), "30"));
        return a;
    }

    private static String code(Runnable act) {
        return catchThrowableOfType(DomainException.class, act::run).code();
    }

    @Test
    void aDraftIsSubmittedApprovedByTheHeadAndLocked() {
        SelfAssessment a = scored();
        a.submit(OFFICER, T0.plusSeconds(60));
        a.approve(HEAD, true, T0.plusSeconds(120));
        a.lock(HEAD, T0.plusSeconds(180));

        assertThat(a.status()).isEqualTo(AssessmentStatus.LOCKED);
        assertThat(a.history()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Started", "Submitted", "Approved", "Locked");
        assertThat(a.lastSubmission().orElseThrow().score()).isEqualByComparingTo("90");
        assertThat(a.lastSubmission().orElseThrow().grade()).isEqualTo(Grade.COMPLIANT);
    }

    @Test
    void anIncompleteAssessmentIsNotSubmittedAndTheMessageNamesWhatIsMissing() {
        SelfAssessment a = draft();
        a.record(ScoringTest.result(standard.items().get(0), "C"));

        DomainException e = catchThrowableOfType(DomainException.class, () -> a.submit(OFFICER, T0));
        assertThat(e.code()).isEqualTo("assessment.incomplete");
        assertThat(e.getMessage()).contains("I2");
        assertThat(a.status()).isEqualTo(AssessmentStatus.DRAFT);
    }

    @Test
    void theSubmitterCannotApproveNorCanSomeoneWhoIsNotTheHead() {
        SelfAssessment a = scored();
        a.submit(HEAD, T0);

        assertThat(code(() -> a.approve(HEAD, true, T0))).isEqualTo("assessment.ownSubmission");
        assertThat(code(() -> a.approve(OFFICER, false, T0))).isEqualTo("assessment.notHead");
        assertThat(a.status()).isEqualTo(AssessmentStatus.SUBMITTED);
        assertThat(a.history()).hasSize(2);
    }

    @Test
    void resultsChangeOnlyInADraftOrAReopenedAssessment() {
        SelfAssessment a = scored();
        a.submit(OFFICER, T0);
        ItemResult change = ScoringTest.result(standard.items().get(1), "N");

        assertThat(code(() -> a.record(change))).isEqualTo("assessment.notEditable");
        assertThat(code(() -> a.recordVeto("V1", true))).isEqualTo("assessment.notEditable");
        assertThat(code(() -> a.recordOccurrences("D1", 1))).isEqualTo("assessment.notEditable");
        a.approve(HEAD, true, T0);
        assertThat(code(() -> a.record(change))).isEqualTo("assessment.notEditable");
        a.lock(HEAD, T0);
        assertThat(code(() -> a.record(change))).isEqualTo("assessment.notEditable");

        a.reopen(HEAD, "第5项评分依据不足", T0.plusSeconds(60));
        a.record(change);
        a.recordVeto("V1", true);
        assertThat(a.status()).isEqualTo(AssessmentStatus.REOPENED);
        assertThat(((Evaluation.Scored) a.evaluation()).grade()).isEqualTo(Grade.NON_COMPLIANT);
    }

    @Test
    void reopeningNeedsAReasonAndKeepsWhatWasSubmittedBefore() {
        SelfAssessment a = scored();
        a.submit(OFFICER, T0);
        assertThat(code(() -> a.reopen(HEAD, "  ", T0))).isEqualTo("assessment.reasonMissing");

        a.reopen(HEAD, "补充证据材料", T0.plusSeconds(10));
        a.record(ScoringTest.result(standard.items().get(1), "C"));
        a.submit(OFFICER, T0.plusSeconds(20));

        assertThat(a.history()).filteredOn(Submitted.class::isInstance).extracting(e -> ((Submitted) e).score())
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("90"), new java.math.BigDecimal("100"));
        assertThat(a.history()).filteredOn(Reopened.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Reopened) e).reason()).isEqualTo("补充证据材料"));
    }

    @Test
    void actsInTheWrongStatusAreRefused() {
        SelfAssessment a = scored();
        assertThat(code(() -> a.approve(HEAD, true, T0))).isEqualTo("assessment.wrongStatus");
        assertThat(code(() -> a.lock(HEAD, T0))).isEqualTo("assessment.wrongStatus");
        assertThat(code(() -> a.reopen(HEAD, "x", T0))).isEqualTo("assessment.wrongStatus");
        a.submit(OFFICER, T0);
        assertThat(code(() -> a.submit(OFFICER, T0))).isEqualTo("assessment.wrongStatus");
        assertThat(code(() -> a.lock(HEAD, T0))).isEqualTo("assessment.wrongStatus");
    }

    @Test
    void aStandardForAnotherLevelCannotBeUsed() {
        Standard individual = Standards.of(AssessmentLevel.INDIVIDUAL, "1", "1", "100");
        assertThat(code(() -> SelfAssessment.start(1, individual, Subject.unit(3), 2026, OFFICER, T0)))
                .isEqualTo("assessment.levelMismatch");
        assertThat(code(() -> new Subject(AssessmentLevel.DEPARTMENT, 3, null, null))).isEqualTo("assessment.subjectInvalid");
    }

    @Test
    void aStoredAssessmentIsRestoredFromItsHistoryAndAWrongStatusOrHistoryIsRefused() {
        SelfAssessment a = scored();
        a.submit(OFFICER, T0);
        a.approve(HEAD, true, T0);

        SelfAssessment back = SelfAssessment.restore(a.id(), standard, a.subject(), a.year(), a.results(),
                AssessmentStatus.APPROVED, a.history());
        assertThat(back.status()).isEqualTo(AssessmentStatus.APPROVED);
        assertThat(back.evaluation()).isEqualTo(a.evaluation());

        assertThat(code(() -> SelfAssessment.restore(a.id(), standard, a.subject(), a.year(), a.results(),
                AssessmentStatus.LOCKED, a.history()))).isEqualTo("assessment.statusMismatch");
        List<AssessmentEvent> approvedTwice = new java.util.ArrayList<>(a.history());
        approvedTwice.add(new Approved(HEAD, T0));
        assertThat(code(() -> SelfAssessment.restore(a.id(), standard, a.subject(), a.year(), a.results(),
                AssessmentStatus.APPROVED, approvedTwice))).isEqualTo("assessment.historyCorrupt");
        assertThat(code(() -> SelfAssessment.restore(a.id(), standard, a.subject(), a.year(), a.results(),
                AssessmentStatus.DRAFT, List.of()))).isEqualTo("assessment.historyCorrupt");
    }

    @Test
    void nothingApplicableCannotBeSubmitted() {
        SelfAssessment a = draft();
        a.record(ScoringTest.result(standard.items().get(0), "X"));
        a.record(ScoringTest.result(standard.items().get(1), "X"));
        assertThat(code(() -> a.submit(OFFICER, T0))).isEqualTo("assessment.nothingApplicable");
        assertThatThrownBy(() -> SelfAssessment.start(1, standard, Subject.unit(3), 1999, OFFICER, T0))
                .isInstanceOf(DomainException.class);
    }
}
