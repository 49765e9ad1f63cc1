package org.baomi.scan.text;

/**
 * Decodes UTF-8 into UTF-16 chunk by chunk, straight from a byte array into a reused
 * char array. The JDK's decoders allocate or validate more than the scanner needs and
 * measured several times slower on CJK text (docs/benchmarks.md); malformed input
 * becomes U+FFFD, as the JDK would do.
 */
public final class Utf8Decoder {
    private Utf8Decoder() {
    }

    /**
     * Decodes from {@code src[from, to)} into {@code dst} starting at 0, stopping before a
     * sequence that is cut by {@code to} (unless {@code last}) or would not fit.
     *
     * @return {@code (bytesConsumed << 32) | charsWritten}
     */
    public static long decode(byte[] src, int from, int to, char[] dst, boolean last) {
        return decode(src, from, to, dst, 0, last, new int[1]);
    }

    /**
     * As {@link #decode(byte[], int, int, char[], boolean)}, writing from {@code dst[at]} on
     * and adding the number of line feeds decoded to {@code lineFeeds[0]} (one pass over the
     * bytes instead of a second one over the chars).
     *
     * @return {@code (bytesConsumed << 32) | charsWritten}
     */
    public static long decode(byte[] src, int from, int to, char[] dst, int at, boolean last, int[] lineFeeds) {
        int i = from;
        int o = at;
        int feeds = 0;
        final int cap = dst.length - 1; // room for a surrogate pair
        while (i < to && o < cap) {
            int b = src[i];
            if (b >= 0) {
                dst[o++] = (char) b;
                i++;
                if (b == '\n') {
                    feeds++;
                }
                continue;
            }
            if ((b & 0xE0) == 0xC0) {
                if (i + 1 >= to) {
                    if (!last) break;
                    dst[o++] = '\uFFFD';
                    i++;
                    continue;
                }
                int b1 = src[i + 1];
                if ((b1 & 0xC0) != 0x80 || (b & 0x1E) == 0) {
                    dst[o++] = '\uFFFD';
                    i++;
                    continue;
                }
                dst[o++] = (char) (((b & 0x1F) << 6) | (b1 & 0x3F));
                i += 2;
            } else if ((b & 0xF0) == 0xE0) {
                if (i + 2 >= to) {
                    if (!last) break;
                    dst[o++] = '\uFFFD';
                    i++;
                    continue;
                }
                int b1 = src[i + 1];
                int b2 = src[i + 2];
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
                    dst[o++] = '\uFFFD';
                    i++;
                    continue;
                }
                dst[o++] = (char) (((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
                i += 3;
            } else if ((b & 0xF8) == 0xF0) {
                if (i + 3 >= to) {
                    if (!last) break;
                    dst[o++] = '\uFFFD';
                    i++;
                    continue;
                }
                int b1 = src[i + 1];
                int b2 = src[i + 2];
                int b3 = src[i + 3];
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) {
                    dst[o++] = '\uFFFD';
                    i++;
                    continue;
                }
                int cp = ((b & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
                if (cp < 0x10000 || cp > 0x10FFFF) {
                    dst[o++] = '\uFFFD';
                } else {
                    dst[o++] = Character.highSurrogate(cp);
                    dst[o++] = Character.lowSurrogate(cp);
                }
                i += 4;
            } else {
                dst[o++] = '\uFFFD';
                i++;
            }
        }
        lineFeeds[0] += feeds;
        return ((long) (i - from) << 32) | (o - at);
    }

    /** Whether {@code b} starts a character (is not a continuation byte). */
    public static boolean isLead(byte b) {
        return (b & 0xC0) != 0x80;
    }
}
