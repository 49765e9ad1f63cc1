package org.baomi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every feature appends its own block to the stylesheets; a block left open (by an edit or a merge)
 * silently swallows every rule after it — the printed destruction record once lost its form that
 * way. This test names the file and the line where the nesting goes wrong.
 */
class StylesheetTest {

    static final Path CSS = Path.of("src/main/resources/static/css");

    @Test
    void everyRuleBlockInTheStylesheetsIsClosed() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(CSS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".css")).toList()) {
                check(file, Files.readString(file, StandardCharsets.UTF_8), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    static void check(Path file, String css, List<String> problems) {
        int depth = 0;
        int line = 1;
        int openedAt = 0;
        boolean comment = false;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\n') {
                line++;
            } else if (comment) {
                if (c == '*' && i + 1 < css.length() && css.charAt(i + 1) == '/') {
                    comment = false;
                    i++;
                }
            } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                comment = true;
                i++;
            } else if (c == '{') {
                if (depth == 0) {
                    openedAt = line;
                }
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth < 0) {
                    problems.add(file.getFileName() + " line " + line + ": '}' closes nothing");
                    depth = 0;
                }
            }
        }
        if (comment) {
            problems.add(file.getFileName() + ": a comment is never closed");
        }
        if (depth != 0) {
            problems.add(file.getFileName() + ": the block opened at line " + openedAt + " is never closed");
        }
    }

    @Test
    void theCheckFindsABlockLeftOpen() {
        List<String> problems = new ArrayList<>();
        check(Path.of("x.css"), "a { b: c; }\n@media print {\n  .d { e: f; }\n", problems);
        assertThat(problems).containsExactly("x.css: the block opened at line 2 is never closed");
    }
}
