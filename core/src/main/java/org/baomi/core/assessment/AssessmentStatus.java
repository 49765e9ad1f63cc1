package org.baomi.core.assessment;

/** Where a self-assessment stands. Results change only in DRAFT and REOPENED. */
public enum AssessmentStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    APPROVED("已审定"),
    LOCKED("已锁定"),
    REOPENED("已退回修改");

    private final String chinese;

    AssessmentStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean editable() {
        return this == DRAFT || this == REOPENED;
    }

    public String words() {
        return name().toLowerCase().replace('_', ' ');
    }
}
