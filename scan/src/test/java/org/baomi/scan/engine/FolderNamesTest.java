package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's name is judged as a file name is (docs/adr/0126): a folder "机密★10年" holding
 * innocently named files — on disk, or inside a zip, tar or 7z — was no finding at all. On disk the
 * folder is an entry of its own (path ending in the separator, {@code inode/directory}), listed only
 * when its name holds a finding; inside an archive its name is a finding of the archive at
 * {@code folder name}, each folder once however many files it holds.
 */
class FolderNamesTest extends OneEngineTest {
    private static final byte[] PLAIN = "内容：一般工作安排。\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] zip(String... members) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String m : members) {
                z.putNextEntry(new ZipEntry(m));
                if (!m.endsWith("/")) {
                    z.write(PLAIN);
                }
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The folder-name findings a report shows by default (medium and up; "内部控制" is low). */
    private static List<Finding> folderFindings(FileResult r) {
        return r.findings().stream()
                .filter(f -> f.location().equals("folder name") && f.confidence().compareTo(Confidence.MEDIUM) >= 0).toList();
    }

    @Test
    void aMarkedFolderInAZipIsAFindingOfTheZipOnce() throws Exception {
        FileResult z = top("资料.zip", zip("资料/机密★10年/名单.txt", "资料/机密★10年/通知.txt", "资料/机密★10年/附件/表.txt",
                "内部控制/制度.txt"));
        assertThat(folderFindings(z)).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.text()).isEqualTo("机密★10年");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
        assertThat(z.status()).isEqualTo(FileStatus.OK);
    }

    @Test
    void anEmptyFolderOfAZipIsJudgedAndASetApartLevelIsMedium() throws Exception {
        FileResult z = top("归档.zip", zip("（绝密）往来/", "其他/说明.txt"));
        assertThat(folderFindings(z)).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo("绝密");
            assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        });
    }

    @Test
    void aPasswordProtectedZipStillHasItsFolderNamesJudged() throws Exception {
        byte[] z = zip("秘密★5年/名单.txt");
        // The "encrypted" flag (bit 0) on the member, in its local header and in the central directory.
        for (int i = 0; i + 4 < z.length; i++) {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 3 && z[i + 3] == 4) {
                z[i + 6] |= 1;
            } else if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2) {
                z[i + 8] |= 1;
            }
        }
        FileResult r = top("加密.zip", z);
        assertThat(r.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(folderFindings(r)).singleElement().satisfies(f -> assertThat(f.level()).isEqualTo("秘密"));
    }

    @Test
    void tarAnd7zFoldersAreJudgedAndTheCurrentFolderIsNotAName() throws Exception {
        FileResult r = top("备份.tar", TestCorpus.tar("UTF-8", false, PLAIN, "./", "./机密★10年/", "./机密★10年/a.txt"));
        assertThat(folderFindings(r)).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("机密★10年");
            assertThat(f.context()).doesNotContain(".");
        });

        Path seven = Files.createTempFile("folders", ".7z");
        try (SevenZOutputFile z = new SevenZOutputFile(seven.toFile())) {
            SevenZArchiveEntry e = z.createArchiveEntry(seven.toFile(), "工作/绝密★长期/a.txt");
            e.setDirectory(false);
            z.putArchiveEntry(e);
            z.write(PLAIN);
            z.closeArchiveEntry();
        }
        FileResult s = top("备份.7z", Files.readAllBytes(seven));
        Files.delete(seven);
        assertThat(folderFindings(s)).singleElement().satisfies(f -> assertThat(f.level()).isEqualTo("绝密"));
    }

    @Test
    void aMarkedFolderOnDiskIsAnEntryOfItsOwnAndAPlainOneIsNot(@TempDir Path dir) throws Exception {
        Path marked = Files.createDirectories(dir.resolve("资料").resolve("机密★10年").resolve("附件"));
        Files.write(marked.resolve("表.txt"), PLAIN);
        Files.write(Files.createDirectories(dir.resolve("内部控制")).resolve("制度.txt"), PLAIN);
        List<FileResult> all = new ArrayList<>();
        engine.scan(List.of(dir), all::add);
        List<FileResult> folders = all.stream().filter(FileResult::folder).map(r -> r.atLeast(Confidence.MEDIUM))
                .filter(r -> !r.findings().isEmpty()).toList();
        assertThat(folders).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(dir.resolve("资料").resolve("机密★10年") + dir.getFileSystem().getSeparator());
            assertThat(r.mediaType()).isEqualTo("inode/directory");
            assertThat(r.status()).isEqualTo(FileStatus.OK);
            assertThat(r.sha256()).isNull();
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.location()).isEqualTo("folder name");
                assertThat(f.level()).isEqualTo("机密");
                assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
            });
        });
        assertThat(all.stream().filter(r -> !r.folder())).hasSize(2).allSatisfy(r -> assertThat(r.findings()).isEmpty());
        // "内部控制" is a word, not a level set apart: low, which a report leaves out by default.
        assertThat(all).filteredOn(r -> r.path().contains("内部控制") && r.folder()).singleElement()
                .satisfies(r -> assertThat(r.findings()).allMatch(f -> f.confidence() == Confidence.LOW));
    }

    @Test
    void theFolderNamedOnTheCommandLineIsJudgedToo(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("秘密★5年"));
        Files.write(root.resolve("a.txt"), PLAIN);
        List<FileResult> all = new ArrayList<>();
        engine.scan(List.of(root), all::add);
        assertThat(all).filteredOn(FileResult::folder).singleElement()
                .satisfies(r -> assertThat(r.findings()).anyMatch(f -> f.level().equals("秘密")));
    }
}
