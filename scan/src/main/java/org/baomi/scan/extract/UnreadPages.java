package org.baomi.scan.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a fixed-layout document (PDF, OFD) that hold pictures or drawn outlines and no
 * text: a scanned attachment behind a typed cover letter, a page converted to curves. Nothing
 * there says whether it is marked, so a document read only in part says which pages it did not
 * read (ADR 0116); one with no text at all is {@code skipped} (ADR 0111).
 */
final class UnreadPages {
    private final List<Integer> pages = new ArrayList<>();

    /** Page {@code number} (from 1) holds only pictures or outlines. */
    void add(int number) {
        pages.add(number);
    }

    int count() {
        return pages.size();
    }

    /**
     * Hands the note to {@code ctx} when some pages, but not all of the {@code total}, were not read
     * (with {@code --ocr}, they were given to OCR, which read nothing there).
     */
    void report(int total, ExtractionContext ctx) {
        if (!pages.isEmpty() && pages.size() < total) {
            pages.sort(null); // an OFD's pages come in the order of the package's entries
            ctx.partlyRead((pages.size() == 1 ? "page " : "pages ") + ranges(pages) + " of " + total
                    + (pages.size() == 1 ? " holds" : " hold") + " only pictures or drawn outlines (scanned pages, or text converted to curves?)"
                    + (!ctx.ocrOn() ? ": not read; look at them or OCR them (baomi scan --ocr)" : ": OCR read no text there; look at them"));
        }
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
