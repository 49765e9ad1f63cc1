package org.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.baomi.scan.engine.FileStatus;
import org.baomi.scan.engine.Location;

/**
 * A picture file — a scanned or photographed page, a screenshot, a fax (multi-page TIFF) — read
 * by OCR when the scan asks for it ({@code --ocr}, docs/adr/0117). Without OCR it is
 * {@code skipped} and says so: nothing in it was read. An icon-sized picture holds no words and
 * is passed as read; a poster too large for OCR is {@code skipped}.
 */
public final class ImageExtractor implements Extractor {
    /** Larger picture files (an uncompressed A3 scan at 600 dpi) are not read into memory for OCR. */
    private static final long MAX_BYTES = 64L << 20;

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        if (!ctx.ocrOn()) {
            throw new ExtractionProblem(FileStatus.SKIPPED, "a picture: its words are read only by OCR (baomi scan --ocr)");
        }
        if (source.size() > MAX_BYTES) {
            throw new ExtractionProblem(FileStatus.SKIPPED, "a picture of " + source.size() + " bytes, too large to read by OCR: look at it");
        }
        byte[] data;
        try (InputStream in = source.open()) {
            data = in.readAllBytes();
        }
        switch (Ocr.size(data)) {
            case TOO_SMALL -> {
                return; // an icon or a rule: no words
            }
            case TOO_LARGE -> throw new ExtractionProblem(FileStatus.SKIPPED, "a picture of more than "
                    + Ocr.MAX_PIXELS / 1_000_000 + " million pixels, too large to read by OCR: look at it");
            default -> {
            }
        }
        List<String> pages;
        try {
            pages = ctx.ocr(() -> data);
        } catch (IOException e) {
            throw ExtractionProblem.unreadable(e.getMessage());
        }
        boolean any = false;
        for (int i = 0; pages != null && i < pages.size(); i++) {
            if (!pages.get(i).isBlank()) {
                ctx.text(Location.body(pages.size() > 1 ? "page " + (i + 1) + " (OCR)" : "picture (OCR)", i == 0), pages.get(i));
                any = true;
            }
        }
        if (!any) {
            // A photo without words, or a page OCR could not make out: not vouched for as clean.
            ctx.partlyRead("OCR read no text in it: look at it");
        }
    }
}
