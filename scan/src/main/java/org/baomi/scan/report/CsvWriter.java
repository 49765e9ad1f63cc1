package org.baomi.scan.report;

import java.io.IOException;
import java.io.Writer;
import org.baomi.scan.engine.FileResult;
import org.baomi.scan.engine.Finding;

/** {@code --format csv}: RFC 4180, one row per finding, and one row for a file that could not be read. */
public final class CsvWriter implements ReportWriter {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void start() throws IOException {
        out.write("path,sha256,mediaType,status,reason,rule,category,level,text,location,offset,context,confidence\r\n");
    }

    @Override
    public void file(FileResult r) throws IOException {
        if (r.findings().isEmpty() && r.status() != org.baomi.scan.engine.FileStatus.OK) {
            row(r, null);
        }
        for (Finding f : r.findings()) {
            row(r, f);
        }
    }

    private void row(FileResult r, Finding f) throws IOException {
        String[] cells = {r.path(), r.sha256(), r.mediaType(), r.status().label(), r.reason(),
            f == null ? null : f.rule(), f == null ? null : f.category().label(), f == null ? null : f.level(),
            f == null ? null : f.text(), f == null ? null : f.location(), f == null ? null : String.valueOf(f.offset()),
            f == null ? null : f.context(), f == null ? null : f.confidence().label()};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            // A leading = + - @ would be a formula in a spreadsheet: quote it and prefix an apostrophe.
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        out.write(sb.append("\r\n").toString());
    }

    @Override
    public void finish(Summary s) throws IOException {
        out.flush();
    }
}
