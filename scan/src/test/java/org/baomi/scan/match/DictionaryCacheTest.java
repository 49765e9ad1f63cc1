package org.baomi.scan.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A compiled dictionary read back from the cache matches exactly like a freshly built one. */
class DictionaryCacheTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    private static Set<AutomatonPropertyTest.Hit> hits(Automaton a, String text) {
        Set<AutomatonPropertyTest.Hit> got = new HashSet<>();
        a.match(text, (k, s, e) -> {
            got.add(new AutomatonPropertyTest.Hit(k, s, e));
            for (int d : a.duplicatesOf(k)) {
                got.add(new AutomatonPropertyTest.Hit(d, s, e));
            }
        });
        return got;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedAutomatonMatchesLikeABuiltOne(long seed) {
        Random r = new Random(seed);
        List<String> patterns = AutomatonPropertyTest.patternList(r);
        String text = AutomatonPropertyTest.text(r);
        DictionaryCache cache = new DictionaryCache(dir);
        Automaton first = cache.load(patterns);   // built and stored
        Automaton second = cache.load(patterns);  // read back
        assertThat(second).isNotSameAs(first);
        assertThat(second.toBytes()).isEqualTo(Automaton.build(patterns).toBytes());
        assertThat(hits(second, text)).isEqualTo(hits(Automaton.build(patterns), text));
    }

    @Test
    void aCorruptOrTruncatedFileIsRebuiltAndReplaced() throws IOException {
        List<String> patterns = List.of("机密", "secret", "秘密★1年", "ab");
        DictionaryCache cache = new DictionaryCache(dir);
        cache.load(patterns);
        Path file = dir.resolve(DictionaryCache.key(patterns) + ".bin");
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        Files.write(file, flipped);
        assertThat(hits(cache.load(patterns), "x机 密y")).isEqualTo(hits(Automaton.build(patterns), "x机 密y"));
        assertThat(Files.readAllBytes(file)).isEqualTo(good);

        Files.write(file, java.util.Arrays.copyOf(good, good.length / 3));
        assertThat(hits(cache.load(patterns), "SECRET")).hasSize(1);
        Files.write(file, new byte[0]);
        assertThat(hits(cache.load(patterns), "SECRET")).hasSize(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
    }

    @Test
    void differentDictionariesDoNotShareAFile() {
        assertThat(DictionaryCache.key(List.of("ab", "c"))).isNotEqualTo(DictionaryCache.key(List.of("a", "bc")));
        assertThat(DictionaryCache.key(List.of("ab"))).isNotEqualTo(DictionaryCache.key(List.of("ab", "")));
    }

    @Test
    void aFileForOtherPatternsUnderTheSameNameIsNotUsed() throws IOException {
        // The name is a checksum; the patterns inside the file decide. Simulate a collision.
        List<String> mine = List.of("机密", "alpha");
        List<String> other = List.of("秘密", "beta");
        DictionaryCache cache = new DictionaryCache(dir);
        cache.load(other);
        Path file = dir.resolve(DictionaryCache.key(mine) + ".bin");
        Files.copy(dir.resolve(DictionaryCache.key(other) + ".bin"), file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(cache.load(mine).toBytes()).isEqualTo(Automaton.build(mine).toBytes());
        assertThat(cache.load(mine).toBytes()).isEqualTo(Automaton.build(mine).toBytes());
        assertThat(Files.readAllBytes(file)).isNotEqualTo(Files.readAllBytes(dir.resolve(DictionaryCache.key(other) + ".bin")));
    }

    @Test
    void anUnwritableFolderFallsBackToBuilding() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        DictionaryCache cache = new DictionaryCache(notADir.resolve("dict"));
        assertThat(hits(cache.load(List.of("机密")), "机密")).hasSize(1);
    }

    @Test
    void concurrentRunsAgree() throws Exception {
        List<String> patterns = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            patterns.add(Integer.toString(r.nextInt(1_000_000), 36) + "机");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> new DictionaryCache(dir).load(patterns).toBytes()));
            }
            byte[] expected = Automaton.build(patterns).toBytes();
            for (Future<byte[]> f : runs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly(DictionaryCache.key(patterns) + ".bin");
        }
    }
}
