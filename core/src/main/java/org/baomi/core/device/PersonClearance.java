package org.baomi.core.device;

import java.util.Objects;
import org.baomi.core.org.SecretRelatedLevel;

/** A person as the compliance rules see him: who he is and the secret-related level he holds. */
public record PersonClearance(PersonId id, String name, SecretRelatedLevel level) {

    public PersonClearance {
        Objects.requireNonNull(id, "id");
        name = Ids.require(name, "person name");
        Objects.requireNonNull(level, "level");
    }
}
