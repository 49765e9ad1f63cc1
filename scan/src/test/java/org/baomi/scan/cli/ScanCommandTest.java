package org.baomi.scan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of SPEC section 5: formats, exit codes, messages, schema. */
class ScanCommandTest {
    @TempDir
    static Path dir;
    static JsonSchema schema;
    static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ScanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/marked.txt"), "机密★10年\n关于工作的通知\n身份证 11010519491231002X 联系");
        Files.writeString(dir.resolve("docs/clean.txt"), "今天天气很好。");
        Files.writeString(dir.resolve("words.txt"), "# comment\n工作\t3\t业务\n天气 # trailing comment\n");
        Files.writeString(dir.resolve("rules.yaml"), """
                patterns:
                  - rule: pattern.cn-resident-id
                    regex: '\\d{17}[\\dXx]'
                    checksum: cn-resident-id
                    confidence: high
                """);
        try (InputStream in = ScanCommand.class.getResourceAsStream("/org/baomi/scan/report/scan-output.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void jsonOutputMatchesTheSchemaAndExitIsOneOnFindings() throws Exception {
        Run r = run("--format", "json", "--keywords", dir.resolve("words.txt").toString(), "--rules",
                dir.resolve("rules.yaml").toString(), dir.resolve("docs").toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = MAPPER.readTree(r.out());
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors).isEmpty();
        assertThat(json.at("/summary/files").asInt()).isEqualTo(2);
        assertThat(r.out()).contains("\"rule\":\"marking.cn\"", "\"level\":\"机密\"", "\"rule\":\"keyword.业务\"",
                "\"rule\":\"pattern.cn-resident-id\"", "\"text\":\"11010519491231002X\"");
    }

    @Test
    void jsonlWritesOneValidFileObjectPerLine() throws Exception {
        Run r = run("--format", "jsonl", dir.resolve("docs").toString());
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            // Each line is a file object: validate it in its place in a whole document.
            JsonNode doc = MAPPER.readTree("{\"tool\":\"baomi\",\"version\":\"t\",\"files\":[" + line
                    + "],\"summary\":{\"files\":1,\"bytes\":0,\"findings\":0,\"elapsedMs\":0}}");
            assertThat(schema.validate(doc)).as(line).isEmpty();
        }
    }

    @Test
    void exitIsZeroWhenNothingReachesTheThreshold() {
        assertThat(run("--format", "csv", dir.resolve("docs/clean.txt").toString()).exit()).isZero();
        assertThat(run("--min-confidence", "high", "--format", "csv", dir.resolve("docs/clean.txt").toString()).exit()).isZero();
    }

