package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.pff.PstBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outlook data files (pst), which only Outlook writes: Apache Tika's two samples (unpacked by the
 * build, as for {@link ForeignDocumentsTest}), and copies of them with a marking put into a
 * subject and a folder's name. Each item is a message inside the data file under its folder's
 * path, read as an e-mail is (HTML bodies as shown, attached messages and their attachments);
 * what cannot be read is said so.
 */
class PstTest extends TikaSamplesTest {
    private static final String TOP = "!/";
    @TempDir
    Path dir;

    @Override
    List<String> keywords() {
        return List.of("Forwarded (html)", "Forwarded RTF", "Forwarded plain text", "First email",
                "Couchbase Server", "PreviousMapFeatureGenerator", "Search Root");
    }

    @Override
    Limits limits() {
        return new Limits(5, 50L << 20, 1L << 30, 200, Duration.ofSeconds(60), 100, 8L << 20);
    }

    private byte[] sample(String name) throws IOException {
        return sample("microsoft", name);
    }

    private static FileResult at(List<FileResult> all, String pathEnd) {
        return all.stream().filter(r -> r.path().endsWith(pathEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no result ending " + pathEnd + " in "
                        + all.stream().map(FileResult::path).toList()));
    }

    private static boolean found(FileResult r, String text, String location) {
        return r.findings().stream().anyMatch(f -> f.text().equalsIgnoreCase(text) && f.location().startsWith(location));
    }

    @Test
    void eachItemIsAMessageInsideTheDataFileUnderItsFolder() throws IOException {
        List<FileResult> all = engine.scan("mail.pst", sample("testPST_variousBodyTypes.pst"));
        FileResult pst = all.get(all.size() - 1);
        assertThat(pst.path()).isEqualTo("mail.pst");
        assertThat(pst.status()).as(pst.reason()).isEqualTo(FileStatus.OK);
        assertThat(pst.mediaType()).isEqualTo("application/vnd.ms-outlook-pst");
        String folder = "mail.pst!/Inbox/tmp/";
        assertThat(all.stream().map(FileResult::path).filter(p -> p.startsWith(folder)))
                .containsExactly(folder + "message 1.eml", folder + "message 2.eml", folder + "message 3.eml",
                        folder + "message 4.eml");
        for (int i = 1; i <= 4; i++) {
            FileResult m = at(all, "message " + i + ".eml");
            assertThat(m.status()).isEqualTo(FileStatus.OK);
            assertThat(m.mediaType()).isEqualTo("message/rfc822");
        }
        // The same forward kept with each of Outlook's three kinds of body: each read.
        assertThat(found(at(all, "message 2.eml"), "Forwarded (html)", "line")).isTrue();
        assertThat(found(at(all, "message 3.eml"), "Forwarded RTF", "line")).isTrue();
        assertThat(found(at(all, "message 4.eml"), "Forwarded plain text", "line")).isTrue();
        // The folders' names are read as the names they are (Deleted Items, Inbox, tmp), and only the
        // folders Outlook shows: not the file's own (the top folder, the search root, saved searches).
        assertThat(pst.findings()).isEmpty();
        assertThat(engine.scan("mail.pst", sample("testPST_variousBodyTypes.pst"))).noneMatch(r -> r.path().contains("Top of"));
    }

    @Test
    void anHtmlBodyIsReadAsTheMessageShowsItNotAsItsSource() throws IOException {
        FileResult webinar = at(engine.scan("mail.pst", sample("testPST.pst")), TOP + "message 6.eml");
        assertThat(found(webinar, "Couchbase Server", "subject")).isTrue();
        assertThat(found(webinar, "Couchbase Server", "line")).isTrue();
        assertThat(webinar.findings()).allSatisfy(f -> assertThat(f.context())
                .doesNotContain("=3D").doesNotContain("quoted-printable").doesNotContain("href"));
    }

