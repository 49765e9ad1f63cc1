package org.baomi.server.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.org.SecretRelatedLevel;

/** A person of a unit. He exists whether or not he has an account. */
public record Person(long id, long unitId, String unitName, Long departmentId, String departmentName, String name,
        String employeeNumber, String position, String phone, SecretRelatedLevel level, boolean active) {

    /** The highest classification his secret-related level allows him to see. */
    @JsonProperty("highestLevel")
    public ClassificationLevel highestLevel() {
        return level.highestLevel();
    }
}
