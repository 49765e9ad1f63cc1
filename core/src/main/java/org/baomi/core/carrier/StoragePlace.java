package org.baomi.core.carrier;

import java.util.Objects;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;

/**
 * 存放位置 — where a carrier is kept: a named safe, cabinet or other place.
 *
 * <p>The storage rule: TOP SECRET only in a combination safe; SECRET and CONFIDENTIAL in a
 * combination safe or a combination-lock cabinet; internal material anywhere the unit chooses.
 */
public record StoragePlace(Kind kind, String name) {

    /** The kinds of place the storage rule distinguishes. */
    public enum Kind {
        /** 密码保险柜 */
        COMBINATION_SAFE("密码保险柜"),
        /** 密码文件柜 */
        COMBINATION_LOCK_CABINET("密码文件柜"),
        /** Anything else: an ordinary cabinet, a drawer, a shelf. */
        OTHER("其他");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public StoragePlace {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new DomainException("carrier.storageNameEmpty", "Name the storage place, e.g. the safe's number and room.");
        }
        name = name.strip();
    }

    /** Whether material of {@code level} may be kept here. */
    public boolean permits(ClassificationLevel level) {
        return switch (level) {
            case TOP_SECRET -> kind == Kind.COMBINATION_SAFE;
            case SECRET, CONFIDENTIAL -> kind != Kind.OTHER;
            case INTERNAL, PUBLIC -> true;
        };
    }

    /** Refuses keeping material of {@code level} here, saying where it must go instead. */
    public void requirePermits(ClassificationLevel level) {
        if (permits(level)) {
            return;
        }
        String where = level == ClassificationLevel.TOP_SECRET ? "a combination safe (密码保险柜)"
                : "a combination safe or a combination-lock cabinet (密码文件柜)";
        throw new DomainException("carrier.storageNotAllowed",
                level.chinese() + " material must be kept in " + where + "; '" + name + "' is " + kind.chinese() + ".",
                level, kind, name);
    }
}