    @Test
    void aMessageAttachedToAMessageIsReadWithItsOwnAttachment() throws IOException {
        List<FileResult> all = engine.scan("mail.pst", sample("testPST.pst"));
        assertThat(all.stream().filter(r -> r.path().startsWith("mail.pst" + TOP + "message ")
                && r.path().endsWith(".eml"))).hasSize(8); // seven messages and the one forwarded in the last
        FileResult forwarded = at(all, TOP + "message 7.eml!/message.eml");
        assertThat(found(forwarded, "First email", "subject")).isTrue();
        FileResult docx = at(all, TOP + "message 7.eml!/message.eml!/attachment.docx");
        assertThat(docx.status()).isEqualTo(FileStatus.OK);
        assertThat(docx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(found(at(all, TOP + "message 1.eml"), "PreviousMapFeatureGenerator", "line")).isTrue();
    }

    /**
     * A copy of the sample with "Feature Generators" (the subject of two messages) replaced by a
     * marked subject and the folder "Éléments supprimés" renamed "（绝密）…", in the data file's own
     * blocks: the marking is found at the top of the message it heads, and the folder's name as a name.
     */
    @Test
    void aMarkingInASubjectAndInAFolderNameIsFound() throws IOException {
        byte[] pst = sample("testPST.pst");
        assertThat(replace(pst, "Feature Generators", "机密★10年关于特征生成器的说明材料")).isGreaterThanOrEqualTo(2);
        assertThat(replace(pst, "Éléments supprimés", "（绝密）专项工作往来文件及材料归档夹")).isGreaterThanOrEqualTo(1);
        List<FileResult> all = engine.scan("mail.pst", pst);

        FileResult message = at(all, TOP + "message 3.eml");
        assertThat(message.findings()).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.location()).isEqualTo("subject");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
        FileResult reply = at(all, TOP + "message 1.eml"); // "Re: 机密★10年…"
        assertThat(reply.findings()).anySatisfy(f -> assertThat(f.level()).isEqualTo("机密"));
        FileResult file = all.get(all.size() - 1);
        assertThat(file.findings()).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("绝密");
            assertThat(f.location()).isEqualTo("folder name");
            assertThat(f.confidence()).isNotEqualTo(Confidence.LOW);
        });
    }

    /** Replaces every UTF-16 {@code from} in the data file's encoded blocks by {@code to}, of the same length. */
    private static int replace(byte[] pst, String from, String to) {
        assertThat(to).hasSameSizeAs(from);
        byte[] find = PstBytes.encode(from.getBytes(StandardCharsets.UTF_16LE));
        byte[] put = PstBytes.encode(to.getBytes(StandardCharsets.UTF_16LE));
        int n = 0;
        for (int i = 0; i + find.length <= pst.length; i++) {
            if (Arrays.equals(pst, i, i + find.length, find, 0, find.length)) {
                System.arraycopy(put, 0, pst, i, put.length);
                n++;
            }
        }
        return n;
    }

    @Test
    void whatCannotBeReadIsSaidSoWithWhatToDo() throws IOException {
        byte[] pst = sample("testPST.pst");
        byte[] high = pst.clone();
        high[513] = 2; // Outlook 2003's "high encryption"
        FileResult r = last(engine.scan("high.pst", high));
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("high encryption").contains("new data file");

        byte[] future = pst.clone();
        future[10] = 0x30;
        r = last(engine.scan("future.pst", future));
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("version this reader does not know (48)");

        r = last(engine.scan("cut.pst", Arrays.copyOf(pst, 16 << 10)));
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("damaged or cut-short Outlook data file").contains("scanpst.exe");
    }

    /**
     * One message's table damaged (its heap's BTH signature overwritten, as a bad sector would): that
     * message is passed over and counted, the ones after it are still read, and the data file says
     * what was not read.
     */
    @Test
    void aDamagedMessageIsPassedOverAndTheRestRead() throws IOException {
        byte[] pst = sample("testPST.pst");
        int subject = indexOf(pst, PstBytes.encode("[WEBINAR] - ".getBytes(StandardCharsets.UTF_16LE)), 0);
        byte[] bth = PstBytes.encode(new byte[] {(byte) 0xB5, 2, 6, 0}); // the message's property table starts so
        int header = -1;
        for (int i = indexOf(pst, bth, subject - 4096); i >= 0 && i < subject; i = indexOf(pst, bth, i + 1)) {
            header = i;
        }
        assertThat(subject).isPositive();
        assertThat(header).isPositive();
        pst[header] = PstBytes.encode(new byte[] {0})[0];

        List<FileResult> all = engine.scan("mail.pst", pst);
        List<String> read = all.stream().map(FileResult::path).filter(p -> p.matches("mail\\.pst!/([^!]*/)?message \\d\\.eml"))
                .map(p -> p.substring(p.lastIndexOf(' ') + 1, p.length() - ".eml".length())).toList();
        assertThat(read).containsExactly("1", "2", "3", "4", "5", "7");
        FileResult file = last(all);
        assertThat(file.status()).isEqualTo(FileStatus.OK);
        assertThat(file.reason()).contains("1 item of this Outlook data file could not be read")
                .contains("item 6").contains("scanpst.exe");
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        for (int i = Math.max(0, from); i + what.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    private static FileResult last(List<FileResult> all) {
        return all.get(all.size() - 1);
    }

    /** Read from disk (the file opened in place) as from memory, and several data files at once, each whole. */
    @Test
    void dataFilesOnDiskAreReadInPlaceSeveralAtOnce() throws Exception {
        byte[] pst = sample("testPST.pst");
        List<String> alone = engine.scan("mail.pst", pst).stream().map(FileResult::path).sorted().toList();
        for (int i = 1; i <= 3; i++) {
            Files.write(dir.resolve("mail" + i + ".pst"), pst);
        }
        List<FileResult> results = Collections.synchronizedList(new ArrayList<>());
        try (Engine three = new Engine(new RuleSet().withBuiltInMarkings(), Limits.defaults(), 3)) {
            three.scan(List.of(dir), results::add);
        }
        for (int i = 1; i <= 3; i++) {
            String prefix = dir.resolve("mail" + i + ".pst").toString();
            List<String> paths = results.stream().map(FileResult::path).filter(p -> p.startsWith(prefix))
                    .map(p -> "mail.pst" + p.substring(prefix.length())).sorted().toList();
            assertThat(paths).as(prefix).isEqualTo(alone);
        }
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.path()).isEqualTo(FileStatus.OK));
    }
}
