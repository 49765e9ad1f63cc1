package org.baomi.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyword list format of SPEC section 5 and docs/scan.md, and what is refused, by line. */
class KeywordListTest {
    @TempDir
    Path dir;

    private List<KeywordRule> read(byte[] content) throws IOException {
        Path f = dir.resolve("words.txt");
        Files.write(f, content);
        return new RuleSet().withKeywords(f).keywords();
    }

    private List<KeywordRule> read(String content) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void termsWeightsCategoriesAndComments() throws IOException {
        List<KeywordRule> k = read("\uFEFF# a comment line\n  # indented comment\n机密文件\r\n  绝密  \n"
                + "C# and F# stay\nterm # trailing comment\n核心技术\t5\t技术\n项目\t\tcat\n\n\t  \nlast\r");
        assertThat(k).containsExactly(
                new KeywordRule("机密文件", 1, null),
                new KeywordRule("绝密", 1, null),
                new KeywordRule("C# and F# stay", 1, null),
                new KeywordRule("term", 1, null),
                new KeywordRule("核心技术", 5, "技术"),
                new KeywordRule("项目", 1, "cat"),
                new KeywordRule("last", 1, null));
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsATerm() throws IOException {
        assertThat(read("a\uFFFDb\n")).containsExactly(new KeywordRule("a\uFFFDb", 1, null));
    }

    @Test
    void badInputIsRefusedNamingTheFileAndLine() {
        assertThatThrownBy(() -> read(new byte[] {'o', 'k', '\n', (byte) 0xE6, (byte) 0xB0, '\n'}))
                .isInstanceOf(RuleException.class).hasMessageEndingWith("words.txt: not UTF-8");
        assertThatThrownBy(() -> read("one\ntwo\tmany\n"))
                .isInstanceOf(RuleException.class).hasMessageEndingWith("words.txt line 2: weight 'many' is not a number");
        assertThatThrownBy(() -> read("one\n\n  \t3\n"))
                .isInstanceOf(RuleException.class).hasMessageEndingWith("words.txt line 3: empty term before a tab");
    }
}
