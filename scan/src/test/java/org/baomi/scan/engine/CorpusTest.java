package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.scan.engine.TestCorpus.*;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall and false positives over a corpus the test builds itself: markings in body,
 * header, footer, comment, metadata, nested archives and with evasion tricks, and
 * ordinary documents that mention the same words in prose.
 */
class CorpusTest {
    @TempDir
    static Path dir;
    static final Map<String, FileResult> results = new ConcurrentHashMap<>();

    /** File -> the marking that must be found at medium or above: level and location prefix. */
    static final Map<String, String[]> EXPECTED = Map.ofEntries(
            Map.entry("body.docx", new String[] {"机密", "paragraph 1"}),
            Map.entry("pasted.docx", new String[] {"机密", "picture"}),
            Map.entry("header.docx", new String[] {"绝密", "header"}),
            Map.entry("footer.docx", new String[] {"秘密", "footer"}),
            Map.entry("comment.docx", new String[] {"机密", "comment"}),
            Map.entry("title.docx", new String[] {"秘密", "metadata"}),
            // As Word for the web saves: the body in word/document2.xml; a header under another name.
            Map.entry("online.docx", new String[] {"机密", "paragraph 1"}),
            Map.entry("onlineheader.docx", new String[] {"绝密", "header"}),
            Map.entry("sheet.xlsx", new String[] {"绝密", "sheet 工资"}),
            Map.entry("cellcomment.xlsx", new String[] {"机密", "comment"}),
            Map.entry("textbox.xlsx", new String[] {"机密", "sheet 名单 drawing"}),
            Map.entry("chart.xlsx", new String[] {"秘密", "chart 1"}),
            Map.entry("chart.docx", new String[] {"秘密", "chart 1"}),
            Map.entry("chart.pptx", new String[] {"绝密", "chart 1"}),
            Map.entry("layout.pptx", new String[] {"机密", "header"}),
            Map.entry("notesmaster.pptx", new String[] {"秘密", "header"}),
            Map.entry("wordart.ppt", new String[] {"机密", "slide 1"}),
            Map.entry("smartart.docx", new String[] {"机密", "diagram 1"}),
            Map.entry("slides.pptx", new String[] {"TOP SECRET", "slide 2"}),
            Map.entry("old.xls", new String[] {"机密", "sheet 名单"}),
            // Excel 5.0/95 (BIFF5), as old report systems export: it was "unreadable".
            Map.entry("excel95.xls", new String[] {"机密", "sheet 名单"}),
            Map.entry("excel95title.xls", new String[] {"秘密", "metadata"}),
            Map.entry("banner.pdf", new String[] {"TOP SECRET", "page 1"}),
            Map.entry("attachment.pdf!/方案.docx", new String[] {"绝密", "header"}),
            Map.entry("clipped.pdf!/名单.txt", new String[] {"机密", "line 1"}),
            Map.entry("form.pdf", new String[] {"秘密", "form"}),
            Map.entry("bookmark.pdf", new String[] {"绝密", "bookmarks"}),
            Map.entry("info.pdf", new String[] {"机密", "metadata"}),
            Map.entry("stamp.pdf", new String[] {"TOP SECRET", "stamp, page 1"}),
            Map.entry("customstamp.pdf", new String[] {"SECRET", "stamp, page 1"}),
            Map.entry("header.odt", new String[] {"机密", "header"}),
            Map.entry("page.ofd", new String[] {"秘密", "page 1"}),
            // OFD as converters of 公文 write it: a banner letter by letter, 密级 in custom data, an attached docx.
            Map.entry("glyphs.ofd", new String[] {"TOP SECRET", "page 1"}),
            Map.entry("custom.ofd", new String[] {"秘密", "metadata"}),
            Map.entry("attached.ofd!/Doc_0/Attachs/附件1.docx", new String[] {"机密", "header"}),
            // Page folders numbered from 0: the second is page 2. A watermark annotation drawn glyph by glyph.
            Map.entry("pages.ofd", new String[] {"绝密", "page 2"}),
            Map.entry("watermark.ofd", new String[] {"机密", "watermark, page 1"}),
            Map.entry("gbk.txt", new String[] {"机密", "line 1"}),
            Map.entry("big5.txt", new String[] {"机密", "line 1"}),
            Map.entry("utf16.txt", new String[] {"绝密", "line 1"}),
            Map.entry("spaced.txt", new String[] {"秘密", "line 1"}),
            Map.entry("zerowidth.txt", new String[] {"机密", "line 1"}),
            Map.entry("fullwidth.txt", new String[] {"SECRET", "line 1"}),
            Map.entry("uk.txt", new String[] {"OFFICIAL-SENSITIVE", "line 1"}),
            Map.entry("nato.txt", new String[] {"COSMIC TOP SECRET", "line 1"}),
            Map.entry("page.html", new String[] {"内部", "line"}),
            Map.entry("memo.rtf", new String[] {"机密", "paragraph 1"}),
            Map.entry("archive.zip!/inner/deep.zip!/memo.docx", new String[] {"机密", "paragraph 1"}),
            Map.entry("bundle.tar.gz!/bundle.tar!/plan.txt", new String[] {"绝密", "line 1"}),
            Map.entry("pack.7z!/note.txt", new String[] {"秘密", "line 1"}),
            Map.entry("mail.eml!/附件.docx", new String[] {"机密", "header"}),
            Map.entry("outlook.msg", new String[] {"秘密", "subject"}),
            // A 密级 alone on the first line of a message's body, the body in HTML only (web mail).
            Map.entry("htmlmail.eml", new String[] {"秘密", "line 1"}),
            Map.entry("outlook.msg!/方案.docx", new String[] {"绝密", "footer"}),
            // Outlook's winmail.dat, saved on its own or still in the mail: subject, body and attachments.
            Map.entry("winmail.dat", new String[] {"机密", "subject"}),
            Map.entry("winmail.dat!/名单.txt", new String[] {"绝密", "line 1"}),
            Map.entry("unicode-winmail.dat", new String[] {"秘密", "line 1"}),
            Map.entry("tnef.eml!/winmail.dat!/方案.txt", new String[] {"绝密", "line 1"}),
            Map.entry("rtf-winmail.dat", new String[] {"TOP SECRET", "paragraph 1"}),
            Map.entry("packaged.xlsx!/xl/embeddings/oleObject1.bin!/plan.txt", new String[] {"绝密", "line 1"}),
            Map.entry("object.rtf!/object 1", new String[] {"机密", "sheet 名单"}),
            Map.entry("package.rtf!/object 1/plan.txt", new String[] {"绝密", "line 1"}),
            Map.entry("ansipackage.rtf!/object 1/机密★10年 名单.txt", new String[] {"机密", "file name"}),
            Map.entry("机密★5年-会议纪要.txt", new String[] {"机密", "file name"}),
            // A bare level in a name counts when it is set apart from the words around it.
            Map.entry("（秘密）人员名单.txt", new String[] {"秘密", "file name"}),
            Map.entry("机密-人员名单.txt", new String[] {"机密", "file name"}),
            // Declared in a sentence, after a quotation that has closed: applied, not cited.
            Map.entry("declared.txt", new String[] {"机密", "line 3"}));

