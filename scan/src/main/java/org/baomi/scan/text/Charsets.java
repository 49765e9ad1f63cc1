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
            return GB18030;
        }
        Charset named;
        try {
            named = Charset.forName(cs);
        } catch (RuntimeException e) {
            return GB18030;
        }
        if (SINGLE_BYTE_GUESSES.contains(cs.toUpperCase(Locale.ROOT))) {
            // The detector's single-byte answers come from letter statistics, which a few lines
            // of Chinese do not give it: "秘密★5年" in GBK is "IBM866" to it, "工作秘密" "TIS620", a
            // marking line among English lines "WINDOWS-1252" — and the marking is then lost. A
            // sample that is well-formed GBK/GB18030 (or Big5) all through is read as Chinese:
            // real text in a Cyrillic, Thai or Western code page soon has a byte that cannot be,
            // and where it does not, reading its letters as GBK loses no ASCII (ADR 0125).
            Charset chinese = wellFormedChinese(sample, n);
            if (chinese != null) {
                return chinese;
            }
        }
        return named;
    }

    /** juniversalchardet's answers that come from single-byte letter statistics (its SBCS and Latin-1 probers). */
    private static final Set<String> SINGLE_BYTE_GUESSES = Set.of("WINDOWS-1252", "ISO-8859-1", "WINDOWS-1251", "KOI8-R",
            "IBM866", "IBM855", "ISO-8859-5", "X-MAC-CYRILLIC", "MACCYRILLIC", "ISO-8859-7", "WINDOWS-1253", "ISO-8859-8",
            "WINDOWS-1255", "TIS620", "TIS-620", "WINDOWS-1250", "ISO-8859-2");

    /**
     * GB18030 or Big5-HKSCS when every non-ASCII byte of the sample belongs to a well-formed
     * character of that encoding (a sequence cut at the end allowed) and there is at least one;
     * where both fit, the one whose characters are more often its common ones (GB2312's symbols
     * and first-level hanzi against Big5's symbols and frequent characters), GB18030 on a tie.
     * Null when neither fits.
     */
    static Charset wellFormedChinese(byte[] b, int n) {
        if (!hasHighByte(b, n)) {
            return null;
        }
        Fit gb = fit(b, n, false);
        Fit big5 = fit(b, n, true);
        if (gb == null) {
            return big5 != null ? BIG5_HKSCS : null;
        }
        return big5 != null && big5.common > gb.common ? BIG5_HKSCS : GB18030;
    }

    private static boolean hasHighByte(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** How many of a sample's multi-byte characters there are, and how many of them are common ones. */
    private record Fit(int common, int chars) {
    }

    /**
     * How the sample fits the encoding: its multi-byte characters and how many are common ones —
     * GB2312 symbols (rows A1–A9) and first-level hanzi (rows B0–D7) for GB18030, symbols
     * (A140–A3BF) and frequent characters (A440–C67E) for Big5; null when a byte fits no character
     * of it. A sequence cut at the end of the sample is allowed.
     */
    private static Fit fit(byte[] b, int n, boolean big5) {
        int common = 0;
        int chars = 0;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len = big5 ? big5Length(b, i, n) : gb18030Length(b, i, n);
            if (len <= 0) {
                return len < 0 ? null : new Fit(common, chars);
            }
            int code = len == 2 ? c << 8 | b[i + 1] & 0xFF : 0;
            if (big5 ? code >= 0xA140 && code <= 0xA3BF || code >= 0xA440 && code <= 0xC67E
                    : (code & 0xFF) >= 0xA1 && (c >= 0xA1 && c <= 0xA9 || c >= 0xB0 && c <= 0xD7)) {
                common++;
            }
            chars++;
            i += len;
        }
        return new Fit(common, chars);
    }

    /** The length of the GB18030 character at {@code i} (2 or 4), 0 when cut at {@code n}, -1 when ill-formed. */
    private static int gb18030Length(byte[] b, int i, int n) {
        int c = b[i] & 0xFF;
        if (c == 0x80 || c == 0xFF) {
            return -1;
        }
        if (i + 1 >= n) {
            return 0;
        }
        int t = b[i + 1] & 0xFF;
        if (t < 0x30 || t > 0x39) {
            return t < 0x40 || t == 0x7F || t == 0xFF ? -1 : 2;
        }
        if (i + 2 >= n) {
            return 0;
        }
        int t2 = b[i + 2] & 0xFF;
        if (t2 < 0x81 || t2 == 0xFF) {
            return -1;
        }
        if (i + 3 >= n) {
            return 0;
        }
        int t3 = b[i + 3] & 0xFF;
        return t3 < 0x30 || t3 > 0x39 ? -1 : 4;
    }

    /** The length of the Big5(-HKSCS) character at {@code i} (2), 0 when cut at {@code n}, -1 when ill-formed. */
    private static int big5Length(byte[] b, int i, int n) {
        int c = b[i] & 0xFF;
        if (c < 0x87 || c == 0xFF) {
            return -1;
        }
        if (i + 1 >= n) {
            return 0;
        }
        int t = b[i + 1] & 0xFF;
        return t < 0x40 || t > 0x7E && t < 0xA1 || t == 0xFF ? -1 : 2;
    }

    /**
     * The charset of names a file format stores without saying which (a zip member's name without
     * the UTF-8 flag): UTF-8 when every name is valid UTF-8 (macOS, Linux and 7-Zip's names), GBK
     * or Big5 when they are well-formed in it (what Windows' own "compressed folder", WinRAR,
     * 360压缩 and 好压 write on a Chinese system: the OEM code page, 936) and at least half their
     * characters are common ones (a Western name is well-formed GBK by chance), else {@code fallback}
     * (the format's own default: IBM437 for zip).
     */
    public static Charset ofNames(java.util.List<byte[]> names, Charset fallback) {
        int total = 0;
        boolean utf8 = true;
        for (byte[] name : names) {
            total += name.length + 1;
            utf8 &= validUtf8(name, name.length);
        }
        if (utf8) {
            return StandardCharsets.UTF_8;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] name : names) {
            System.arraycopy(name, 0, all, at, name.length);
            at += name.length;
            all[at++] = '\n';
        }
        Charset chinese = wellFormedChinese(all, all.length);
        if (chinese == null) {
            return fallback;
        }
        // Names are short and well-formed GBK by chance ("Über" in IBM437 or Latin-1 is the GBK pair
        // 9A62 or DC62 and "er"): Chinese names are mostly common characters, accidental pairs are not.
        Fit fit = fit(all, all.length, chinese == BIG5_HKSCS);
        return fit.common * 2 >= fit.chars ? chinese : fallback;
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
