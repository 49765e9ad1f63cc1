package org.baomi.scan.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: the automaton finds exactly what a naive search over the normalised text finds.
 * Each seed generates one dictionary and one text (seeded JUnit generation; see ADR 0006).
 */
class AutomatonPropertyTest {
    // A small alphabet so that patterns overlap, share prefixes and fail often; includes
    // full-width, upper case, spaces, a zero-width space and a line break.
    private static final String ALPHABET = "ab机密秘★AＡ 1年\u200b\n";

    static String text(Random r) {
        int n = r.nextInt(201);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static List<String> patternList(Random r) {
        String chars = "ab机密秘★a1年 ";
        List<String> patterns = new ArrayList<>();
        for (int k = 0, n = 1 + r.nextInt(25); k < n; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, len = 1 + r.nextInt(6); i < len; i++) {
                sb.append(chars.charAt(r.nextInt(chars.length())));
            }
            patterns.add(sb.toString());
        }
        return patterns;
    }

    static LongStream seeds(int n) {
        return LongStream.range(0, n);
    }

    static LongStream fourHundredSeeds() {
        return seeds(400);
    }

    static LongStream fiftySeeds() {
        return seeds(50);
    }

    record Hit(int key, long start, long end) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fourHundredSeeds")
    void findsExactlyWhatNaiveSearchFinds(long seed) {
        Random random = new Random(seed);
        List<String> patterns = patternList(random);
        String text = text(random);
        int chunk = 1 + random.nextInt(50);
        Automaton a = Automaton.build(patterns);
        Set<Hit> got = new HashSet<>();
        Automaton.Cursor c = a.cursor();
        char[] chars = text.toCharArray();
        // Fed in chunks to exercise state carried across chunk boundaries.
        for (int from = 0; from < chars.length; from += chunk) {
            c.feed(chars, from, Math.min(chars.length, from + chunk), from, (k, s, e) -> {
                got.add(new Hit(k, s, e));
                for (int d : a.duplicatesOf(k)) {
                    got.add(new Hit(d, s, e));
                }
            });
        }
        assertThat(got).isEqualTo(naive(patterns, text));
    }

    private static Set<Hit> naive(List<String> patterns, String text) {
        Normalizer.Normalized norm = Normalizer.normalize(text);
        String t = norm.text();
        Set<Hit> hits = new HashSet<>();
        for (int k = 0; k < patterns.size(); k++) {
            String p = Normalizer.normalize(patterns.get(k)).text();
            if (p.isEmpty()) {
                continue;
            }
            for (int i = t.indexOf(p); i >= 0; i = t.indexOf(p, i + 1)) {
                hits.add(new Hit(k, norm.originOf(i), norm.originOf(i + p.length() - 1) + 1));
            }
        }
        return hits;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fiftySeeds")
    void largeRandomDictionariesAgreeWithNaiveSearch(long seed) {
        Random r = new Random(seed);
        String text = text(r);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(4);
            for (int j = 0; j < len; j++) {
                sb.append("ab机密秘★a1年".charAt(r.nextInt(9)));
            }
            patterns.add(sb.toString());
        }
        Automaton a = Automaton.build(patterns);
        Set<Hit> got = new HashSet<>();
        a.match(text, (k, s, e) -> {
            got.add(new Hit(k, s, e));
            for (int d : a.duplicatesOf(k)) {
                got.add(new Hit(d, s, e));
            }
        });
        assertThat(got).isEqualTo(naive(patterns, text));
    }
}
