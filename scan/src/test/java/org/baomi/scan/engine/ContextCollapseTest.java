package org.baomi.scan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The context snippet's whitespace folding, spelled out for speed, against the library calls it replaced. */
class ContextCollapseTest {
    @Test
    void blankIsWhitespaceOrControlForEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean expected = Character.isWhitespace((char) c) || Character.isISOControl((char) c);
            assertEquals(expected, FileAnalysis.blank((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void collapseEqualsStringBuilderAndStrip() {
        char[] pool = {' ', '\t', '\n', '\r', '\u000b', '\u001c', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a',
            '\u200b', '\u2028', '\u205f', '\u3000', '\u007f', '\u009f', 'a', 'Z', '机', '密', '★', '\ud83d', '\ude42', '\ufeff'};
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20_000; round++) {
            char[] text = new char[random.nextInt(40)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : pool[random.nextInt(pool.length)];
            }
            int s = text.length == 0 ? 0 : random.nextInt(text.length + 1);
            int e = s + random.nextInt(text.length - s + 1);
            assertEquals(reference(text, s, e), FileAnalysis.collapse(text, s, e), "round " + round);
        }
    }

    /** The code this replaced. */
    private static String reference(char[] win, int s, int e) {
        StringBuilder sb = new StringBuilder(e - s);
        boolean space = false;
        for (int i = s; i < e; i++) {
            char c = win[i];
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString().strip();
    }
}
