package org.baomi.scan.report;

import java.io.IOException;
import java.io.Writer;
import org.baomi.scan.engine.FileResult;
import org.baomi.scan.engine.FileStatus;
import org.baomi.scan.engine.Finding;

/** {@code --format html}: one self-contained page (inline style, no scripts), rows streamed as files finish. */
public final class HtmlWriter implements ReportWriter {
    private final Writer out;
    private final String version;
    private int partly;
    private final java.util.Map<FileStatus, Integer> notRead = new java.util.EnumMap<>(FileStatus.class);

    public HtmlWriter(Writer out, String version) {
        this.out = out;
        this.version = version;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void start() throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>baomi scan 保密检查报告</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
                + "td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}"
                + "th{background:#eee}.high{background:#fdd}.medium{background:#ffe9c7}.low{background:#f6f6f6}"
                + ".status{color:#a00}</style></head><body>\n<h1>baomi scan " + esc(version) + "</h1>\n"
                + "<table><thead><tr><th>file</th><th>confidence</th><th>category</th><th>level</th><th>location</th>"
                + "<th>text</th><th>context</th></tr></thead><tbody>\n");
    }

    @Override
    public void file(FileResult r) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (r.status() != FileStatus.OK) {
            notRead.merge(r.status(), 1, Integer::sum);
            sb.append("<tr><td>").append(esc(r.path())).append("</td><td colspan=\"6\" class=\"status\">")
                    .append(esc(r.status().label())).append(": ").append(esc(r.reason())).append("</td></tr>\n");
        } else if (r.reason() != null) {
            partly++;
            sb.append("<tr><td>").append(esc(r.path())).append("</td><td colspan=\"6\" class=\"status\">partly read: ")
                    .append(esc(r.reason())).append("</td></tr>\n");
        }
        for (Finding f : r.findings()) {
            sb.append("<tr class=\"").append(f.confidence().label()).append("\"><td>").append(esc(r.path()))
                    .append("</td><td>").append(f.confidence().label()).append("</td><td>").append(f.category().label())
                    .append("</td><td>").append(esc(f.level())).append("</td><td>").append(esc(f.location()))
                    .append("</td><td>").append(esc(f.text())).append("</td><td>").append(esc(f.context()))
                    .append("</td></tr>\n");
        }
        out.write(sb.toString());
    }

    @Override
    public void finish(Summary s) throws IOException {
        StringBuilder unread = new StringBuilder();
        notRead.forEach((status, n) -> unread.append(unread.length() == 0 ? " (not read: " : ", ").append(n).append(' ')
                .append(status.label()));
        if (partly > 0) {
            unread.append(unread.length() == 0 ? " (" : "; ").append("partly read: ").append(partly);
        }
        if (unread.length() > 0) {
            unread.append(')');
        }
        out.write("</tbody></table>\n<p>" + s.files() + " files" + esc(unread.toString()) + ", " + s.bytes() + " bytes, "
                + s.findings() + " findings, " + s.elapsedMs() + " ms</p></body></html>\n");
        out.flush();
    }
}
