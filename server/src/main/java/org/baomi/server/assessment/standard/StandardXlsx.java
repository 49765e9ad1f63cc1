package org.baomi.server.assessment.standard;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baomi.core.assessment.AssessmentLevel;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.CheckMethod;
import org.baomi.core.assessment.DeductionItem;
import org.baomi.core.assessment.InvalidStandardException;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;
import org.baomi.core.assessment.Text;
import org.baomi.core.assessment.VetoItem;

/**
 * Reads and writes a standard as an xlsx workbook of five sheets — Standard (field / value rows),
 * Categories, Items, Deductions, Vetoes — each with a header row whose cells carry the column's
 * English name (a Chinese label may stand before it: "分值 points"). Columns are found by header,
 * so an author may reorder them. A standard is a few hundred rows at most, so POI's object model is
 * used rather than the ledgers' streaming reader (ADR 0030 is about 50,000-row registers).
 * Problems name the sheet, the row as Excel numbers it and the column.
 */
public final class StandardXlsx {

    static final String STANDARD = "Standard";
    static final String CATEGORIES = "Categories";
    static final String ITEMS = "Items";
    static final String DEDUCTIONS = "Deductions";
    static final String VETOES = "Vetoes";

    private static final List<String[]> STANDARD_ROWS = List.of(
            new String[] {"standard", "标准编号"}, new String[] {"version", "版本"}, new String[] {"level", "层级"},
            new String[] {"title_zh", "名称（中文）"}, new String[] {"title_en", "名称（英文）"}, new String[] {"total", "总分"});
    private static final String[][] CATEGORY_COLUMNS = {{"id", "编号"}, {"title_zh", "类别"}, {"title_en", "类别（英文）"}};
    private static final String[][] ITEM_COLUMNS = {{"id", "编号"}, {"category", "类别"}, {"text_zh", "检查内容"},
            {"text_en", "检查内容（英文）"}, {"points", "分值"}, {"methods", "检查方法"}, {"evidence", "证据查询"},
            {"unitKinds", "适用单位类型"}};
    private static final String[][] DEDUCTION_COLUMNS = {{"id", "编号"}, {"category", "类别"}, {"text_zh", "加重扣分情形"},
            {"text_en", "加重扣分情形（英文）"}, {"perOccurrence", "每次扣分"}, {"cap", "扣分上限"}, {"evidence", "证据查询"}};
    private static final String[][] VETO_COLUMNS = {{"id", "编号"}, {"text_zh", "一票否决情形"},
            {"text_en", "一票否决情形（英文）"}, {"evidence", "证据查询"}};

    private StandardXlsx() {
    }

