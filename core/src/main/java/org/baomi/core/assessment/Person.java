package org.baomi.core.assessment;

import org.baomi.core.DomainException;

/** Someone who acts in self-inspection, as the record keeps him: id and full name at the time. */
public record Person(long id, String name) {
    public Person {
        if (name == null || name.isBlank()) {
            throw new DomainException("assessment.nameMissing", "A full name is required: assessments are signed by name.");
        }
        name = name.strip();
    }
}
