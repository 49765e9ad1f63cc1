package org.baomi.server.platform.sheet;

/**
 * One thing wrong with an imported file, where a person finds it: the row number Excel shows,
 * the column letter and its header, the cell's text, and why (a message key in the
 * {@code sheet.} family or the ledger's own, its arguments, and the English sentence).
 * A problem with the file as a whole (a missing column) has no column letter; one with no
 * row (a file that is not a spreadsheet) has row 0.
 */
public record CellProblem(int row, String column, String header, String value, String code, String english,
        Object... args) {

    public static CellProblem ofFile(String code, String english, Object... args) {
        return new CellProblem(0, null, null, null, code, english, args);
    }
}
