package org.baomi.core.assessment;

/** How a superior inspects its subordinate units. */
public enum InspectionKind {
    /** 例行检查 — the yearly inspection, announced. */
    ROUTINE("例行检查", true),
    /** 专项检查 — one subject (e.g. classified computers), announced. */
    SPECIAL("专项检查", true),
    /** 抽查 — some units drawn from many, announced to those drawn. */
    SPOT("抽查", true),
    /** 突击检查 — unannounced: the inspected units learn of it when the inspectors arrive. */
    SURPRISE("突击检查", false);

    private final String chinese;
    private final boolean announced;

    InspectionKind(String chinese, boolean announced) {
        this.chinese = chinese;
        this.announced = announced;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether the inspected units are told before it begins. */
    public boolean announced() {
        return announced;
    }
}
