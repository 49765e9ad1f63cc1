package org.baomi.scan.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The automaton finds exactly what a naive search over the normalised text finds. */
class AutomatonProperties {
    // A small alphabet so that patterns overlap, share prefixes and fail often; includes
    // full-width, upper case, spaces, a zero-width space and a line break.
    private static final String ALPHABET = "ab机密秘★AＡ 1年\u200b\n";

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(200);
    }

    @Provide
    Arbitrary<List<String>> patternLists() {
        return Arbitraries.strings().withChars("ab机密秘★a1年 ".toCharArray()).ofMinLength(1).ofMaxLength(6)
                .list().ofMinSize(1).ofMaxSize(25);
    }

    record Hit(int key, long start, long end) {
    }

    @Property(tries = 400)
    void findsExactlyWhatNaiveSearchFinds(@ForAll("patternLists") List<String> patterns, @ForAll("texts") String text,
                                          @ForAll @IntRange(min = 1, max = 50) int chunk) {
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

    @Property(tries = 50)
    void largeRandomDictionariesAgreeWithNaiveSearch(@ForAll("texts") String text) {
        List<String> patterns = new ArrayList<>();
        java.util.Random r = new java.util.Random(text.hashCode());
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
