package org.baomi.server.platform.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One column of a ledger's sheet: its headers in Chinese and English (and older names units
 * use), whether a row must fill it, whether its values must be unique, its width when written,
 * and the parser that turns a cell into a typed value.
 *
 * @param key      a stable name for code and messages (not shown)
 * @param zh       the Chinese header, e.g. 编号
 * @param en       the English header, e.g. Serial number
 * @param aliases  further headers read as this column
 * @param required a row without a value here is refused
 * @param unique   two rows of one file may not hold the same value here
 * @param width    the column width in characters when exported
 * @param parser   text to typed value
 */
public record SheetColumn<T>(String key, String zh, String en, List<String> aliases, boolean required, boolean unique,
        int width, CellParser<T> parser) {

    public SheetColumn {
        Objects.requireNonNull(key);
        Objects.requireNonNull(zh);
        Objects.requireNonNull(en);
        Objects.requireNonNull(parser);
        aliases = List.copyOf(aliases);
    }

    /** An optional, non-unique column of width 12. */
    public static <T> SheetColumn<T> of(String key, String zh, String en, CellParser<T> parser) {
        return new SheetColumn<>(key, zh, en, List.of(), false, false, 12, parser);
    }

    /** A row must fill this column. */
    public SheetColumn<T> mandatory() {
        return new SheetColumn<>(key, zh, en, aliases, true, unique, width, parser);
    }

    /** No two rows of one file may hold the same value here. */
    public SheetColumn<T> distinct() {
        return new SheetColumn<>(key, zh, en, aliases, required, true, width, parser);
    }

    public SheetColumn<T> width(int characters) {
        return new SheetColumn<>(key, zh, en, aliases, required, unique, characters, parser);
    }

    public SheetColumn<T> alias(String... names) {
        List<String> all = new ArrayList<>(aliases);
        all.addAll(List.of(names));
        return new SheetColumn<>(key, zh, en, all, required, unique, width, parser);
    }

    /** The header in the reader's language: English for English, Chinese otherwise. */
    public String header(Locale locale) {
        return Headers.english(locale) ? en : zh;
    }

    /** Every name this column is known by, Chinese and English first. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(zh);
        all.add(en);
        all.addAll(aliases);
        return all;
    }
}
