package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.scan.engine.TestCorpus.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks and presentations whose parts are not where Excel and PowerPoint put them: a
 * marking is found, and named by the sheet tab and slide number a person sees, whatever the
 * writer called the parts — as the package's relationships say, not its part names.
 */
class OoxmlPartsTest {
    @TempDir
    static Path dir;
    static final Map<String, FileResult> results = new ConcurrentHashMap<>();

    private static final String TRANSITIONAL_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String STRICT_RELS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    @BeforeAll
    static void buildAndScan() throws Exception {
        // ClosedXML and the Open XML SDK: the first sheet is xl/worksheets/sheet.xml, without a number.
        write(dir, "closedxml.xlsx", renamed(xlsx("名单", "机密★10年", null), Map.of("sheet1.xml", "sheet.xml")));
        // Tabs moved: the first tab a person sees is the second sheet written.
        write(dir, "movedtabs.xlsx", movedTabs());
        // The same, saved in Strict Open XML: relationships and r:id in the Strict namespace.
        write(dir, "strict.xlsx", renamed(movedTabs(), Map.of(TRANSITIONAL_RELS, STRICT_RELS,
                "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")));
        // Slides moved: the first shown is the second written; the SDK's first slide is slide.xml.
        write(dir, "slidesmoved.pptx", movedSlides());
        Map<String, String> sdkNames = new LinkedHashMap<>();
        sdkNames.put("slide1.xml", "slide.xml");
        write(dir, "sdkslides.pptx", renamed(pptx("TOP SECRET//NOFORN", "Agenda"), sdkNames));
        // System.IO.Packaging (the Open XML SDK 2.x) keeps the core properties here, not in docProps/.
        write(dir, "psmdcp.docx", renamed(docx("关于2024年工作安排的通知", null, null, null, "秘密★1年"),
                Map.of("docProps/core.xml", "package/services/metadata/core-properties/4f3c9a.psmdcp")));

        // Word documents whose body is imported (w:altChunk), as OA systems export a page to Word.
        String page = "<html><head><meta charset=\"utf-8\"><title>通知</title></head><body><p>机密</p>"
                + "<p>关于2024年工作安排的通知</p></body></html>";
        write(dir, "altchunk-html.docx", altChunk(null, "afchunk.html", "text/html", page.getBytes(StandardCharsets.UTF_8)));
        // An MHT (a web page with its pictures), known by its declared type, not its name.
        String mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + page + "\r\n--b1--\r\n";
        write(dir, "altchunk-mht.docx", altChunk(null, "chunk1.dat", "message/rfc822", mht.getBytes(StandardCharsets.UTF_8)));
        // A whole docx imported; the body's own paragraph comes first, so the marking is not the top.
        write(dir, "altchunk-docx.docx", altChunk("各部门：", "part1.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx("绝密\n人员名单", null, null, null, null)));
        // Plain text is not a document's text here: scanned as a file inside the document.
        write(dir, "altchunk-txt.docx", altChunk(null, "note.txt", "text/plain", "秘密★5年".getBytes(StandardCharsets.UTF_8)));

        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 2)) {
            engine.scan(List.of(dir), r -> results.put(dir.relativize(Path.of(r.path())).toString(), r));
        }
    }

