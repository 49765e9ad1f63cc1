package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain text is read in chunks; a finding whose match crosses a chunk edge must look
 * exactly as if the file had been read in one piece: whole text, original offset, line,
 * context from both sides, confidence, and reported once. Chunks are made tiny here so
 * that the edges fall inside and around every needle at every alignment.
 */
class ChunkEdgeTest {
    /** Filler: CJK prose that forms no marking, keyword or pattern (no 机密秘绝内部局后★, no digits). */
    private static final String FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到地于出就分对成会可主发年动同也能下过子说产种面而方多定"
            + "行学法所民得经十三之进着等度家电力里如水化高自二理起小物现实加量都两体制当使点从业本去把性好应开它合还因由其些然前外天政四日那社义";
    private static final String MARKING = "机密★10年";
    private static final String KEYWORD = "局局局局";
    private static final String NUMBER = "12345678";
    private static final Limits LIMITS = Limits.defaults();

    @TempDir
    static Path dir;
    private static CompiledRules rules;

    @BeforeAll
    static void rules() throws Exception {
        Path words = Files.writeString(dir.resolve("words.txt"), KEYWORD + "\n");
        Path pack = Files.writeString(dir.resolve("rules.yaml"), """
                patterns:
                  - rule: pattern.code
                    regex: '(?<![0-9])[0-9]{8}(?![0-9])'
                    confidence: medium
                """);
        rules = new CompiledRules(new RuleSet().withBuiltInMarkings().withKeywords(words).withRulePack(pack));
    }

    /** One needle, placed so that it starts {@code k} units before the first chunk edge. */
    record Case(String encoding, String needle, boolean ownLine, int k) {
        @Override
        public String toString() {
            return encoding + " " + needle + (ownLine ? " (own line)" : "") + " edge-" + k;
        }
    }

