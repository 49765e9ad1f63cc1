package org.baomi.scan.engine;

import java.util.List;

/**
 * The outcome for one file or archive member.
 *
 * @param path      the path as given, archive members joined with {@code !/}
 * @param sha256    hex SHA-256 of the file's bytes, or null when they were not read
 * @param mediaType detected media type
 * @param status    whether it could be read
 * @param reason    why it could not be read completely: for {@link FileStatus#OK}, null, or what of the
 *                  document was not read (pages that are only pictures; ADR 0116)
 * @param bytes     size in bytes
 * @param findings  what was found, file order
 */
public record FileResult(String path, String sha256, String mediaType, FileStatus status, String reason, long bytes,
                         List<Finding> findings) {
    /**
     * The media type of a folder on disk whose name holds a finding: reported as an entry of its
     * own, its path ending in the separator, only when it has findings (docs/adr/0126).
     */
    public static final String FOLDER = "inode/directory";

    public FileResult {
        findings = List.copyOf(findings);
    }

    /** Whether this is a folder's entry ({@link #FOLDER}), not a file's. */
    public boolean folder() {
        return FOLDER.equals(mediaType);
    }

    /** The same result keeping only findings at or above {@code min}. */
    public FileResult atLeast(Confidence min) {
        return new FileResult(path, sha256, mediaType, status, reason, bytes,
                findings.stream().filter(f -> f.confidence().compareTo(min) >= 0).toList());
    }
}
