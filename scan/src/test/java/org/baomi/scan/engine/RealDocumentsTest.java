package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents written by a real office suite (LibreOffice 7.4, see
 * {@code src/test/resources/org/baomi/scan/real/make.sh}), not by the tests' own writers:
 * the same memo marked in the body, the header, the footer, a comment or the title, saved as
 * doc, docx, odt, rtf and pdf; a marked sheet as xls, xlsx and ods; marked slides as ppt,
 * pptx, odp and pdf; and prose, a sheet and slides that mention 秘密, 机密, 绝密 and "secret"
 * without being marked. Every marked file is found with its level and where a person would
 * look; nothing clean is reported at the default threshold.
 */
class RealDocumentsTest {
    static Path dir;
    static final Map<String, FileResult> results = new ConcurrentHashMap<>();

    /** Source document -> the marking's level, and where it is per format (others: {@code default}). */
    static final Map<String, String[]> EXPECTED = Map.of(
            "marked-body", new String[] {"机密", "paragraph 1", "pdf", "page 1"},
            "marked-header", new String[] {"绝密", "header", "pdf", "page 1"},
            "marked-footer", new String[] {"秘密", "footer", "pdf", "page 1"},
            "marked-comment", new String[] {"机密", "comment"},
            "marked-title", new String[] {"秘密", "metadata"},
            "marked-english", new String[] {"SECRET", "paragraph 1", "pdf", "page 1"},
            "marked-sheet", new String[] {"绝密", "sheet 工资"},
            "marked-slides", new String[] {"TOP SECRET", "slide 2", "pdf", "page 2"});

    @BeforeAll
    static void scan() throws Exception {
        dir = Path.of(RealDocumentsTest.class.getResource("/org/baomi/scan/real").toURI());
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 2);
             Stream<Path> files = Files.list(dir)) {
            engine.scan(files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".sh")).toList(),
                    r -> results.put(Path.of(r.path()).getFileName().toString(), r));
        }
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }

    @Test
    void theFixturesAreAllThere() {
        assertThat(results.keySet().stream().filter(f -> f.startsWith("marked-"))).hasSize(36);
        assertThat(results.keySet().stream().filter(f -> f.startsWith("clean-"))).hasSize(12);
        assertThat(results.values()).allMatch(r -> r.status() == FileStatus.OK, "every file read");
    }

    @Test
    void everyMarkedDocumentIsFoundWithItsLevelAndWhereItIs() {
        List<String> missed = new ArrayList<>();
        results.forEach((file, r) -> {
            if (!file.startsWith("marked-")) {
                return;
            }
            String[] expect = EXPECTED.get(file.substring(0, file.lastIndexOf('.')));
            String where = expect.length > 2 && extension(file).equals(expect[2]) ? expect[3] : expect[1];
            boolean found = r.atLeast(Confidence.MEDIUM).findings().stream()
                    .anyMatch(f -> f.category() == Category.MARKING && f.level().equals(expect[0])
                            && f.location().startsWith(where));
            if (!found) {
                missed.add(file + " expected " + expect[0] + " @ " + where + ", got " + r.findings());
            }
        });
        assertThat(missed).isEmpty();
    }

    @Test
    void documentsThatOnlyTalkAboutSecrecyAreNotFlagged() {
        results.forEach((file, r) -> {
            if (file.startsWith("clean-")) {
                assertThat(r.atLeast(Confidence.MEDIUM).findings()).as(file).isEmpty();
            }
        });
        // They do mention the words: found, at low confidence, for whoever asks for everything.
        assertThat(results.get("clean-prose.docx").findings()).isNotEmpty()
                .allMatch(f -> f.confidence() == Confidence.LOW);
    }

    /** Fuzz: each real document damaged (bytes overwritten, or cut short) is still reported, never thrown. */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5})
    void damagedRealDocumentsAreReportedNotThrown(int seed) throws Exception {
        java.util.Random r = new java.util.Random(seed);
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 1);
             Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".sh")).sorted().toList()) {
                byte[] b = Files.readAllBytes(f);
                if (r.nextBoolean()) {
                    for (int i = 0, n = 1 + r.nextInt(30); i < n; i++) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                } else {
                    b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                }
                List<FileResult> all = engine.scan(f.getFileName().toString(), b);
                assertThat(all).as(f.getFileName().toString()).isNotEmpty();
                assertThat(all.get(all.size() - 1).status()).as(f.getFileName().toString()).isNotNull();
            }
        }
    }

    @Test
    void aMarkingAtTheTopOrInAHeaderIsHighConfidence() {
        for (String f : List.of("marked-body.doc", "marked-body.docx", "marked-body.rtf", "marked-header.doc",
                "marked-header.odt", "marked-header.rtf", "marked-header.pdf", "marked-slides.pptx")) {
            assertThat(results.get(f).findings()).as(f).anyMatch(x -> x.confidence() == Confidence.HIGH);
        }
    }
}
