package org.baomi.scan.report;

import java.io.IOException;
import org.baomi.scan.engine.FileResult;

/** One output format. Called from one thread at a time, file by file, as files finish. */
public interface ReportWriter {
    void start() throws IOException;

    void file(FileResult result) throws IOException;

    void finish(Summary summary) throws IOException;
}
