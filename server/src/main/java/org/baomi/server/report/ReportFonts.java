package org.baomi.server.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts the PDF embeds, shipped in the jar (ADR 0044): GB2312 subsets of Noto Serif CJK SC
 * Regular for text and Noto Sans CJK SC Bold for headings, converted to TrueType outlines so that
 * PDFBox embeds subsets of them. Neither depends on the fonts of the machine the server runs on.
 */
enum ReportFonts {
    SERIF("fonts/BaomiReportSerifSC-Regular.ttf"),
    SANS_BOLD("fonts/BaomiReportSansSC-Bold.ttf");

    /** What stands for a character the fonts lack (rare characters outside GB2312). */
    static final char MISSING = '□';

    private final String resource;
    private volatile byte[] bytes;
    private volatile BitSet coverage;

    ReportFonts(String resource) {
        this.resource = resource;
    }

    byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            synchronized (this) {
                if (bytes == null) {
                    bytes = load();
                }
                b = bytes;
            }
        }
        return b;
    }

    /** Whether the font has a glyph for the code point. */
    boolean covers(int codePoint) {
        BitSet c = coverage;
        if (c == null) {
            synchronized (this) {
                if (coverage == null) {
                    coverage = readCoverage(bytes());
                }
                c = coverage;
            }
        }
        return c.get(codePoint);
    }

    /** The text with every character the font lacks replaced, and control characters made spaces. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (covers(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private byte[] load() {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitSet readCoverage(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            BitSet set = new BitSet(0x10000);
            for (int cp = 0x20; cp < 0x10000; cp++) {
                if (cmap.getGlyphId(cp) != 0) {
                    set.set(cp);
                }
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
