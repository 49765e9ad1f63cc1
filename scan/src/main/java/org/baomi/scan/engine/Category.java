package org.baomi.scan.engine;

import java.util.Locale;

/** What kind of rule produced a finding. */
public enum Category {
    MARKING, KEYWORD, PATTERN;

    /** The lower-case name used in output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
