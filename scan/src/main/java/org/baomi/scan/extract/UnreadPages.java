package org.baomi.scan.extract;

import java.util.ArrayList;
import java.util.List;
import org.baomi.scan.engine.FileStatus;

/**
 * The pages of a fixed-layout document (PDF, OFD) that hold pictures or drawn outlines and no
 * text: a scanned attachment behind a typed cover letter, a page converted to curves. Nothing
 * there says whether it is marked, so a document read only in part says which pages it did not
 * read (ADR 0116); one with no text at all is {@code skipped} (ADR 0111). Likewise the pages of
 * text with words drawn across them as outlines, as a watermark is, that were not read.
 */
final class UnreadPages {
    private final List<Integer> pages = new ArrayList<>();
    private final List<Integer> lettered = new ArrayList<>();

    /** Page {@code number} (from 1) holds only pictures or outlines. */
    void add(int number) {
        pages.add(number);
    }

    /**
     * Page {@code number} (from 1) has words drawn across it as outlines, as a watermark is
     * ({@link Lettering#watermarkLike}), besides its text, and they were not read.
     */
    void lettered(int number) {
        if (!lettered.contains(number)) {
            lettered.add(number);
        }
    }

    int count() {
        return pages.size();
    }

    /**
     * At the end of a document of {@code total} pages, {@code withText} of them read: when none is
     * and some hold only pictures or outlines (a scanned paper document), {@code skipped} — nothing
     * there says whether it is marked, and a person must look or OCR it (ADR 0111) — else the
     * note on the pages not read ({@link #report}).
     */
    void finish(int total, int withText, ExtractionContext ctx) throws ExtractionProblem {
        if (withText == 0 && !pages.isEmpty()) {
            throw new ExtractionProblem(FileStatus.SKIPPED, "no text on any page, only images or drawn outlines ("
                    + pages.size() + " of " + total + " pages; a scan, or text converted to curves?): "
                    + (ctx.ocrOn() ? Ocr.READ_NOTHING : Ocr.NOT_READ));
        }
        report(total, ctx);
    }

    /**
     * Hands the note to {@code ctx} when some pages, but not all of the {@code total}, were not read
     * (with {@code --ocr}, they were given to OCR, which read nothing there).
     */
    void report(int total, ExtractionContext ctx) {
        if (!lettered.isEmpty()) {
            lettered.sort(null);
            ctx.partlyRead((lettered.size() == 1 ? "page " : "pages ") + ranges(lettered)
                    + (lettered.size() == 1 ? " has" : " have") + " words drawn across " + it(lettered) + " as outlines, as a watermark is"
                    + (!ctx.ocrOn() ? ": not read; look at " + it(lettered) + " or OCR " + it(lettered) + " (baomi scan --ocr)"
                    : ": OCR read no words there; look at " + it(lettered)));
        }
        if (!pages.isEmpty() && pages.size() < total) {
            pages.sort(null); // an OFD's pages come in the order of the package's entries
            ctx.partlyRead((pages.size() == 1 ? "page " : "pages ") + ranges(pages) + " of " + total
                    + (pages.size() == 1 ? " holds" : " hold") + " only pictures or drawn outlines (scanned pages, or text converted to curves?)"
                    + (!ctx.ocrOn() ? ": not read; look at them or OCR them (baomi scan --ocr)" : ": OCR read no text there; look at them"));
        }
    }

    private static String it(List<Integer> pages) {
        return pages.size() == 1 ? "it" : "them";
    }

    /** "3–5, 8" for 3, 4, 5, 8 (sorted). */
    static String ranges(List<Integer> sorted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append(j == i + 1 ? ", " : "–").append(sorted.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
