package org.baomi.core.assessment;

/** Who a standard or a self-assessment is about: a whole unit, one department or one person. */
public enum AssessmentLevel {
    UNIT("单位"),
    DEPARTMENT("部门"),
    INDIVIDUAL("个人");

    private final String chinese;

    AssessmentLevel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
