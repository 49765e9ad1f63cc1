package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.baomi.scan.extract.Ocr;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How OCR time counts (ADR 0117): each picture may take up to {@code --timeout} of its own, and the
 * time it takes is not counted against the file's, so a long scan is read to its last page while a
 * picture that hangs still ends the file as {@code timeout}. With a stand-in for Tesseract (a script
 * that answers after a set time), so that the times are known; no Tesseract is needed.
 */
class OcrTimeTest {
    private static final Limits ONE_SECOND = new Limits(5, 10L << 30, 4L << 30, 200, Duration.ofSeconds(1), 1000, 32L << 20);

    private static Ocr standIn(Path dir, String body) throws Exception {
        Path f = dir.resolve("tesseract");
        Files.writeString(f, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then printf 'List of available languages (2):\\nchi_sim\\neng\\n'; exit 0; fi\n"
                + body + "\n");
        assertThat(f.toFile().setExecutable(true)).isTrue();
        return Ocr.tesseract(f.toString(), Ocr.DEFAULT_LANGUAGES);
    }

    /**
     * A PDF of {@code pages} scanned pages (a grey picture each, large enough to be given to OCR, and
     * small, so that making it ready for OCR, which counts against the file's time, takes next to
     * nothing on a slow machine: a 600 × 800 picture enlarged to 2,500 pixels takes 0.3 s a page, and
     * six of them ended the file as {@code timeout} on a slower VM).
     */
    private static byte[] scannedPdf(int pages) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject picture = LosslessFactory.createFromImage(doc, new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY));
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(picture, 0, 0, 612, 792);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aScanOfManyPagesIsReadToItsLastPageWhateverItsTimeout(@TempDir Path dir) throws Exception {
        // Six pages of 0.4 s each: 2.4 s of OCR in a file with a one-second timeout.
        Ocr slow = standIn(dir, "cat > /dev/null; sleep 0.4; echo '机密★10年 第'");
        List<FileResult> got;
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), ONE_SECOND, 1, null, slow)) {
            got = engine.scan("scan.pdf", scannedPdf(6));
        }
        assertThat(got).hasSize(1);
        assertThat(got.get(0).status()).as(got.get(0).reason()).isEqualTo(FileStatus.OK);
        assertThat(got.get(0).findings()).extracting(Finding::location)
                .contains("page 1 (OCR)", "page 6 (OCR)");
    }

    @Test
    void aPictureThatHangsStillEndsTheFileOnTime(@TempDir Path dir) throws Exception {
        Ocr hung = standIn(dir, "cat > /dev/null; exec sleep 60");
        long started = System.nanoTime();
        List<FileResult> got;
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), ONE_SECOND, 1, null, hung)) {
            got = engine.scan("scan.pdf", scannedPdf(3));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(got.get(0).status()).isEqualTo(FileStatus.TIMEOUT);
        assertThat(got.get(0).reason()).isEqualTo("stopped: OCR of one picture took over 1 s");
    }
}
