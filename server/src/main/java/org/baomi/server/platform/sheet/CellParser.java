package org.baomi.server.platform.sheet;

/**
 * Turns a cell's text into a typed value. The text is never blank: empty cells are the
 * framework's business (a required column reports them, an optional one yields null).
 */
@FunctionalInterface
public interface CellParser<T> {

    CellValue<T> parse(String text);
}
