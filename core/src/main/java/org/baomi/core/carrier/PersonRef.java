package org.baomi.core.carrier;

import java.util.Objects;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.org.SecretRelatedLevel;

/**
 * A person who acts on or receives a carrier, as the server knows him now: id, full name,
 * secret-related level and the departments he belongs to. The carrier checks clearance and
 * knowledge scope against this; the history keeps only the {@link #actor()}.
 */
public record PersonRef(long id, String name, SecretRelatedLevel level, Set<Long> departmentIds) {

    public PersonRef {
        if (name == null || name.isBlank()) {
            throw new DomainException("carrier.nameMissing", "A full name is required: the ledger is signed by name.");
        }
        name = name.strip();
        Objects.requireNonNull(level, "level");
        departmentIds = Set.copyOf(departmentIds);
    }

    /** Whether his secret-related level allows material of {@code classification}. */
    public boolean cleared(ClassificationLevel classification) {
        return level.maySee(classification);
    }

    public Actor actor() {
        return new Actor(id, name);
    }
}
