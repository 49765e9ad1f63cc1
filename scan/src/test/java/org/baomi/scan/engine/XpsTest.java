package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * XPS and OpenXPS documents — what Windows' XPS Document Writer prints to a file — read as their
 * pages show them: Apache Tika's samples written by Word, PowerPoint and Excel (unpacked by the
 * build, as for {@link ForeignDocumentsTest}), a copy of one with a marking printed on its first
 * page, and packages built here part by part as the writer lays them out (a 公文 printed a
 * character at a time, canvases that move and scale their text, pages listed out of name order,
 * a page stored in pieces, a scanned page).
 */
class XpsTest extends TikaSamplesTest {
    private static final String XPS = "http://schemas.microsoft.com/xps/2005/06";
    private static final String OXPS = "http://schemas.openxps.org/oxps/v1.0";

    @Override
    List<String> keywords() {
        return List.of("Black Panther", "Kumar Nistala", "italics and bold", "foo bar baz",
                "supposed to know", "This is my XPS document test");
    }

    private FileResult scan(String name, byte[] data) {
        List<FileResult> all = engine.scan(name, data);
        assertThat(all).as("an XPS document is one file: its fonts, thumbnail and print ticket are not files in it")
                .extracting(FileResult::path).containsExactly(name);
        return all.get(0);
    }

