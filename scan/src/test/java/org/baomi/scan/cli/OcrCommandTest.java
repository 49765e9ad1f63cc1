package org.baomi.scan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.baomi.scan.extract.TesseractPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code baomi scan --ocr}: a scanned page found marked, in the output contract's shape. */
@ExtendWith(TesseractPresent.class)
class OcrCommandTest {
    @TempDir
    Path dir;

    @Test
    void aScannedPdfIsFoundMarkedWithOcrAndSkippedWithout() throws Exception {
        Path pdf = dir.resolve("扫描件.pdf");
        try (InputStream in = OcrCommandTest.class.getResourceAsStream("/org/baomi/scan/real/scanned-memo.pdf")) {
            Files.copy(in, pdf);
        }
        ScanCommandTest.Run with = ScanCommandTest.run("--ocr", "--format", "json", pdf.toString());
        assertThat(with.exit()).as(with.err()).isEqualTo(1);
        JsonNode json = ScanCommandTest.MAPPER.readTree(with.out());
        try (InputStream in = ScanCommand.class.getResourceAsStream("/org/baomi/scan/report/scan-output.schema.json")) {
            assertThat(com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(in).validate(json)).isEmpty();
        }
        JsonNode file = json.at("/files/0");
        assertThat(file.at("/status").asText()).isEqualTo("ok");
        assertThat(file.at("/findings/0/level").asText()).isEqualTo("机密");
        assertThat(file.at("/findings/0/location").asText()).isEqualTo("page 1 (OCR)");
        assertThat(file.at("/findings/0/confidence").asText()).isEqualTo("high");

        ScanCommandTest.Run without = ScanCommandTest.run("--format", "json", pdf.toString());
        assertThat(without.exit()).isZero();
        assertThat(ScanCommandTest.MAPPER.readTree(without.out()).at("/files/0/reason").asText())
                .endsWith("look at it or OCR it (baomi scan --ocr)");
    }

    @Test
    void aLanguageTesseractLacksIsNamedWithItsPackage() {
        ScanCommandTest.Run r = ScanCommandTest.run("--ocr", "--ocr-languages", "chi_sim+chi_tra_vert_x", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("baomi scan: --ocr-languages: tesseract has no chi_tra_vert_x")
                .contains("install tesseract-ocr-chi-tra-vert-x");
    }
}
