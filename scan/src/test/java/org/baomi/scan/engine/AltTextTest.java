package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.scan.engine.TestCorpus.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/**
 * The alternative text of pictures and shapes (what a screen reader says of them; nobody sees it
 * on the page) is read in Word, Excel and PowerPoint files, as {@code alt text}, and is not taken
 * for the document's content.
 */
class AltTextTest extends OneEngineTest {
    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A document with {@code body} and one picture described as {@code descr}, in both places Word keeps it. */
    static byte[] docxWithPicture(String body, String title, String descr) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (body != null) {
                doc.createParagraph().createRun().setText(body);
            }
            XWPFRun run = doc.createParagraph().createRun();
            XWPFPicture picture = run.addPicture(new ByteArrayInputStream(png()), PictureType.PNG, "scan.png", 400_000, 300_000);
            var docPr = run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
            docPr.setDescr(descr);
            if (title != null) {
                docPr.setTitle(title);
            }
            picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(descr);
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPicturesDescriptionInWordIsReadOnceAsAltText() throws Exception {
        FileResult r = top("通知.docx", docxWithPicture("关于开展年度检查的通知", "附图", "绝密★长期 文件扫描件"));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).filteredOn(f -> f.text().startsWith("绝密"))
                .singleElement().satisfies(f -> {
                    assertThat(f.location()).isEqualTo("alt text");
                    assertThat(f.level()).isEqualTo("绝密");
                });
    }

    /** A scan pasted into Word is still "only pictures", whatever its description says (ADR 0111). */
    @Test
    void aDescriptionIsNotTheDocumentsContent() throws Exception {
        FileResult r = top("扫描件.docx", docxWithPicture(null, null, "文本 描述已自动生成"));
        assertThat(r.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(r.reason()).contains("only pictures");
        FileResult marked = top("扫描件.docx", docxWithPicture(null, null, "机密★5年 请示扫描件"));
        assertThat(marked.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(marked.findings()).anyMatch(f -> f.location().equals("alt text") && f.level().equals("机密"));
    }

    @Test
    void aPicturesDescriptionOnASlideOrASheetSaysWhere() throws Exception {
        byte[] pptx;
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide().createTextBox().setText("年度工作汇报");
            var slide = show.createSlide();
            slide.createTextBox().setText("附件");
            XSLFPictureShape picture = slide.createPicture(show.addPicture(png(), org.apache.poi.sl.usermodel.PictureData.PictureType.PNG));
            ((org.openxmlformats.schemas.presentationml.x2006.main.CTPicture) picture.getXmlObject())
                    .getNvPicPr().getCNvPr().setDescr("秘密★1年 会议纪要照片");
            show.write(out);
            pptx = out.toByteArray();
        }
        assertThat(top("汇报.pptx", pptx).findings()).anyMatch(f -> f.location().equals("alt text, slide 2") && f.level().equals("秘密"));

        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue("姓名");
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFPicture picture = drawing.createPicture(drawing.createAnchor(0, 0, 0, 0, 1, 1, 3, 5),
                    wb.addPicture(png(), org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG));
            picture.getCTPicture().getNvPicPr().getCNvPr().setDescr("TOP SECRET//NOFORN");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(top("名单.xlsx", xlsx).findings())
                .anyMatch(f -> f.location().equals("alt text, sheet 名单 drawing") && f.level().equals("TOP SECRET"));
    }

    /** OpenDocument keeps a picture's title and description as elements inside its frame: read as alt text, not as a paragraph. */
    @Test
    void aPicturesTitleAndDescriptionInOpenDocumentAreAltTextNotParagraphs() throws Exception {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
                + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.3\"><office:body><office:text>"
                + "<text:p><draw:frame draw:name=\"图像1\"><draw:image xlink:href=\"Pictures/a.png\"/>"
                + "<svg:title>附图</svg:title><svg:desc>机密★5年 请示扫描件</svg:desc></draw:frame></text:p>"
                + "</office:text></office:body></office:document-content>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("Pictures/a.png"));
            zip.write(png());
            zip.closeEntry();
        }
        FileResult r = top("请示.odt", bytes.toByteArray());
        assertThat(r.status()).as("a scan pasted in, with a description").isEqualTo(FileStatus.SKIPPED);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("alt text");
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.confidence()).as("not the top of the document").isNotEqualTo(Confidence.HIGH);
        });
    }
}