    @Test
    void badOptionsNameTheOptionAndExitTwoWithoutAStackTrace() {
        Run r = run("--format", "xml", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--format").doesNotContain("Exception", "\tat ");
        r = run("--min-confidence", "very", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--min-confidence").doesNotContain("\tat ");
        r = run("--threads", "0", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--threads");
        r = run(dir.resolve("no-such-dir").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-dir");
        r = run("--keywords", dir.resolve("missing.txt").toString(), dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--keywords");
    }

    @Test
    void badRulePackNamesTheFileAndField() throws Exception {
        Path bad = dir.resolve("bad-rules.yaml");
        Files.writeString(bad, "patterns:\n  - rule: x\n    regex: '('\n");
        Run r = run("--rules", bad.toString(), dir.resolve("docs/clean.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad-rules.yaml", "patterns[0].regex");
        Files.delete(bad);
    }

    @Test
    void outputFileHtmlAndTableFormats() throws Exception {
        Path out = dir.resolve("report/out.html");
        Files.createDirectories(out.getParent());
        assertThat(run("--format", "html", "-o", out.toString(), dir.resolve("docs/marked.txt").toString()).exit()).isEqualTo(1);
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("机密★10年");
        Run t = run(dir.resolve("docs/marked.txt").toString());
        assertThat(t.out()).contains("marked.txt", "机密★10年", "1 files");
        Files.delete(out);
        Files.delete(out.getParent());
    }

    @Test
    void theTableSummaryCountsTheFilesItCouldNotRead() throws Exception {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(mixed.resolve("fine.txt"), "机密★10年\n通知");
        Files.write(mixed.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII));
        Files.write(mixed.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Run r = run(mixed.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("broken.pdf  [unreadable: ").contains("broken.docx  [unreadable: ")
                .contains("3 files (not read: 2 unreadable; see the lines in brackets above), ");
        assertThat(run(dir.resolve("docs").toString()).out()).contains("\n2 files, ").doesNotContain("not read");
        assertThat(run("--format", "html", mixed.toString()).out()).contains("<p>3 files (not read: 2 unreadable), ");
    }

    /**
     * A folder whose name holds a marking is an entry of its own that matches the schema, is not
     * counted as a file, and is left out when its findings are below --min-confidence (docs/adr/0126).
     */
    @Test
    void aMarkedFolderIsAnEntryOfItsOwnAboveTheThreshold() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(Files.createDirectories(tree.resolve("机密★10年")).resolve("a.txt"), "通知");
        Files.writeString(Files.createDirectories(tree.resolve("（绝密）往来")).resolve("b.txt"), "通知");
        Run r = run("--format", "jsonl", tree.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4).filteredOn(l -> l.contains("\"inode/directory\"")).hasSize(2)
                .anyMatch(l -> l.contains("机密★10年/\"") && l.contains("\"location\":\"folder name\""));
        for (String line : lines) {
            JsonNode doc = MAPPER.readTree("{\"tool\":\"baomi\",\"version\":\"t\",\"files\":[" + line
                    + "],\"summary\":{\"files\":1,\"bytes\":0,\"findings\":0,\"elapsedMs\":0}}");
            assertThat(schema.validate(doc)).as(line).isEmpty();
        }
        Run high = run("--min-confidence", "high", tree.toString());
        assertThat(high.out()).contains("机密★10年/\n", "folder name").doesNotContain("往来/", "a.txt")
                .contains("\n2 files, ");
    }

    @Test
    void aFileReadInPartIsShownWithWhatWasNotRead() throws Exception {
        Path mixed = Files.createDirectories(dir.resolve("partly"));
        Files.writeString(mixed.resolve("fine.txt"), "通知");
        try (java.io.InputStream in = ScanCommandTest.class.getResourceAsStream("/org/baomi/scan/real/scanned-partly.pdf")) {
            Files.copy(in, mixed.resolve("memo.pdf"));
        }
        Run r = run(mixed.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("memo.pdf  [partly read: page 2 of 3 holds only pictures")
                .contains("2 files (partly read: 1; see the lines in brackets above), ").doesNotContain("fine.txt");
        assertThat(run("--format", "html", mixed.toString()).out()).contains("partly read: page 2 of 3")
                .contains("<p>2 files (partly read: 1), ");
        assertThat(run("--format", "jsonl", mixed.toString()).out())
                .contains("\"status\":\"ok\",\"reason\":\"page 2 of 3 holds only pictures");
    }

    /** A picture file is not read without OCR, and the report says how to read it. */
    @Test
    void aPictureIsSkippedWithoutOcrAndTheReasonSaysHow() throws Exception {
        Path png = dir.resolve("photo.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                png.toFile());
        Run r = run("--format", "jsonl", png.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"mediaType\":\"image/png\"", "\"status\":\"skipped\"",
                "\"reason\":\"a picture: its words are read only by OCR (baomi scan --ocr)\"");
    }

    /** --ocr-languages is checked before anything runs: exit 2, the option named, nothing scanned. */
    @Test
    void badOcrLanguagesNameTheOption() {
        Run r = run("--ocr", "--ocr-languages", "chi_sim;eng", dir.resolve("docs").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("baomi scan: --ocr-languages: 'chi_sim;eng' is not a list of Tesseract languages");
    }

    @org.junit.jupiter.api.Test
    void theCommandSwitchesLibraryLoggingOffButAnExplicitSettingWins() {
        String before = System.getProperty("slf4j.internal.verbosity");
        String level = System.getProperty("log4j2.simplelogLevel");
        try {
            System.setProperty("slf4j.internal.verbosity", "WARN");
            System.clearProperty("log4j2.simplelogLevel");
            ScanCommand.quietLibraries();
            org.assertj.core.api.Assertions.assertThat(System.getProperty("log4j2.simplelogLevel")).isEqualTo("OFF");
            org.assertj.core.api.Assertions.assertThat(System.getProperty("slf4j.internal.verbosity")).isEqualTo("WARN");
        } finally {
            restore("slf4j.internal.verbosity", before);
            restore("log4j2.simplelogLevel", level);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
