package org.baomi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.baomi.scan.match.Automaton;
import org.baomi.scan.text.Utf8Decoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Matching alone, one core: the reference workload's dictionary over its corpus (the first
 * {@code mb} megabytes of UTF-8). Three figures: {@code match} runs the automaton over text
 * already decoded; {@code decodeAndMatch} decodes UTF-8 and matches in one pass, as the
 * scanner does (ADR 0109); {@code decodeThenMatch} decodes each chunk first and then matches
 * it, as the scanner did before.
 * Throughput is reported as operations per second; MB/s = mb × ops/s (bench/run-jmh.sh
 * prints it).
 *
 * <p>Needs {@code -Dbaomi.corpus=DIR} made by make-corpus.py.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class MatcherBenchmark {
    @Param({"sparse", "dense"})
    public String dictionary;

    @Param({"32"})
    public int mb;

    private Automaton automaton;
    private byte[] bytes;
    private char[] chars;
    private int charCount;
    private char[] chunk;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("baomi.corpus", "target/corpus"));
        List<String> patterns = Files.readAllLines(dir.resolve("patterns-" + dictionary + ".txt"), StandardCharsets.UTF_8)
                .stream().filter(s -> !s.isBlank()).toList();
        automaton = Automaton.build(patterns);
        byte[] all = Files.readAllBytes(dir.resolve("corpus.txt"));
        int n = Math.min(all.length, mb * 1_000_000);
        while (n < all.length && !Utf8Decoder.isLead(all[n])) {
            n++;
        }
        bytes = java.util.Arrays.copyOf(all, n);
        chars = new char[n + 2];
        charCount = (int) Utf8Decoder.decode(bytes, 0, n, chars, true);
        chunk = new char[1 << 20];
    }

    @Benchmark
    public long match(Blackhole bh) {
        long[] count = {0};
        Automaton.Cursor c = automaton.cursor();
        int[] counts = new int[automaton.size()];
        boolean[] notify = new boolean[automaton.size()];
        c.countInto(counts, notify);
        c.feed(chars, 0, charCount, 0, (k, s, e) -> count[0]++);
        bh.consume(counts);
        return count[0];
    }

    @Benchmark
    public long decodeAndMatch(Blackhole bh) {
        Automaton.Cursor c = automaton.cursor();
        int[] counts = new int[automaton.size()];
        boolean[] notify = new boolean[automaton.size()];
        c.countInto(counts, notify);
        int[] lineFeeds = new int[1];
        int pos = 0;
        long base = 0;
        while (pos < bytes.length) {
            long r = c.feedUtf8(bytes, pos, bytes.length, chunk, 0, true, lineFeeds, base, (k, s, e) -> { });
            base += (int) r;
            pos += (int) (r >>> 32);
        }
        bh.consume(counts);
        return base + lineFeeds[0];
    }

    @Benchmark
    public long decodeThenMatch(Blackhole bh) {
        Automaton.Cursor c = automaton.cursor();
        int[] counts = new int[automaton.size()];
        boolean[] notify = new boolean[automaton.size()];
        c.countInto(counts, notify);
        int pos = 0;
        long base = 0;
        while (pos < bytes.length) {
            long r = Utf8Decoder.decode(bytes, pos, bytes.length, chunk, true);
            int used = (int) (r >>> 32);
            int w = (int) r;
            c.feed(chunk, 0, w, base, (k, s, e) -> { });
            base += w;
            pos += used;
        }
        bh.consume(counts);
        return base;
    }
}