    static Stream<Case> everyAlignment() {
        List<Case> cases = new ArrayList<>();
        for (String enc : List.of("UTF-8", "GBK")) {
            for (String needle : List.of(MARKING, KEYWORD, NUMBER, "TOP SECRET")) {
                for (boolean ownLine : List.of(false, true)) {
                    int units = enc.equals("UTF-8") ? needle.getBytes(StandardCharsets.UTF_8).length : needle.length();
                    for (int k = 0; k <= units; k++) {
                        cases.add(new Case(enc, needle, ownLine, k));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAlignment")
    void aNeedleAcrossAnEdgeIsReportedWholeOnceAndAsInOnePiece(Case c) throws Exception {
        Charset cs = Charset.forName(c.encoding());
        boolean utf8 = cs.equals(StandardCharsets.UTF_8);
        int chunk = 200 + c.needle().length(); // bytes for UTF-8, chars otherwise
        Random r = new Random(c.toString().hashCode());
        // Seven lines of filler, so the needle is below the top-of-first-page lines, padded
        // with ASCII 'x' so that the needle starts exactly k units before the edge.
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line < 7; line++) {
            sb.append(filler(r, 4 + r.nextInt(4))).append('\n');
        }
        int target = chunk - c.k();
        while (units(sb, utf8) < target - (c.ownLine() ? 1 : 0)) {
            sb.append(units(sb, utf8) + 3 <= target - 2 ? FILLER.charAt(r.nextInt(FILLER.length())) : 'x');
        }
        if (c.ownLine()) {
            sb.append('\n');
        }
        assertThat(units(sb, utf8)).isEqualTo(target);
        int offset = sb.length();
        long line = sb.chars().filter(ch -> ch == '\n').count() + 1;
        sb.append(c.needle());
        sb.append(c.ownLine() ? "\n" : "").append(filler(r, 300)).append('\n').append(filler(r, 50));
        String text = sb.toString();

        List<Finding> chunked = scan(text, cs, chunk);
        List<Finding> whole = scan(text, cs, Integer.MAX_VALUE);

        assertThat(chunked).isEqualTo(whole);
        List<Finding> hits = chunked.stream().filter(f -> f.offset() == offset).toList();
        assertThat(hits).hasSize(1);
        Finding f = hits.get(0);
        assertThat(f.text()).isEqualTo(c.needle());
        assertThat(f.location()).isEqualTo("line " + line);
        assertThat(text.substring(offset, offset + c.needle().length())).isEqualTo(c.needle());
        assertThat(f.context()).contains(c.needle());
        if (!c.ownLine()) {
            // Context from both sides of the edge: the prose before and after the needle.
            assertThat(f.context()).startsWith(text.substring(offset - 30, offset).strip().replace('\n', ' '));
        }
        assertThat(chunked).hasSize(1);
        if (c.needle().equals(MARKING)) {
            // Strong form inside prose is medium; alone on its line, high.
            assertThat(f.confidence()).isEqualTo(c.ownLine() ? Confidence.HIGH : Confidence.MEDIUM);
        }
    }

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> Arguments.of(1000L + i, i % 2 == 0 ? "UTF-8" : "GBK"));
    }

    /**
     * Random documents with many needles, read with random small chunks: findings equal to
     * a read in one piece, and every needle found once with its text, offset and line.
     */
    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("seeds")
    void manyEdgesGiveTheSameFindingsAsOnePiece(long seed, String encoding) throws Exception {
        Random r = new Random(seed);
        Charset cs = Charset.forName(encoding);
        List<String> needles = List.of(MARKING, KEYWORD, NUMBER, "TOP SECRET", "秘密★启用前", "内部资料");
        StringBuilder sb = new StringBuilder();
        List<int[]> placed = new ArrayList<>(); // offset, needle index, line
        long lines = 1;
        for (int i = 0; i < 60; i++) {
            String gap = filler(r, r.nextInt(40));
            if (r.nextInt(3) == 0) {
                gap += "\n";
            }
            sb.append(gap);
            lines += gap.chars().filter(ch -> ch == '\n').count();
            int n = r.nextInt(needles.size());
            placed.add(new int[] {sb.length(), n, (int) lines});
            sb.append(needles.get(n));
            sb.append(r.nextBoolean() ? "。" : "\n");
            if (sb.charAt(sb.length() - 1) == '\n') {
                lines++;
            }
        }
        String text = sb.toString();
        List<Finding> whole = scan(text, cs, Integer.MAX_VALUE);
        for (int round = 0; round < 5; round++) {
            int chunk = 8 + r.nextInt(120);
            List<Finding> chunked = scan(text, cs, chunk);
            assertThat(chunked).as("chunk %d", chunk).isEqualTo(whole);
        }
        if (cs.equals(StandardCharsets.UTF_8)) {
            for (int parts = 2; parts <= 5; parts++) {
                int chunk = 8 + r.nextInt(120);
                // Sections list their findings section by section: same findings, another order.
                assertThat(sections(text, parts, chunk)).as("%d sections, chunk %d", parts, chunk)
                        .containsExactlyInAnyOrderElementsOf(whole);
            }
        }
        for (int[] p : placed) {
            String needle = needles.get(p[1]);
            List<Finding> at = whole.stream().filter(f -> f.offset() == p[0]).toList();
            assertThat(at).as("%s at %d", needle, p[0]).hasSize(1);
            assertThat(at.get(0).text()).isEqualTo(needle);
            assertThat(at.get(0).location()).isEqualTo("line " + p[2]);
        }
        assertThat(whole).hasSize(placed.size());
    }

    @Test
    void theTopOfTheFirstPageRuleHoldsAcrossEdges() throws Exception {
        String text = "关于某事的通知\n编号\n正文中有机密★10年的字样，其后还有很多文字。\n" + filler(new Random(7), 400) + "\n\n\n再次出现机密★10年的字样。\n";
        List<Finding> whole = scan(text, StandardCharsets.UTF_8, Integer.MAX_VALUE);
        assertThat(whole).extracting(Finding::confidence).containsExactly(Confidence.HIGH, Confidence.MEDIUM);
        for (int chunk = 4; chunk < 80; chunk++) {
            assertThat(scan(text, StandardCharsets.UTF_8, chunk)).as("chunk %d", chunk).isEqualTo(whole);
            assertThat(scan(text, Charset.forName("GBK"), chunk)).as("GBK chunk %d", chunk).isEqualTo(whole);
        }
    }

    /**
     * A large UTF-8 file is cut into sections read in parallel; a cut is an edge too.
     * Trailing padding moves the cut (at half the file) across the needles byte by byte.
     */
    @Test
    void aCutBetweenSectionsIsAnEdgeToo() throws Exception {
        Random r = new Random(42);
        StringBuilder head = new StringBuilder();
        for (int line = 0; line < 12; line++) {
            head.append(filler(r, 20)).append('\n');
        }
        String middle = "TOP SECRET//NOFORN\n" + filler(r, 3) + MARKING + filler(r, 2) + KEYWORD + "，编号" + NUMBER
                + "。\nSECRET\n";
        String tail = filler(r, 10) + "\n";
        int h = head.toString().getBytes(StandardCharsets.UTF_8).length;
        int m = middle.getBytes(StandardCharsets.UTF_8).length;
        int t = tail.getBytes(StandardCharsets.UTF_8).length;
        for (int j = 0; j <= 2 * m; j++) {
            // The cut, at half the file, falls j/2 bytes into the middle part.
            String text = head + middle + tail + "x".repeat(h - m - t + j);
            List<Finding> whole = scan(text, StandardCharsets.UTF_8, Integer.MAX_VALUE);
            assertThat(whole).extracting(Finding::text)
                    .containsExactlyInAnyOrder("TOP SECRET//NOFORN", MARKING, KEYWORD, NUMBER, "SECRET");
            for (int chunk : List.of(16, 64, 1 << 20)) {
                assertThat(sections(text, 2, chunk)).as("padding %d, chunk %d", j, chunk)
                        .containsExactlyInAnyOrderElementsOf(whole);
            }
        }
    }

    /**
     * {@code --max-findings} holds for the whole file, and the report is the same however many
     * sections read it: the first findings of each category in file order, markings first (before,
     * each of two sections listed up to the limit, so a large file listed twice as many as a small
     * one and its report depended on {@code --threads}).
     */
    @Test
    void theLimitOnFindingsIsTheWholeFilesAndTheReportDoesNotDependOnSections() throws Exception {
        Random r = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 400; line++) {
            text.append(filler(r, 8)).append(line % 3 == 0 ? MARKING : "").append(filler(r, 4)).append(KEYWORD)
                    .append("，编号").append(10000000 + line).append("。\n");
        }
        Limits few = new Limits(5, 10L << 30, 4L << 30, 200, Duration.ofSeconds(60), 50, 32L << 20);
        List<Finding> whole = sections(text.toString(), 1, 1 << 20, few);
        assertThat(whole.stream().filter(f -> f.category() == Category.KEYWORD)).hasSize(50);
        assertThat(whole.stream().filter(f -> f.category() == Category.MARKING)).hasSize(50);
        assertThat(whole.stream().filter(f -> f.category() == Category.PATTERN)).hasSize(50);
        for (int parts : List.of(2, 3, 7)) {
            assertThat(sections(text.toString(), parts, 4096, few)).as("%d sections", parts).containsExactlyElementsOf(whole);
        }
    }

    /** Scans {@code text} as a UTF-8 file read in {@code parts} sections in parallel. */
    private static List<Finding> sections(String text, int parts, int chunk) throws Exception {
        return sections(text, parts, chunk, LIMITS);
    }

    private static List<Finding> sections(String text, int parts, int chunk, Limits limits) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(Files.createTempFile(dir, "sections", ".txt"), bytes);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parts);
        try {
            return TextReader.utf8File(file, bytes.length, rules, limits, pool, parts,
                    new Deadline(Duration.ofSeconds(60)), () -> { }, chunk, parts == 1 ? Long.MAX_VALUE : 0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int units(CharSequence s, boolean utf8) {
        return utf8 ? s.toString().getBytes(StandardCharsets.UTF_8).length : s.length();
    }

    private static String filler(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(FILLER.charAt(r.nextInt(FILLER.length())));
        }
        return sb.toString();
    }

    /** Scans {@code text} as a plain-text file in {@code cs}, {@code chunk} bytes (UTF-8) or chars at a time. */
    private static List<Finding> scan(String text, Charset cs, int chunk) throws Exception {
        byte[] bytes = text.getBytes(cs);
        Deadline deadline = new Deadline(Duration.ofSeconds(60));
        if (cs.equals(StandardCharsets.UTF_8)) {
            Path file = Files.write(Files.createTempFile(dir, "edge", ".txt"), bytes);
            return TextReader.utf8File(file, bytes.length, rules, LIMITS, null, 1, deadline, () -> { },
                    (int) Math.min(chunk, bytes.length + 16L), Long.MAX_VALUE);
        }
        FileAnalysis a = new FileAnalysis(rules, LIMITS.maxFindings());
        TextReader.read(new ByteArrayInputStream(bytes), cs, a, deadline, (int) Math.min(chunk, bytes.length + 16L));
        return a.findings(0);
    }
}
