package org.baomi.server.platform.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.mock.web.MockMultipartFile;

/** Writes test files: xlsx through POI as Excel would, CSV in any character set. */
public final class Sheets {

    /** The content type of an xlsx, as the export answers and the uploads send it. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Sheets() {
    }

    /** An xlsx as a browser uploads it in the import forms' {@code file} field. */
    public static MockMultipartFile upload(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, XLSX, bytes);
    }

    /** An xlsx whose rows are given cell by cell; a LocalDate becomes a date cell; null leaves the cell out. */
    public static byte[] xlsx(List<List<?>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("台账");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r) == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                fill(row, rows.get(r), date);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Row row, List<?> cells, CellStyle date) {
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) {
                continue;
            }
            var cell = row.createCell(c);
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    /** A large xlsx streamed to {@code out} with SXSSF: a header then {@code rows} rows from {@code row}. */
    public static void bigXlsx(OutputStream out, List<String> header, int rows, java.util.function.IntFunction<List<?>> row)
            throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            var sheet = book.createSheet();
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            fill(sheet.createRow(0), header, date);
            for (int i = 1; i <= rows; i++) {
                fill(sheet.createRow(i), row.apply(i), date);
            }
            book.write(out);
        }
    }

    public static byte[] csv(String text, Charset charset, boolean bom) {
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    public static Path file(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