    private static Finding finding(FileResult r, String text) {
        return r.findings().stream().filter(f -> f.text().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + text + " in " + r.findings() + " (" + r.reason() + ")"));
    }

    @Test
    void theSamplesOfWordPowerPointAndExcelAreReadPageByPage() throws IOException {
        FileResult ppt = scan("slides.xps", sample("microsoft", "testPPT.xps"));
        assertThat(ppt.status()).as(ppt.reason()).isEqualTo(FileStatus.OK);
        assertThat(ppt.mediaType()).isEqualTo("application/vnd.ms-xpsdocument");
        assertThat(finding(ppt, "Kumar Nistala").location()).isEqualTo("page 2");
        assertThat(finding(ppt, "Black Panther").location()).isEqualTo("page 3");
        // Word prints the spaces between runs of other fonts as runs of their own: the words stay apart.
        FileResult word = scan("text.xps", sample("microsoft", "test_text.xps"));
        assertThat(finding(word, "italics and bold").location()).isEqualTo("page 1");
        assertThat(finding(scan("sheet.xps", sample("microsoft", "testXLSX.xps")), "foo bar baz")
                .location()).isEqualTo("page 1");
        // Written by another producer, with data descriptors; one of them OpenXPS.
        FileResult song = scan("song.oxps", sample("microsoft", "testXPSWithDataDescriptor2.xps"));
        assertThat(song.mediaType()).isEqualTo("application/oxps");
        assertThat(finding(song, "supposed to know").location()).isEqualTo("page 1");
        assertThat(finding(scan("dd.xps", sample("microsoft", "testXPSWithDataDescriptor.xps")),
                "This is my XPS document test").location()).isEqualTo("page 1");
    }

    @Test
    void aMarkingPrintedAtTheTopOfTheFirstPageIsHigh() throws IOException {
        // PowerPoint's title slide, its title replaced by a marking as the slide would have printed it.
        byte[] marked = replacing(sample("microsoft", "testPPT.xps"), "Documents/1/Pages/1.fpage",
                page -> page.replace("UnicodeString=\"Attachment Test\"", "UnicodeString=\"机密★10年\""));
        FileResult r = scan("slides.xps", marked);
        Finding f = finding(r, "机密★10年");
        assertThat(f.location()).isEqualTo("page 1");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aLinePrintedACharacterAtATimeIsOneLine() throws IOException {
        // A 公文 printed from WPS: each character a run of its own, advancing by its width (Indices).
        StringBuilder runs = new StringBuilder();
        String marking = "秘密★5年";
        double x = 96;
        for (int i = 0; i < marking.length(); i++) {
            String c = String.valueOf(marking.charAt(i));
            runs.append(glyphs(x, 80, 16, c, ",100"));
            x += 16;
        }
        runs.append(glyphs(96, 200, 16, "关于做好年度工作的通知", null));
        FileResult r = scan("公文.xps", xps(XPS, List.of(page(XPS, runs.toString()))));
        Finding f = finding(r, "秘密★5年");
        assertThat(f.location()).isEqualTo("page 1");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        // The same characters, each on a line of its own, would still be found; the line and its
        // top of the page are what make it high. Escaped text ("{}" before a brace) is the text after it.
        FileResult escaped = scan("escaped.xps", xps(XPS, List.of(page(XPS, glyphs(96, 80, 16, "{}{机密★1年}", null)))));
        assertThat(finding(escaped, "机密★1年").location()).isEqualTo("page 1");
    }

    @Test
    void textIsPlacedThroughTheTransformsOfItsCanvases() throws IOException {
        // "秘密" is drawn in a canvas moved down by 500 (an attribute) and scaled by 2 (a property
        // element) — on the baseline of the words after it, which make it the name of a regulation,
        // not a marking. Read where the XML writes it, it would be a line of its own at the top: high.
        String moved = "<Canvas RenderTransform=\"1,0,0,1,0,500\">" + glyphs(96, 0, 16, "秘密", ",100;,100") + "</Canvas>"
                + glyphs(128, 500, 16, "文件管理制度", null)
                + "<Canvas><Canvas.RenderTransform><MatrixTransform Matrix=\"2,0,0,2,0,0\"/></Canvas.RenderTransform>"
                + glyphs(48, 300, 8, "机密", ",100;,100") + "</Canvas>"
                + glyphs(128, 600, 16, "载体销毁登记表的填写说明", null);
        FileResult r = scan("制度.xps", xps(XPS, List.of(page(XPS, moved))));
        assertThat(r.status()).as(r.reason()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).extracting(Finding::text).contains("秘密", "机密");
        assertThat(r.findings()).as("both words are in running text once placed").noneMatch(f -> f.confidence() == Confidence.HIGH);
        // A run's own transform (Glyphs.RenderTransform) places it too.
        String own = "<Glyphs OriginX=\"96\" OriginY=\"0\" FontRenderingEmSize=\"16\" UnicodeString=\"绝密\" Indices=\",100;,100\">"
                + "<Glyphs.RenderTransform><MatrixTransform Matrix=\"1,0,0,1,0,700\"/></Glyphs.RenderTransform></Glyphs>"
                + glyphs(128, 700, 16, "等级划分的说明", null);
        assertThat(scan("own.xps", xps(XPS, List.of(page(XPS, glyphs(96, 80, 16, "目录", null) + own)))).findings())
                .anySatisfy(f -> {
                    assertThat(f.text()).isEqualTo("绝密");
                    assertThat(f.confidence()).isNotEqualTo(Confidence.HIGH);
                });
    }

    @Test
    void pagesAreNumberedInTheDocumentsOrderAndPropertiesAreMetadata() throws IOException {
        // The document lists b.fpage before a.fpage; the marking on b's is page 1's, at its top.
        java.util.Map<String, String> parts = parts(XPS, List.of(page(XPS, glyphs(96, 80, 16, "绝密★30年", null)),
                page(XPS, glyphs(96, 80, 16, "正文", null))));
        parts.put("Documents/1/Pages/b.fpage", parts.remove("Documents/1/Pages/1.fpage"));
        parts.put("Documents/1/Pages/a.fpage", parts.remove("Documents/1/Pages/2.fpage"));
        parts.put("Documents/1/FixedDocument.fdoc", "<FixedDocument xmlns=\"" + XPS + "\">"
                + "<PageContent Source=\"Pages/b.fpage\"/><PageContent Source=\"/Documents/1/Pages/a.fpage\"/></FixedDocument>");
        parts.put("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>（机密）年度报告</dc:title></cp:coreProperties>");
        parts.put("_rels/.rels", rels(XPS) .replace("</Relationships>", "<Relationship Id=\"R2\" Target=\"/docProps/core.xml\""
                + " Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\"/></Relationships>"));
        FileResult r = scan("ordered.xps", zip(parts));
        Finding f = finding(r, "绝密★30年");
        assertThat(f.location()).isEqualTo("page 1");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(finding(r, "机密").location()).isEqualTo("metadata");
        // Damaged properties are said so; the pages are read.
        parts.put("docProps/core.xml", "<cp:coreProperties><dc:title>");
        FileResult damaged = scan("damaged.xps", zip(parts));
        assertThat(damaged.reason()).contains("properties could not be read");
        assertThat(finding(damaged, "绝密★30年").location()).isEqualTo("page 1");
    }

    @Test
    void openXpsAndAPageStoredInPiecesAreRead() throws IOException {
        java.util.Map<String, String> parts = parts(OXPS, List.of(page(OXPS, glyphs(96, 80, 16, "机密★10年", null)
                + glyphs(96, 120, 12, "会议纪要正文内容", null))));
        String fpage = parts.remove("Documents/1/Pages/1.fpage");
        int half = fpage.length() / 2;
        parts.put("Documents/1/Pages/1.fpage/[1].last.piece", fpage.substring(half));
        parts.put("Documents/1/Pages/1.fpage/[0].piece", fpage.substring(0, half));
        FileResult r = scan("pieces.oxps", zip(parts));
        assertThat(r.mediaType()).isEqualTo("application/oxps");
        assertThat(finding(r, "机密★10年").confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aScannedPageIsSaidSoAndADamagedPageDoesNotHideTheOthers() throws IOException {
        java.util.Map<String, String> scanned = parts(XPS, List.of(page(XPS, SCANNED)));
        scanned.put("Resources/Images/scan.png", "not read without OCR");
        FileResult only = scan("scan.xps", zip(scanned));
        assertThat(only.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(only.reason()).contains("no text on any page", "1 of 1 pages");

        java.util.Map<String, String> mixed = parts(XPS, List.of(page(XPS, glyphs(96, 80, 16, "关于检查的通知", null)),
                page(XPS, SCANNED), page(XPS, glyphs(96, 80, 16, "秘密", null)).replace("</FixedPage>", "<Glyphs"),
                page(XPS, glyphs(96, 80, 16, "机密★1年", null))));
        mixed.put("Resources/Images/scan.png", "not read without OCR");
        FileResult r = scan("mixed.xps", zip(mixed));
        assertThat(r.status()).as(r.reason()).isEqualTo(FileStatus.OK);
        assertThat(r.reason()).contains("page 3 could not be read", "page 2 of 4 holds only pictures");
        assertThat(finding(r, "机密★1年").location()).isEqualTo("page 4");
    }

    @Test
    void aPackageThatLostItsSequenceIsReadPageByPage() throws IOException {
        // A sequence of no documents shows nothing.
        java.util.Map<String, String> parts = parts(XPS, List.of(page(XPS, glyphs(96, 80, 16, "机密", null))));
        parts.put("FixedDocumentSequence.fdseq", "<FixedDocumentSequence xmlns=\"" + XPS + "\"/>");
        FileResult empty = scan("empty.xps", zip(parts));
        assertThat(empty.status()).as(empty.reason()).isEqualTo(FileStatus.OK);
        assertThat(empty.findings()).isEmpty();
        // No sequence at all (a damaged package): its pages, declared as such, in the order of their names.
        parts = parts(XPS, List.of(page(XPS, glyphs(96, 80, 16, "正文", null)), page(XPS, glyphs(96, 80, 16, "机密★1年", null))));
        parts.remove("FixedDocumentSequence.fdseq");
        parts.put("Documents/1/Pages/10.fpage", parts.remove("Documents/1/Pages/2.fpage"));
        FileResult lost = scan("lost.xps", zip(parts));
        assertThat(lost.status()).as(lost.reason()).isEqualTo(FileStatus.OK);
        assertThat(lost.reason()).contains("document sequence (FixedDocumentSequence) is missing", "2 pages were read");
        assertThat(finding(lost, "机密★1年").location()).isEqualTo("page 2");
    }

    // --- building XPS packages as the XPS Document Writer lays them out

    /** What a scanned page draws: its picture over the whole page. */
    private static final String SCANNED = "<Path Data=\"M 0,0 L 793,0 L 793,1122 L 0,1122 Z\"><Path.Fill>"
            + "<ImageBrush ImageSource=\"/Resources/Images/scan.png\" Viewbox=\"0,0,2480,3508\" TileMode=\"None\""
            + " ViewboxUnits=\"Absolute\" ViewportUnits=\"Absolute\" Viewport=\"0,0,793,1122\"/></Path.Fill></Path>";

    /** An XPS document of one scanned page, its picture {@code png} (for OCR). */
    static byte[] scannedXps(byte[] png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var part : parts(XPS, List.of(page(XPS, SCANNED))).entrySet()) {
                z.putNextEntry(new ZipEntry(part.getKey()));
                z.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
            z.putNextEntry(new ZipEntry("Resources/Images/scan.png"));
            z.write(png);
        }
        return bytes.toByteArray();
    }

    private static String glyphs(double x, double y, double size, String text, String indices) {
        return "<Glyphs Fill=\"#FF000000\" FontUri=\"/Resources/Fonts/F.odttf\" FontRenderingEmSize=\"" + size
                + "\" OriginX=\"" + x + "\" OriginY=\"" + y + "\" UnicodeString=\"" + text + "\""
                + (indices == null ? "" : " Indices=\"" + indices + "\"") + "/>";
    }

    private static String page(String ns, String content) {
        return "<FixedPage xmlns=\"" + ns + "\" Width=\"793.76\" Height=\"1122.56\" xml:lang=\"zh-CN\">"
                + "<Path Data=\"M 0,0 L 793,0 L 793,1122 L 0,1122 Z\" Fill=\"#FFFFFFFF\"/>" + content + "</FixedPage>";
    }

    private static String contentTypes() {
        return "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"fdseq\" ContentType=\"application/vnd.ms-package.xps-fixeddocumentsequence+xml\"/>"
                + "<Default Extension=\"fdoc\" ContentType=\"application/vnd.ms-package.xps-fixeddocument+xml\"/>"
                + "<Default Extension=\"fpage\" ContentType=\"application/vnd.ms-package.xps-fixedpage+xml\"/>"
                + "<Default Extension=\"odttf\" ContentType=\"application/vnd.ms-package.obfuscated-opentype\"/>"
                + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "</Types>";
    }

    private static String rels(String ns) {
        String type = ns.equals(OXPS) ? "http://schemas.openxps.org/oxps/v1.0/fixedrepresentation"
                : "http://schemas.microsoft.com/xps/2005/06/fixedrepresentation";
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"R1\" Target=\"/FixedDocumentSequence.fdseq\" Type=\"" + type + "\"/></Relationships>";
    }

    /** The parts of a package of one document with {@code pages}, in a map the tests may change. */
    private static java.util.Map<String, String> parts(String ns, List<String> pages) {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes());
        parts.put("_rels/.rels", rels(ns));
        parts.put("FixedDocumentSequence.fdseq", "<FixedDocumentSequence xmlns=\"" + ns + "\">"
                + "<DocumentReference Source=\"Documents/1/FixedDocument.fdoc\"/></FixedDocumentSequence>");
        StringBuilder fdoc = new StringBuilder("<FixedDocument xmlns=\"" + ns + "\">");
        for (int i = 1; i <= pages.size(); i++) {
            fdoc.append("<PageContent Source=\"Pages/").append(i).append(".fpage\"/>");
            parts.put("Documents/1/Pages/" + i + ".fpage", pages.get(i - 1));
        }
        parts.put("Documents/1/FixedDocument.fdoc", fdoc.append("</FixedDocument>").toString());
        parts.put("Resources/Fonts/F.odttf", "\u0001\u0000\u0000\u0000 obfuscated font bytes");
        return parts;
    }

    private static byte[] xps(String ns, List<String> pages) throws IOException {
        return zip(parts(ns, pages));
    }

    private static byte[] zip(java.util.Map<String, String> parts) throws IOException {
        List<String[]> entries = new ArrayList<>();
        parts.forEach((name, content) -> entries.add(new String[] {name, content}));
        return TestCorpus.zip(entries.toArray(String[][]::new));
    }

    /** A package with one part's text (UTF-16, as the XPS Document Writer writes it) changed. */
    private static byte[] replacing(byte[] zip, String part, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().toLowerCase(Locale.ROOT).equals(part.toLowerCase(Locale.ROOT))) {
                    String text = change.apply(new String(data, StandardCharsets.UTF_16));
                    data = text.getBytes(StandardCharsets.UTF_16);
                    changed = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        assertThat(changed).as(part).isTrue();
        return bytes.toByteArray();
    }
}
