package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents written by a real office suite (LibreOffice 7.4, see
 * {@code src/test/resources/org/baomi/scan/real/make.sh}), not by the tests' own writers:
 * the same memo marked in the body, the header, the footer, a comment, the title, a tracked
 * insertion or deletion, a text box, a table, a footnote or hidden text, saved as doc, docx,
 * odt, rtf and pdf; sheets marked in a cell, a cell comment, a hidden sheet or the page header
 * as xls, xlsx and ods; slides marked on a slide or in the speaker notes as ppt, pptx, odp and
 * pdf; a memo, a sheet and slides whose only marking is inside an embedded object (a spreadsheet
 * in the memo and the slides, a text in the sheet); a memo, a sheet and slides marked only in a
 * custom document property (密级, as classification-marking tools record it); each of these also
 * as flat OpenDocument (fodt, fods, fodp) and as UOF 1.0 (uot, uos, uop: GB/T 20916, WPS's and
 * Yozo's standard format) where LibreOffice's UOF filter keeps the marking; OFD written by ofdrw
 * (a memo marked on the page, in a custom data 密级, in an attached docx, by a watermark
 * annotation; the memo's PDF converted to outlines, which is reported as not read, as is the PDF
 * with its text converted to curves by Ghostscript; a scan pasted as a picture into a memo or onto
 * a slide, reported as not read); and prose, a sheet and slides that mention
 * 秘密, 机密, 绝密 and "secret" without being marked. Every marked file is found with its level
 * and where a person would look; nothing clean is reported at the default threshold.
 */
class RealDocumentsTest {
    static Path dir;
    /** Each file's own result, by file name. */
    static final Map<String, FileResult> results = new ConcurrentHashMap<>();
    /** The results of the files inside each file (embedded objects, package parts), by the outer file's name. */
    static final Map<String, List<FileResult>> inside = new ConcurrentHashMap<>();

    /** Where a marking is: its level, where it is in most formats, and where in some (extension -> location). */
    record Expect(String level, String where, Map<String, String> byFormat) {
        String where(String extension) {
            // A flat OpenDocument file is read as its package is: fodt as odt.
            return byFormat.getOrDefault(extension.matches("fod[tsp]") ? extension.substring(1) : extension, where);
        }
    }

    private static final Map<String, String> PDF_PAGE_1 = Map.of("pdf", "page 1");
    /** The documents, not the scripts that make them. */
    private static final java.util.function.Predicate<String> FIXTURE = f -> !f.endsWith(".sh") && !f.endsWith(".py")
            && !f.endsWith(".java");

    /** Source document -> its marking. */
    static final Map<String, Expect> EXPECTED = Map.ofEntries(
            Map.entry("marked-body", new Expect("机密", "paragraph 1", PDF_PAGE_1)),
            Map.entry("marked-header", new Expect("绝密", "header", PDF_PAGE_1)),
            Map.entry("marked-footer", new Expect("秘密", "footer", PDF_PAGE_1)),
            Map.entry("marked-comment", new Expect("机密", "comment", Map.of())),
            Map.entry("marked-title", new Expect("秘密", "metadata", Map.of())),
            Map.entry("marked-english", new Expect("SECRET", "paragraph 1", PDF_PAGE_1)),
            Map.entry("marked-sheet", new Expect("绝密", "sheet 工资", Map.of())),
            Map.entry("marked-slides", new Expect("TOP SECRET", "slide 2", Map.of("pdf", "page 2"))),
            // Tracked changes: the marking inserted, or deleted but still in the file.
            Map.entry("marked-inserted", new Expect("机密", "paragraph", PDF_PAGE_1)),
            Map.entry("marked-deleted", new Expect("绝密", "paragraph", PDF_PAGE_1)),
            // A text box, as the 密级 block at the top of a page often is.
            Map.entry("marked-textbox", new Expect("机密", "paragraph", Map.of("doc", "text box", "pdf", "page 1"))),
            Map.entry("marked-table", new Expect("秘密", "paragraph", PDF_PAGE_1)),
            Map.entry("marked-footnote", new Expect("机密", "note", PDF_PAGE_1)),
            // Hidden (not printed) text.
            Map.entry("marked-hidden", new Expect("绝密", "paragraph 1", Map.of())),
            // Spreadsheets: a cell comment (xls lists comments with the sheet's cells), a hidden
            // sheet, the page header.
            Map.entry("marked-cellcomment", new Expect("机密", "comment", Map.of("xls", "sheet 名单"))),
            Map.entry("marked-hiddensheet", new Expect("绝密", "sheet 隐藏", Map.of())),
            Map.entry("marked-sheetheader", new Expect("秘密", "header", Map.of())),
            Map.entry("marked-notes", new Expect("机密", "notes 1", Map.of())),
            // Only inside an embedded object: found in the object (a PDF prints it on the page).
            Map.entry("marked-objectinmemo", new Expect("机密", "", Map.of("rtf", "picture"))),
            Map.entry("marked-objectinsheet", new Expect("机密", "", Map.of())),
            Map.entry("marked-objectinslide", new Expect("机密", "", Map.of())),
            // Only a custom document property 密级 = 机密★10年, as a classification-marking tool records it.
            Map.entry("marked-property", new Expect("机密", "metadata", Map.of())),
            Map.entry("marked-propertysheet", new Expect("机密", "metadata", Map.of())),
            Map.entry("marked-propertyslides", new Expect("机密", "metadata", Map.of())),
            // Only a watermark 机密 (WordArt in the header; LibreOffice draws it into a PDF as
            // outlines, so there is no PDF of it), or a 密级 block in a text frame in the header.
            Map.entry("marked-watermark", new Expect("机密", "header", Map.of())),
            Map.entry("marked-headerbox", new Expect("机密", "header", PDF_PAGE_1)),
            // Drawn on a sheet: a text box above the table, WordArt (ODF keeps shapes with the cells).
            Map.entry("marked-sheetbox", new Expect("机密", "sheet Sheet1 drawing", Map.of("ods", "sheet Sheet1"))),
            Map.entry("marked-sheetwordart", new Expect("机密", "sheet Sheet1 drawing", Map.of("ods", "sheet Sheet1"))),
            // Slides: the footer text of Header and Footer (a pptx writes it on each slide), a text on the master.
            Map.entry("marked-slidefooter", new Expect("机密", "footer", Map.of("pptx", "slide 1", "pdf", "page 1"))),
            Map.entry("marked-slidemaster", new Expect("机密", "header", PDF_PAGE_1)),
            // The header of every notes page (Header and Footer, "Notes and Handouts"), nothing on the slides.
            Map.entry("marked-notesheader", new Expect("机密", "header", Map.of())),
            // OFD written by ofdrw (make_ofd.sh): marked on the first line, only in a custom data 密级,
            // only in an attached docx (its footer), only by a watermark annotation.
            Map.entry("marked-ofdmemo", new Expect("机密", "page 1", Map.of())),
            Map.entry("marked-ofdproperty", new Expect("机密", "metadata", Map.of())),
            Map.entry("marked-ofdattachment", new Expect("秘密", "", Map.of())),
            Map.entry("marked-ofdwatermark", new Expect("机密", "watermark, page 1", Map.of())));

    @BeforeAll
    static void scan() throws Exception {
        dir = Path.of(RealDocumentsTest.class.getResource("/org/baomi/scan/real").toURI());
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 2);
             Stream<Path> files = Files.list(dir)) {
            engine.scan(files.filter(Files::isRegularFile).filter(f -> FIXTURE.test(f.toString())).toList(),
                    r -> {
                        int bang = r.path().indexOf("!/");
                        String outer = Path.of(bang < 0 ? r.path() : r.path().substring(0, bang)).getFileName().toString();
                        if (bang < 0) {
                            results.put(outer, r);
                        } else {
                            inside.computeIfAbsent(outer, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(r);
                        }
                    });
        }
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }

    @Test
    void theFixturesAreAllThere() {
        assertThat(results.keySet().stream().filter(f -> f.startsWith("marked-"))).hasSize(178);
        assertThat(results.keySet().stream().filter(f -> f.startsWith("clean-"))).hasSize(20);
        assertThat(results.entrySet()).filteredOn(e -> !e.getKey().startsWith("scanned-") && !e.getKey().startsWith("encrypted-")
                        && !e.getKey().startsWith("outlined-"))
                .allMatch(e -> e.getValue().status() == FileStatus.OK, "every document read");
    }

    /** Saved with a password by LibreOffice: said to be encrypted (worth knowing in itself), not unreadable. */
    @Test
    void passwordProtectedDocumentsAreReportedEncrypted() {
        for (String f : List.of("encrypted-body.doc", "encrypted-sheet.xls", "encrypted-body.odt", "encrypted-sheet.ods",
                "encrypted-slides.odp")) {
            assertThat(results.get(f)).as(f).isNotNull();
            assertThat(results.get(f).status()).as(f + " " + results.get(f).reason()).isEqualTo(FileStatus.ENCRYPTED);
        }
    }

    /** A scan of the marked memo (page images, no text; as a PDF and as a scanner's OFD): said so, not passed as clean. */
    @Test
    void aScannedPdfIsReportedAsNotReadNotAsClean() {
        for (String f : List.of("scanned-memo.pdf", "scanned-memo.ofd")) {
            FileResult r = results.get(f);
            assertThat(r.status()).as(f).isEqualTo(FileStatus.SKIPPED);
            assertThat(r.reason()).as(f).contains("only images").contains("1 of 1 pages").endsWith("OCR it (baomi scan --ocr)");
        }
    }

    /**
     * A typed memo with the scan of a marked page between two of its pages (as scanned attachments
     * follow a typed cover letter): read as far as its text goes, ok, and says that page 2 was not read.
     */
    @Test
    void aPdfWithAScannedPageSaysWhichPageWasNotRead() {
        FileResult r = results.get("scanned-partly.pdf");
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.reason()).startsWith("page 2 of 3 holds only pictures or drawn outlines");
        assertThat(results.get("clean-prose.pdf").reason()).isNull();
        assertThat(results.get("marked-body.pdf").reason()).isNull();
        FileResult ofd = results.get("scanned-partly.ofd");
        assertThat(ofd.status()).isEqualTo(FileStatus.OK);
        assertThat(ofd.reason()).startsWith("page 2 of 2 holds only pictures or drawn outlines").endsWith("(baomi scan --ocr)");
    }

    /**
     * The scanned memo's page pasted as a picture into a memo (doc, docx, odt, fodt, uot) and onto a
     * slide (pptx, odp, fodp, uop), nothing else: said so, not passed as clean (their PDFs are scans).
     */
    @Test
    void aScanPastedIntoADocumentIsReportedAsNotReadNotAsClean() {
        List<String> files = results.keySet().stream().filter(f -> f.matches("scanned-(pasted|slides)\\..*")).sorted().toList();
        assertThat(files).hasSize(11);
        for (String f : files) {
            FileResult r = results.get(f);
            assertThat(r.status()).as(f).isEqualTo(FileStatus.SKIPPED);
            assertThat(r.reason()).as(f).contains(f.endsWith(".pdf") ? "only images" : "only pictures (1;");
        }
    }

    /**
     * The marked memo's PDF with its text converted to curves by Ghostscript, and converted to OFD
     * by ofdrw's converter, which draws the text as outlines too: nothing to read without OCR, said
     * so, not passed as clean.
     */
    @Test
    void documentsOfOutlinesAreReportedAsNotReadNotAsClean() {
        for (String f : List.of("outlined-memo.pdf", "outlined-memo.ofd")) {
            FileResult r = results.get(f);
            assertThat(r.status()).as(f).isEqualTo(FileStatus.SKIPPED);
            assertThat(r.reason()).as(f).contains("drawn outlines").contains("1 of 1 pages");
        }
    }

    /**
     * The memo with a watermark (机密, 秘密, 绝密, 机密★10年, 内部资料, CONFIDENTIAL) as LibreOffice
     * writes it into a PDF: filled outlines across the page behind the text. Without OCR its words
     * are not read, and the page is named as not read in full rather than passed as clean; charts
     * in light colours are not taken for watermarks.
     */
    @Test
    void aWatermarkDrawnAsOutlinesIsNamedNotPassedAsClean() {
        List<String> files = results.keySet().stream().filter(f -> f.startsWith("outlined-watermark")).sorted().toList();
        assertThat(files).hasSize(6);
        for (String f : files) {
            FileResult r = results.get(f);
            assertThat(r.status()).as(f).isEqualTo(FileStatus.OK);
            assertThat(r.reason()).as(f).isEqualTo("page 1 has words drawn across it as outlines, as a watermark is: "
                    + "not read; look at it or OCR it (baomi scan --ocr)");
            assertThat(r.atLeast(Confidence.MEDIUM).findings()).as(f).isEmpty();
        }
        assertThat(results.get("clean-charts.pdf").reason()).isNull();
        assertThat(results.get("marked-table.pdf").reason()).isNull();
    }

    @Test
    void everyMarkedDocumentIsFoundWithItsLevelAndWhereItIs() {
        List<String> missed = new ArrayList<>();
        results.forEach((file, r) -> {
            if (!file.startsWith("marked-")) {
                return;
            }
            Expect expect = EXPECTED.get(file.substring(0, file.lastIndexOf('.')));
            assertThat(expect).as(file).isNotNull();
            String where = expect.where(extension(file));
            boolean found = Stream.concat(Stream.of(r), inside.getOrDefault(file, List.of()).stream())
                    .flatMap(x -> x.atLeast(Confidence.MEDIUM).findings().stream())
                    .anyMatch(f -> f.category() == Category.MARKING && f.level().equals(expect.level())
                            && f.location().startsWith(where));
            if (!found) {
                missed.add(file + " expected " + expect.level() + " @ " + where + ", got " + r.findings() + " and inside "
                        + inside.getOrDefault(file, List.of()));
            }
        });
        assertThat(missed).isEmpty();
    }

    @Test
    void documentsThatOnlyTalkAboutSecrecyAreNotFlagged() {
        results.forEach((file, r) -> {
            if (file.startsWith("clean-")) {
                assertThat(r.atLeast(Confidence.MEDIUM).findings()).as(file).isEmpty();
            }
        });
        // They do mention the words: found, at low confidence, for whoever asks for everything.
        assertThat(results.get("clean-prose.docx").findings()).isNotEmpty()
                .allMatch(f -> f.confidence() == Confidence.LOW);
    }

    /** Fuzz: each real document damaged (bytes overwritten, or cut short) is still reported, never thrown. */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5})
    void damagedRealDocumentsAreReportedNotThrown(int seed) throws Exception {
        java.util.Random r = new java.util.Random(seed);
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 1);
             Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> FIXTURE.test(p.toString())).sorted().toList()) {
                byte[] b = Files.readAllBytes(f);
                if (r.nextBoolean()) {
                    for (int i = 0, n = 1 + r.nextInt(30); i < n; i++) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                } else {
                    b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                }
                List<FileResult> all = engine.scan(f.getFileName().toString(), b);
                assertThat(all).as(f.getFileName().toString()).isNotEmpty();
                assertThat(all.get(all.size() - 1).status()).as(f.getFileName().toString()).isNotNull();
            }
        }
    }

    /**
     * A marking only inside an embedded object is reported on the object, as a file within the
     * file (doc: the ObjectPool storage; xls: its MBD storage; ppt: the object; OOXML: the
     * embedded package; ODF: the object's content), so the reader knows where to look.
     */
    @Test
    void aMarkingInsideAnEmbeddedObjectIsReportedOnTheObject() {
        Map<String, String> objectPath = Map.of(
                "marked-objectinmemo.doc", "!/ObjectPool/_", "marked-objectinmemo.docx", "!/word/embeddings/",
                "marked-objectinmemo.odt", "!/Object 1/", "marked-objectinsheet.xls", "!/MBD",
                "marked-objectinsheet.ods", "!/Object 1/", "marked-objectinslide.ppt", "!/object 1",
                "marked-objectinslide.pptx", "!/ppt/embeddings/", "marked-objectinslide.odp", "!/Object 1/");
        objectPath.forEach((file, part) -> {
            // The file itself shows the object's picture at most (docx and pptx keep an EMF of it).
            assertThat(results.get(file).findings()).as(file + " itself").allMatch(f -> f.location().equals("picture"));
            assertThat(inside.get(file)).as(file)
                    .anyMatch(x -> x.path().contains(part) && x.findings().stream()
                            .anyMatch(f -> f.level().equals("机密") && f.confidence() == Confidence.HIGH));
        });
    }

    /**
     * LibreOffice's RTF keeps only a picture of an embedded object (a WMF with an EMF copy inside),
     * and its doc, xls, ppt, docx and pptx keep one beside the object: the text the picture draws is read.
     */
    @Test
    void theTextOfAnObjectsPictureIsRead() {
        for (String f : List.of("marked-objectinmemo.rtf", "marked-objectinmemo.docx", "marked-objectinslide.pptx",
                "marked-objectinmemo.doc", "marked-objectinsheet.xls", "marked-objectinslide.ppt")) {
            assertThat(results.get(f).findings()).as(f)
                    .anyMatch(x -> x.location().equals("picture") && x.level().equals("机密") && x.text().startsWith("机密★ 10 年"));
        }
    }

    /** LibreOffice writes an RTF header for the first page and for the others: one finding, not two. */
    @Test
    void aHeaderStoredTwiceIsOneFinding() {
        assertThat(results.get("marked-header.rtf").findings()).hasSize(1);
        assertThat(results.get("marked-footer.rtf").findings()).hasSize(1);
    }

    /**
     * A docx text box is stored twice, as DrawingML and as a VML fallback for old readers
     * (mc:AlternateContent): one finding, and its context is the text, not the box's position
     * ("center", "top").
     */
    @Test
    void aTextBoxStoredTwiceIsOneFinding() {
        assertThat(results.get("marked-textbox.docx").findings()).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.context()).contains("工作的通知 机密★10年 各科室").doesNotContain("center").doesNotContain("top");
        });
    }

    /** LibreOffice puts the watermark on each of its ten page styles: one finding, not ten. */
    @Test
    void aWatermarkIsOneFinding() {
        for (String f : List.of("marked-watermark.doc", "marked-watermark.docx", "marked-watermark.odt",
                "marked-watermark.rtf", "marked-watermark.uot")) {
            assertThat(results.get(f).findings()).as(f).singleElement()
                    .satisfies(x -> assertThat(x.text()).isEqualTo("机密"));
        }
    }

    /** A custom property is read with its name, in every format: the reader sees 密级 机密★10年. */
    @Test
    void aCustomPropertyIsReadWithItsName() {
        List<String> files = results.keySet().stream().filter(f -> f.matches("marked-property(sheet|slides)?\\..*")).toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        for (String f : files) {
            assertThat(results.get(f).findings()).as(f).anyMatch(x -> x.context().contains("密级 机密★10年"));
        }
    }

    @Test
    void aMarkingAtTheTopOrInAHeaderIsHighConfidence() {
        for (String f : List.of("marked-body.doc", "marked-body.docx", "marked-body.rtf", "marked-header.doc",
                "marked-header.odt", "marked-header.rtf", "marked-header.pdf", "marked-slides.pptx",
                "marked-watermark.doc", "marked-watermark.docx", "marked-watermark.odt", "marked-watermark.rtf",
                "marked-headerbox.doc", "marked-headerbox.docx", "marked-headerbox.rtf", "marked-header.uot",
                "marked-footer.uot", "marked-watermark.uot", "marked-headerbox.uot", "marked-sheetwordart.uos",
                "marked-slidemaster.uop")) {
            assertThat(results.get(f).findings()).as(f).anyMatch(x -> x.confidence() == Confidence.HIGH);
        }
    }
}
