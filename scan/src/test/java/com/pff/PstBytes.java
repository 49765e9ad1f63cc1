package com.pff;

/**
 * Test access to java-libpst's table of Outlook's "compressible encryption" (a substitution of
 * each byte, MS-PST 5.1), so that a test can put its own words into a real Outlook data file's
 * blocks: the library checks no block's CRC, and a UTF-16 string replaced by one of the same length
 * leaves every structure as it was.
 */
public final class PstBytes {
    private PstBytes() {
    }

    /** {@code plain} as a block of a data file in compressible encryption holds it. */
    public static byte[] encode(byte[] plain) {
        int[] inverse = new int[256];
        for (int x = 0; x < 256; x++) {
            inverse[PSTObject.compEnc[x]] = x; // the library decodes with the table's first 256 entries
        }
        byte[] out = new byte[plain.length];
        for (int i = 0; i < plain.length; i++) {
            out[i] = (byte) inverse[plain[i] & 0xFF];
        }
        return out;
    }
}
