package org.baomi.server.platform.sheet;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.core.classification.ClassificationLevel;

/** The parsers most ledger columns need. Each refuses with a message key of the {@code sheet.cell.} family. */
public final class CellParsers {

    private CellParsers() {
    }

    /** Text of at most {@code max} characters, trimmed. */
    public static CellParser<String> text(int max) {
        return t -> t.length() <= max ? CellValue.ok(t)
                : CellValue.bad("sheet.cell.tooLong", "At most " + max + " characters, this cell has " + t.length() + ".",
                        max, t.length());
    }

    /** A whole number between {@code min} and {@code max}; full-width digits and a trailing ".0" are accepted. */
    public static CellParser<Integer> integer(int min, int max) {
        return t -> {
            String s = Normalizer.normalize(t, Normalizer.Form.NFKC).replace(",", "");
            if (s.endsWith(".0")) {
                s = s.substring(0, s.length() - 2);
            }
            try {
                int v = Integer.parseInt(s);
                if (v < min || v > max) {
                    return CellValue.bad("sheet.cell.range", "A whole number from " + min + " to " + max + ".", min, max);
                }
                return CellValue.ok(v);
            } catch (NumberFormatException e) {
                return CellValue.bad("sheet.cell.integer", "Not a whole number: " + t + ".", t);
            }
        };
    }

    // 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 2026-03-05 00:00:00 and 2026-03-05T08:00 (an Excel date cell)
    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");

    /**
     * A calendar date in the forms Chinese registers use: 2026-03-05, 2026/3/5, 2026.3.5,
     * 2026年3月5日, 20260305, an Excel date cell, or an Excel day number (46086) from a cell
     * whose date format was lost.
     */
    public static CellParser<LocalDate> date() {
        return t -> {
            String s = Normalizer.normalize(t, Normalizer.Form.NFKC).strip();
            Matcher m = YMD.matcher(s);
            if (!m.matches()) {
                m = COMPACT.matcher(s);
                if (!m.matches()) {
                    if (SERIAL.matcher(s).matches()) {
                        double serial = Double.parseDouble(s);
                        if (serial >= 1 && serial < 2958466) {
                            return CellValue.ok(LocalDate.of(1899, 12, 30).plusDays((long) serial));
                        }
                    }
                    return badDate(t);
                }
            }
            try {
                return CellValue.ok(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                return badDate(t);
            }
        };
    }

    private static <T> CellValue<T> badDate(String t) {
        return CellValue.bad("sheet.cell.date", "Not a date: " + t + ". Write it as 2026-03-05, 2026/3/5 or 2026年3月5日.", t);
    }

    /** A classification level by its Chinese word (机密) or English name (SECRET, Top secret). */
    public static CellParser<ClassificationLevel> level() {
        Map<String, ClassificationLevel> names = new LinkedHashMap<>();
        for (ClassificationLevel l : ClassificationLevel.values()) {
            names.put(l.chinese(), l);
            names.put(l.name(), l);
            names.put(l.name().replace('_', ' '), l);
        }
        return choice(names, "sheet.cell.level", "Not a classification level: %s. Use 绝密, 机密, 秘密, 内部 or 公开.");
    }

    /**
     * One of a fixed set of words, compared as {@link Headers#normalise} compares headers.
     * {@code englishFormat} holds one {@code %s} for the cell's text.
     */
    public static <T> CellParser<T> choice(Map<String, T> words, String code, String englishFormat) {
        Map<String, T> byName = new LinkedHashMap<>();
        words.forEach((k, v) -> byName.put(Headers.normalise(k), v));
        return t -> {
            T value = byName.get(Headers.normalise(t));
            return value != null ? CellValue.ok(value)
                    : CellValue.bad(code, String.format(Locale.ROOT, englishFormat, t), t);
        };
    }
}
