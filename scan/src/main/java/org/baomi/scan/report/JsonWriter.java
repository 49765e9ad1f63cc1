package org.baomi.scan.report;

import java.io.IOException;
import java.io.Writer;
import org.baomi.scan.engine.FileResult;

/** {@code --format json}: one document; files are streamed into the array as they finish. */
public final class JsonWriter implements ReportWriter {
    private final Writer out;
    private final String version;
    private boolean first = true;

    public JsonWriter(Writer out, String version) {
        this.out = out;
        this.version = version;
    }

    @Override
    public void start() throws IOException {
        StringBuilder sb = new StringBuilder("{\"tool\":\"baomi\",\"version\":");
        Json.string(sb, version);
        out.write(sb.append(",\"files\":[\n").toString());
    }

    @Override
    public void file(FileResult r) throws IOException {
        StringBuilder sb = new StringBuilder(first ? "" : ",\n");
        first = false;
        Json.file(sb, r);
        out.write(sb.toString());
    }

    @Override
    public void finish(Summary s) throws IOException {
        out.write("\n],\"summary\":{\"files\":" + s.files() + ",\"bytes\":" + s.bytes() + ",\"findings\":" + s.findings()
                + ",\"elapsedMs\":" + s.elapsedMs() + "}}\n");
        out.flush();
    }
}
