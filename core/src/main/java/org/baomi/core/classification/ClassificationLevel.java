package org.baomi.core.classification;

/**
 * 密级 — classification level, from highest to lowest. The first three are state-secret
 * levels; {@link #INTERNAL} is a work secret / internal use; {@link #PUBLIC} is not secret.
 */
public enum ClassificationLevel {
    TOP_SECRET("绝密", 30),
    SECRET("机密", 20),
    CONFIDENTIAL("秘密", 10),
    INTERNAL("内部", 0),
    PUBLIC("公开", 0);

    private final String chinese;
    private final int maxTermYears;

    ClassificationLevel(String chinese, int maxTermYears) {
        this.chinese = chinese;
        this.maxTermYears = maxTermYears;
    }

    /** The word the Chinese marking uses, e.g. 机密. */
    public String chinese() {
        return chinese;
    }

    /** The longest secrecy term in years for a state-secret level; 0 where no term applies. */
    public int maxTermYears() {
        return maxTermYears;
    }

    public boolean isStateSecret() {
        return maxTermYears > 0;
    }

    /** True when this level is at least as high as {@code other}. */
    public boolean atLeast(ClassificationLevel other) {
        return ordinal() <= other.ordinal();
    }

    /** The level whose Chinese word is {@code word}, e.g. 秘密 → CONFIDENTIAL. */
    public static ClassificationLevel fromChinese(String word) {
        for (ClassificationLevel level : values()) {
            if (level.chinese.equals(word)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown classification level: " + word);
    }

    public static ClassificationLevel highest(ClassificationLevel a, ClassificationLevel b) {
        return a.atLeast(b) ? a : b;
    }
}
