package org.baomi.server.platform.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx file, or a CSV file, one row at a time: the row number Excel
 * shows and each cell's text (trimmed; null when empty), as the cell is displayed, except that a
 * date cell reads as 2026-03-05. Only one row is held at a time. The xlsx is read with POI's
 * event API (SAX over the sheet XML, shared strings read-only) rather than its object model,
 * which would hold the whole workbook in memory (ADR 0030).
 */
public final class SheetReader {

    /** Receives the rows in file order. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * @param row   the row number Excel shows (1 for the first row)
         * @param cells the cells from column A on; an empty cell is null
         * @return false to stop reading
         */
        boolean row(int row, List<String> cells);
    }

    /** What the file turned out to be: a readable sheet, or the reason it cannot be read. */
    public sealed interface Opened {
    }

    /** A file that can be read: its format and, for CSV, the character set detected. */
    public record Readable(Path path, SheetFormat format, Charset charset) implements Opened {
    }

    /** A file refused before any row: a message key, an English sentence, arguments. */
    public record Unreadable(String code, String english, Object... args) implements Opened {
    }

    private SheetReader() {
    }

    /**
     * Decides what {@code path} holds from its content (the name only breaks a tie): an xlsx
     * workbook, CSV text (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030, which reads
     * GBK), an encrypted workbook, an old .xls, or something that is no spreadsheet at all.
     */
    public static Opened open(Path path, String fileName) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(path)))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            return new Readable(path, SheetFormat.XLSX, null);
        }
        if (magic == FileMagic.OLE2) {
            return ole2(path);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")
                || (magic != FileMagic.UNKNOWN && magic != FileMagic.XML && magic != FileMagic.HTML)) {
            return notASpreadsheet(fileName);
        }
        Charset charset = detectCharset(path);
        if (charset == null) {
            return notASpreadsheet(fileName);
        }
        return new Readable(path, SheetFormat.CSV, charset);
    }

    private static Opened ole2(Path path) {
        try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage")) {
                return new Unreadable("sheet.file.encrypted",
                        "The workbook is protected by a password. Remove the password in Excel (File, Info, Protect"
                                + " Workbook) and upload it again.");
            }
            if (fs.getRoot().hasEntryCaseInsensitive("Workbook") || fs.getRoot().hasEntryCaseInsensitive("Book")) {
                return new Unreadable("sheet.file.xls",
                        "This is an Excel 97-2003 workbook (.xls). Save it as an Excel workbook (.xlsx) or as CSV and upload that.");
            }
        } catch (IOException | RuntimeException e) {
            // not a readable compound file either: fall through
        }
        return notASpreadsheet(path.getFileName().toString());
    }

    private static Unreadable notASpreadsheet(String fileName) {
        return new Unreadable("sheet.file.notSpreadsheet",
                "The file " + fileName + " is neither an Excel workbook (.xlsx) nor a CSV file.", fileName);
    }

    /** UTF-8 when the bytes decode as UTF-8 (BOM or not), UTF-16 by its BOM, GB18030 otherwise; null for binary. */
    static Charset detectCharset(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                return StandardCharsets.UTF_16;
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            boolean isUtf8 = true;
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        return null;
                    }
                }
                if (!isUtf8) {
                    continue;
                }
                bytes.put(chunk, 0, n).flip();
                chars.clear();
                var result = utf8.decode(bytes, chars, false);
                if (result.isError()) {
                    isUtf8 = false;
                }
                bytes.compact();
            }
            if (isUtf8) {
                bytes.flip();
                chars.clear();
                if (utf8.decode(bytes, chars, true).isError()) {
                    isUtf8 = false;
                }
            }
            return isUtf8 ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        }
    }

    /** Reads the rows of a file {@link #open} found readable. */
    public static void read(Readable file, RowHandler handler) throws IOException, UnreadableSheetException {
        if (file.format() == SheetFormat.CSV) {
            readCsv(file, handler);
        } else {
            readXlsx(file, handler);
        }
    }

    /** A file that looked like a spreadsheet but broke while being read. */
    public static final class UnreadableSheetException extends Exception {
        UnreadableSheetException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void readCsv(Readable file, RowHandler handler) throws IOException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file.path()), file.charset())) {
            java.io.BufferedReader in = new java.io.BufferedReader(reader, 64 * 1024);
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            Csv.RecordReader records = new Csv.RecordReader(in);
            List<String> fields;
            int row = 0;
            while ((fields = records.next()) != null) {
                row++;
                List<String> cells = new ArrayList<>(fields.size());
                for (String f : fields) {
                    cells.add(csvCell(f));
                }
                if (!handler.row(row, cells)) {
                    return;
                }
            }
        }
    }

    /** Trims, and takes off the apostrophe an export put before formula-like text. */
    private static String csvCell(String f) {
        String t = f.strip();
        if (t.length() > 1 && t.charAt(0) == '\'' && Csv.startsLikeAFormula(t.substring(1))) {
            t = t.substring(1);
        }
        return t.isEmpty() ? null : t;
    }

    /** Handler exceptions leave the SAX parser wrapped in this, so they are told from parse errors. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private static void readXlsx(Readable file, RowHandler handler) throws IOException, UnreadableSheetException {
        try (OPCPackage pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableSheetException("the workbook has no sheet", null);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(handler),
                        new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            // the handler has seen enough
        } catch (HandlerFailed failed) {
            throw (RuntimeException) failed.getCause();
        } catch (UnreadableSheetException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableSheetException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Gathers the cells of one row (the SAX handler reports them one by one and skips empty ones). */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;

        RowCollector(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            while (cells.size() <= column) {
                cells.add(null);
            }
            String t = formatted == null ? null : formatted.strip();
            cells.set(column, t == null || t.isEmpty() ? null : t);
        }

        @Override
        public void endRow(int rowNum) {
            boolean go;
            try {
                go = handler.row(rowNum + 1, new ArrayList<>(cells));
            } catch (RuntimeException e) {
                throw new HandlerFailed(e);
            }
            if (!go) {
                throw new Stop();
            }
        }
    }

    /** Shows cells as Excel does, except dates, which read as ISO dates whatever their format. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904, true);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
