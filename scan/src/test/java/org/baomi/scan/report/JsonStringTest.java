package org.baomi.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Json.string appends runs without escapes whole; it writes exactly what escaping character by
 * character writes (the reference below, the writer's earlier form), and a JSON parser reads the
 * original string back (for text without lone surrogates).
 */
class JsonStringTest {
    private static final String PIECES = "a机密★\"\\\n\r\t\u0001\u001f \u2028\u2029\u2027\u202a\uD83D\uDE00\uD83D\uDE00"
            + "\uD800\uDC00\uFFFF/é";

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Character by character, as the writer did before. */
    private static String reference(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void writesWhatEscapingEachCharacterWrites(long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = r.nextInt(40); i < n; i++) {
            s.append(PIECES.charAt(r.nextInt(PIECES.length())));
        }
        StringBuilder out = new StringBuilder();
        Json.string(out, s.toString());
        assertThat(out.toString()).isEqualTo(reference(s.toString()));
        boolean loneSurrogate = false;
        for (int i = 0; i < s.length(); i++) {
            loneSurrogate |= Character.isSurrogate(s.charAt(i)) && !Character.isValidCodePoint(s.codePointAt(i))
                    || Character.isHighSurrogate(s.charAt(i)) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(s.charAt(i)) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
        }
        if (!loneSurrogate) {
            assertThat(new ObjectMapper().readValue(out.toString(), String.class)).isEqualTo(s.toString());
        }
    }
}
