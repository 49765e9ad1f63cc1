package org.baomi.core.carrier;

/**
 * 载体类型 — what the secret is carried on. The {@link #code()} is the short code the default
 * serial-number pattern writes for {@code {type}}.
 */
public enum CarrierType {
    PAPER_DOCUMENT("纸质文件", "PD"),
    ELECTRONIC_DOCUMENT("电子文件", "ED"),
    CIPHER_TELEGRAM("密码电报", "CT"),
    EXAM_PAPER("试卷", "EP"),
    DISC("光盘", "DI"),
    FILM("胶片", "FI"),
    OTHER("其他", "OT");

    private final String chinese;
    private final String code;

    CarrierType(String chinese, String code) {
        this.chinese = chinese;
        this.code = code;
    }

    public String chinese() {
        return chinese;
    }

    /** Two letters for serial numbers, e.g. PD; unique among the types. */
    public String code() {
        return code;
    }
}
