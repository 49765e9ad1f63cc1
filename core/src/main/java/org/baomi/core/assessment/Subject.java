package org.baomi.core.assessment;

import java.util.Objects;
import org.baomi.core.DomainException;

/**
 * Whom a self-assessment is about: a unit, a department of it or a person in it. The ids are the
 * server's; a unit assessment names no department or person, a department one its department, an
 * individual one the person.
 */
public record Subject(AssessmentLevel level, long unitId, Long departmentId, Long personId) {
    public Subject {
        Objects.requireNonNull(level, "level");
        boolean ok = switch (level) {
            case UNIT -> departmentId == null && personId == null;
            case DEPARTMENT -> departmentId != null && personId == null;
            case INDIVIDUAL -> personId != null;
        };
        if (!ok) {
            throw new DomainException("assessment.subjectInvalid",
                    "A " + level.name().toLowerCase() + " assessment names "
                            + switch (level) {
                                case UNIT -> "only the unit.";
                                case DEPARTMENT -> "the unit and the department.";
                                case INDIVIDUAL -> "the unit and the person.";
                            }, level);
        }
    }

    public static Subject unit(long unitId) {
        return new Subject(AssessmentLevel.UNIT, unitId, null, null);
    }

    public static Subject department(long unitId, long departmentId) {
        return new Subject(AssessmentLevel.DEPARTMENT, unitId, departmentId, null);
    }

    public static Subject individual(long unitId, long personId) {
        return new Subject(AssessmentLevel.INDIVIDUAL, unitId, null, personId);
    }
}
