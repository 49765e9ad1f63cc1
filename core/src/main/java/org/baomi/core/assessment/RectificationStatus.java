package org.baomi.core.assessment;

/** Where a rectification stands: OPEN → IN_PROGRESS → DONE → VERIFIED (DONE can go back). */
public enum RectificationStatus {
    OPEN("待整改"),
    IN_PROGRESS("整改中"),
    DONE("已整改"),
    VERIFIED("已验证");

    private final String chinese;

    RectificationStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public String words() {
        return name().toLowerCase().replace('_', ' ');
    }
}
