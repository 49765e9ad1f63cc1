package org.baomi.server.platform.sheet;

/**
 * What a {@link CellParser} made of a cell's text: a typed value, or the reason it is not one
 * (a message key with its arguments and the English sentence).
 */
public sealed interface CellValue<T> {

    record Ok<T>(T value) implements CellValue<T> {
    }

    record Bad<T>(String code, String english, Object... args) implements CellValue<T> {
    }

    static <T> CellValue<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> CellValue<T> bad(String code, String english, Object... args) {
        return new Bad<>(code, english, args);
    }
}
