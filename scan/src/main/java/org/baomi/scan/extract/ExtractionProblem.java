package org.baomi.scan.extract;

import org.baomi.scan.engine.FileStatus;

/**
 * An expected reason a file could not be read completely (encrypted, corrupt, over a
 * limit). Thrown by extractors, turned into the file's status by the engine.
 */
public final class ExtractionProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final FileStatus status;

    public ExtractionProblem(FileStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public FileStatus status() {
        return status;
    }

    public static ExtractionProblem encrypted(String what) {
        return new ExtractionProblem(FileStatus.ENCRYPTED, what);
    }

    public static ExtractionProblem unreadable(String why) {
        return new ExtractionProblem(FileStatus.UNREADABLE, why);
    }
}
