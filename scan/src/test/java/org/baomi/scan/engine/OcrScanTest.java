package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.baomi.scan.extract.Ocr;
import org.baomi.scan.extract.TesseractPresent;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ocr} (docs/adr/0117) on the real scans of RealDocumentsTest — the marked memo scanned
 * (PDF of a page image), a scanned page between typed ones, the scan pasted into a memo (doc, docx,
 * odt, uot, its PDF) and onto a slide (pptx, odp, uop, its PDF), the memo's PDF with its text
 * converted to curves — and on the scan saved as picture files (PNG, JPEG, TIFF, BMP, GIF; a
 * two-page TIFF as a fax is), the scan as a scanner's OFD and behind a typed OFD page, and the scan
 * turned upside down and sideways: each is found marked 机密 at the top of its first page, high,
 * where without OCR each was {@code skipped} or read in part.
 */
@ExtendWith(TesseractPresent.class)
class OcrScanTest {
    static Path real;
    static final Map<String, FileResult> results = new ConcurrentHashMap<>();
    static BufferedImage scan;

    @BeforeAll
    static void scanWithOcr() throws Exception {
        real = Path.of(OcrScanTest.class.getResource("/org/baomi/scan/real").toURI());
        List<Path> files;
        try (var list = Files.list(real)) {
            files = list.filter(f -> f.getFileName().toString().matches("(scanned|outlined)-.*|clean-charts\\.pdf")).toList();
        }
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 2, null, TesseractPresent.ocr())) {
            engine.scan(files, r -> results.put(Path.of(r.path()).getFileName().toString(), r));
        }
        // The page image of the scanned memo, as a scanner writes it to a picture file.
        try (PDDocument doc = Loader.loadPDF(real.resolve("scanned-memo.pdf").toFile())) {
            PDResources res = doc.getPage(0).getResources();
            for (COSName n : res.getXObjectNames()) {
                if (res.getXObject(n) instanceof PDImageXObject image) {
                    scan = image.getImage();
                }
            }
        }
    }

    private static Engine engine(Limits limits) {
        return new Engine(new RuleSet().withBuiltInMarkings(), limits, 1, null, TesseractPresent.ocr());
    }

    private static void assertMarkedAtTop(FileResult r, String name, String location) {
        assertThat(r).as(name).isNotNull();
        assertThat(r.status()).as(name + " " + r.reason()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).as(name).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("marking.cn");
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.location()).isEqualTo(location);
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
    }

    @Test
    void aScannedPdfIsReadPageByPage() {
        assertMarkedAtTop(results.get("scanned-memo.pdf"), "scanned-memo.pdf", "page 1 (OCR)");
        assertThat(results.get("scanned-memo.pdf").reason()).isNull();
        // The star OCR reads as 友 or 云 is put back: the marking is read with its period.
        assertThat(results.get("scanned-memo.pdf").findings()).anySatisfy(f -> assertThat(f.text()).startsWith("机密★10"));
    }

    @Test
    void aScannedPageBetweenTypedOnesIsReadAndTheDocumentIsNoLongerPartlyRead() {
        FileResult r = results.get("scanned-partly.pdf");
        assertMarkedAtTop(r, "scanned-partly.pdf", "page 2 (OCR)");
        assertThat(r.reason()).isNull();
    }

    @Test
    void aScanPastedIntoADocumentOrOntoASlideIsRead() {
        for (String f : List.of("scanned-pasted.doc", "scanned-pasted.docx", "scanned-pasted.odt", "scanned-pasted.fodt",
                "scanned-pasted.uot", "scanned-slides.pptx", "scanned-slides.odp", "scanned-slides.fodp", "scanned-slides.uop")) {
            assertMarkedAtTop(results.get(f), f, "picture 1 (OCR)");
        }
        for (String f : List.of("scanned-pasted.pdf", "scanned-slides.pdf")) {
            assertMarkedAtTop(results.get(f), f, "page 1 (OCR)");
        }
    }

    /** A paper document scanned and printed to XPS: its page is a picture, read where it is placed. */
    @Test
    void aScannedXpsIsReadPageByPage() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(scan, "png", png);
        try (Engine engine = engine(Limits.defaults())) {
            FileResult r = engine.scan("scanned-memo.xps", XpsTest.scannedXps(png.toByteArray())).get(0);
            assertMarkedAtTop(r, "scanned-memo.xps", "page 1 (OCR)");
            assertThat(r.reason()).isNull();
        }
    }

    /**
     * A scanner's OFD (ofdrw's image converter: one picture a page, declared in DocumentRes.xml
     * under BaseLoc Res) and a scanned page behind a typed one: each picture read where it is
     * placed. Without OCR both were "not read".
     */
    @Test
    void aScannedOfdIsReadPageByPage() {
        assertMarkedAtTop(results.get("scanned-memo.ofd"), "scanned-memo.ofd", "page 1 (OCR)");
        assertThat(results.get("scanned-memo.ofd").reason()).isNull();
        FileResult partly = results.get("scanned-partly.ofd");
        assertMarkedAtTop(partly, "scanned-partly.ofd", "page 2 (OCR)");
        assertThat(partly.reason()).isNull();
        // The typed first page is read as text, as before.
        assertThat(partly.findings()).noneSatisfy(f -> assertThat(f.location()).isEqualTo("page 1 (OCR)"));
    }

    /** ofdrw's PDF-to-OFD converter draws every glyph as a path: the page is drawn and read. */
    @Test
    void anOfdOfOutlinesIsDrawnAndRead() {
        assertMarkedAtTop(results.get("outlined-memo.ofd"), "outlined-memo.ofd", "page 1 (OCR)");
        assertThat(results.get("outlined-memo.ofd").reason()).isNull();
    }

    /**
     * A page fed into the scanner the wrong way round: upside down the default segmentation read
     * 机密★10年 as Latin noise, sideways (both ways) it must still be read. Turned upright first.
     */
    @Test
    void aPageScannedUpsideDownOrSidewaysIsTurnedAndRead(@TempDir Path dir) throws Exception {
        assertThat(TesseractPresent.ocr().orients()).as("tesseract-ocr-osd installed").isTrue();
        for (int quadrants : new int[] {1, 2, 3}) {
            int w = scan.getWidth();
            int h = scan.getHeight();
            java.awt.geom.AffineTransform turn = new java.awt.geom.AffineTransform();
            turn.translate(quadrants == 1 ? h : quadrants == 2 ? w : 0, quadrants == 1 ? 0 : quadrants == 2 ? h : w);
            turn.quadrantRotate(quadrants);
            BufferedImage turned = new java.awt.image.AffineTransformOp(turn, java.awt.image.AffineTransformOp.TYPE_NEAREST_NEIGHBOR)
                    .filter(scan, null);
            Files.write(dir.resolve("turned-" + quadrants * 90 + ".png"), png(turned));
        }
        Map<String, FileResult> got = new ConcurrentHashMap<>();
        try (Engine engine = engine(Limits.defaults())) {
            engine.scan(List.of(dir), r -> got.put(Path.of(r.path()).getFileName().toString(), r));
        }
        assertThat(got).hasSize(3);
        got.forEach((name, r) -> assertMarkedAtTop(r, name, "picture (OCR)"));
    }

    /** Text converted to curves (Ghostscript's -dNoOutputFonts): the page is rendered and read (as an OFD's, above). */
    @Test
    void aPdfOfOutlinesIsRenderedAndRead() {
        assertMarkedAtTop(results.get("outlined-memo.pdf"), "outlined-memo.pdf", "page 1 (OCR)");
    }

    /**
     * LibreOffice's watermarks, drawn into the PDF as filled outlines turned across the page behind
     * the memo's text (make_outlined.py): each drawing is taken apart, laid level and read — 机密 at
     * 45°, 秘密, 绝密 in a serif font at 30°, 机密★10年 at 315°, 内部资料 level, CONFIDENTIAL — high,
     * where without OCR the page was only named as not read in full.
     */
    @Test
    void aWatermarkDrawnAsOutlinesOverTypedTextIsRead() {
        Map<String, String> levels = Map.of("outlined-watermark.pdf", "机密", "outlined-watermark-secret.pdf", "秘密",
                "outlined-watermark-topsecret.pdf", "绝密", "outlined-watermark-period.pdf", "机密",
                "outlined-watermark-internal.pdf", "内部", "outlined-watermark-confidential.pdf", "CONFIDENTIAL");
        levels.forEach((file, level) -> {
            FileResult r = results.get(file);
            assertThat(r).as(file).isNotNull();
            assertThat(r.status()).as(file).isEqualTo(FileStatus.OK);
            assertThat(r.reason()).as(file).isNull();
            assertThat(r.atLeast(Confidence.MEDIUM).findings()).as(file).singleElement().satisfies(f -> {
                assertThat(f.level()).isEqualTo(level);
                assertThat(f.location()).isEqualTo("drawing, page 1 (OCR)");
                assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
            });
        });
        assertThat(results.get("outlined-watermark-period.pdf").findings())
                .anySatisfy(f -> assertThat(f.text()).isEqualTo("机密★10年"));
    }

    /** Charts drawn in light colours (pie, line, bar, area, XY, donut) are read too, and nothing is found in them. */
    @Test
    void chartsAreNotTakenForWatermarks() {
        FileResult r = results.get("clean-charts.pdf");
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.reason()).isNull();
        assertThat(r.atLeast(Confidence.MEDIUM).findings()).isEmpty();
    }

    @Test
    void pictureFilesAreRead(@TempDir Path dir) throws Exception {
        BufferedImage rgb = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(scan, 0, 0, null);
        for (String format : List.of("png", "jpg", "tiff", "bmp", "gif")) {
            Path f = dir.resolve("扫描件." + format);
            assertThat(ImageIO.write(rgb, format.equals("jpg") ? "jpeg" : format, f.toFile())).as(format).isTrue();
        }
        Map<String, FileResult> got = new ConcurrentHashMap<>();
        try (Engine engine = engine(Limits.defaults())) {
            engine.scan(List.of(dir), r -> got.put(Path.of(r.path()).getFileName().toString(), r));
        }
        assertThat(got).hasSize(5);
        got.forEach((name, r) -> {
            assertMarkedAtTop(r, name, "picture (OCR)");
            assertThat(r.mediaType()).as(name).startsWith("image/");
        });
    }

    /** Word's RTF keeps a pasted scan as a PNG in hex (with a WMF copy for old readers, not read twice). */
    @Test
    void aScanPastedIntoRtfIsRead() {
        String hex = java.util.HexFormat.of().formatHex(png(scan));
        String rtf = "{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n"
                + "{\\*\\shppict{\\pict\\pngblip\\picw" + scan.getWidth() + "\\pich" + scan.getHeight() + "\n" + hex + "}}"
                + "{\\nonshppict{\\pict\\wmetafile8 0100090000}}\\par}";
        List<FileResult> got;
        try (Engine engine = engine(Limits.defaults())) {
            got = engine.scan("pasted.rtf", rtf.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertMarkedAtTop(got.get(0), "pasted.rtf", "picture 1 (OCR)");
        assertThat(got.get(0).findings()).filteredOn(f -> f.level().equals("机密")).hasSize(1);
    }

    /** A fax or a multi-page scan as one TIFF: each page is read, and named. */
    @Test
    void eachPageOfAMultiPageTiffIsReadAndNamed(@TempDir Path dir) throws Exception {
        BufferedImage blank = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.PLAIN, 40));
        g.drawString("Cover sheet: 2 pages", 100, 200);
        g.dispose();
        BufferedImage grey = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(scan, 0, 0, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            w.writeToSequence(new IIOImage(blank, null, null), null);
            w.writeToSequence(new IIOImage(grey, null, null), null);
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
        Path fax = dir.resolve("fax.tif");
        Files.write(fax, bytes.toByteArray());
        List<FileResult> got = new java.util.ArrayList<>();
        try (Engine engine = engine(Limits.defaults())) {
            engine.scan(List.of(fax), got::add);
        }
        assertThat(got).hasSize(1);
        assertThat(got.get(0).status()).isEqualTo(FileStatus.OK);
        assertThat(got.get(0).findings()).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.location()).isEqualTo("page 2 (OCR)");
        });
    }

    /** A picture without words (a photo, a blank page): read, nothing found, and not vouched for as clean. */
    @Test
    void aPictureOcrReadsNothingInSaysSo() {
        BufferedImage blank = new BufferedImage(1200, 1600, BufferedImage.TYPE_BYTE_GRAY);
        var g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1200, 1600);
        g.dispose();
        List<FileResult> got;
        try (Engine engine = engine(Limits.defaults())) {
            got = engine.scan("blank.png", png(blank));
        }
        assertThat(got.get(0).status()).isEqualTo(FileStatus.OK);
        assertThat(got.get(0).findings()).isEmpty();
        assertThat(got.get(0).reason()).isEqualTo("OCR read no text in it: look at it");
    }

    /** An icon holds no words: no Tesseract process for it, and nothing said. */
    @Test
    void anIconIsNotGivenToOcr() {
        List<FileResult> got;
        try (Engine engine = engine(Limits.defaults())) {
            got = engine.scan("icon.png", png(new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB)));
        }
        assertThat(got.get(0).status()).isEqualTo(FileStatus.OK);
        assertThat(got.get(0).reason()).isNull();
    }

    /** A damaged picture: unreadable, with Tesseract's reason, and the scan goes on. */
    @Test
    void aDamagedPictureIsUnreadableWithTheReason() {
        byte[] png = png(scan);
        byte[] cut = java.util.Arrays.copyOf(png, 4096);
        List<FileResult> got;
        try (Engine engine = engine(Limits.defaults())) {
            got = engine.scan("damaged.png", cut);
        }
        assertThat(got.get(0).status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(got.get(0).reason()).startsWith("tesseract could not read the picture: libpng error");
    }

    /** OCR counts against the file's time: a picture that takes longer is stopped, reported as timeout. */
    @Test
    void ocrIsStoppedWhenTheFilesTimeIsUp() throws Exception {
        Limits quick = new Limits(5, 10L << 30, 4L << 30, 200, Duration.ofMillis(50), 1000, 32L << 20);
        List<FileResult> got;
        try (Engine engine = engine(quick)) {
            got = engine.scan("scan.png", png(scan));
        }
        assertThat(got.get(0).status()).isEqualTo(FileStatus.TIMEOUT);
        Ocr ocr = TesseractPresent.ocr();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ocr.read(png(scan), 1_000_000L))
                .isInstanceOf(Ocr.TimedOut.class);
    }

    /** Tesseract must have every language asked for; the message says which package to install. */
    @Test
    void aMissingLanguageIsNamedWithItsPackage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ocr.tesseract("tesseract", "chi_sim+xyz_klingon"))
                .isInstanceOf(Ocr.Unavailable.class)
                .hasMessageContaining("--ocr-languages: tesseract has no xyz_klingon")
                .hasMessageContaining("install tesseract-ocr-xyz-klingon");
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
