package org.baomi.scan.engine;

import java.util.Locale;

/** Whether a file could be read; anything but {@link #OK} is itself worth reporting. */
public enum FileStatus {
    OK, ENCRYPTED, UNREADABLE, TOO_LARGE, TIMEOUT, SKIPPED;

    /** The lower-case name used in output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
