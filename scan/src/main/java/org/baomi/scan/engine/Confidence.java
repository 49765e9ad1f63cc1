package org.baomi.scan.engine;

import java.util.Locale;

/** How sure the engine is that a finding means what it says. Ordered low to high. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    /** The lower-case name used in output and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code low|medium|high}, case-insensitively. */
    public static Confidence parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
