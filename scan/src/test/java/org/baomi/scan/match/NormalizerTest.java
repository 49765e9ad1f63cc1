package org.baomi.scan.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    @Test
    void shippedTableEqualsTheOneComputedFromTheJdk() throws Exception {
        try (InputStream in = Normalizer.class.getResourceAsStream("normalizer.bin")) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Normalizer.computeTable());
        }
    }

    /** What the class loaded from the resource is the computed table, entry for entry. */
    @Test
    void loadedTablesAreTheComputedOnes() {
        byte[] t = Normalizer.computeTable();
        for (int i = 0; i < 65536; i++) {
            char fold = (char) (((t[2 * i] & 0xFF) << 8) | (t[2 * i + 1] & 0xFF));
            assertThat(Normalizer.fold((char) i)).as("fold of U+%04X", i).isEqualTo(fold);
            assertThat(Normalizer.kind((char) i)).as("kind of U+%04X", i).isEqualTo(t[2 * 65536 + i]);
        }
    }

    @Test
    void evasionsNormaliseToTheMarking() {
        assertThat(Normalizer.normalize("秘 密★1年").text()).isEqualTo("秘密★1年");
        assertThat(Normalizer.normalize("机\u200b密").text()).isEqualTo("机密");
        assertThat(Normalizer.normalize("ＳＥＣＲＥＴ").text()).isEqualTo("secret");
        assertThat(Normalizer.normalize("机密☆10 年").text()).isEqualTo("机密★10年");
        assertThat(Normalizer.normalize("TOP   SECRET").text()).isEqualTo("top secret");
        assertThat(Normalizer.normalize("秘\n密").text()).isEqualTo("秘密");
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "前言 机\u200b密 ★ 10年";
        List<long[]> hits = new ArrayList<>();
        Automaton.build(List.of("机密★10年")).match(text, (k, s, e) -> hits.add(new long[] {s, e}));
        assertThat(hits).hasSize(1);
        assertThat(text.substring((int) hits.get(0)[0], (int) hits.get(0)[1])).isEqualTo("机\u200b密 ★ 10年");
    }

    @Test
    void latinWordsKeepTheirSpaces() {
        List<Integer> hits = new ArrayList<>();
        Automaton.build(List.of("topsecret", "top secret")).match("TOP SECRET", (k, s, e) -> hits.add(k));
        assertThat(hits).containsExactly(1);
    }
}
