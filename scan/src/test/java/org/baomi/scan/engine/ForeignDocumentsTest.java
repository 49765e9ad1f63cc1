package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Files written by real programs that no test can write — Word 6.0, Excel 4.0, JExcelApi,
 * PowerPoint with a damaged object, files whose compound-file names are in other cases, a docx cut
 * short — from Apache Tika's test suites (its modules' test jars, unpacked into {@code target/tika}
 * by the build, scan/pom.xml). Each was misread before: unreadable, too_large or skipped.
 */
class ForeignDocumentsTest extends TikaSamplesTest {
    @Override
    List<String> keywords() {
        return List.of("quick brown fox", "Returns other than Form", "default format",
                "Apache Tika", "Content Analysis Toolkit", "Sample Word Document", "Tika", "random text", "Nothing fancy", "0123456789abcdef", "虽然该指令经过重新发布", "普林斯顿大学");
    }

    private List<FileResult> scan(String module, String name) {
        try {
            return engine.scan(name, sample(module, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileResult top(List<FileResult> all) {
        return all.get(all.size() - 1);
    }

    private static boolean found(FileResult r, String text, String location) {
        return r.findings().stream().anyMatch(f -> f.text().equalsIgnoreCase(text) && f.location().startsWith(location));
    }

    @Test
    void aWord6DocumentIsRead() {
        // It was unreadable: "The document is too old - Word 95 or older".
        FileResult r = top(scan("microsoft", "testWORD6.doc"));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).isEqualTo("application/msword");
        assertThat(found(r, "quick brown fox", "paragraph 1")).as(r.findings().toString()).isTrue();
        assertThat(found(r, "quick brown fox", "metadata")).as("its title").isTrue();
    }

    @Test
    void anExcel4WorksheetIsRead() {
        // A bare BIFF4 stream, no compound file: "in no format the scanner knows".
        FileResult r = top(scan("microsoft", "testEXCEL_4.xls"));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).isEqualTo("application/vnd.ms-excel");
        assertThat(found(r, "Returns other than Form", "sheet 1")).as(r.findings().toString()).isTrue();
    }

    @Test
    void aWorkbookJExcelApiWroteIsRead() {
        // POI gives up rendering one of its formulas ("too much stuff left on the stack"): the
        // whole workbook was unreadable.
        FileResult r = top(scan("microsoft", "jxl.xls"));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(found(r, "default format", "sheet")).as(r.findings().toString()).isTrue();
    }

    @Test
    void slidesWithTwoDamagedObjectsAreReadAndTheObjectsNamed() {
        List<FileResult> all = scan("microsoft", "testPPT_skipBadCompressedObject.ppt");
        FileResult r = top(all);
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.reason()).contains("object 7 was not read").contains("object 8 was not read").contains("damaged");
        assertThat(all).filteredOn(m -> m.path().contains("!/object ")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aHighlyCompressedPictureNeitherStopsNorHidesItsDocument() {
        // A 1.4 MB EMF stored in 2 KB (ratio 667) made the whole pptx too_large, unread.
        List<FileResult> all = scan("microsoft", "testPPT_EmbeddedPDF.pptx");
        FileResult r = top(all);
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(all).anyMatch(m -> m.path().endsWith("oleObject1.bin!/CONTENTS") && found(m, "Apache Tika", "page 1"));
    }

    @Test
    void slidesWhoseContentIsEmbeddedObjectsAreNotTakenForAScan() {
        // Two PDFs shown as icons: "no text, only pictures (a scan pasted into the document?)".
        List<FileResult> all = scan("microsoft", "testPPT_EmbeddedPDF.ppt");
        FileResult r = top(all);
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.reason()).contains("1 picture not read").contains("objects in it are scanned");
        assertThat(all).anyMatch(m -> m.path().endsWith("object 1!/CONTENTS") && found(m, "Apache Tika", "page 1"));
    }

    @Test
    void compoundFileNamesAreComparedWithoutCase() {
        // worddocument, WORDDOCUMENT, ENCRYPTEDPACKAGE: "not a document format the scanner reads".
        for (String name : List.of("simple_lower_case.doc", "simple_upper_case.doc")) {
            FileResult r = top(scan("microsoft", "casing/" + name));
            assertThat(r.status()).as(name).isEqualTo(FileStatus.OK);
            assertThat(r.mediaType()).as(name).isEqualTo("application/msword");
            assertThat(found(r, "Sample Word Document", "paragraph")).as(name + " " + r.findings()).isTrue();
        }
        assertThat(top(scan("microsoft", "casing/protected_upper_case.docx")).status()).isEqualTo(FileStatus.ENCRYPTED);
    }

    @Test
    void aVisioDrawingIsRead() {
        // Was "not a document format the scanner reads": a diagram of a network is marked too.
        FileResult r = top(scan("microsoft", "testVISIO.vsd"));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).isEqualTo("application/vnd.visio");
        assertThat(found(r, "random text", "drawing")).as(r.findings().toString()).isTrue();
    }

    @Test
    void aVisio2013DrawingIsReadAsOneDocument() {
        // Was read as a zip of XML parts: each part a file of its own, the page's text as markup.
        for (String name : List.of("testVISIO.vsdx", "testVISIO.vsdm")) {
            List<FileResult> all = scan("microsoft", name);
            assertThat(all).as(name + ": no parts reported as files").hasSize(1);
            FileResult r = all.get(0);
            assertThat(r.status()).as(name).isEqualTo(FileStatus.OK);
            assertThat(r.mediaType()).as(name).isEqualTo("application/vnd.ms-visio.drawing");
            assertThat(found(r, "Nothing fancy", "page Page-1")).as(name + " " + r.findings()).isTrue();
        }
    }

    @Test
    void aPublisherPublicationIsRead() {
        // Was "ok" with nothing read: its CONTENTS stream taken for an embedded object's and skipped.
        List<FileResult> all = scan("microsoft", "testPUBLISHER.pub");
        assertThat(all).as("its streams are not reported as files").hasSize(1);
        FileResult r = all.get(0);
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).isEqualTo("application/x-mspublisher");
        assertThat(found(r, "0123456789abcdef", "publication")).as(r.findings().toString()).isTrue();
    }

