package org.baomi.scan.engine;

import java.time.Duration;
import org.baomi.scan.extract.ExtractionProblem;

/** The wall-clock budget of one top-level file, checked cooperatively between parts. */
final class Deadline {
    private final long end;
    private final Duration timeout;

    Deadline(Duration timeout) {
        this.timeout = timeout;
        this.end = System.nanoTime() + timeout.toNanos();
    }

    void check() throws ExtractionProblem {
        if (System.nanoTime() - end > 0) {
            throw new ExtractionProblem(FileStatus.TIMEOUT, "stopped after " + timeout.toSeconds() + " s");
        }
    }
}
