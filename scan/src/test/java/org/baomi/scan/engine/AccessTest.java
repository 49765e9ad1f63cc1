package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.PropertyMap;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;
import com.healthmarketscience.jackcess.util.OleBlob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access databases as older ledger systems keep them, written here with Jackcess: a marking in a
 * table's row, in a rich-text field, in the database's properties and in a document kept in an
 * OLE object field is found; a table linked from another file is not followed; a damaged
 * database is unreadable with a reason, not a failed scan.
 */
class AccessTest {
    @TempDir
    static Path dir;
    static final Map<String, List<FileResult>> results = new ConcurrentHashMap<>();

    @BeforeAll
    static void buildAndScan() throws Exception {
        Path ledger = dir.resolve("台账.mdb");
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2000, ledger.toFile())) {
            Table t = new TableBuilder("文件登记")
                    .addColumn(new ColumnBuilder("序号", DataType.LONG))
                    .addColumn(new ColumnBuilder("文件名称", DataType.TEXT))
                    .addColumn(new ColumnBuilder("密级", DataType.TEXT))
                    .addColumn(new ColumnBuilder("摘要", DataType.MEMO).putProperty(PropertyMap.TEXT_FORMAT_PROP, (byte) 1))
                    .addColumn(new ColumnBuilder("附件", DataType.OLE))
                    .toTable(db);
            t.addRow(1, "关于2024年工作安排的通知", "机密★10年", null, null);
            // Rich text is kept as HTML: the marking is split by a tag.
            t.addRow(2, "会议纪要", null, "<div><font color=\"#333333\">绝<strong>密</strong>★长期</font></div>", null);
            byte[] attached = TestCorpus.docx("人员名单", null, null, null, "秘密★5年");
            try (OleBlob blob = new OleBlob.Builder().setSimplePackageBytes(attached).setSimplePackageFileName("名单.docx")
                    .setSimplePackageFilePath("C:\\台账\\名单.docx")
                    .toBlob()) {
                t.addRow(3, "人员名单", null, null, blob.getBytes(1, (int) blob.length()));
            }
            db.getSummaryProperties().put("Title", DataType.TEXT, "内部资料 保密台账");
            db.getSummaryProperties().save();
            // A table linked from another database: its rows are in that file, which is not opened from here.
            db.createLinkedTable("外部表", dir.resolve("missing.mdb").toString(), "文件登记");
        }
        Path accdb = dir.resolve("设备.accdb");
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2010, accdb.toFile())) {
            new TableBuilder("设备").addColumn(new ColumnBuilder("名称", DataType.TEXT))
                    .addColumn(new ColumnBuilder("用途", DataType.TEXT)).toTable(db)
                    .addRow("涉密计算机", "处理秘密级文件");
        }
        // A database cut after its first pages: the header says Access, the catalogue is gone.
        byte[] whole = Files.readAllBytes(ledger);
        Files.write(dir.resolve("damaged.mdb"), java.util.Arrays.copyOf(whole, 4096 + 512));

        Path words = Files.createTempFile(dir, "kw-", ".txt");
        Files.writeString(words, "涉密计算机\n", StandardCharsets.UTF_8);
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings().withKeywords(words), Limits.defaults(), 2)) {
            for (String name : List.of("台账.mdb", "设备.accdb", "damaged.mdb")) {
                results.put(name, engine.scan(name, Files.readAllBytes(dir.resolve(name))));
            }
        }
    }

    private static FileResult top(String name) {
        List<FileResult> all = results.get(name);
        return all.get(all.size() - 1);
    }

    private static Finding marking(FileResult r, String text) {
        return r.findings().stream().filter(f -> f.category() == Category.MARKING && f.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(r.path() + ": no marking " + text + " in " + r.findings()));
    }

    @Test
    void aMarkingInARowIsFoundUnderItsTable() {
        FileResult r = top("台账.mdb");
        assertThat(r.status()).as(r.reason()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).isEqualTo("application/x-msaccess");
        Finding f = marking(r, "机密★10年");
        assertThat(f.location()).isEqualTo("table 文件登记");
        assertThat(f.context()).contains("关于2024年工作安排的通知");
    }

    @Test
    void richTextIsReadAsWhatItShows() {
        assertThat(marking(top("台账.mdb"), "绝密★长期").location()).isEqualTo("table 文件登记");
    }

    @Test
    void theDatabasesPropertiesAreRead() {
        Finding f = marking(top("台账.mdb"), "内部资料");
        assertThat(f.location()).isEqualTo("metadata");
    }

    @Test
    void aDocumentKeptInAnOleFieldIsScannedAsAFileInside() {
        FileResult attached = results.get("台账.mdb").stream().filter(r -> r.path().equals("台账.mdb!/文件登记/名单.docx"))
                .findFirst().orElseThrow(() -> new AssertionError(results.get("台账.mdb").stream().map(FileResult::path).toList()));
        assertThat(marking(attached, "秘密★5年").location()).isEqualTo("metadata");
    }

    @Test
    void anAccdbIsRead() {
        FileResult r = top("设备.accdb");
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.text()).isEqualTo("涉密计算机");
            assertThat(f.location()).isEqualTo("table 设备");
        });
    }

    @Test
    void aDamagedDatabaseIsUnreadableWithAReason() {
        FileResult r = top("damaged.mdb");
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("damaged or cut-short Access database");
    }
}