    @Test
    void accessDatabasesAreReadAndAnEncryptedOneSaysSo() {
        // Were "not a document format the scanner reads".
        for (String name : List.of("testAccess2.accdb", "testAccess2_2000.mdb", "testAccess2_2002-2003.mdb")) {
            FileResult r = top(scan("microsoft", name));
            assertThat(r.status()).as(name).isEqualTo(FileStatus.OK);
            assertThat(r.mediaType()).as(name).isEqualTo("application/x-msaccess");
            assertThat(found(r, "Tika", "table Table1")).as(name + " " + r.findings()).isTrue();
        }
        assertThat(top(scan("microsoft", "testAccess_V1997.mdb")).status()).isEqualTo(FileStatus.OK);
        FileResult locked = top(scan("microsoft", "testAccess2_encrypted.accdb"));
        assertThat(locked.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(locked.reason()).contains("Access database");
    }

    @Test
    void dbfTablesAreReadInTheirCharset() {
        // Were "not a document format"; the GB18030 one names no code page in its header.
        FileResult gb = top(scan("miscoffice", "testDBF_gb18030.dbf"));
        assertThat(gb.mediaType()).isEqualTo("application/x-dbf");
        assertThat(found(gb, "虽然该指令经过重新发布", "table")).as(gb.findings().toString()).isTrue();
        FileResult utf8 = top(scan("miscoffice", "testDBF.dbf"));
        assertThat(found(utf8, "普林斯顿大学", "table")).as(utf8.findings().toString()).isTrue();
    }

    @Test
    void aDocxCutShortIsUnreadableAndSaysSo() {
        FileResult r = top(scan("microsoft", "testWORD_truncated.docx"));
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("cut short").contains("before the cut");
    }

    @Test
    void thePartsOfASplitZipAreSkippedWithHowToJoinThem() {
        // The last part (.zip) was "in no format the scanner knows"; the first (.z01) "not a document format".
        for (String name : List.of("test-documents-spanned.zip", "test-documents-spanned.z01")) {
            FileResult r = top(scan("pkg", name));
            assertThat(r.status()).as(name).isEqualTo(FileStatus.SKIPPED);
            assertThat(r.reason()).as(name).contains("split into several files").contains("join them");
        }
    }

    /**
     * Every file of the three suites gets a status, and only these are unreadable or too large —
     * each with a reason a person can act on. A file that becomes unreadable, or one of these that becomes
     * readable, changes this list on purpose.
     */
    @Test
    void everyFileOfTheSuitesIsReadOrGivenAReason() throws IOException {
        Map<String, String> unreadable = new TreeMap<>();
        Map<String, String> tooLarge = new TreeMap<>();
        int files = 0;
        for (String module : List.of("microsoft", "pkg", "mail")) {
            Path dir = root.resolve(module).resolve("test-documents");
            List<Path> all;
            try (Stream<Path> walk = Files.walk(dir)) {
                all = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : all) {
                files++;
                String name = dir.relativize(f).toString();
                FileResult r = top(engine.scan(f.getFileName().toString(), Files.readAllBytes(f)));
                assertThat(r.status()).as(name).isNotNull();
                assertThat(r.status()).as(name + ": " + r.reason()).isNotEqualTo(FileStatus.TIMEOUT);
                if (r.status() == FileStatus.UNREADABLE) {
                    unreadable.put(name, r.reason());
                }
                if (r.status() == FileStatus.TOO_LARGE) {
                    tooLarge.put(name, r.reason());
                }
            }
        }
        assertThat(files).isGreaterThan(400);
        assertThat(unreadable.keySet()).containsExactlyInAnyOrder("testWORD_truncated.docx",
                // Overlapping members, made to test a reader (unzip: "possible zip bomb").
                "testZip_with_DataDescriptor.zip");
        assertThat(unreadable.get("testWORD_truncated.docx")).contains("cut short");
        // Made to exhaust a reader's memory: refused by the decompressor's memory limit, not an OutOfMemoryError.
        assertThat(tooLarge).containsOnlyKeys("testZ_oom.Z");
        assertThat(tooLarge.get("testZ_oom.Z")).contains("more memory than");
    }
}
