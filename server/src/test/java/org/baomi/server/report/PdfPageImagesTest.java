package org.baomi.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Turns the generated PDF into page images with poppler's pdftoppm, an independent renderer, and
 * checks that every page is there and that the text was drawn (a missing glyph mapping shows as
 * blank pages). The images stay in target/report-pages for a person to look at.
 */
class PdfPageImagesTest {

    @Test
    void pdftoppmDrawsEveryPageWithTextOnIt() throws IOException, InterruptedException {
        assumeTrue(onPath("pdftoppm"), "pdftoppm (Debian package poppler-utils) is not installed: page images not checked");
        Path dir = Path.of("target", "report-pages");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path pdf = dir.resolve("self-inspection.pdf");
        Files.write(pdf, new PdfRenderer().render(
                SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.of(SampleReports.MARKING))));

        Process p = new ProcessBuilder("pdftoppm", "-r", "60", "-png", pdf.toString(), dir.resolve("page").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();

        File[] pages = dir.toFile().listFiles((d, name) -> name.startsWith("page") && name.endsWith(".png"));
        assertThat(pages).hasSize(PdfRendererTest.SAMPLE_PAGES);
        for (File page : pages) {
            assertThat(inkRatio(ImageIO.read(page), 0, 0, 1, 1)).as(page.getName()).isBetween(0.001, 0.4);
        }
        BufferedImage first = ImageIO.read(dir.resolve("page-1.png").toFile());
        assertThat(inkRatio(first, 0, 0, 1, 1)).as("a full page of text").isGreaterThan(0.02);
        // The marking: ink in the top-left corner of page one, inside the margins.
        assertThat(inkRatio(first, 0.12, 0.12, 0.35, 0.19)).isGreaterThan(0.02);
        // ...and none in the top-right corner.
        assertThat(inkRatio(first, 0.6, 0.12, 0.85, 0.16)).isZero();
    }

    @Test
    void theEnglishReportAndTheSummaryAreDrawnToo() throws IOException, InterruptedException {
        assumeTrue(onPath("pdftoppm"), "pdftoppm (Debian package poppler-utils) is not installed: page images not checked");
        Path dir = Files.createDirectories(Path.of("target", "report-pages-more"));
        Path english = dir.resolve("self-inspection-en.pdf");
        Path summary = dir.resolve("summary.pdf");
        Files.write(english, new PdfRenderer().render(SampleReports.selfInspection(Locale.ENGLISH, Optional.empty())));
        Files.write(summary, new PdfRenderer().render(SampleReports.summary(Locale.SIMPLIFIED_CHINESE)));
        // The Word file of the same report, kept beside the images for a person to open.
        Files.write(dir.resolve("self-inspection.docx"), new DocxRenderer().render(
                SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.of(SampleReports.MARKING))));
        for (Path pdf : new Path[] {english, summary}) {
            String prefix = pdf.getFileName().toString().replace(".pdf", "");
            Process p = new ProcessBuilder("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf.toString(),
                    dir.resolve(prefix).toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            File[] pages = dir.toFile().listFiles((d, name) -> name.startsWith(prefix + "-") && name.endsWith(".png"));
            assertThat(pages).hasSize(1);
            assertThat(inkRatio(ImageIO.read(pages[0]), 0, 0, 1, 1)).as(prefix).isBetween(0.01, 0.4);
        }
    }

    private static double inkRatio(BufferedImage image, double x0, double y0, double x1, double y1) {
        return PageImages.inkRatio(image, x0, y0, x1, y1);
    }

    private static boolean onPath(String command) {
        return PageImages.onPath(command);
    }
}
