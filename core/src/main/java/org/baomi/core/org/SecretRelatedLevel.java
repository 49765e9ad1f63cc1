package org.baomi.core.org;

import org.baomi.core.classification.ClassificationLevel;

/**
 * A person's secret-related level (涉密等级), which sets the highest classification he may
 * see: core staff handle TOP SECRET, important staff SECRET, general staff CONFIDENTIAL, and
 * everyone else no more than INTERNAL material.
 */
public enum SecretRelatedLevel {
    CORE(ClassificationLevel.TOP_SECRET),
    IMPORTANT(ClassificationLevel.SECRET),
    GENERAL(ClassificationLevel.CONFIDENTIAL),
    NONE(ClassificationLevel.INTERNAL);

    private final ClassificationLevel highestLevel;

    SecretRelatedLevel(ClassificationLevel highestLevel) {
        this.highestLevel = highestLevel;
    }

    public ClassificationLevel highestLevel() {
        return highestLevel;
    }

    /** Whether the level alone allows seeing material of {@code level} (need-to-know is checked separately). */
    public boolean maySee(ClassificationLevel level) {
        return highestLevel.atLeast(level);
    }

    public boolean isSecretRelated() {
        return this != NONE;
    }
}
