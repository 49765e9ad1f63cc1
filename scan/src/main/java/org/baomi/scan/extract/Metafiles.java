package org.baomi.scan.extract;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hemf.record.emf.HemfDraw;
import org.apache.poi.hemf.record.emf.HemfRecord;
import org.apache.poi.hemf.record.emf.HemfText;
import org.apache.poi.hemf.usermodel.HemfPicture;
import org.apache.poi.hwmf.record.HwmfDraw;
import org.apache.poi.hwmf.record.HwmfFont;
import org.apache.poi.hwmf.record.HwmfMisc;
import org.apache.poi.hwmf.record.HwmfObjectTableEntry;
import org.apache.poi.hwmf.record.HwmfRecord;
import org.apache.poi.hwmf.record.HwmfText;
import org.apache.poi.hwmf.usermodel.HwmfEmbedded;
import org.apache.poi.hwmf.usermodel.HwmfEmbeddedType;
import org.apache.poi.hwmf.usermodel.HwmfPicture;

/**
 * The text drawn by a Windows metafile (WMF) or enhanced metafile (EMF) picture, via Apache
 * POI's HWMF/HEMF readers. Office keeps a picture of an embedded object in one (and LibreOffice's
 * RTF keeps nothing else of it), and "paste as picture" of a table or chart makes one: the text
 * in it is real text, drawn by text records. A picture that does not parse yields what was read
 * before the damage: it is a picture, never a reason to call the document unreadable.
 */
final class Metafiles {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** An object-table slot held by something other than a font with a code page. */
    private static final Object OTHER = new Object();

    private Metafiles() {
    }

    /** Whether {@code data} starts like an EMF or a WMF (placeable or not). */
    static boolean isMetafile(byte[] data) {
        return isEmf(data) || isWmf(data);
    }

    private static boolean isEmf(byte[] d) {
        return isEmf(d, d.length);
    }

    /** Whether the first {@code n} bytes of {@code d} start like an EMF (its header record and signature). */
    static boolean isEmf(byte[] d, int n) {
        return n >= 44 && d[0] == 1 && d[1] == 0 && d[2] == 0 && d[3] == 0
                && d[40] == ' ' && d[41] == 'E' && d[42] == 'M' && d[43] == 'F';
    }

    private static boolean isWmf(byte[] d) {
        if (d.length < 18) {
            return false;
        }
        boolean placeable = (d[0] & 0xFF) == 0xD7 && (d[1] & 0xFF) == 0xCD && (d[2] & 0xFF) == 0xC6 && (d[3] & 0xFF) == 0x9A;
        boolean plain = (d[0] == 1 || d[0] == 2) && d[1] == 0 && d[2] == 9 && d[3] == 0;
        return placeable || plain;
    }

    /**
     * The text of the picture, its drawn strings joined by spaces (a picture says nothing of
     * lines, and a marking is often drawn in pieces: 机密★, 10, 年); empty when it is neither
     * format or holds none.
     */
    static String text(byte[] data) {
        StringBuilder sb = new StringBuilder();
        try {
            if (isEmf(data)) {
                emf(data, sb);
            } else if (isWmf(data)) {
                wmf(data, sb);
            }
        } catch (Exception | StackOverflowError | AssertionError e) {
            // Damaged: what was read so far (POI's own assertions fire on some damage when the
            // JVM runs with -ea, as the tests do).
        }
        return sb.toString();
    }

    private static void emf(byte[] data, StringBuilder sb) throws Exception {
        // ANSI text (EMR_EXTTEXTOUTA, from older Office and WPS) is in the code page of the font
        // selected when it is drawn: fonts are objects created under an index and selected by it.
        Map<Integer, Charset> fonts = new HashMap<>();
        Charset charset = WINDOWS_1252;
        for (HemfRecord r : new HemfPicture(new ByteArrayInputStream(data))) {
            if (r instanceof HemfText.EmfExtTextOutW w) {
                line(sb, w.getText());
            } else if (r instanceof HemfText.EmfExtTextOutA a) {
                line(sb, a.getText(charset));
            } else if (r instanceof HemfText.EmfExtCreateFontIndirectW f) {
                Charset c = charsetOf(f.getFont());
                if (c != null) {
                    fonts.put(f.getFontIdx(), c);
                } else {
                    fonts.remove(f.getFontIdx());
                }
            } else if (r instanceof HemfDraw.EmfSelectObject o && fonts.containsKey(o.getObjectIndex())) {
                charset = fonts.get(o.getObjectIndex());
            }
        }
    }

    /** The code page of a font's character set, or null when it names none (symbol fonts). */
    private static Charset charsetOf(HwmfFont font) {
        return font == null || font.getCharset() == null ? null : font.getCharset().getCharset();
    }

    private static void wmf(byte[] data, StringBuilder sb) throws Exception {
        HwmfPicture picture = new HwmfPicture(new ByteArrayInputStream(data));
        // LibreOffice and Office put an EMF copy of the picture in WMF comments: its text is
        // Unicode, where the WMF's own records are in a code page the reader must guess.
        StringBuilder unicode = new StringBuilder();
        for (HwmfEmbedded e : picture.getEmbeddings()) {
            if (e.getEmbeddedType() == HwmfEmbeddedType.EMF) {
                emf(e.getRawData(), unicode);
            }
        }
        if (!unicode.isEmpty()) {
            sb.append(unicode);
            return;
        }
        // ANSI text is in the code page of the font it is drawn with (GBK for a Chinese font).
        // A WMF numbers its objects implicitly (MS-WMF 3.1.4.1): each brush, pen, font,
        // palette or region created takes the lowest free slot of the object table, a deleted
        // one frees its slot, and META_SELECTOBJECT names a slot.
        List<Object> slots = new ArrayList<>(); // per slot: a font's Charset, OTHER, or null (free)
        Charset charset = WINDOWS_1252;
        for (HwmfRecord r : picture.getRecords()) {
            if (r instanceof HwmfObjectTableEntry) {
                Object entry = OTHER;
                if (r instanceof HwmfText.WmfCreateFontIndirect f && charsetOf(f.getFont()) != null) {
                    entry = charsetOf(f.getFont());
                }
                int free = slots.indexOf(null);
                if (free < 0) {
                    slots.add(entry);
                } else {
                    slots.set(free, entry);
                }
            } else if (r instanceof HwmfDraw.WmfSelectObject o) {
                int i = o.getObjectIndex();
                if (i >= 0 && i < slots.size() && slots.get(i) instanceof Charset c) {
                    charset = c; // a symbol font (no code page) leaves the last one in force
                }
            } else if (r instanceof HwmfMisc.WmfDeleteObject d) {
                int i = d.getObjectIndex();
                if (i >= 0 && i < slots.size()) {
                    slots.set(i, null);
                }
            } else if (r instanceof HwmfText.WmfExtTextOut t) {
                line(sb, t.getText(charset));
            } else if (r instanceof HwmfText.WmfTextOut t) {
                line(sb, t.getText(charset));
            }
        }
    }

    private static void line(StringBuilder sb, String s) {
        // A record's string is padded to four bytes with NULs, which readers pass on.
        int nul = s == null ? -1 : s.indexOf('\u0000');
        if (nul >= 0) {
            s = s.substring(0, nul);
        }
        if (s != null && !s.isBlank()) {
            sb.append(s.strip()).append(' ');
        }
    }
}
