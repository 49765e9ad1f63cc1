package org.baomi.server.inspection;

/** How serious an inspection finding is (label {@code inspection.severity.<name>}); it sets no rule, it ranks. */
public enum FindingSeverity {
    /** 一般问题 */
    MINOR,
    /** 较重问题 */
    MAJOR,
    /** 严重问题 — e.g. a leak risk that must be stopped at once */
    SERIOUS
}
