package org.baomi.scan.report;

import java.io.IOException;
import java.io.Writer;
import org.baomi.scan.engine.FileResult;

/** {@code --format jsonl}: one file object a line, flushed as each file finishes. */
public final class JsonlWriter implements ReportWriter {
    private final Writer out;

    public JsonlWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void start() {
    }

    @Override
    public void file(FileResult r) throws IOException {
        StringBuilder sb = new StringBuilder();
        Json.file(sb, r);
        out.write(sb.append('\n').toString());
        out.flush();
    }

    @Override
    public void finish(Summary s) throws IOException {
        out.flush();
    }
}
