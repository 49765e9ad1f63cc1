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
     * The folders on {@code path} inside this file, as an archive or a mail store lists its members
     * ({@code /} or {@code \} between names): every folder before the last name, and the last too
     * when {@code folder}. Each folder's name is judged once, as a file name is, at
     * {@code folder name} (a folder "机密★10年" in a zip holding innocently named files is a
     * finding of the zip; docs/adr/0126).
     */
    default void folders(String path, boolean folder) throws ExtractionProblem {
    }

    /**
     * Pictures the extractor did not read (raster images, without OCR or where OCR read nothing). A document whose only
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

    /** A picture's bytes, read only when they are needed (OCR). */
    @FunctionalInterface
    interface Bytes {
        byte[] read() throws IOException;
    }

    /**
     * Whether this scan reads pictures by OCR ({@code --ocr}, docs/adr/0117): a page of images
     * is rendered, and a picture's bytes read, only then.
     */
    default boolean ocrOn() {
        return false;
    }

    /**
     * The text OCR reads in a raster picture, one string a page (a multi-page TIFF has several;
     * blank where it read nothing); null when this scan does not OCR, or the picture is too small
     * to hold words or too large to read.
     *
     * @throws IOException when the picture cannot be read (OCR's own message)
     */
    default java.util.List<String> ocr(Bytes image) throws IOException, ExtractionProblem {
        return null;
    }

    /**
     * The lines OCR reads in words drawn as outlines, set level on white in several sizes ({@link
     * Ocr#readDrawn}); null when this scan does not OCR or the picture is too small to hold words.
     *
     * @throws IOException when the picture cannot be read (OCR's own message)
     */
    default java.util.List<String> ocrDrawn(Bytes image) throws IOException, ExtractionProblem {
        return null;
    }

    /**
     * A raster picture of the document (a scan pasted in, a photographed page): with OCR, its
     * text is read as the segment {@code label (OCR)} ({@code first}: it may hold the top of
     * the first page); without, or when OCR reads nothing in it, it counts as a picture not read
     * ({@link #pictures}). Returns whether text was read.
     */
    default boolean picture(String label, boolean first, Bytes image) throws ExtractionProblem {
        java.util.List<String> pages = null;
        if (ocrOn()) {
            try {
                pages = ocr(image);
            } catch (IOException unreadable) {
                pages = null; // a picture OCR cannot read is a picture not read
            }
        }
        boolean any = false;
        if (pages != null) {
            for (int i = 0; i < pages.size(); i++) {
                if (!pages.get(i).isBlank()) {
                    text(Location.body(label + (pages.size() > 1 ? ", page " + (i + 1) : "") + " (OCR)", first && i == 0),
                            pages.get(i));
                    any = true;
                }
            }
        }
        if (!any) {
            pictures(1);
        }
        return any;
    }

    /**
     * {@code nanos} were spent waiting for a reader another file was using (one Outlook data file
     * is read at a time): left out of this file's time limit, as they were not spent on it.
     */
    default void waited(long nanos) {
    }

    Limits limits();

    /** Throws {@code timeout} once the file's time is up; extractors call it between parts. */
    void checkDeadline() throws ExtractionProblem;
}
