package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.scan.engine.TestCorpus.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.baomi.scan.rules.RuleSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encrypted, corrupt, truncated and hostile files get a status; none ends the scan. */
class RobustnessTest extends OneEngineTest {
    @Test
    void passwordProtectedOfficeDocumentIsEncrypted() throws Exception {
        FileResult r = top("locked.docx", encryptedDocx(docx("机密", null, null, null, null)));
        assertThat(r.status()).isEqualTo(FileStatus.ENCRYPTED);
    }

    @Test
    void passwordProtectedPdfIsEncrypted() throws Exception {
        FileResult r = top("locked.pdf", pdf("TOP SECRET", "owner", "user"));
        assertThat(r.status()).isEqualTo(FileStatus.ENCRYPTED);
    }

    @Test
    void truncatedDocxIsUnreadableWithAReason() throws Exception {
        byte[] docx = docx("机密★10年", null, null, null, null);
        FileResult r = top("cut.docx", Arrays.copyOf(docx, docx.length / 2));
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("cut short");
    }

    /**
     * A docx cut short before the directory a zip ends with (an interrupted copy): unreadable as a
     * document, saying so, and the parts before the cut are scanned — its marking is found.
     */
    @Test
    void theMarkingOfADocxCutShortIsStillFound() throws Exception {
        byte[] docx = docx("机密★10年", null, null, null, null);
        int directory = indexOf(docx, new byte[] {'P', 'K', 1, 2});
        List<FileResult> all = engine.scan("cut.docx", Arrays.copyOf(docx, directory + 10));
        FileResult r = all.get(all.size() - 1);
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("cut short").contains("before the cut were scanned");
        assertThat(all).anyMatch(m -> m.path().equals("cut.docx!/word/document.xml")
                && m.findings().stream().anyMatch(f -> f.level().equals("机密")));
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (data[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /**
     * A PDF behind a byte-order mark (or a gateway's lines): Acrobat opens it, and it was
     * "named .pdf, but its content is in no format the scanner knows".
     */
    @Test
    void aPdfWhoseHeaderIsNotAtTheStartIsRead() throws Exception {
        byte[] pdf = pdf("TOP SECRET//NOFORN", null, null);
        byte[] bom = new byte[pdf.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(pdf, 0, bom, 3, pdf.length);
        FileResult r = top("memo.pdf", bom);
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).isEqualTo("application/pdf");
        assertThat(r.findings()).anyMatch(f -> f.level().equals("TOP SECRET") && f.location().equals("page 1"));
    }

    /**
     * A formula's value is what the sheet shows: {@code ="机"&"密"} shows 机密, which neither its
     * formula nor POI's rendering of the cell holds.
     */
    @Test
    void theValueOfAFormulaCellIsRead() throws Exception {
        byte[] xls;
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("名单").createRow(0);
            var cell = row.createCell(0);
            cell.setCellFormula("\"机\"&\"密★10年\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            wb.write(out);
            xls = out.toByteArray();
        }
        FileResult r = top("formula.xls", xls);
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).anyMatch(f -> f.level().equals("机密") && f.text().equals("机密★10年"));
    }

    /**
     * A page of curves and no text (words converted to outlines) is not passed as clean; a page
     * with only straight rules and a frame (a blank form) is an empty page, read.
     */
    @Test
    void aPdfOfCurvesIsSkippedAndOneOfRulesIsRead() throws Exception {
        FileResult curves = top("curves.pdf", drawnPdf(cs -> {
            for (int i = 0; i < 8; i++) { // eight "O"s: four curved segments each
                float x = 60 + i * 30;
                cs.moveTo(x, 700);
                cs.curveTo(x, 712, x + 20, 712, x + 20, 700);
                cs.curveTo(x + 20, 688, x, 688, x, 700);
                cs.curveTo(x + 4, 708, x + 16, 708, x + 16, 700);
                cs.curveTo(x + 16, 692, x + 4, 692, x + 4, 700);
                cs.fill();
            }
        }));
        assertThat(curves.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(curves.reason()).contains("drawn outlines");
        FileResult rules = top("form.pdf", drawnPdf(cs -> {
            cs.addRect(50, 50, 500, 700);
            cs.moveTo(50, 600);
            cs.lineTo(550, 600);
            cs.stroke();
        }));
        assertThat(rules.status()).isEqualTo(FileStatus.OK);
    }

    /**
     * A memo that is only a picture (a scan pasted into Word) is not passed as clean; with a line
     * of text beside the picture, or with only a header and no picture, it is read as usual.
     */
    @Test
    void aDocumentOfPicturesOnlyIsSkippedNotClean() throws Exception {
        FileResult pasted = top("pasted.docx", docxWithPng(null, null));
        assertThat(pasted.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(pasted.reason()).contains("only pictures (1;");
        FileResult headed = top("headed.docx", docxWithPng(null, "某某局文件"));
        assertThat(headed.status()).as("a header says nothing of what the page shows").isEqualTo(FileStatus.SKIPPED);
        assertThat(top("captioned.docx", docxWithPng("附件：扫描件", null)).status()).isEqualTo(FileStatus.OK);
        assertThat(top("empty.docx", docx("", null, null, null, null)).status()).isEqualTo(FileStatus.OK);
        // RTF as Word writes a picture: a PNG, and a WMF fallback for older readers.
        String picture = "{\\*\\shppict{\\pict\\pngblip\\picw1\\pich1 89504e470d0a1a0a}}"
                + "{\\nonshppict{\\pict\\wmetafile8\\picw1\\pich1 010009000003}}";
        FileResult rtf = top("pasted.rtf", ("{\\rtf1\\ansi " + picture + "\\par}").getBytes(StandardCharsets.US_ASCII));
        assertThat(rtf.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(rtf.reason()).contains("only pictures (1;");
        assertThat(top("captioned.rtf", ("{\\rtf1\\ansi " + picture + "\\par Annex\\par}").getBytes(StandardCharsets.US_ASCII))
                .status()).isEqualTo(FileStatus.OK);
    }

    private static byte[] docxWithPng(String caption, String header) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 60, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            if (header != null) {
                doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun().setText(header);
            }
            var run = doc.createParagraph().createRun();
            if (caption != null) {
                run.setText(caption);
            }
            run.addPicture(new java.io.ByteArrayInputStream(png.toByteArray()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    "image1.png", org.apache.poi.util.Units.toEMU(40), org.apache.poi.util.Units.toEMU(60));
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** Draws on a page. */
    private interface Draw {
        void on(org.apache.pdfbox.pdmodel.PDPageContentStream cs) throws java.io.IOException;
    }

    /** A one-page PDF with what {@code draw} draws and no text. */
    private static byte[] drawnPdf(Draw draw) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                draw.on(cs);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A RAR5 archive is not damaged: it is a format the scanner does not read, and the reason says what to do. */
    @Test
    void aRar5ArchiveIsSkippedWithWhatToDo() {
        byte[] rar5 = Arrays.copyOf(new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00}, 64);
        FileResult r = top("box.rar", rar5);
        assertThat(r.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(r.reason()).contains("RAR5").contains("extract it");
    }

    @Test
    void corruptPdfIsUnreadable() {
        FileResult r = top("bad.pdf", "%PDF-1.7\n garbage garbage".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).isNotBlank();
    }

    @Test
    void zipBombIsStoppedByTheRatioLimit() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                z.write(zeros);
            }
            z.closeEntry();
            z.putNextEntry(new ZipEntry("after.txt"));
            z.write("机密★10年".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        List<FileResult> all = engine.scan("bomb.zip", bytes.toByteArray());
        assertThat(all).anyMatch(r -> r.path().equals("bomb.zip!/zeros.txt") && r.status() == FileStatus.TOO_LARGE);
        // The scan goes on with the next member.
        assertThat(all).anyMatch(r -> r.path().equals("bomb.zip!/after.txt") && !r.findings().isEmpty());
    }

    @Test
    void manyMembersTogetherAreStoppedByTheTotalExpansionBudget() throws Exception {
        try (Engine small = new Engine(new RuleSet(), new Limits(3, 50L << 20, 3L << 20, 1000, Duration.ofSeconds(60), 10,
                8L << 20), 1)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(bytes)) {
                for (int i = 0; i < 5; i++) {
                    z.putNextEntry(new ZipEntry("part" + i + ".txt"));
                    z.write(new byte[1 << 20]);
                    z.closeEntry();
                }
            }
            List<FileResult> all = small.scan("many.zip", bytes.toByteArray());
            assertThat(all).anyMatch(r -> r.status() == FileStatus.TOO_LARGE && r.reason().contains("in total"));
            assertThat(all.get(all.size() - 1).path()).isEqualTo("many.zip");
        }
    }

    @Test
    void nestingBeyondTheDepthLimitIsSkipped() throws Exception {
        byte[] data = "机密".getBytes(StandardCharsets.UTF_8);
        String name = "x.txt";
        for (int i = 0; i < 5; i++) {
            data = zipOf(name, data);
            name = "level" + i + ".zip";
        }
        List<FileResult> all = engine.scan("outer.zip", zipOf(name, data));
        assertThat(all).anyMatch(r -> r.status() == FileStatus.SKIPPED && r.reason().contains("nested deeper"));
    }

    @Test
    void unknownBinaryIsSkippedButItsNameIsStillRead() {
        byte[] bin = new byte[4096];
        new Random(1).nextBytes(bin);
        bin[0] = 0;
        bin[1] = 0;
        FileResult r = top("绝密★长期.bin", bin);
        assertThat(r.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(r.findings()).anyMatch(f -> f.location().equals("file name"));
    }

    /** Fuzz: random damage to a real document never escapes as an exception. */
    static IntStream sixtySeeds() {
        return IntStream.range(0, 60).map(i -> i * 167);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("sixtySeeds")
    void damagedDocumentsNeverBreakTheScan(int seed) throws Exception {
        byte[] doc = DOCX;
        byte[] copy = doc.clone();
        Random r = new Random(seed);
        for (int i = 0; i < 1 + r.nextInt(20); i++) {
            copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
        }
        List<FileResult> all = engine.scan("fuzz.docx", copy);
        assertThat(all).isNotEmpty();
        assertThat(all.get(all.size() - 1).status()).isNotNull();
    }

    static final byte[] DOCX;

    static {
        try {
            DOCX = docx("机密★10年\n正文", "页眉", "页脚", "批注", "标题");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
