package org.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.baomi.scan.engine.FileStatus;

/**
 * Why a file in no format the scanner knows is not read (ADR 0119). A file named as a document
 * whose bytes look random is {@code encrypted}: a document-security system's transparent
 * encryption (透明加密, as units run it on every terminal) keeps the name and replaces the content
 * by ciphertext, often behind a header of its own; such a file was passed over as "not a document
 * format", as if it were a program. A file named as a document whose content is neither a known
 * format nor random is {@code unreadable}, with its first bytes. Any other file is {@code skipped}.
 */
public final class OpaqueContent {
    /** The names of the formats the scanner reads: a file so named is meant to be a document. */
    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of(
            "doc", "dot", "docx", "docm", "dotx", "dotm", "wps", "wpt",
            "xls", "xlt", "xlsx", "xlsm", "xltx", "xltm", "et", "ett",
            "ppt", "pot", "pps", "pptx", "pptm", "potx", "potm", "ppsx", "ppsm", "dps", "dpt",
            "rtf", "odt", "ott", "ods", "ots", "odp", "otp", "fodt", "fods", "fodp", "uof", "uot", "uos", "uop",
            "pdf", "ofd", "xps", "oxps", "eml", "msg", "mht", "mhtml", "htm", "html", "xhtml", "xml", "txt", "csv",
            "zip", "rar", "7z", "tar", "gz", "tgz",
            "jpg", "jpeg", "png", "tif", "tiff", "bmp", "gif", "webp");
    /** Bytes judged at least: fewer say too little about their spread. */
    private static final int MIN_SAMPLE = 1024;
    /** Leading bytes of printable ASCII quoted as the header's own words. */
    private static final int MAX_HEADER_WORDS = 32;

    private OpaqueContent() {
    }

    /**
     * Whether the first {@code n} bytes of a file look random, as ciphertext (or compressed data)
     * does and as no text or uncompressed binary format does: their byte entropy is within 0.1
     * bit of what uniformly random bytes of that count give on average (8 − 255 / (2m ln 2),
     * Miller–Madow: 7.82 bits for 1 KiB, 7.97 for 7 KiB; the lowest of a thousand random samples
     * fell 0.07 and 0.01 short of it). Judged after the first KiB, where an encryption system keeps
     * its header, and on the second half alone, in case the header is longer; fewer than 1 KiB
     * judged say too little. Text stays well below the line (7.87 for 7 KiB): Chinese drawn
     * uniformly at random, the most spread text gets, is 5.7 bits a byte in UTF-8, 7.4 in GB18030,
     * 6.2 in Big5 and 7.6 in UTF-16; real text less (5.5, and 3.9 in UTF-16). Text with a byte
     * order mark is not judged.
     */
    public static boolean looksRandom(byte[] head, int n) {
        if (n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)
                || n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return false;
        }
        return random(head, Math.max(0, Math.min(1024, n - MIN_SAMPLE)), n) || random(head, n / 2, n);
    }

    private static boolean random(byte[] b, int from, int to) {
        int m = to - from;
        return m >= MIN_SAMPLE && entropy(b, from, to) >= randomEntropy(m) - 0.1;
    }

    /** The entropy uniformly random bytes of a sample of {@code m} show, on average. */
    static double randomEntropy(int m) {
        return 8 - 255 / (2.0 * m * Math.log(2));
    }

    /** Shannon entropy of bytes {@code from..to} of {@code b}, in bits a byte. */
    static double entropy(byte[] b, int from, int to) {
        int m = to - from;
        int[] counts = new int[256];
        for (int i = from; i < to; i++) {
            counts[b[i] & 0xFF]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / m;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }

    /** The status and reason of a file in no format the scanner reads. */
    public static ExtractionProblem problem(Source src) throws IOException {
        String extension = extension(src.name());
        if (!DOCUMENT_EXTENSIONS.contains(extension)) {
            return new ExtractionProblem(FileStatus.SKIPPED, "not a document format the scanner reads");
        }
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = src.open()) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (looksRandom(head, n)) {
            String words = headerWords(head, n);
            return ExtractionProblem.encrypted("named ." + extension + ", but its bytes look random, as encrypted data does"
                    + (words == null ? "" : " (it begins “" + words + "”)")
                    + ": a document-security system's transparent encryption (透明加密) writes files so;"
                    + " scan it on a computer where that system opens it, or have it decrypted");
        }
        return ExtractionProblem.unreadable("named ." + extension + ", but its content is in no format the scanner knows (it begins "
                + hex(head, Math.min(n, 8)) + ")");
    }

    /** The extension of the last part of {@code name}, lower case; "" when it has none. */
    static String extension(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * The printable ASCII a file starts with, where an encryption system often writes its name
     * ("E-SafeNet", "DG_FILE VER 3.0"); null when fewer than four such bytes lead.
     */
    static String headerWords(byte[] b, int n) {
        int end = 0;
        while (end < Math.min(n, MAX_HEADER_WORDS) && b[end] >= 0x20 && b[end] < 0x7F) {
            end++;
        }
        String words = new String(b, 0, end, java.nio.charset.StandardCharsets.US_ASCII).strip();
        return words.length() >= 4 ? words : null;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", b[i] & 0xFF));
        }
        return n == 0 ? "empty" : sb.toString();
    }
}
