package org.baomi.scan.engine;

import java.time.Duration;
import org.baomi.scan.extract.ExtractionProblem;

/**
 * The budgets of one top-level file: wall-clock time, checked cooperatively between
 * parts, and the bytes its archives may expand to in total (nested bombs). Time spent on
 * work that has a limit of its own (OCR of one picture, ADR 0117) is not counted.
 */
final class Deadline {
    private long expanded;

    private volatile long end;
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

    /**
     * Leaves {@code nanos} out of the file's time: they were spent on one piece of work with a limit
     * of its own (a picture read by OCR), so a scan of many pages is not stopped for having many.
     */
    void exclude(long nanos) {
        end += Math.max(0, nanos);
    }

    /** The file's time limit, which is also each OCR run's. */
    Duration timeout() {
        return timeout;
    }

    /** The timeout problem of one picture whose OCR ran over its own limit. */
    ExtractionProblem ocrTimedOut() {
        return new ExtractionProblem(FileStatus.TIMEOUT, "stopped: OCR of one picture took over " + timeout.toSeconds() + " s");
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