    /**
     * A Word document whose body imports {@code chunk} ({@code w:altChunk}, relationship
     * {@code aFChunk}) as {@code word/<name>} of type {@code type}, after a paragraph {@code own} (null: none).
     */
    private static byte[] altChunk(String own, String name, String type, byte[] chunk) throws Exception {
        String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns="
                + "\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "wordprocessingml.document.main+xml\"/><Override PartName=\"/word/" + name + "\" ContentType=\"" + type
                + "\"/></Types>").getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + TRANSITIONAL_RELS + "/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("word/document.xml", ("<w:document xmlns:w=\"" + w + "\" xmlns:r=\"" + TRANSITIONAL_RELS + "\"><w:body>"
                + (own == null ? "" : "<w:p><w:r><w:t>" + own + "</w:t></w:r></w:p>")
                + "<w:altChunk r:id=\"AltChunkId1\"/><w:sectPr/></w:body></w:document>").getBytes(StandardCharsets.UTF_8));
        parts.put("word/_rels/document.xml.rels", ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"AltChunkId1\" Type=\"" + TRANSITIONAL_RELS + "/aFChunk\" Target=\"" + name + "\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("word/" + name, chunk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(p.getKey()));
                z.write(p.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Two sheets: 数据 written first (sheet1.xml), 封面 (marked) second, then moved to the first tab. */
    private static byte[] movedTabs() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("数据").createRow(0).createCell(0).setCellValue("办公用品");
            wb.createSheet("封面").createRow(0).createCell(0).setCellValue("机密");
            wb.setSheetOrder("封面", 0);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Two slides: a bare 机密 on the second written (slide2.xml), moved to be shown first. */
    private static byte[] movedSlides() throws Exception {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide().createTextBox().setText("Agenda");
            XSLFSlide banner = show.createSlide();
            banner.createTextBox().setText("机密");
            show.setSlideOrder(banner, 0);
            show.write(out);
            return out.toByteArray();
        }
    }

    private static Finding marking(String file) {
        FileResult r = results.get(file);
        assertThat(r).as(file + " in " + results.keySet()).isNotNull();
        assertThat(r.status()).as(file).isEqualTo(FileStatus.OK);
        return r.findings().stream().filter(f -> f.category() == Category.MARKING).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no marking found, " + r.findings()));
    }

    @Test
    void aSheetWithoutANumberInItsPartNameIsRead() {
        Finding f = marking("closedxml.xlsx");
        assertThat(f.level()).isEqualTo("机密");
        assertThat(f.location()).isEqualTo("sheet 名单");
    }

    @Test
    void aSheetIsNamedByItsTabAndTheFirstTabIsTheTopOfTheWorkbook() {
        for (String file : List.of("movedtabs.xlsx", "strict.xlsx")) {
            Finding f = marking(file);
            assertThat(f.location()).as(file).isEqualTo("sheet 封面");
            // A bare level alone at the top of the first tab: high, as at the top of a first page
            // (on another sheet it would be medium).
            assertThat(f.confidence()).as(file).isEqualTo(Confidence.HIGH);
        }
    }

    @Test
    void aSlideIsNumberedByItsPlaceInTheShow() {
        Finding moved = marking("slidesmoved.pptx");
        assertThat(moved.location()).isEqualTo("slide 1");
        // A bare level alone on the first slide shown is the presentation's marking.
        assertThat(moved.confidence()).isEqualTo(Confidence.HIGH);
        Finding sdk = marking("sdkslides.pptx");
        assertThat(sdk.level()).isEqualTo("TOP SECRET");
        assertThat(sdk.location()).isEqualTo("slide 1");
    }

    @Test
    void aBodyImportedInAnotherFormatIsReadAsTheDocumentsOwn() {
        for (String file : List.of("altchunk-html.docx", "altchunk-mht.docx")) {
            Finding f = marking(file);
            assertThat(f.level()).as(file).isEqualTo("机密");
            // The imported page is the whole body: its first line is the top of the document, where
            // a bare level alone on its line is the document's marking.
            assertThat(f.location()).as(file).isEqualTo("paragraph 1");
            assertThat(f.confidence()).as(file).isEqualTo(Confidence.HIGH);
            assertThat(results.keySet()).as(file).noneMatch(path -> path.startsWith(file + "!/"));
        }
        Finding docx = marking("altchunk-docx.docx");
        assertThat(docx.level()).isEqualTo("绝密");
        assertThat(docx.location()).startsWith("paragraph");
        // A bare level alone on its line is high at the top of the first page only; text comes before it.
        assertThat(docx.confidence()).isEqualTo(Confidence.MEDIUM);
        // Plain text is scanned as a file inside the document.
        assertThat(marking("altchunk-txt.docx!/word/note.txt").level()).isEqualTo("秘密");
    }

    @Test
    void propertiesAreReadWhereverThePackageKeepsThem() {
        Finding f = marking("psmdcp.docx");
        assertThat(f.level()).isEqualTo("秘密");
        assertThat(f.location()).isEqualTo("metadata");
    }
}
