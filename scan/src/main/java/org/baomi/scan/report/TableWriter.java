package org.baomi.scan.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import org.baomi.scan.engine.FileResult;
import org.baomi.scan.engine.FileStatus;
import org.baomi.scan.engine.Finding;

/** {@code --format table}: readable lines per finding, a progress line on a terminal, and a summary. */
public final class TableWriter implements ReportWriter {
    private final Writer out;
    private final PrintStream progress;
    private long files;
    /** Files not read, by status, in the order first seen: the summary names them. */
    private final java.util.Map<FileStatus, Integer> notRead = new java.util.EnumMap<>(FileStatus.class);
    private int partly;

    /** @param progress where to draw progress (a terminal's stderr), or null for none */
    public TableWriter(Writer out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public void start() {
    }

    @Override
    public void file(FileResult r) throws IOException {
        if (!r.folder()) {
            files++;
        }
        if (progress != null) {
            progress.print("\r\033[K" + files + " files scanned  " + shorten(r.path(), 60));
            progress.flush();
        }
        if (r.status() != FileStatus.OK) {
            notRead.merge(r.status(), 1, Integer::sum);
        } else if (r.reason() != null) {
            partly++;
        }
        if (r.findings().isEmpty() && r.status() == FileStatus.OK && r.reason() == null) {
            return;
        }
        if (progress != null) {
            progress.print("\r\033[K");
        }
        StringBuilder sb = new StringBuilder(r.path());
        if (r.status() != FileStatus.OK) {
            sb.append("  [").append(r.status().label()).append(": ").append(r.reason()).append(']');
        } else if (r.reason() != null) {
            sb.append("  [partly read: ").append(r.reason()).append(']');
        }
        sb.append('\n');
        for (Finding f : r.findings()) {
            sb.append(String.format("  %-6s %-10s %-14s %-18s %s%n", f.confidence().label(), f.category().label(),
                    f.level() == null ? "-" : f.level(), f.location(), oneLine(f.text()) + "   …" + oneLine(f.context()) + "…"));
        }
        out.write(sb.toString());
        out.flush();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }

    @Override
    public void finish(Summary s) throws IOException {
        if (progress != null) {
            progress.print("\r\033[K");
            progress.flush();
        }
        StringBuilder unread = new StringBuilder();
        if (!notRead.isEmpty() || partly > 0) {
            unread.append(" (");
            if (!notRead.isEmpty()) {
                unread.append("not read: ");
                notRead.forEach((status, n) -> unread.append(n).append(' ').append(status.label()).append(", "));
                unread.setLength(unread.length() - 2);
                unread.append(partly > 0 ? "; " : "");
            }
            if (partly > 0) {
                unread.append("partly read: ").append(partly);
            }
            unread.append("; see the lines in brackets above)");
        }
        out.write(String.format("%n%d files%s, %d bytes, %d findings, %.1f s%n", s.files(), unread, s.bytes(),
                s.findings(), s.elapsedMs() / 1000.0));
        out.flush();
    }
}
