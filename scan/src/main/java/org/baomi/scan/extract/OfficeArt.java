package org.baomi.scan.extract;

import java.nio.charset.StandardCharsets;
import org.apache.poi.ddf.AbstractEscherOptRecord;
import org.apache.poi.ddf.EscherComplexProperty;
import org.apache.poi.ddf.EscherContainerRecord;
import org.apache.poi.ddf.EscherProperty;
import org.apache.poi.ddf.EscherPropertyTypes;
import org.apache.poi.ddf.EscherRecord;

/**
 * Text held by the drawings of the binary Office formats (OfficeArt, MS-ODRAW) as a shape
 * property rather than as text: WordArt, whose string is the {@code gtextUNICODE} property
 * (MS-ODRAW 2.3.22.1). Word's watermarks are WordArt in the header, so a document marked
 * only by a 机密 or CONFIDENTIAL watermark has its marking nowhere else.
 */
final class OfficeArt {
    /** Containers nested deeper than a real drawing goes are not followed (hostile input). */
    private static final int MAX_DEPTH = 64;

    private OfficeArt() {
    }

    /** Appends the WordArt text found in {@code container} and below it, a line each. */
    static void wordArt(EscherContainerRecord container, StringBuilder sb) {
        wordArt(container, sb, 0);
    }

    private static void wordArt(EscherContainerRecord container, StringBuilder sb, int depth) {
        if (container == null || depth > MAX_DEPTH) {
            return;
        }
        for (EscherRecord r : container) {
            if (r instanceof EscherContainerRecord child) {
                wordArt(child, sb, depth + 1);
            } else if (r instanceof AbstractEscherOptRecord opt) {
                wordArt(opt, sb);
            }
        }
    }

    /** Appends the WordArt text among one shape's properties, if any. */
    static void wordArt(AbstractEscherOptRecord opt, StringBuilder sb) {
        if (opt == null) {
            return;
        }
        for (EscherProperty p : opt.getEscherProperties()) {
            if (p.getPropertyNumber() == EscherPropertyTypes.GEOTEXT__UNICODE.propNumber
                    && p instanceof EscherComplexProperty text) {
                String s = unicode(text.getComplexData());
                if (!s.isBlank()) {
                    sb.append(s).append('\n');
                }
            }
        }
    }

    /**
     * Appends {@code art} unless it says what the shape's own {@code text} says: some writers keep
     * WordArt's string as the shape's text as well, and one marking is one finding.
     */
    static void appendUnlessRepeated(CharSequence art, String text, StringBuilder sb) {
        if (art.length() > 0 && !art.toString().strip().equals(text == null ? "" : text.strip())) {
            sb.append(art);
        }
    }

    /** UTF-16LE up to the first NUL (the string is NUL-terminated; padding may follow). */
    static String unicode(byte[] data) {
        if (data == null) {
            return "";
        }
        int end = 0;
        while (end + 1 < data.length && (data[end] != 0 || data[end + 1] != 0)) {
            end += 2;
        }
        return new String(data, 0, end, StandardCharsets.UTF_16LE);
    }
}
