package org.baomi.core.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.baomi.core.DomainException;

/**
 * 保密检查 — an inspection of subordinate units by a superior: its kind, the units planned, the
 * dates and optionally the standard it checks against. PLANNED → UNDER_WAY → CONCLUDED.
 * A surprise inspection is not shown to the inspected units before it starts
 * ({@link #visibleToInspectedUnits()}).
 */
public final class Inspection {

    public enum Status { PLANNED, UNDER_WAY, CONCLUDED }

    private final long id;
    private final InspectionKind kind;
    private final long inspectingUnitId;
    private final String title;
    private final Set<Long> plannedUnits;
    private final LocalDate plannedFrom;
    private final LocalDate plannedTo;
    private final StandardRef standard;
    private Status status;
    private String conclusion = "";
    private Instant startedAt;
    private Instant concludedAt;

    /**
     * @throws DomainException {@code assessment.inspectionNoUnits}, {@code assessment.inspectionInspectsItself},
     *                         {@code assessment.inspectionDates}, {@code assessment.rectificationFieldMissing}
     */
    public Inspection(long id, InspectionKind kind, long inspectingUnitId, String title, Set<Long> plannedUnits,
            LocalDate plannedFrom, LocalDate plannedTo, StandardRef standard) {
        this.id = id;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.inspectingUnitId = inspectingUnitId;
        if (title == null || title.isBlank()) {
            throw new DomainException("assessment.rectificationFieldMissing", "Give the inspection a title.", "title");
        }
        this.title = title.strip();
        if (plannedUnits == null || plannedUnits.isEmpty()) {
            throw new DomainException("assessment.inspectionNoUnits", "Name at least one unit to inspect.");
        }
        if (plannedUnits.contains(inspectingUnitId)) {
            throw new DomainException("assessment.inspectionInspectsItself",
                    "A unit does not inspect itself: that is its self-assessment.");
        }
        this.plannedUnits = Set.copyOf(new LinkedHashSet<>(plannedUnits));
        this.plannedFrom = Objects.requireNonNull(plannedFrom, "plannedFrom");
        this.plannedTo = Objects.requireNonNull(plannedTo, "plannedTo");
        if (plannedTo.isBefore(plannedFrom)) {
            throw new DomainException("assessment.inspectionDates", "The inspection ends (" + plannedTo
                    + ") before it begins (" + plannedFrom + ").", plannedFrom, plannedTo);
        }
        this.standard = standard;
        this.status = Status.PLANNED;
    }

    /** Rebuilds a stored inspection. */
    public static Inspection restore(long id, InspectionKind kind, long inspectingUnitId, String title,
            Set<Long> plannedUnits, LocalDate plannedFrom, LocalDate plannedTo, StandardRef standard, Status status,
            String conclusion, Instant startedAt, Instant concludedAt) {
        Inspection i = new Inspection(id, kind, inspectingUnitId, title, plannedUnits, plannedFrom, plannedTo, standard);
        i.status = Objects.requireNonNull(status, "status");
        i.conclusion = conclusion == null ? "" : conclusion;
        i.startedAt = startedAt;
        i.concludedAt = concludedAt;
        boolean consistent = switch (status) {
            case PLANNED -> startedAt == null && concludedAt == null;
            case UNDER_WAY -> startedAt != null && concludedAt == null;
            case CONCLUDED -> startedAt != null && concludedAt != null && !i.conclusion.isBlank();
        };
        if (!consistent) {
            throw new DomainException("assessment.historyCorrupt",
                    "The inspection's record cannot be right: its dates do not fit its status.", "inspection");
        }
        return i;
    }

    public void start(Instant at) {
        requireStatus("start", Status.PLANNED);
        status = Status.UNDER_WAY;
        startedAt = Objects.requireNonNull(at);
    }

    /** @throws DomainException {@code assessment.rectificationFieldMissing} when there is no conclusion */
    public void conclude(String conclusion, Instant at) {
        requireStatus("conclude", Status.UNDER_WAY);
        if (conclusion == null || conclusion.isBlank()) {
            throw new DomainException("assessment.rectificationFieldMissing", "Write the inspection's conclusion.", "conclusion");
        }
        this.conclusion = conclusion.strip();
        status = Status.CONCLUDED;
        concludedAt = Objects.requireNonNull(at);
    }

    /** Whether the inspected units may see the inspection: announced kinds always, a surprise once begun. */
    public boolean visibleToInspectedUnits() {
        return kind.announced() || status != Status.PLANNED;
    }

    public boolean inspects(long unitId) {
        return plannedUnits.contains(unitId);
    }

    private void requireStatus(String act, Status expected) {
        if (status != expected) {
            throw new DomainException("assessment.inspectionWrongStatus", "Cannot " + act + " an inspection that is "
                    + status.name().toLowerCase().replace('_', ' ') + ".", act, status);
        }
    }

    public long id() {
        return id;
    }

    public InspectionKind kind() {
        return kind;
    }

    public long inspectingUnitId() {
        return inspectingUnitId;
    }

    public String title() {
        return title;
    }

    public Set<Long> plannedUnits() {
        return plannedUnits;
    }

    public LocalDate plannedFrom() {
        return plannedFrom;
    }

    public LocalDate plannedTo() {
        return plannedTo;
    }

    public Optional<StandardRef> standard() {
        return Optional.ofNullable(standard);
    }

    public Status status() {
        return status;
    }

    public String conclusion() {
        return conclusion;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> concludedAt() {
        return Optional.ofNullable(concludedAt);
    }
}
