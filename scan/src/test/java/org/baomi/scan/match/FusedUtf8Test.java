package org.baomi.scan.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.baomi.scan.text.Utf8Decoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: {@link Automaton.Cursor#feedUtf8} (decoding and matching in one pass, ADR 0109)
 * writes the same characters, counts the same line feeds, consumes the same bytes and
 * reports the same matches, in the same order, as {@link Utf8Decoder} followed by
 * {@link Automaton.Cursor#feed} — over valid, malformed and cut UTF-8, fed in random chunks.
 */
class FusedUtf8Test {
    @TempDir
    Path dir;

    /** Pieces of input: text of the property test's alphabet, four-byte characters, and broken sequences. */
    private static final byte[][] PIECES = {
        "a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8),
        "机".getBytes(StandardCharsets.UTF_8), "密".getBytes(StandardCharsets.UTF_8),
        "秘".getBytes(StandardCharsets.UTF_8), "★".getBytes(StandardCharsets.UTF_8),
        "Ａ".getBytes(StandardCharsets.UTF_8), "1".getBytes(StandardCharsets.UTF_8),
        "年".getBytes(StandardCharsets.UTF_8), " ".getBytes(StandardCharsets.UTF_8),
        "\u200b".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8),
        "é".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8),
        "𠀀".getBytes(StandardCharsets.UTF_8),
        {(byte) 0x80},                                   // lone continuation byte
        {(byte) 0xE6, (byte) 0xB0},                      // three-byte sequence cut short
        {(byte) 0xC0, (byte) 0x80},                      // overlong
        {(byte) 0xF8},                                   // never a lead byte
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // overlong four bytes
        {(byte) 0xF0, (byte) 0x9F},                      // four-byte sequence cut short
    };

    private static final int VALID_PIECES = 15;

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    record Hit(int key, long start, long end) {
    }

    /** One run over {@code bytes}: chunks of random size, leftovers carried as TextReader does. */
    private record Run(String chars, int lineFeeds, List<Hit> hits) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decodingAndMatchingInOnePassIsTheSameAsOneAfterTheOther(long seed) {
        Random r = new Random(seed);
        List<String> patterns = AutomatonPropertyTest.patternList(r);
        patterns.add("😀机");
        patterns.add("\uFFFD");
        // One text in three is valid UTF-8 (the first 15 pieces), the others mix in broken sequences.
        boolean valid = seed % 3 == 0;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int i = 0, n = r.nextInt(300); i < n; i++) {
            text.writeBytes(PIECES[r.nextInt(valid ? VALID_PIECES : PIECES.length)]);
        }
        byte[] bytes = text.toByteArray();
        Automaton a = Automaton.build(patterns);
        int chunk = 1 + r.nextInt(40);
        int room = 2 + r.nextInt(60);
        Run fused = run(a, bytes, chunk, room, true);
        Run separate = run(a, bytes, chunk, room, false);
        assertThat(fused).isEqualTo(separate);
        if (valid) {
            // Valid input decodes as the JDK decodes it (broken sequences become one U+FFFD per
            // byte here, where the JDK may use one per sequence).
            assertThat(fused.chars()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static Run run(Automaton a, byte[] bytes, int chunk, int room, boolean fused) {
        Automaton.Cursor c = a.cursor();
        List<Hit> hits = new ArrayList<>();
        MatchSink sink = (k, s, e) -> hits.add(new Hit(k, s, e));
        StringBuilder out = new StringBuilder();
        int[] feeds = new int[1];
        char[] dst = new char[room];
        int pos = 0;
        long base = 0;
        while (pos < bytes.length) {
            int to = Math.min(bytes.length, pos + chunk);
            boolean whole = to == bytes.length;
            long res;
            if (fused) {
                res = c.feedUtf8(bytes, pos, to, dst, 0, whole, feeds, base, sink);
            } else {
                res = Utf8Decoder.decode(bytes, pos, to, dst, 0, whole, feeds);
                c.feed(dst, 0, (int) res, base, sink);
            }
            int used = (int) (res >>> 32);
            int written = (int) res;
            out.append(dst, 0, written);
            base += written;
            pos += used;
            if (used == 0) {
                // A sequence cut by the chunk's end: the next call sees more bytes.
                chunk++;
            }
        }
        return new Run(out.toString(), feeds[0], hits);
    }

    @Test
    void aLargeDictionaryReadBackFromItsBytesIsTheSameAutomaton() throws Exception {
        Random r = new Random(7);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0, len = 2 + r.nextInt(5); j < len; j++) {
                sb.append((char) (0x4E00 + r.nextInt(400)));
            }
            patterns.add(i % 3 == 0 ? sb.toString() : "w" + Integer.toString(i, 36) + "x");
        }
        Automaton built = Automaton.build(patterns);
        byte[] bytes = built.toBytes();
        Automaton read = Automaton.fromBytes(java.nio.ByteBuffer.wrap(bytes));
        assertThat(read.toBytes()).isEqualTo(bytes);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            text.append(r.nextInt(4) == 0 ? " w" + Integer.toString(r.nextInt(3000), 36) + "x " : (char) (0x4E00 + r.nextInt(400)));
        }
        List<Hit> fromBuilt = new ArrayList<>();
        List<Hit> fromRead = new ArrayList<>();
        built.match(text, (k, s, e) -> fromBuilt.add(new Hit(k, s, e)));
        read.match(text, (k, s, e) -> fromRead.add(new Hit(k, s, e)));
        assertThat(fromBuilt).hasSizeGreaterThan(1000).isEqualTo(fromRead);
        // The cache hands back what it stored instead of building again.
        DictionaryCache cache = new DictionaryCache(dir);
        cache.load(patterns);
        try (var files = Files.list(dir)) {
            Path stored = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            long stamp = Files.getLastModifiedTime(stored).toMillis();
            assertThat(cache.load(patterns).toBytes()).isEqualTo(bytes);
            assertThat(Files.getLastModifiedTime(stored).toMillis()).isEqualTo(stamp);
        }
    }

    @Test
    void aTableWithAStateOutsideTheCellsIsRejected() {
        byte[] bytes = Automaton.build(List.of("机密", "secret")).toBytes();
        // The first cell's target (after the 9-int header) points far outside the tables.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int cells = b.getInt(3 * 4);
        boolean corrupted = false;
        for (int i = 0; i < cells; i += 2) {
            if (b.getInt((9 + i) * 4) >= 0) {
                b.putInt((9 + i + 1) * 4, 0x7FFFFFF0);
                corrupted = true;
                break;
            }
        }
        assertThat(corrupted).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Automaton.fromBytes(java.nio.ByteBuffer.wrap(bytes)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
