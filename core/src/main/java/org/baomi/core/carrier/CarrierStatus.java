package org.baomi.core.carrier;

/**
 * Where a carrier stands in its lifecycle. {@link #CLEARED}, {@link #DESTROYED} and {@link #LOST}
 * are terminal: the carrier has left the unit's hands and accepts no further act.
 */
public enum CarrierStatus {
    /** 在管 — in the custodian's keeping. */
    IN_CUSTODY("在管"),
    /** 传阅中 — on its route of readers. */
    CIRCULATING("传阅中"),
    /** 借出 — lent to one person. */
    ON_LOAN("借出"),
    /** 携带外出 — taken out of the office with approval. */
    CARRIED_OUT("携带外出"),
    /** 已归档 */
    ARCHIVED("已归档"),
    /** 已清退 — returned to the issuer. */
    CLEARED("已清退"),
    /** 已销毁 */
    DESTROYED("已销毁"),
    /** 已丢失 — reported lost; an incident is open. */
    LOST("已丢失");

    private final String chinese;

    CarrierStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean isTerminal() {
        return this == CLEARED || this == DESTROYED || this == LOST;
    }

    /** Words for messages: "on loan", "in custody". */
    String words() {
        return name().toLowerCase().replace('_', ' ');
    }
}
