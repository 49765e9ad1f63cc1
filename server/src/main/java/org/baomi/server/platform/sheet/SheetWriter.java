package org.baomi.server.platform.sheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a ledger as xlsx or CSV, one row at a time. The xlsx is written with SXSSF, which keeps
 * a window of 100 rows in memory and the rest in a compressed temporary file, so a 100,000-row
 * export stays small; it has an optional title row, a bold frozen header row, column widths, and
 * dates as date cells. The CSV is UTF-8 with a byte-order mark (so Excel reads Chinese right),
 * formula-safe through {@link Csv}.
 */
public abstract sealed class SheetWriter implements AutoCloseable {

    /**
     * @param title   a line above the header (unit and export time), or null
     * @param headers the header row
     * @param widths  column widths in characters, one per header
     */
    public record Layout(String title, List<String> headers, List<Integer> widths) {
        public Layout {
            headers = List.copyOf(headers);
            widths = List.copyOf(widths);
        }

        /** The layout of {@code columns}' headers in the reader's language. */
        public static Layout of(String title, List<SheetColumn<?>> columns, java.util.Locale locale) {
            return new Layout(title, columns.stream().map(c -> c.header(locale)).toList(),
                    columns.stream().map(SheetColumn::width).toList());
        }
    }

    public static SheetWriter open(SheetFormat format, OutputStream out, Layout layout) throws IOException {
        return format == SheetFormat.XLSX ? new Xlsx(out, layout) : new CsvText(out, layout);
    }

    /** Appends a row; values are text, numbers, dates (LocalDate, LocalDateTime) or null. */
    public abstract void row(List<?> values) throws IOException;

    /** Finishes the file and flushes it to the stream; the stream itself stays open. */
    @Override
    public abstract void close() throws IOException;

    static final class Xlsx extends SheetWriter {
        private final OutputStream out;
        private final SXSSFWorkbook book = new SXSSFWorkbook(100);
        private final SXSSFSheet sheet;
        private final CellStyle dateStyle;
        private final CellStyle dateTimeStyle;
        private int next;

        Xlsx(OutputStream out, Layout layout) {
            this.out = out;
            book.setCompressTempFiles(true);
            sheet = book.createSheet("Sheet1");
            dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            dateTimeStyle = book.createCellStyle();
            dateTimeStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            int columns = layout.headers().size();
            if (layout.title() != null) {
                Font big = book.createFont();
                big.setBold(true);
                big.setFontHeightInPoints((short) 13);
                CellStyle titleStyle = book.createCellStyle();
                titleStyle.setFont(big);
                Row title = sheet.createRow(next++);
                title.setHeightInPoints(22);
                Cell c = title.createCell(0);
                c.setCellValue(layout.title());
                c.setCellStyle(titleStyle);
                if (columns > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
                }
            }
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle headerStyle = book.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setWrapText(true);
            Row header = sheet.createRow(next++);
            for (int i = 0; i < columns; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(layout.headers().get(i));
                c.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.min(255, Math.max(4, layout.widths().get(i))) * 256);
            }
            sheet.createFreezePane(0, next);
        }

        @Override
        public void row(List<?> values) {
            Row r = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    continue;
                }
                Cell c = r.createCell(i);
                if (v instanceof LocalDate d) {
                    c.setCellValue(d);
                    c.setCellStyle(dateStyle);
                } else if (v instanceof LocalDateTime t) {
                    c.setCellValue(t);
                    c.setCellStyle(dateTimeStyle);
                } else if (v instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                } else {
                    // A string cell is never evaluated as a formula, so no apostrophe is needed here.
                    c.setCellValue(v.toString());
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                book.write(out);
                out.flush();
            } finally {
                book.close();
            }
        }
    }

    static final class CsvText extends SheetWriter {
        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        private final Writer w;

        CsvText(OutputStream out, Layout layout) throws IOException {
            w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            w.write('\uFEFF');
            if (layout.title() != null) {
                Csv.writeRow(w, new String[] {layout.title()});
            }
            Csv.writeRow(w, layout.headers().toArray(String[]::new));
        }

        @Override
        public void row(List<?> values) throws IOException {
            String[] fields = new String[values.size()];
            for (int i = 0; i < fields.length; i++) {
                Object v = values.get(i);
                fields[i] = v == null ? null
                        : v instanceof LocalDateTime t ? MINUTES.format(t)
                        : v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue())
                        : v.toString();
            }
            Csv.writeRow(w, fields);
        }

        @Override
        public void close() throws IOException {
            w.flush();
        }
    }
}
