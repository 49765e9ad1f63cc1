package org.baomi.core.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.baomi.core.DomainException;

/**
 * 整改 — one problem found (in a self-assessment or an inspection) and its correction: an owner, the
 * measures and a deadline; verified by someone other than the owner.
 *
 * <pre>
 *   OPEN ─start→ IN_PROGRESS ─complete(what was done)→ DONE ─verify (not the owner)→ VERIFIED
 *                      ▲                                  │
 *                      └──── rejectVerification(reason) ──┘
 * </pre>
 * It is overdue when its deadline has passed and it is not yet DONE or VERIFIED.
 */
public final class Rectification {

    /** One step of the rectification's history. */
    public record Step(RectificationStatus to, Person by, Instant at, String note) {
        public Step {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            note = note == null ? "" : note.strip();
        }
    }

    /** Where the problem was found: an assessment and its item, or an inspection (ids are the server's). */
    public record Source(Long assessmentId, String itemId, Long inspectionId) {
        public static Source assessment(long assessmentId, String itemId) {
            return new Source(assessmentId, itemId, null);
        }

        public static Source inspection(long inspectionId) {
            return new Source(null, null, inspectionId);
        }
    }

    private final long id;
    private final Source source;
    private final String problem;
    private Person owner;
    private String measures;
    private LocalDate deadline;
    private final List<Step> history;

    private Rectification(long id, Source source, String problem, Person owner, String measures, LocalDate deadline,
            List<Step> history) {
        this.id = id;
        this.source = Objects.requireNonNull(source, "source");
        this.problem = required(problem, "problem", "the problem found");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.measures = required(measures, "measures", "the measures to take");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.history = new ArrayList<>(history);
    }

    /**
     * Opens a rectification for {@code problem}, owned by {@code owner}, to be done by {@code deadline}.
     *
     * @throws DomainException {@code assessment.rectificationFieldMissing}
     */
    public static Rectification open(long id, Source source, String problem, Person owner, String measures,
            LocalDate deadline, Person by, Instant at) {
        return new Rectification(id, source, problem, owner, measures, deadline,
                List.of(new Step(RectificationStatus.OPEN, by, at, "")));
    }

    /** Rebuilds a stored rectification from its history. */
    public static Rectification restore(long id, Source source, String problem, Person owner, String measures,
            LocalDate deadline, List<Step> history) {
        if (history.isEmpty() || history.get(0).to() != RectificationStatus.OPEN) {
            throw new DomainException("assessment.historyCorrupt",
                    "The rectification's history cannot be right: it does not begin with the opening.", "opening");
        }
        return new Rectification(id, source, problem, owner, measures, deadline, history);
    }

    /**
     * Assigns the work anew while it is still to be done: another owner, other measures or a later (or
     * earlier, but not past) deadline. The history keeps the acts; who changed the plan is the caller's
     * audit record.
     *
     * @param today the unit's date, against which the deadline is judged
     * @throws DomainException {@code assessment.rectificationWrongStatus} once DONE or VERIFIED,
     *                         {@code assessment.rectificationFieldMissing}, {@code assessment.deadlinePast}
     */
    public void replan(Person owner, String measures, LocalDate deadline, LocalDate today) {
        requireStatus("change", RectificationStatus.OPEN, RectificationStatus.IN_PROGRESS);
        Objects.requireNonNull(owner, "owner");
        String m = required(measures, "measures", "the measures to take");
        if (deadline == null) {
            throw new DomainException("assessment.rectificationFieldMissing", "Give the deadline.", "deadline");
        }
        if (deadline.isBefore(today)) {
            throw new DomainException("assessment.deadlinePast", "The deadline " + deadline + " has passed: give "
                    + today + " or later.", deadline, today);
        }
        this.owner = owner;
        this.measures = m;
        this.deadline = deadline;
    }

    /** The owner (or whoever acts for him) starts the work. */
    public void start(Person by, Instant at) {
        requireStatus("start", RectificationStatus.OPEN);
        history.add(new Step(RectificationStatus.IN_PROGRESS, by, at, ""));
    }

    /** @throws DomainException {@code assessment.rectificationFieldMissing} when {@code whatWasDone} is blank */
    public void complete(Person by, String whatWasDone, Instant at) {
        requireStatus("complete", RectificationStatus.IN_PROGRESS);
        history.add(new Step(RectificationStatus.DONE, by, at, required(whatWasDone, "result", "what was done")));
    }

    /**
     * Confirms the problem is corrected.
     *
     * @throws DomainException {@code assessment.ownerVerifies} when {@code by} is the owner or
     *                         completed it himself, or a status refusal
     */
    public void verify(Person by, String note, Instant at) {
        requireStatus("verify", RectificationStatus.DONE);
        if (by.id() == owner.id() || by.id() == history.get(history.size() - 1).by().id()) {
            throw new DomainException("assessment.ownerVerifies", by.name()
                    + " carried out this rectification and cannot verify it: someone else checks the work.", by.name());
        }
        history.add(new Step(RectificationStatus.VERIFIED, by, at, note));
    }

    /** The verifier finds it not corrected: back to work, with the reason. */
    public void rejectVerification(Person by, String reason, Instant at) {
        requireStatus("send back", RectificationStatus.DONE);
        if (by.id() == owner.id()) {
            throw new DomainException("assessment.ownerVerifies", by.name()
                    + " carried out this rectification and cannot verify it: someone else checks the work.", by.name());
        }
        history.add(new Step(RectificationStatus.IN_PROGRESS, by, at, required(reason, "reason", "why it is not corrected")));
    }

    /** Whether the deadline has passed on {@code today} (the unit's date) and the work is not done. */
    public boolean overdue(LocalDate today) {
        RectificationStatus s = status();
        return today.isAfter(deadline) && s != RectificationStatus.DONE && s != RectificationStatus.VERIFIED;
    }

    public RectificationStatus status() {
        return history.get(history.size() - 1).to();
    }

    public long id() {
        return id;
    }

    public Source source() {
        return source;
    }

    public String problem() {
        return problem;
    }

    public Person owner() {
        return owner;
    }

    public String measures() {
        return measures;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public List<Step> history() {
        return List.copyOf(history);
    }

    public Optional<Step> verification() {
        Step last = history.get(history.size() - 1);
        return last.to() == RectificationStatus.VERIFIED ? Optional.of(last) : Optional.empty();
    }

    private void requireStatus(String act, RectificationStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status())) {
            throw new DomainException("assessment.rectificationWrongStatus", "Cannot " + act + " a rectification that is "
                    + status().words() + ".", act, status());
        }
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new DomainException("assessment.rectificationFieldMissing", "Give " + what + ".", field);
        }
        return value.strip();
    }
}
