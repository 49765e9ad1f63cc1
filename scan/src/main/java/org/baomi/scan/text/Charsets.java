package org.baomi.scan.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/** Which charset text is in: detected from its bytes, or taken from the label a file declares. */
public final class Charsets {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");

    /**
     * Labels of the simplified-Chinese legacy encodings, all read as GB18030: mailers and web
     * pages declare {@code gb2312} and write GBK (a name such as 镕 or 珺 is outside GB2312, and a
     * strict GB2312 decoder turns it into U+FFFD), as browsers know (the WHATWG Encoding Standard
     * reads every one of these labels with its GBK decoder).
     */
    private static final Set<String> GBK_LABELS = Set.of("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
            "x-mswin-936", "chinese", "csgb2312", "csiso58gb231280", "gb_2312", "gb_2312-80", "iso-ir-58", "euc-cn",
            "x-euc-cn", "gb18030");
    /** Traditional Chinese: Big5 as written in Hong Kong and Taiwan, read with the HKSCS superset (as WHATWG does). */
    private static final Set<String> BIG5_LABELS = Set.of("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950",
            "ms950", "windows-950", "x-windows-950");

    private Charsets() {
    }

    /**
     * The charset a file declares by {@code label} (a mail part's {@code charset=}, an HTML meta
     * tag), with the Chinese labels widened to the encodings writers really use; null when the
     * label is missing or names no charset this JDK has ({@code x-user-defined}, a typo), so that
     * the caller {@linkplain #detect detects} it instead of failing.
     */
    public static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.length() > 1 && (l.startsWith("\"") && l.endsWith("\"") || l.startsWith("'") && l.endsWith("'"))) {
            l = l.substring(1, l.length() - 1).strip();
        }
        if (GBK_LABELS.contains(l)) {
            return GB18030;
        }
        if (BIG5_LABELS.contains(l)) {
            return BIG5_HKSCS;
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /**
     * The charset of a sample of text of unknown encoding: a byte-order mark, then UTF-16 by its
     * zeros, then UTF-8 validity, then juniversalchardet; GB18030 (a superset of GBK and GB2312,
     * the most likely legacy encoding here) where it says GB2312 or GBK or cannot tell.
     */
    public static Charset detect(byte[] sample, int n) {
        if (n >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < n; i++) {
            if (sample[i] == 0) {
                if ((i & 1) == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        if (zerosOdd > n / 8 && zerosEven == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (zerosEven > n / 8 && zerosOdd == 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (validUtf8(sample, n)) {
            return StandardCharsets.UTF_8;
        }
        UniversalDetector d = new UniversalDetector();
        d.handleData(sample, 0, n);
        d.dataEnd();
        String cs = d.getDetectedCharset();
        if (cs == null || cs.equalsIgnoreCase("GB2312") || cs.equalsIgnoreCase("GBK") || cs.equalsIgnoreCase("HZ-GB-2312")) {
            // GB18030 is a superset of GBK and GB2312 and the most likely legacy encoding here.
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(cs);
        } catch (RuntimeException e) {
            return Charset.forName("GB18030");
        }
    }

    /** Whether the sample is valid UTF-8 (a sequence cut at the end is allowed). */
    public static boolean validUtf8(byte[] b, int n) {
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : -1;
            if (len < 0) {
                return false;
            }
            for (int k = 1; k < len; k++) {
                if (i + k >= n) {
                    return true;
                }
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += len;
        }
        return true;
    }
}
