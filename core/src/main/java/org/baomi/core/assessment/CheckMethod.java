package org.baomi.core.assessment;

import java.util.Arrays;
import java.util.Optional;

/** How an inspector checks an item; an item names one or more. */
public enum CheckMethod {
    /** 查阅资料 — read the documents, registers and minutes. */
    DOCUMENTS("查阅资料"),
    /** 实地查看 — look at the place, the cabinet, the equipment. */
    ON_SITE("实地查看"),
    /** 技术检查 — check computers and media with the inspection tool. */
    TECHNICAL("技术检查"),
    /** 个别谈话 / 询问 — ask the people concerned. */
    INTERVIEW("个别谈话"),
    /** 测试 / 抽考 — test staff's knowledge. */
    TEST("抽考测试");

    private final String chinese;

    CheckMethod(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The method a file names, by its code ({@code ON_SITE}, case-insensitive) or Chinese name. */
    public static Optional<CheckMethod> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(t) || m.chinese.equals(t)).findFirst();
    }
}
