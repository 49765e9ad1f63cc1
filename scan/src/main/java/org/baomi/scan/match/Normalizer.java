package org.baomi.scan.match;

/**
 * The character-level normalisation every match runs on, so that a marking typed
 * with a full-width letter, a different case, a zero-width space or a space between
 * two Chinese characters is still found.
 *
 * <p>Normalisation is defined per UTF-16 unit so that it can be a table lookup in the
 * matcher's inner loop and so that every normalised character maps back to exactly
 * one original position (offsets always point into the original text):
 * <ul>
 *   <li>{@link #fold(char)}: NFKC compatibility mapping when it yields one character
 *   (full-width → half-width, Kangxi radicals → ideographs, ...), then lower case;
 *   star-like signs ({@code ☆ * ＊ ✱}) become {@code ★} because typists substitute them
 *   in {@code 密级★期限}.</li>
 *   <li>{@link #kind(char)}: {@link #IGNORABLE} characters (zero-width, format and control
 *   characters other than whitespace) are dropped everywhere; {@link #SPACE} runs
 *   collapse to one space that is kept only between two {@link #SPACED} characters
 *   (letters and digits of scripts written with spaces), so {@code 秘 密} equals
 *   {@code 秘密} while {@code top secret} keeps its space.</li>
 * </ul>
 */
public final class Normalizer {
    /** Kind of a character that is matched as its folded form. */
    public static final byte PLAIN = 0;
    /** Letter or digit of a script that separates words with spaces. */
    public static final byte SPACED = 1;
    /** Whitespace (including line breaks); collapsed, and dropped between non-spaced characters. */
    public static final byte SPACE = 2;
    /** Dropped everywhere: zero-width, format, control characters. */
    public static final byte IGNORABLE = 3;

    private static final char[] FOLD = new char[65536];
    private static final byte[] KIND = new byte[65536];

    static {
        // The tables are derived from the JDK's Unicode data; computing them costs about a
        // tenth of a second, which a command-line run feels, so a copy ships as a resource
        // and a test (NormalizerTableTest) proves it equal to the computed one.
        if (!load()) {
            compute(FOLD, KIND);
        }
    }

    private static boolean load() {
        try (java.io.InputStream in = Normalizer.class.getResourceAsStream("normalizer.bin")) {
            if (in == null) {
                return false;
            }
            byte[] b = in.readAllBytes();
            if (b.length != 65536 * 3) {
                return false;
            }
            // Bulk copies: a loop over 65,536 entries ran in the interpreter, ~20 ms of the first
            // section that needs the class (the fold table is big-endian UTF-16, as a CharBuffer reads it).
            java.nio.ByteBuffer.wrap(b, 0, 2 * 65536).asCharBuffer().get(FOLD);
            System.arraycopy(b, 2 * 65536, KIND, 0, 65536);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The shipped table's bytes, computed from the running JDK (for the resource and its test). */
    public static byte[] computeTable() {
        char[] fold = new char[65536];
        byte[] kind = new byte[65536];
        compute(fold, kind);
        byte[] b = new byte[65536 * 3];
        for (int i = 0; i < 65536; i++) {
            b[2 * i] = (byte) (fold[i] >> 8);
            b[2 * i + 1] = (byte) fold[i];
            b[2 * 65536 + i] = kind[i];
        }
        return b;
    }

    /** Writes the table resource: {@code java ... Normalizer FILE}. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), computeTable());
    }

    private static void compute(char[] foldTable, byte[] kindTable) {
        for (int i = 0; i < 65536; i++) {
            char c = (char) i;
            char f = c;
            if (i >= 0x80 && !Character.isSurrogate(c)) {
                String s = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
                if (s.length() == 1) {
                    f = s.charAt(0);
                }
            }
            f = Character.toLowerCase(f);
            if ("☆*＊✱✲✳★⭐✩✪✫✬✭✮✯".indexOf(c) >= 0) {
                f = '★';
            }
            foldTable[i] = f;
            byte kind;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85) {
                kind = SPACE;
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x034F
                    || (c >= 0xFE00 && c <= 0xFE0F)) {
                kind = IGNORABLE;
            } else if (f < 0x2E80 && Character.isLetterOrDigit(f)) {
                kind = SPACED;
            } else {
                kind = PLAIN;
            }
            kindTable[i] = kind;
        }
    }

    private Normalizer() {
    }

    /** The folded form of {@code c}. */
    public static char fold(char c) {
        return FOLD[c];
    }

    /** One of {@link #PLAIN}, {@link #SPACED}, {@link #SPACE}, {@link #IGNORABLE}. */
    public static byte kind(char c) {
        return KIND[c];
    }

    /**
     * Normalises a whole string (used for patterns, and for windows that a regular
     * expression confirms), recording for each output character its index in the input.
     */
    public static Normalized normalize(CharSequence text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int[] map = new int[n + 1];
        boolean pending = false;
        int pendingAt = -1;
        boolean prevSpaced = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            byte k = KIND[c];
            if (k == IGNORABLE) {
                continue;
            }
            if (k == SPACE) {
                if (out.length() > 0 && !pending) {
                    pending = true;
                    pendingAt = i;
                }
                continue;
            }
            if (pending) {
                pending = false;
                if (prevSpaced && k == SPACED) {
                    map[out.length()] = pendingAt;
                    out.append(' ');
                }
            }
            map[out.length()] = i;
            out.append(FOLD[c]);
            prevSpaced = k == SPACED;
        }
        map[out.length()] = n;
        return new Normalized(out.toString(), map);
    }

    /**
     * A normalised string and, for each of its characters (and one past the end), the
     * index of the original character it came from.
     */
    public record Normalized(String text, int[] origin) {
        /** Original index of normalised index {@code i} (one past the end allowed). */
        public int originOf(int i) {
            return origin[i];
        }
    }
}
