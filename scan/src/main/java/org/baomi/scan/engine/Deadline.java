package org.baomi.scan.engine;

import java.time.Duration;
import org.baomi.scan.extract.ExtractionProblem;

/**
 * The budgets of one top-level file: wall-clock time, checked cooperatively between
 * parts, and the bytes its archives may expand to in total (nested bombs).
 */
final class Deadline {
    private long expanded;

    private final long end;
    private final Duration timeout;

    Deadline(Duration timeout) {
        this.timeout = timeout;
        this.end = System.nanoTime() + timeout.toNanos();
    }

    /** Counts bytes extracted from archives; false once the total is over {@code max}. */
    boolean expand(long bytes, long max) {
        expanded += bytes;
        return expanded <= max;
    }

    /** Time left, in nanoseconds (0 or less: none). */
    long remainingNanos() {
        return end - System.nanoTime();
    }

    /** The timeout problem, as {@link #check} throws it. */
    ExtractionProblem timedOut() {
        return new ExtractionProblem(FileStatus.TIMEOUT, "stopped after " + timeout.toSeconds() + " s");
    }

    void check() throws ExtractionProblem {
        if (System.nanoTime() - end > 0) {
            throw timedOut();
        }
    }
}
