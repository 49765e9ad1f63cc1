package org.baomi.core.device.lifecycle;

import java.util.Objects;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.org.SecretRelatedLevel;

/**
 * A person an act names (responsible person, holder, maintenance supervisor, storage keeper,
 * destruction supervisor) with the secret-related level he holds now, so the act can check it.
 */
public record PersonRef(long id, String name, SecretRelatedLevel level) {
    public PersonRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person has a name");
        }
        name = name.strip();
        Objects.requireNonNull(level, "level");
    }

    /** Whether his level lets him hold or look after something of {@code classification}. */
    public boolean cleared(ClassificationLevel classification) {
        return level.maySee(classification);
    }

    /** What the history keeps of him: id and name. */
    public Named named() {
        return new Named(id, name);
    }

    /** A person as recorded in an event: id and name at the time. */
    public record Named(long id, String name) {
    }
}
