package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.baomi.core.DomainException;
import org.baomi.core.assessment.AssessmentEvent.*;

/**
 * 自查自评 — one self-assessment of a unit, department or person against one standard for one year.
 *
 * <pre>
 *   DRAFT ─submit→ SUBMITTED ─approve (the head, not the submitter)→ APPROVED ─lock→ LOCKED
 *   SUBMITTED | APPROVED | LOCKED ─reopen(reason)→ REOPENED ─submit→ SUBMITTED …
 * </pre>
 * Results are recorded only in DRAFT or REOPENED; submitting needs every item scored. The status is
 * derived from the append-only history, which keeps every submission (with its score), approval
 * and reopening with its reason. Whether {@code by} holds the right role is the server's concern;
 * the model is told whether the approver heads the assessed unit or department.
 *
 * <p>Not thread-safe: load, act and store within one transaction.
 */
public final class SelfAssessment {

    private final long id;
    private final Standard standard;
    private final Subject subject;
    private final int year;
    private final List<AssessmentEvent> history;
    private Results results;
    private AssessmentStatus status;

    private SelfAssessment(long id, Standard standard, Subject subject, int year, Results results,
            List<AssessmentEvent> history) {
        if (id < 1) {
            throw new IllegalArgumentException("an assessment id is positive, was " + id);
        }
        this.id = id;
        this.standard = Objects.requireNonNull(standard, "standard");
        this.subject = Objects.requireNonNull(subject, "subject");
        if (year < 2000 || year > 2999) {
            throw new DomainException("assessment.yearInvalid", "The year " + year + " is not a year of assessment.", year);
        }
        this.year = year;
        this.results = Objects.requireNonNull(results, "results");
        this.history = new ArrayList<>(history);
        this.status = replay(this.history);
    }

    /**
     * Starts a draft assessment.
     *
     * @throws DomainException {@code assessment.levelMismatch} when the standard is for another level
     */
    public static SelfAssessment start(long id, Standard standard, Subject subject, int year, Person by, Instant at) {
        if (standard.level() != subject.level()) {
            throw new DomainException("assessment.levelMismatch", "Standard " + standard.ref() + " is a "
                    + standard.level().name().toLowerCase() + " checklist and cannot assess a "
                    + subject.level().name().toLowerCase() + ".", standard.ref().toString(), standard.level(), subject.level());
        }
        return new SelfAssessment(id, standard, subject, year, Results.none(), List.of(new Started(by, at)));
    }

    /**
     * Rebuilds a stored assessment; a stored status that disagrees with the history is refused.
     *
     * @throws DomainException {@code assessment.historyCorrupt}, {@code assessment.statusMismatch}
     */
    public static SelfAssessment restore(long id, Standard standard, Subject subject, int year, Results results,
            AssessmentStatus storedStatus, List<AssessmentEvent> history) {
        SelfAssessment a = new SelfAssessment(id, standard, subject, year, results, history);
        if (a.status != storedStatus) {
            throw new DomainException("assessment.statusMismatch", "Assessment " + id + " is stored as "
                    + storedStatus.words() + " but its history says " + a.status.words() + ".", id, storedStatus, a.status);
        }
        return a;
    }

    // ------------------------------------------------------------------ results

    /** @throws DomainException {@code assessment.notEditable}, or a refusal of the result */
    public void record(ItemResult result) {
        requireEditable();
        results = results.with(standard, result);
    }

    /** @throws DomainException {@code assessment.notEditable}, {@code assessment.occurrencesInvalid} */
    public void recordOccurrences(String deductionId, int occurrences) {
        requireEditable();
        results = results.withOccurrences(standard, deductionId, occurrences);
    }

