package org.baomi.scan.report;

/** Totals printed at the end of a report. */
public record Summary(long files, long bytes, long findings, long elapsedMs) {
}
