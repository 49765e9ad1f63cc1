package org.baomi.scan.engine;

import java.time.Duration;

/**
 * Bounds that stop one hostile or huge file from ending or starving the scan.
 *
 * @param maxDepth        archive/attachment nesting depth
 * @param maxFileBytes    files (and archive members) larger than this are reported {@code too_large}
 * @param maxExpandedBytes total bytes one top-level file may expand to through archives
 * @param maxRatio        largest compression ratio accepted for an archive member (zip bombs)
 * @param timeout         wall time for one top-level file
 * @param maxFindings     findings kept per file and category (counting continues)
 * @param maxInMemoryBytes archive members up to this size are held in memory, larger ones spill to a temporary file
 */
public record Limits(int maxDepth, long maxFileBytes, long maxExpandedBytes, int maxRatio, Duration timeout,
                     int maxFindings, long maxInMemoryBytes) {
    public static Limits defaults() {
        return new Limits(5, 10L << 30, 4L << 30, 200, Duration.ofSeconds(120), 1000, 32L << 20);
    }
}