    /** @throws DomainException {@code assessment.notEditable} */
    public void recordVeto(String vetoId, boolean triggered) {
        requireEditable();
        results = results.withVeto(standard, vetoId, triggered);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Hands the assessment to the head for approval, with its score as it is now.
     *
     * @throws DomainException {@code assessment.incomplete} (naming how many and the first items
     *                         not scored), {@code assessment.nothingApplicable}, or a status refusal
     */
    public void submit(Person by, Instant at) {
        requireStatus("submit", AssessmentStatus.DRAFT, AssessmentStatus.REOPENED);
        Evaluation evaluation = evaluation();
        if (evaluation instanceof Evaluation.Incomplete i) {
            String first = String.join(", ", i.missingItems().subList(0, Math.min(5, i.missingItems().size())));
            throw new DomainException("assessment.incomplete", i.missingItems().size()
                    + " items have no result yet, the first " + first + ".", i.missingItems().size(), first);
        }
        if (!(evaluation instanceof Evaluation.Scored scored)) {
            throw new DomainException("assessment.nothingApplicable",
                    "Every item is marked not applicable: there is nothing to score.");
        }
        history.add(new Submitted(by, at, scored.score(), scored.grade()));
        status = AssessmentStatus.SUBMITTED;
    }

    /**
     * 审定 — the head of the assessed unit (or department; for a person, his department head)
     * approves the submitted assessment.
     *
     * @param headOfSubject whether {@code by} heads the assessed unit or department; the server
     *                      knows the organisation, the model only refuses when he does not
     * @throws DomainException {@code assessment.notHead}, {@code assessment.ownSubmission}, or a
     *                         status refusal
     */
    public void approve(Person by, boolean headOfSubject, Instant at) {
        requireStatus("approve", AssessmentStatus.SUBMITTED);
        if (!headOfSubject) {
            throw new DomainException("assessment.notHead", by.name() + " does not head the assessed "
                    + subject.level().name().toLowerCase() + " and cannot approve its self-assessment.", by.name());
        }
        Person submitter = lastSubmission().orElseThrow().by();
        if (submitter.id() == by.id()) {
            throw new DomainException("assessment.ownSubmission", by.name()
                    + " submitted this self-assessment and cannot also approve it.", by.name());
        }
        history.add(new Approved(by, at));
        status = AssessmentStatus.APPROVED;
    }

    /** Closes an approved assessment for good (for the year's report and the superior). */
    public void lock(Person by, Instant at) {
        requireStatus("lock", AssessmentStatus.APPROVED);
        history.add(new Locked(by, at));
        status = AssessmentStatus.LOCKED;
    }

    /**
     * Sends a submitted, approved or locked assessment back for correction; the history keeps what
     * was submitted and approved before.
     *
     * @throws DomainException {@code assessment.reasonMissing}, or a status refusal
     */
    public void reopen(Person by, String reason, Instant at) {
        requireStatus("reopen", AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED, AssessmentStatus.LOCKED);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("assessment.reasonMissing", "Say why the assessment is reopened.");
        }
        history.add(new Reopened(by, at, reason.strip()));
        status = AssessmentStatus.REOPENED;
    }

    // ------------------------------------------------------------------ reads

    public Evaluation evaluation() {
        return Scoring.evaluate(standard, results);
    }

    public Evaluation evaluation(GradeThresholds thresholds) {
        return Scoring.evaluate(standard, results, thresholds);
    }

    public long id() {
        return id;
    }

    public Standard standard() {
        return standard;
    }

    public Subject subject() {
        return subject;
    }

    public int year() {
        return year;
    }

    public Results results() {
        return results;
    }

    public AssessmentStatus status() {
        return status;
    }

    public List<AssessmentEvent> history() {
        return List.copyOf(history);
    }

    /** The score and grade as last submitted, if ever. */
    public Optional<Submitted> lastSubmission() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof Submitted s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The score now, if every item is scored. */
    public Optional<BigDecimal> score() {
        return evaluation() instanceof Evaluation.Scored s ? Optional.of(s.score()) : Optional.empty();
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new DomainException("assessment.notEditable", "The assessment is " + status.words()
                    + ": results change only in a draft or a reopened assessment.", status);
        }
    }

    private void requireStatus(String act, AssessmentStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new DomainException("assessment.wrongStatus", "Cannot " + act + " an assessment that is "
                    + status.words() + ".", act, status);
        }
    }

    /** The status the history leads to; a history no sequence of acts could write is refused. */
    static AssessmentStatus replay(List<AssessmentEvent> history) {
        if (history.isEmpty() || !(history.get(0) instanceof Started)) {
            throw corrupt("it does not begin with the start");
        }
        AssessmentStatus s = AssessmentStatus.DRAFT;
        for (AssessmentEvent e : history.subList(1, history.size())) {
            s = next(s, e);
        }
        return s;
    }

    private static AssessmentStatus next(AssessmentStatus s, AssessmentEvent e) {
        if (e instanceof Submitted && s.editable()) {
            return AssessmentStatus.SUBMITTED;
        }
        if (e instanceof Approved && s == AssessmentStatus.SUBMITTED) {
            return AssessmentStatus.APPROVED;
        }
        if (e instanceof Locked && s == AssessmentStatus.APPROVED) {
            return AssessmentStatus.LOCKED;
        }
        if (e instanceof Reopened && !s.editable()) {
            return AssessmentStatus.REOPENED;
        }
        throw corrupt(e.getClass().getSimpleName().toLowerCase() + " when " + s.words());
    }

    private static DomainException corrupt(String why) {
        return new DomainException("assessment.historyCorrupt", "The assessment's history cannot be right: " + why + ".", why);
    }
}
