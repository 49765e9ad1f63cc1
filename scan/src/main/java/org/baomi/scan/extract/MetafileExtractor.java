package org.baomi.scan.extract;

import java.io.InputStream;
import org.baomi.scan.engine.FileStatus;
import org.baomi.scan.engine.Location;

/**
 * A WMF or EMF picture on its own — clip art, a diagram or a table saved or pasted out as a
 * picture — by the text it draws ({@link Metafiles}): its text records are real text, so no OCR
 * is needed. One that draws none (shapes only, or words drawn as outlines) is read, with nothing
 * to report.
 */
public final class MetafileExtractor implements Extractor {
    /** Larger metafiles (a plotter drawing) are not read into memory. */
    private static final long MAX_BYTES = 64L << 20;

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        if (source.size() > MAX_BYTES) {
            throw new ExtractionProblem(FileStatus.TOO_LARGE, "a metafile picture of " + source.size()
                    + " bytes, over the " + (MAX_BYTES >> 20) + " MiB read for its text");
        }
        byte[] data;
        try (InputStream in = source.open()) {
            data = in.readAllBytes();
        }
        String text = Metafiles.text(data);
        if (!text.isBlank()) {
            ctx.text(Location.body("picture", true), text);
        }
    }
}
