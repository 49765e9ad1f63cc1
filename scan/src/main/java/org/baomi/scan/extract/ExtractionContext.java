package org.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import org.baomi.scan.engine.Limits;
import org.baomi.scan.engine.Location;

/** What an extractor hands its text and nested files to. */
public interface ExtractionContext {
    /** One text segment (a page, a sheet, a header, the properties, ...). */
    void text(Location location, CharSequence text) throws ExtractionProblem;

    /**
     * A file inside this one (archive member, attachment, embedded object); it is scanned
     * as its own file with the path {@code parent!/name}. The stream is read here, within
     * the limits; the caller closes it.
     */
    void nested(String name, InputStream in, long declaredSize, long compressedSize) throws IOException, ExtractionProblem;

    /**
     * Pictures the extractor did not read (raster images: there is no OCR). A document whose only
     * content is pictures — a scan pasted into Word, WPS or a slide — is then reported
     * {@code skipped}, not passed as clean (ADR 0111).
     */
    default void pictures(int count) {
    }

    /**
     * Part of the document could not be read (pages that are only pictures): the file stays
     * {@code ok}, with {@code note} as its reason, so that a clean result is not taken for the
     * whole document.
     */
    default void partlyRead(String note) {
    }

    Limits limits();

    /** Throws {@code timeout} once the file's time is up; extractors call it between parts. */
    void checkDeadline() throws ExtractionProblem;
}
