package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class over Apache Tika's test documents — real files written by the programs that write
 * them, published in Tika's modules' test jars and unpacked by the build (scan/pom.xml;
 * {@code BAOMI_TIKA_DOCUMENTS} points elsewhere) — scanned by one engine of its own with the
 * built-in markings and the class's keywords (words of the samples, to show their text was read).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TikaSamplesTest {
    /** The folder of the unpacked modules ({@code microsoft/test-documents}, {@code pkg/test-documents}, …). */
    Path root;
    Engine engine;

    /** Words of the samples the class looks for, beside the markings. */
    abstract List<String> keywords();

    /** The limits the class scans within: depth 3, a member's ratio up to 200. */
    Limits limits() {
        return new Limits(3, 50L << 20, 1L << 30, 200, Duration.ofSeconds(60), 100, 8L << 20);
    }

    @BeforeAll
    void open() throws IOException {
        String unpacked = System.getenv("BAOMI_TIKA_DOCUMENTS");
        root = Path.of(unpacked != null ? unpacked : "target/tika");
        assertThat(root.resolve("microsoft/test-documents")).as("Tika's test documents, unpacked by the build").isDirectory();
        Path words = Files.createTempFile("tika-", ".txt");
        Files.writeString(words, String.join("\n", keywords()) + "\n", StandardCharsets.UTF_8);
        engine = new Engine(new RuleSet().withBuiltInMarkings().withKeywords(words), limits(), 1);
        Files.delete(words);
    }

    @AfterAll
    void close() {
        engine.close();
    }

    /** A sample's bytes: {@code module}'s test document {@code name}. */
    byte[] sample(String module, String name) throws IOException {
        return Files.readAllBytes(root.resolve(module).resolve("test-documents").resolve(name));
    }
}