    static final List<String> CLEAN = List.of("prose.docx", "prose.txt", "english.txt", "copyright.txt", "clean.xlsx",
            "approved.pdf", "reviewed.pdf", "regulation.docx", "training.txt",
            // Everyday names: the level is part of a word.
            "内部控制制度.txt", "关于加强国家秘密载体管理的通知.txt", "SECRETARY-notes.txt");

    @BeforeAll
    static void buildAndScan() throws Exception {
        String memo = "关于2024年工作安排的通知\n各部门：现将有关事项通知如下。";
        write(dir, "body.docx", docx("机密★10年\n" + memo, null, null, null, null));
        write(dir, "header.docx", docx(memo, "绝密★长期", null, null, null));
        write(dir, "footer.docx", docx(memo, null, "秘密", null, null));
        write(dir, "comment.docx", docx(memo, null, null, "此件应定为机密★5年", null));
        write(dir, "title.docx", docx(memo, null, null, null, "秘密★1年"));
        write(dir, "online.docx", renamed(docx("机密★10年\n" + memo, null, null, null, null),
                Map.of("document.xml", "document2.xml")));
        write(dir, "onlineheader.docx", renamed(docx(memo, "绝密★长期", null, null, null),
                Map.of("document.xml", "document2.xml", "header1.xml", "top1.xml")));
        write(dir, "sheet.xlsx", xlsx("工资", "绝密", null));
        write(dir, "cellcomment.xlsx", xlsx("Sheet1", "张三", "机密★10年"));
        write(dir, "slides.pptx", pptx("Quarterly review", "TOP SECRET//SI//NOFORN"));
        // Drawn, not typed: a text box on a sheet, a chart's title, a SmartArt node.
        write(dir, "textbox.xlsx", xlsxWithTextBox("名单", "机密★10年"));
        write(dir, "chart.xlsx", xlsxChart("秘密★5年 经费统计"));
        write(dir, "chart.docx", docxChart(memo, "秘密★5年 经费统计"));
        write(dir, "chart.pptx", pptxChart("经费情况汇报", "绝密★长期 装备经费"));
        write(dir, "smartart.docx", docxWithSmartArt(memo, "机密★10年"));
        write(dir, "layout.pptx", pptxWithLayoutText("机密★10年"));
        write(dir, "notesmaster.pptx", pptxWithNotesMasterText("秘密★5年"));
        write(dir, "wordart.ppt", pptWordArt("机密★10年"));
        write(dir, "old.xls", xls("名单", "机密★20年"));
        byte[] winmail = tnef("关于机密★10年文件的通知", "各部门：\r\n附件请查收。", "名单.txt",
                "绝密★长期\r\n人员名单".getBytes(StandardCharsets.UTF_8), false);
        write(dir, "winmail.dat", winmail);
        byte[] unicodeWinmail = tnef("Notice", "秘密\r\n关于工作安排的通知", "方案.txt",
                "绝密★长期\r\n方案".getBytes(StandardCharsets.UTF_8), true);
        write(dir, "unicode-winmail.dat", unicodeWinmail);
        write(dir, "tnef.eml", eml("通知", "见附件", "winmail.dat", unicodeWinmail));
        write(dir, "rtf-winmail.dat", tnef("Plan", "{\\rtf1\\ansi TOP SECRET//NOFORN\\par Quarterly plan\\par}", "plan.txt",
                "Quarterly plan".getBytes(StandardCharsets.UTF_8), true));
        write(dir, "excel95.xls", excel95("名单", null, "机密★10年", "人员名单"));
        write(dir, "excel95title.xls", excel95("Sheet1", "秘密★1年 人员名单", "张三", "李四"));
        write(dir, "banner.pdf", pdf("TOP SECRET//NOFORN", null, null));
        // A PDF's text besides its pages: attachments, a filled form, bookmarks, custom information, a stamp.
        write(dir, "attachment.pdf", pdfWith(attachment("方案.docx", docx(memo, "绝密★长期", null, null, null))));
        write(dir, "clipped.pdf", pdfWith(attachedToPage("名单.txt", "机密★10年\n人员名单".getBytes(StandardCharsets.UTF_8))));
        write(dir, "form.pdf", pdfWith(formValue("秘密★5年")));
        write(dir, "bookmark.pdf", pdfWith(bookmark("绝密★长期 作战方案")));
        write(dir, "info.pdf", pdfWith(info("密级", "机密★10年")));
        write(dir, "stamp.pdf", pdfWith(stamp("TopSecret")));
        write(dir, "customstamp.pdf", pdfWith(customStamp("SECRET//NOFORN")));
        write(dir, "header.odt", odt(memo, "机密★2027年6月30日"));
        write(dir, "page.ofd", ofd("秘密★会议结束后"));
        write(dir, "glyphs.ofd", ofd("", ofdGlyphs(20, 20, 4.2, "TOP SECRET//NOFORN") + ofdGlyphs(20, 40, 7.5, "某某局文件"), null, null));
        write(dir, "custom.ofd", ofd("<ofd:CustomDatas><ofd:CustomData Name=\"密级\">秘密</ofd:CustomData></ofd:CustomDatas>",
                ofdGlyphs(20, 40, 7.5, "某某局文件"), null, null));
        write(dir, "pages.ofd", ofd("", ofdGlyphs(20, 40, 7.5, "某某局文件"), null, null, Map.of("Doc_0/Pages/Page_1/Content.xml",
                "<ofd:Page " + OFD_NS + "><ofd:Content><ofd:Layer ID=\"1\">" + ofdGlyphs(20, 20, 4.2, "绝密★长期")
                        + "</ofd:Layer></ofd:Content></ofd:Page>")));
        write(dir, "watermark.ofd", ofd("", ofdGlyphs(20, 40, 7.5, "某某局文件"), null, null, Map.of("Doc_0/Annots/Page_0/Annotation.xml",
                "<ofd:PageAnnot " + OFD_NS + "><ofd:Annot ID=\"50\" Type=\"Watermark\" Creator=\"OFD Writer\"><ofd:Appearance Boundary=\"0 0 210 297\">"
                        + ofdGlyphs(60, 140, 20, "机密") + "</ofd:Appearance></ofd:Annot></ofd:PageAnnot>")));
        // A typed page and a scanned one (a picture, no text): read in part, and said so.
        write(dir, "partly.ofd", ofd("", ofdGlyphs(20, 40, 7.5, "某某局文件"), null, null, Map.of("Doc_0/Pages/Page_1/Content.xml",
                "<ofd:Page " + OFD_NS + "><ofd:Content><ofd:Layer ID=\"1\"><ofd:ImageObject ID=\"7\" Boundary=\"0 0 210 297\" "
                        + "ResourceID=\"8\"/></ofd:Layer></ofd:Content></ofd:Page>")));
        // An OFD's resources: fonts and a JBIG2 seal at the root and beside its document.
        write(dir, "resources.ofd", withEntries(ofd("秘密★会议结束后"), Map.of("Res/font_1.ttf", new byte[] {0, 1, 0, 0, 0, 9},
                "Doc_0/Res/seal_2.jb2", new byte[] {(byte) 0x97, 'J', 'B', '2', 13, 10, 26, 10, 0, 1})));
        write(dir, "attached.ofd", ofd("", ofdGlyphs(20, 40, 7.5, "某某局文件"), "附件1.docx", docx(memo, "机密★10年", null, null, null)));
        write(dir, "gbk.txt", text("机密★10年\n" + memo, Charset.forName("GBK")));
        write(dir, "big5.txt", text("機密★10年\n關於工作安排的通知，請各單位知悉並遵照執行。", Charset.forName("Big5")));
        write(dir, "utf16.txt", text("\uFEFF绝密★30年\n" + memo, StandardCharsets.UTF_16LE));
        write(dir, "spaced.txt", text("秘 密 ★ 1 年\n" + memo, StandardCharsets.UTF_8));
        write(dir, "zerowidth.txt", text("机\u200b密★10年\n" + memo, StandardCharsets.UTF_8));
        write(dir, "fullwidth.txt", text("ＳＥＣＲＥＴ\nMinutes of the meeting.", StandardCharsets.UTF_8));
        write(dir, "uk.txt", text("OFFICIAL-SENSITIVE\nBriefing note for ministers.", StandardCharsets.UTF_8));
        write(dir, "nato.txt", text("COSMIC TOP SECRET\nAnnex B.", StandardCharsets.UTF_8));
        write(dir, "page.html", text("<html><head><title>通知</title></head><body><p>内部资料</p><p>" + memo + "</p></body></html>",
                StandardCharsets.UTF_8));
        // RTF as Word writes CJK: \\uN escapes with an ANSI fallback character.
        write(dir, "memo.rtf", text("{\\rtf1\\ansi\\ansicpg936{\\fonttbl\\f0 SimSun;}\\f0 \\u26426?\\u23494?\\u9733?10\\u24180?\\par "
                + "\\u36890?\\u30693?\\par}", StandardCharsets.US_ASCII));
        write(dir, "archive.zip", zipOf("inner/deep.zip", zipOf("memo.docx", docx("机密★10年\n" + memo, null, null, null, null))));
        write(dir, "bundle.tar.gz", tarGz("plan.txt", "绝密★长期\n作战计划".getBytes(StandardCharsets.UTF_8)));
        sevenZ(dir.resolve("pack.7z"), "note.txt", "秘密★6个月\n备忘".getBytes(StandardCharsets.UTF_8));
        write(dir, "outlook.msg", msg("秘密★1年 关于会议安排的通知", "请查收附件。", "方案.docx",
                docx(memo, null, "绝密★长期", null, null)));
        write(dir, "htmlmail.eml", emlBody("工作安排", null,
                "<html><body><div>秘密</div><div><br></div><div>各部门：</div><div>现将有关事项通知如下。</div></body></html>"));
        write(dir, "alternative.eml", emlBody("工作安排", "内部\r\n\r\n各部门：\r\n现将有关事项通知如下。",
                "<html><body><p>内部</p><p>各部门：</p><p>现将有关事项通知如下。</p></body></html>"));
        write(dir, "mail.eml", eml("周报", "请查收附件。", "附件.docx", docx(memo, "机密★10年", null, null, null)));
        write(dir, "机密★5年-会议纪要.txt", text("会议纪要", StandardCharsets.UTF_8));
        // RTF with an embedded object, as Word writes it: an Excel sheet; a packaged text file.
        write(dir, "object.rtf", rtfWithObject("Excel.Sheet.8", xls("名单", "机密★20年")));
        write(dir, "package.rtf", rtfWithObject("Package", packagerData("plan.txt", "绝密★长期\n作战计划".getBytes(StandardCharsets.UTF_8))));
        // (An ASCII label: POI's writer garbles a Chinese one, which Office writes in the ANSI code page.)
        // A table pasted as a picture by an older Office or WPS: an EMF whose text is GBK.
        write(dir, "pasted.docx", docxWithPicture(org.baomi.scan.extract.MetafilesTest.ansiEmf(true, "机密★10年", "人员名单")));
        // The same from Office 2003 or WPS on a Chinese system: the label in GBK only; the name is the marking.
        write(dir, "ansipackage.rtf", rtfWithObject("Package", ansiPackagerData("机密★10年 名单.txt",
                "人员名单".getBytes(StandardCharsets.UTF_8))));
        write(dir, "packaged.xlsx", xlsxWithPackagedFile("plan.txt", "绝密★长期\n作战计划".getBytes(StandardCharsets.UTF_8)));

        // Documents a careful person would not flag.
        write(dir, "prose.docx", docx("秘密文件管理制度\n为加强机密信息管理，各单位应建立内部管理制度，保守国家秘密。", null, null, null, null));
        write(dir, "prose.txt", text("本单位的内部审计报告显示，秘密文件管理制度执行良好，机密事项均已登记。", StandardCharsets.UTF_8));
        write(dir, "english.txt", text("The secret of success is preparation. Top secret recipes, confidential tips.", StandardCharsets.UTF_8));
        write(dir, "copyright.txt", text("(C) 2024 Example Ltd. All rights reserved.\nItem(s) listed (s) below.", StandardCharsets.UTF_8));
        write(dir, "clean.xlsx", xlsx("预算", "办公用品", null));
        write(dir, "approved.pdf", pdfWith(stamp("Approved")));
        write(dir, "reviewed.pdf", pdfWith(customStamp("REVIEWED 2026-11-20")));
        // What a secrecy office writes all day: markings cited in quotation marks, listed level beside
        // level, a blank form offering every level — at the top of the first page too.
        write(dir, "regulation.docx", docx("关于规范“机密★10年”等国家秘密标志的通知\n"
                + "国家秘密标志应当标注密级和保密期限，如“机密★10年”。\n"
                + "保密期限一般为：秘密★10年、机密★20年、绝密★30年。\n"
                + "密级：□绝密★ □机密★ □秘密★\n"
                + "文件名称不得含有《绝密★长期》字样。", null, null, null, null));
        write(dir, "training.txt", text("Marking guide\nA banner line such as \"TOP SECRET//SI//NOFORN\" goes at the top.\n"
                + "Levels: TOP SECRET//NOFORN, SECRET//NOFORN, CONFIDENTIAL//REL TO USA.", StandardCharsets.UTF_8));
        for (String name : List.of("（秘密）人员名单.txt", "机密-人员名单.txt", "内部控制制度.txt",
                "关于加强国家秘密载体管理的通知.txt", "SECRETARY-notes.txt")) {
            write(dir, name, text("张三 李四 王五", StandardCharsets.UTF_8));
        }
        write(dir, "declared.txt", text("关于2024年工作安排的通知\n各部门：现将有关事项通知如下。\n"
                + "根据“保密法”规定，本文件密级：机密★10年，阅后收回。", StandardCharsets.UTF_8));

        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 2)) {
            engine.scan(List.of(dir), r -> results.put(dir.relativize(Path.of(r.path().split("!/")[0])) + suffix(r.path()), r));
        }
    }

    /** A memo whose only marking is in a picture: an EMF in word/media. */
    private static byte[] docxWithPicture(byte[] emf) throws Exception {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("各部门：现将人员名单印发给你们。");
            doc.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream(emf),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_EMF, "image1.emf",
                    org.apache.poi.util.Units.toEMU(200), org.apache.poi.util.Units.toEMU(40));
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static String suffix(String path) {
        int i = path.indexOf("!/");
        return i < 0 ? "" : path.substring(i);
    }

    @Test
    void everyMarkedDocumentIsFoundWithItsLevelAndLocation() {
        List<String> missed = new ArrayList<>();
        EXPECTED.forEach((file, expect) -> {
            FileResult r = results.get(file);
            boolean found = r != null && r.atLeast(Confidence.MEDIUM).findings().stream()
                    .anyMatch(f -> f.category() == Category.MARKING && f.level().equals(expect[0])
                            && f.location().startsWith(expect[1]));
            if (!found) {
                missed.add(file + " expected " + String.join(" @ ", expect) + " got " + (r == null ? "no result (have "
                        + results.keySet() + ")" : r.status() + " " + r.reason() + " " + r.findings()));
            }
        });
        assertThat(missed).isEmpty();
    }

    /** A scanned page behind a typed one: the file is ok, and says which page was not read. */
    @Test
    void anOfdReadInPartSaysWhichPagesWereNotRead() {
        FileResult r = results.get("partly.ofd");
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.reason()).startsWith("page 2 of 2 holds only pictures");
        assertThat(results.get("pages.ofd").reason()).isNull();
    }

    /** Fonts, pictures and seals inside an OFD are its resources, not files the scan could not read. */
    @Test
    void anOfdsResourcesAreNotFilesOfTheirOwn() {
        assertThat(results.get("resources.ofd").findings()).isNotEmpty();
        assertThat(results.keySet()).noneMatch(path -> path.startsWith("resources.ofd!/"));
    }

    /** A Word document whose parts have other names is still a Word document, not an archive of XML files. */
    @Test
    void aWordDocumentIsKnownByWhatItsPackageDeclaresNotByItsPartNames() {
        for (String file : List.of("online.docx", "onlineheader.docx")) {
            assertThat(results.get(file).mediaType()).as(file).isEqualTo(org.baomi.scan.extract.Format.DOCX.mediaType());
            assertThat(results.keySet()).as(file).noneMatch(path -> path.startsWith(file + "!/"));
        }
        assertThat(results.get("onlineheader.docx").findings()).extracting(Finding::location).containsExactly("header");
    }

    /** {@code zip} with {@code extra} entries added. */
    private static byte[] withEntries(byte[] zip, Map<String, byte[]> extra) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(z);
                z.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void proseMentioningTheSameWordsIsNotFlagged() {
        for (String file : CLEAN) {
            FileResult r = results.get(file);
            assertThat(r).as(file).isNotNull();
            assertThat(r.status()).as(file).isEqualTo(FileStatus.OK);
            assertThat(r.atLeast(Confidence.MEDIUM).findings()).as(file).isEmpty();
        }
    }

    @Test
    void proseMentionsAreStillReportedAtLowConfidence() {
        assertThat(results.get("prose.txt").findings()).extracting(Finding::confidence).containsOnly(Confidence.LOW)
                .isNotEmpty();
    }

    /** A message's marking at the top of its body is high, and its plain and HTML copies are one text. */
    @Test
    void aMessagesMarkingIsReadOnceAtTheTopOfItsBody() {
        assertThat(results.get("htmlmail.eml").findings()).singleElement()
                .satisfies(f -> assertThat(f.confidence()).isEqualTo(Confidence.HIGH));
        assertThat(results.get("alternative.eml").findings()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("line 1");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
    }

    @Test
    void citedMarkingsAreStillReportedAtLowConfidence() {
        assertThat(results.get("regulation.docx").findings()).extracting(Finding::text)
                .contains("机密★10年", "秘密★10年", "机密★20年", "绝密★30年", "绝密★长期");
        assertThat(results.get("regulation.docx").findings()).extracting(Finding::confidence).containsOnly(Confidence.LOW);
        assertThat(results.get("training.txt").findings()).extracting(Finding::confidence).containsOnly(Confidence.LOW)
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void markingsAtTheTopOrInHeadersAreHighConfidence() {
        assertThat(results.get("header.docx").findings()).anyMatch(f -> f.confidence() == Confidence.HIGH);
        assertThat(results.get("body.docx").findings()).anyMatch(f -> f.confidence() == Confidence.HIGH
                && f.text().equals("机密★10年"));
    }

    @Test
    void drawnTextIsReadOnceAndWithoutTheDrawingsCoordinates() {
        // The text box alone on its sheet's drawing: a deliberate marking, not anchor numbers around it.
        assertThat(results.get("textbox.xlsx").findings()).singleElement().satisfies(f -> {
            assertThat(f.context()).isEqualTo("机密★10年");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
        // SmartArt's text is in its data part and again in the drawing Office caches: found once.
        assertThat(results.get("smartart.docx").findings()).filteredOn(f -> f.level().equals("机密")).hasSize(1);
    }

    @Test
    void evasionFindingsQuoteTheOriginalText() {
        assertThat(results.get("spaced.txt").findings()).anyMatch(f -> f.text().equals("秘 密 ★ 1 年") && f.offset() == 0);
        assertThat(results.get("zerowidth.txt").findings()).anyMatch(f -> f.text().equals("机\u200b密★10年"));
    }

    @Test
    void everyFileGetsAResultWithHashAndMediaType() {
        FileResult docx = results.get("body.docx");
        assertThat(docx.sha256()).hasSize(64);
        assertThat(docx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(results.get("archive.zip").mediaType()).isEqualTo("application/zip");
    }
}
