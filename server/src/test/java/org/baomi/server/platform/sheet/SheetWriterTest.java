package org.baomi.server.platform.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baomi.core.classification.ClassificationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/** The writers: what Excel shows, formula safety, and that what we write we read back. */
class SheetWriterTest {

    @TempDir
    Path dir;

    static final SheetWriter.Layout LAYOUT = SheetWriter.Layout.of("江州市发展和改革委员会 测试台账（导出时间 2026-11-21 09:00）",
            TestLedger.COLUMNS, Locale.SIMPLIFIED_CHINESE);

    static byte[] write(SheetFormat format, List<List<?>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = SheetWriter.open(format, out, LAYOUT)) {
            for (List<?> r : rows) {
                w.row(r);
            }
        }
        return out.toByteArray();
    }

    static final List<List<?>> ROWS = List.of(
            java.util.Arrays.asList("JZ-001", "=HYPERLINK(\"http://x\",\"点我\")", "机密", LocalDate.of(2026, 3, 5), 3),
            java.util.Arrays.asList("JZ-002", "关于印发《要点》的通知,附件", "秘密", null, null));

    @Test
    void xlsxHasATitleABoldFrozenHeaderWidthsAndDateCells() throws IOException {
        byte[] bytes = write(SheetFormat.XLSX, ROWS);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("江州市发展和改革委员会");
            assertThat(sheet.getMergedRegions()).hasSize(1);
            var header = sheet.getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(40 * 256);
            var date = sheet.getRow(2).getCell(3);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(sheet.getRow(2).getCell(1).getCellType()).as("text is never a formula").isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(3.0);
        }
    }

    @Test
    void csvHasABomQuotesAndGuardsFormulas() throws IOException {
        String text = new String(write(SheetFormat.CSV, ROWS), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF江州市");
        assertThat(text).contains("\r\n编号,标题,密级,日期,份数\r\n");
        assertThat(text).contains("JZ-001,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",机密,2026-03-05,3\r\n");
        assertThat(text).contains("JZ-002,\"关于印发《要点》的通知,附件\",秘密,,\r\n");
    }

    @Test
    void whatIsWrittenIsReadBackUnchangedInBothFormats() throws IOException {
        for (SheetFormat format : SheetFormat.values()) {
            TestLedger ledger = new TestLedger();
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            var imports = new SheetImports(new SheetProperties(null, null, null), new AbstractPlatformTransactionManager() {
                @Override
                protected Object doGetTransaction() {
                    return new Object();
                }

                @Override
                protected void doBegin(Object t, org.springframework.transaction.TransactionDefinition d) {
                }

                @Override
                protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus s) {
                }

                @Override
                protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus s) {
                }
            });
            Path file = Sheets.file(dir, "round." + format.extension(), write(format, ROWS));
            ImportReport r = imports.importFile(file, file.getFileName().toString(), ledger.spec(), ledger.sink());
            assertThat(r.problems()).as(format.name()).isEmpty();
            assertThat(r.headerRow()).isEqualTo(2);
            List<TestLedger.Entry> expected = new ArrayList<>();
            expected.add(new TestLedger.Entry("JZ-001", "=HYPERLINK(\"http://x\",\"点我\")", ClassificationLevel.SECRET,
                    LocalDate.of(2026, 3, 5), 3));
            expected.add(new TestLedger.Entry("JZ-002", "关于印发《要点》的通知,附件", ClassificationLevel.CONFIDENTIAL, null,
                    null));
            assertThat(ledger.written).as(format.name()).isEqualTo(expected);
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void englishReadersGetEnglishHeaders() {
        assertThat(SheetWriter.Layout.of(null, TestLedger.COLUMNS, Locale.ENGLISH).headers())
                .containsExactly("Serial number", "Title", "Classification level", "Date", "Copies");
    }

    @Test
    void columnLettersGoPastZ() {
        assertThat(List.of(Headers.columnLetters(0), Headers.columnLetters(25), Headers.columnLetters(26),
                Headers.columnLetters(701), Headers.columnLetters(702))).containsExactly("A", "Z", "AA", "ZZ", "AAA");
    }
}