    /**
     * @throws InvalidStandardException listing every problem, each naming sheet, row and column
     */
    public static Standard read(InputStream raw) {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        try {
            if (FileMagic.valueOf(in) != FileMagic.OOXML) {
                throw StandardReading.fileProblem("assessment.notXlsx",
                        "This is not an xlsx workbook: save the standard from Excel or WPS as .xlsx.");
            }
            try (XSSFWorkbook book = new XSSFWorkbook(in)) {
                return read(book);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidStandardException ise) {
                throw ise;
            }
            throw StandardReading.fileProblem("assessment.notXlsx",
                    "This is not a readable xlsx workbook (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static Standard read(XSSFWorkbook book) {
        StandardReading r = new StandardReading();
        Sheet head = sheet(r, book, STANDARD);
        Object[] header = new Object[STANDARD_ROWS.size()];
        if (head != null) {
            for (Row row : head) {
                String key = StandardReading.string(value(row.getCell(0)));
                for (int k = 0; k < STANDARD_ROWS.size(); k++) {
                    if (matches(key, STANDARD_ROWS.get(k)[0])) {
                        header[k] = value(row.getCell(1));
                    }
                }
            }
        }
        String headPlace = STANDARD + " sheet";
        String id = StandardReading.string(header[0]);
        int version = r.version(header[1], headPlace);
        AssessmentLevel level = r.level(header[2], headPlace);
        Text title = r.text(header[3], header[4], headPlace, "title", true);
        BigDecimal total = r.points(header[5], headPlace, "total");

        for (Line l : lines(r, book, CATEGORIES, CATEGORY_COLUMNS)) {
            String where = r.place(l.get("id"), l.where);
            String cid = r.id(l.get("id"), where);
            Text t = r.text(l.get("title_zh"), l.get("title_en"), where, "title", true);
            r.guard(where, () -> r.categories.add(new Category(cid, t != null ? t : StandardReading.UNREADABLE)));
        }
        for (Line l : lines(r, book, ITEMS, ITEM_COLUMNS)) {
            String where = r.place(l.get("id"), l.where);
            String iid = r.id(l.get("id"), where);
            Text t = r.text(l.get("text_zh"), l.get("text_en"), where, "text", true);
            BigDecimal points = r.points(l.get("points"), where, "points");
            List<CheckMethod> methods = r.methods(StandardReading.split(l.get("methods")), where);
            var kinds = r.unitKinds(StandardReading.split(l.get("unitKinds")), where);
            if (t == null || points == null) {
                r.skipped();
                continue;
            }
            r.guard(where, () -> r.items.add(new StandardItem(iid, l.get("category"), t, points, methods,
                    l.get("evidence"), kinds)));
        }
        for (Line l : lines(r, book, DEDUCTIONS, DEDUCTION_COLUMNS)) {
            String where = r.place(l.get("id"), l.where);
            String did = r.id(l.get("id"), where);
            Text t = r.text(l.get("text_zh"), l.get("text_en"), where, "text", true);
            BigDecimal per = r.points(l.get("perOccurrence"), where, "perOccurrence");
            BigDecimal cap = r.points(l.get("cap"), where, "cap");
            if (t != null && per != null && cap != null) {
                r.guard(where, () -> r.deductions.add(new DeductionItem(did, l.get("category"), t, per, cap,
                        l.get("evidence"))));
            }
        }
        for (Line l : lines(r, book, VETOES, VETO_COLUMNS)) {
            String where = r.place(l.get("id"), l.where);
            String vid = r.id(l.get("id"), where);
            Text t = r.text(l.get("text_zh"), l.get("text_en"), where, "text", false);
            if (t == null && r.problemAt(where)) {
                continue;
            }
            r.guard(where, () -> r.vetoes.add(new VetoItem(vid, t, l.get("evidence"))));
        }
        return r.finish(id, version, level, title, total, headPlace);
    }

    /** One data row: its place ("Items sheet, row 7") and its cells by column name. */
    private record Line(String where, java.util.Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private static Sheet sheet(StandardReading r, XSSFWorkbook book, String name) {
        Sheet s = book.getSheet(name);
        if (s == null) {
            r.problem(name + " sheet", "", "assessment.sheetMissing", "the workbook has no sheet named " + name + ".", name);
        }
        return s;
    }

    private static List<Line> lines(StandardReading r, XSSFWorkbook book, String name, String[][] columns) {
        Sheet s = sheet(r, book, name);
        List<Line> lines = new ArrayList<>();
        if (s == null) {
            return lines;
        }
        Row header = s.getRow(s.getFirstRowNum());
        int[] at = new int[columns.length];
        java.util.Arrays.fill(at, -1);
        if (header != null) {
            for (Cell c : header) {
                String h = StandardReading.string(value(c));
                for (int k = 0; k < columns.length; k++) {
                    if (matches(h, columns[k][0])) {
                        at[k] = c.getColumnIndex();
                    }
                }
            }
        }
        for (int k = 0; k < columns.length; k++) {
            if (at[k] < 0 && (columns[k][0].equals("id") || columns[k][0].startsWith("text") || columns[k][0].startsWith("title")
                    || columns[k][0].equals("points"))) {
                r.problem(name + " sheet, row " + (s.getFirstRowNum() + 1), columns[k][0], "assessment.columnMissing",
                        "the header has no column " + columns[k][0] + ".", columns[k][0]);
            }
        }
        for (int i = s.getFirstRowNum() + 1; i <= s.getLastRowNum(); i++) {
            Row row = s.getRow(i);
            if (row == null) {
                continue;
            }
            java.util.Map<String, String> cells = new java.util.HashMap<>();
            for (int k = 0; k < columns.length; k++) {
                if (at[k] >= 0) {
                    cells.put(columns[k][0], StandardReading.string(value(row.getCell(at[k]))));
                }
            }
            if (cells.values().stream().allMatch(String::isEmpty)) {
                continue;
            }
            lines.add(new Line(name + " sheet, row " + (i + 1), cells));
        }
        return lines;
    }

    /** A header names its column by the English name, alone or after a Chinese label. */
    private static boolean matches(String header, String column) {
        String h = header.toLowerCase(Locale.ROOT);
        String c = column.toLowerCase(Locale.ROOT);
        return h.equals(c) || h.endsWith(" " + c);
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            // Excel's own shortest text for the number: 2.5 stays "2.5", 3 is "3".
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
    }

    // ------------------------------------------------------------------ writing

    /** Writes {@code standard} as the five sheets; {@link #read} gives it back equal. */
    public static void write(Standard standard, OutputStream out) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet head = book.createSheet(STANDARD);
            Object[] values = {standard.ref().id(), standard.ref().version(), standard.level().name(), standard.title().zh(),
                    standard.title().en(), standard.total()};
            for (int k = 0; k < STANDARD_ROWS.size(); k++) {
                Row row = head.createRow(k);
                Cell key = row.createCell(0);
                key.setCellValue(STANDARD_ROWS.get(k)[1] + " " + STANDARD_ROWS.get(k)[0]);
                key.setCellStyle(bold);
                put(row.createCell(1), values[k]);
            }
            head.setColumnWidth(0, 20 * 256);
            head.setColumnWidth(1, 60 * 256);
            Sheet categories = table(book, CATEGORIES, CATEGORY_COLUMNS, bold);
            for (Category c : standard.categories()) {
                row(categories, c.id(), c.title().zh(), c.title().en());
            }
            Sheet items = table(book, ITEMS, ITEM_COLUMNS, bold);
            for (StandardItem i : standard.items()) {
                row(items, i.id(), i.categoryId(), i.text().zh(), i.text().en(), i.points(),
                        i.methods().stream().map(Enum::name).collect(Collectors.joining(", ")),
                        i.evidence().orElse(""), String.join(", ", new java.util.TreeSet<>(i.unitKinds())));
            }
            Sheet deductions = table(book, DEDUCTIONS, DEDUCTION_COLUMNS, bold);
            for (DeductionItem d : standard.deductions()) {
                row(deductions, d.id(), d.categoryId(), d.text().zh(), d.text().en(), d.perOccurrence(), d.cap(),
                        d.evidence().orElse(""));
            }
            Sheet vetoes = table(book, VETOES, VETO_COLUMNS, bold);
            for (VetoItem v : standard.vetoes()) {
                row(vetoes, v.id(), v.text().zh(), v.text().en(), v.evidence().orElse(""));
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet table(XSSFWorkbook book, String name, String[][] columns, CellStyle bold) {
        Sheet s = book.createSheet(name);
        Row header = s.createRow(0);
        for (int k = 0; k < columns.length; k++) {
            Cell c = header.createCell(k);
            c.setCellValue(columns[k][1] + " " + columns[k][0]);
            c.setCellStyle(bold);
            boolean wide = columns[k][0].startsWith("text") || columns[k][0].startsWith("title");
            s.setColumnWidth(k, (wide ? 50 : 16) * 256);
        }
        s.createFreezePane(0, 1);
        return s;
    }

    private static void row(Sheet s, Object... values) {
        Row row = s.createRow(s.getLastRowNum() + 1);
        for (int k = 0; k < values.length; k++) {
            put(row.createCell(k), values[k]);
        }
    }

    private static void put(Cell cell, Object value) {
        if (value instanceof BigDecimal b) {
            cell.setCellValue(b.doubleValue());
        } else if (value instanceof Integer n) {
            cell.setCellValue(n);
        } else if (!String.valueOf(value).isEmpty()) {
            cell.setCellValue(String.valueOf(value));
        }
    }
}
