package org.baomi.server.platform.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.baomi.core.classification.ClassificationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.util.unit.DataSize;

/** The import framework on its own, with a made-up ledger: every way a file can be wrong, and a big one. */
class SheetImportsTest {

    /** Records whether the import's transaction committed or rolled back. */
    static final class RecordingTransactions extends AbstractPlatformTransactionManager {
        int commits;
        int rollbacks;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks++;
        }
    }

    static final List<String> HEADER = List.of("编号", "标题", "密级", "日期", "份数");

    @TempDir
    Path dir;
    TestLedger ledger;
    RecordingTransactions transactions;
    SheetImports imports;

    @BeforeEach
    void setUp() {
        ledger = new TestLedger();
        transactions = new RecordingTransactions();
        imports = new SheetImports(new SheetProperties(null, null, null), transactions);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    ImportReport importXlsx(List<List<?>> rows) {
        return run("ledger.xlsx", Sheets.xlsx(rows));
    }

    ImportReport run(String name, byte[] content) {
        return imports.importFile(Sheets.file(dir, name, content), name, ledger.spec(), ledger.sink());
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @Test
    void aGoodRegisterImportsEveryRowInOneTransaction() {
        ImportReport r = importXlsx(List.of(HEADER,
                row("JZ-2026-001", "关于做好年度保密自查工作的通知", "秘密", LocalDate.of(2026, 3, 5), 20),
                row("JZ-2026-002", "会议纪要", "机密", "2026/3/6", 3)));
        assertThat(r.accepted()).isTrue();
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.format()).isEqualTo(SheetFormat.XLSX);
        assertThat(ledger.written).containsExactly(
                new TestLedger.Entry("JZ-2026-001", "关于做好年度保密自查工作的通知", ClassificationLevel.CONFIDENTIAL,
                        LocalDate.of(2026, 3, 5), 20),
                new TestLedger.Entry("JZ-2026-002", "会议纪要", ClassificationLevel.SECRET, LocalDate.of(2026, 3, 6), 3));
        assertThat(transactions.commits).isEqualTo(1);
    }

    @Test
    void columnsComeInAnyOrderWithChineseOrEnglishHeadersFullWidthAndSpacesTolerated() {
        ImportReport r = importXlsx(List.of(
                row("  Copies ", "ＴＩＴＬＥ", "密　级", "Serial Number*", "收文日期"),
                row(2, "通知", "TOP SECRET", "A-1", "2026年3月5日"),
                row("２", "通报", "confidential", "A-2", "２０２６－０３－０７")));
        assertThat(r.problems()).isEmpty();
        assertThat(ledger.written).extracting(TestLedger.Entry::serial, TestLedger.Entry::level, TestLedger.Entry::dated,
                TestLedger.Entry::copies).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A-1", ClassificationLevel.TOP_SECRET, LocalDate.of(2026, 3, 5), 2),
                        org.assertj.core.groups.Tuple.tuple("A-2", ClassificationLevel.CONFIDENTIAL, LocalDate.of(2026, 3, 7), 2));
    }

    @Test
    void aMissingRequiredColumnIsReportedOnceNotPerRow() {
        ImportReport r = importXlsx(List.of(row("编号", "日期"), row("A-1", "2026-03-05"), row("A-2", "2026-03-05"),
                row("A-3", "2026-03-05")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.problems()).extracting(CellProblem::code, CellProblem::header, CellProblem::row).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sheet.header.missing", "标题", 1),
                org.assertj.core.groups.Tuple.tuple("sheet.header.missing", "密级", 1));
        assertThat(ledger.written).isEmpty();
        assertThat(transactions.commits + transactions.rollbacks).as("no transaction was even opened").isZero();
    }

    @Test
    void anUnknownColumnIsReportedAndReadPastWhileExportOnlyColumnsAreSilent() {
        ImportReport r = importXlsx(List.of(row("序号", "编号", "标题", "密级", "备注", "状态"),
                row(1, "A-1", "通知", "秘密", "随便写的", "在册")));
        assertThat(r.accepted()).isTrue();
        assertThat(r.ignoredColumns()).containsExactly("备注");
        assertThat(ledger.written).hasSize(1);
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        ImportReport r = importXlsx(List.of(row("编号", "标题", "密级", "Title"), row("A-1", "通知", "秘密", "x")));
        assertThat(r.problems()).extracting(CellProblem::code, CellProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sheet.header.duplicate", "D"));
    }

    @Test
    void aBadDateAndAnUnknownLevelAreNamedByRowColumnAndValueAndNothingIsImported() {
        ImportReport r = importXlsx(List.of(HEADER,
                row("A-1", "通知", "秘密", "2026-03-05", 1),
                row("A-2", "通知", "很机密", "2026-02-30", 1),
                row("A-3", "通知", "机密", "下周", "两份")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.problems()).extracting(CellProblem::row, CellProblem::column, CellProblem::header,
                CellProblem::value, CellProblem::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "C", "密级", "很机密", "sheet.cell.level"),
                        org.assertj.core.groups.Tuple.tuple(3, "D", "日期", "2026-02-30", "sheet.cell.date"),
                        org.assertj.core.groups.Tuple.tuple(4, "D", "日期", "下周", "sheet.cell.date"),
                        org.assertj.core.groups.Tuple.tuple(4, "E", "份数", "两份", "sheet.cell.integer"));
        assertThat(ledger.written).isEmpty();
    }

    @Test
    void headersAndProblemsAreInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ImportReport r = importXlsx(List.of(row("编号", "密级"), row("A-1", "秘密")));
        assertThat(r.problems()).extracting(CellProblem::header, CellProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Title", "sheet.header.missing"));
        ImportReport empty = importXlsx(List.of(row("Serial number", "title", "密级"), row("A-1", null, "秘密")));
        assertThat(empty.problems()).extracting(CellProblem::header, CellProblem::code)
                .as("a cell's problem names the header as the file writes it")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "sheet.cell.required"));
    }

    static Stream<String> dates() {
        return Stream.of("2026-03-05", "2026-3-5", "2026/3/5", "2026/03/05", "2026.3.5", "2026年3月5日", "2026 年 3 月 5 日",
                "20260305", "2026-03-05 00:00:00", "2026-03-05T09:30", "46086");
    }

    @ParameterizedTest
    @MethodSource("dates")
    void datesAreReadInTheFormsRegistersUse(String text) {
        assertThat(CellParsers.date().parse(text)).isEqualTo(CellValue.ok(LocalDate.of(2026, 3, 5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-29", "3/5/2026", "明天", "2026"})
    void impossibleOrAmbiguousDatesAreRefused(String text) {
        assertThat(CellParsers.date().parse(text)).isInstanceOf(CellValue.Bad.class);
    }

    @Test
    void anExcelDateCellReadsAsTheDateWhateverItsFormat() {
        importXlsx(List.of(HEADER, row("A-1", "通知", "秘密", LocalDate.of(2027, 12, 31))));
        assertThat(ledger.written.get(0).dated()).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void emptyRowsAreSkippedAndCounted() {
        List<List<?>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("A-1", "通知", "秘密"));
        rows.add(null);
        rows.add(row(null, "  ", null));
        rows.add(row("A-2", "通知", "秘密"));
        rows.add(null);
        ImportReport r = importXlsx(rows);
        assertThat(r.accepted()).isTrue();
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.skippedEmpty()).as("rows 3 and 4; the trailing one is not counted").isEqualTo(2);
    }

    @Test
    void aDuplicateSerialWithinTheFileNamesTheFirstRow() {
        ImportReport r = importXlsx(List.of(HEADER, row("A-1", "通知", "秘密"), row("A-2", "通知", "秘密"),
                row(" a-1 ", "通知", "秘密")));
        assertThat(r.problems()).extracting(CellProblem::row, CellProblem::column, CellProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "A", "sheet.cell.duplicate"));
        assertThat(r.problems().get(0).args()).containsExactly(2, "编号");
    }

    @Test
    void aSerialTheLedgerAlreadyHoldsIsRefused() {
        ledger.existing.add("A-2");
        ImportReport r = importXlsx(List.of(HEADER, row("A-1", "通知", "秘密"), row("A-2", "通知", "秘密")));
        assertThat(r.problems()).extracting(CellProblem::row, CellProblem::value, CellProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "A-2", "sheet.cell.exists"));
        assertThat(ledger.written).isEmpty();
    }

    @Test
    void aCheckAcrossCellsPointsAtItsColumn() {
        ImportReport r = importXlsx(List.of(HEADER, row("A-1", "通知", "绝密", null, 200)));
        assertThat(r.problems()).extracting(CellProblem::row, CellProblem::column, CellProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "E", "200"));
    }

    @Test
    void aRowTheLedgerRefusesRollsEverythingBackAndIsNamed() {
        ledger.refuse = "A-2";
        ImportReport r = importXlsx(List.of(HEADER, row("A-1", "通知", "秘密"), row("A-2", "通知", "绝密"),
                row("A-3", "通知", "秘密")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.imported()).isZero();
        assertThat(r.problems()).extracting(CellProblem::row, CellProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "carrier.storage.topSecretNeedsSafe"));
        assertThat(transactions.rollbacks).isEqualTo(1);
        assertThat(transactions.commits).isZero();
    }

    @Test
    void aTitleRowAboveTheHeaderIsReadPast() {
        ImportReport r = importXlsx(List.of(row("江州市发展和改革委员会 涉密载体台账"), row(), HEADER,
                row("A-1", "通知", "秘密")));
        assertThat(r.accepted()).isTrue();
        assertThat(r.headerRow()).isEqualTo(3);
    }

    @Test
    void aSheetWithoutAHeaderRowSaysWhatItExpects() {
        ImportReport r = importXlsx(List.of(row("A-1", "通知", "秘密"), row("A-2", "通知", "秘密")));
        assertThat(r.problems()).extracting(CellProblem::code).containsExactly("sheet.header.notFound");
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        ImportReport r = importXlsx(List.of(HEADER));
        assertThat(r.problems()).extracting(CellProblem::code).containsExactly("sheet.file.noRows");
    }

    // ---- CSV

    static final String CSV = "编号,标题,密级,日期,份数\r\n"
            + "A-1,\"关于印发《保密工作要点》的通知,附件\",秘密,2026/3/5,2\r\n"
            + "\r\n"
            + "A-2,\"多行\n标题 \"\"引号\"\"\",机密,2026年3月6日,\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "GBK", "GB18030", "UTF-16"})
    void csvIsReadInEveryEncodingExcelWrites(String encoding) {
        byte[] bytes = switch (encoding) {
            case "UTF-8-BOM" -> Sheets.csv(CSV, StandardCharsets.UTF_8, true);
            default -> Sheets.csv(CSV, Charset.forName(encoding), false);
        };
        ImportReport r = run("ledger.csv", bytes);
        assertThat(r.problems()).isEmpty();
        assertThat(r.format()).isEqualTo(SheetFormat.CSV);
        assertThat(r.skippedEmpty()).isEqualTo(1);
        assertThat(ledger.written).extracting(TestLedger.Entry::title)
                .containsExactly("关于印发《保密工作要点》的通知,附件", "多行\n标题 \"引号\"");
        if (encoding.startsWith("GB")) {
            assertThat(r.encoding()).isEqualTo("GB18030");
        }
    }

    @Test
    void aCsvRowNumberIsTheRecordNumberExcelShows() {
        ImportReport r = run("x.csv", Sheets.csv("编号,标题,密级\r\nA-1,\"two\nlines\",秘密\r\nA-2,x,绝绝\r\n",
                StandardCharsets.UTF_8, false));
        assertThat(r.problems()).extracting(CellProblem::row, CellProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "C"));
    }

    @Test
    void anExportedFormulaGuardIsTakenOffOnImport() {
        ImportReport r = run("x.csv", Sheets.csv("编号,标题,密级\r\nA-1,'=1+2,秘密\r\nA-2,'plain,秘密\r\n",
                StandardCharsets.UTF_8, true));
        assertThat(r.accepted()).isTrue();
        assertThat(ledger.written).extracting(TestLedger.Entry::title).containsExactly("=1+2", "'plain");
    }

    // ---- files that are not what they claim

    @Test
    void aPdfOrAnImageIsNotASpreadsheet() {
        ImportReport pdf = run("ledger.csv", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(pdf.problems()).extracting(CellProblem::code).containsExactly("sheet.file.notSpreadsheet");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};
        assertThat(run("ledger.xlsx", png).problems()).extracting(CellProblem::code)
                .containsExactly("sheet.file.notSpreadsheet");
        assertThat(run("data.bin", new byte[] {1, 2, 0, 4, 5}).problems()).extracting(CellProblem::code)
                .containsExactly("sheet.file.notSpreadsheet");
    }

    @Test
    void anEmptyFileOrOneWithoutRowsIsRefusedPlainly() {
        assertThat(run("empty.xlsx", new byte[0]).problems()).extracting(CellProblem::code)
                .containsExactly("sheet.file.empty");
        assertThat(run("blank.csv", "\r\n\r\n".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(CellProblem::code).containsExactly("sheet.header.notFound");
    }

    @Test
    void aWordDocumentIsNotASpreadsheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("编号 标题 密级");
            doc.write(out);
        }
        ImportReport r = run("ledger.xlsx", out.toByteArray());
        assertThat(r.problems()).extracting(CellProblem::code).containsExactly("sheet.file.broken");
        assertThat(r.problems().get(0).row()).isZero();
    }

    @Test
    void aPasswordProtectedWorkbookGetsAClearMessage() throws Exception {
        byte[] plain = Sheets.xlsx(List.of(HEADER, row("A-1", "通知", "秘密")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("mima");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
        }
        ImportReport r = run("ledger.xlsx", out.toByteArray());
        assertThat(r.problems()).extracting(CellProblem::code).containsExactly("sheet.file.encrypted");
        assertThat(r.problems().get(0).english()).contains("password");
    }

    @Test
    void anOldXlsWorkbookIsAskedToBeSavedAsXlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HSSFWorkbook book = new HSSFWorkbook()) {
            book.createSheet().createRow(0).createCell(0).setCellValue("编号");
            book.write(out);
        }
        assertThat(run("ledger.xls", out.toByteArray()).problems()).extracting(CellProblem::code)
                .containsExactly("sheet.file.xls");
    }

    @Test
    void filesOverTheLimitsAreRefusedNamingTheLimit() {
        imports = new SheetImports(new SheetProperties(DataSize.ofKilobytes(1), 3, null), transactions);
        byte[] big = Sheets.csv("编号,标题,密级\r\n" + "A-1,通知,秘密\r\n".repeat(200), StandardCharsets.UTF_8, false);
        ImportReport tooLarge = run("big.csv", big);
        assertThat(tooLarge.problems()).extracting(CellProblem::code).containsExactly("sheet.file.tooLarge");

        StringBuilder rows = new StringBuilder("编号,标题,密级\r\n");
        for (int i = 1; i <= 5; i++) {
            rows.append("A-").append(i).append(",通知,秘密\r\n");
        }
        ImportReport tooMany = run("many.csv", Sheets.csv(rows.toString(), StandardCharsets.UTF_8, false));
        assertThat(tooMany.problems()).extracting(CellProblem::code).containsExactly("sheet.file.tooManyRows");
        assertThat(tooMany.problems().get(0).args()).containsExactly(3);
        assertThat(ledger.written).isEmpty();
    }

    @Test
    void theProblemListIsCappedAndSaysHowManyMore() {
        imports = new SheetImports(new SheetProperties(null, null, 100), transactions);
        StringBuilder rows = new StringBuilder("编号,标题,密级\r\n");
        for (int i = 1; i <= 150; i++) {
            rows.append("A-").append(i).append(",通知,很秘密\r\n");
        }
        ImportReport r = run("bad.csv", Sheets.csv(rows.toString(), StandardCharsets.UTF_8, false));
        assertThat(r.problems()).hasSize(100);
        assertThat(r.moreProblems()).isEqualTo(50);
        assertThat(r.problemCount()).isEqualTo(150);
        assertThat(r.problems().get(99).row()).isEqualTo(101);
    }

    // ---- size

    static List<?> bigRow(int i) {
        return List.of(String.format("JZ-2026-%06d", i), "关于第" + i + "号事项的通知（测试数据，长度与真实标题相近）",
                i % 3 == 0 ? "机密" : "秘密", LocalDate.of(2026, 1, 1).plusDays(i % 365), 1 + i % 30);
    }

    /**
     * 50,000 rows import, and rows are not kept: a row object seen early is garbage by the end
     * (memory grows with the keys only). No timing here: see docs/benchmarks.md.
     */
    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void fiftyThousandRowsImportWithoutHoldingTheRows(String format) throws IOException {
        int n = 50_000;
        Path file = dir.resolve("big." + format);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (format.equals("xlsx")) {
                Sheets.bigXlsx(out, HEADER, n, SheetImportsTest::bigRow);
            } else {
                try (SheetWriter w = SheetWriter.open(SheetFormat.CSV, out, new SheetWriter.Layout(null, HEADER,
                        List.of(1, 1, 1, 1, 1)))) {
                    for (int i = 1; i <= n; i++) {
                        w.row(bigRow(i));
                    }
                }
            }
        }
        List<WeakReference<ParsedRow>> early = new ArrayList<>();
        long[] count = {0};
        long[] checksum = {0};
        ImportReport r = imports.importFile(file, file.getFileName().toString(), ledger.spec(), row -> {
            if (row.row() <= 11) {
                early.add(new WeakReference<>(row));
            }
            count[0]++;
            checksum[0] += row.get(TestLedger.COPIES);
        });
        assertThat(r.problems()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(n);
        assertThat(r.imported()).isEqualTo(n);
        assertThat(count[0]).isEqualTo(n);
        long expected = 0;
        for (int i = 1; i <= n; i++) {
            expected += 1 + i % 30;
        }
        assertThat(checksum[0]).isEqualTo(expected);
        System.gc();
        assertThat(early).hasSize(10).allSatisfy(ref -> assertThat(ref.get()).as("an early row is not retained").isNull());
    }
}
