package org.baomi.core.assessment;

/** The conclusion of a self-assessment. */
public enum Grade {
    COMPLIANT("符合"),
    BASICALLY_COMPLIANT("基本符合"),
    NON_COMPLIANT("不符合");

    private final String chinese;

    Grade(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
