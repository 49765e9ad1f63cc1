package org.baomi.core.assessment;

/** What the assessor found for one scored item. */
public enum Finding {
    /** Met in full: the item's points. */
    COMPLIANT("符合"),
    /** Met in part: the points the assessor gives, more than 0 and less than the item's. */
    PARTLY("部分符合"),
    /** Not met: 0 points. */
    NOT_COMPLIANT("不符合"),
    /** Does not apply to this unit, department or person: left out of the score. */
    NOT_APPLICABLE("不适用");

    private final String chinese;

    Finding(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
