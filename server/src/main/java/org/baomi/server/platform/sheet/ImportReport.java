package org.baomi.server.platform.sheet;

import java.util.List;

/**
 * The outcome of one import. Either every row was imported ({@link #accepted()}), or none was and
 * {@link #problems()} says why, row by row and cell by cell.
 *
 * @param fileName       the name of the uploaded file
 * @param format         XLSX or CSV (null when the file could not be read at all)
 * @param encoding       the character set a CSV file was read in (UTF-8, GB18030), null for xlsx
 * @param headerRow      the row number of the header row (rows above it, such as a title, are not read)
 * @param rowsRead       data rows read (not counting empty ones)
 * @param imported       rows written to the ledger: {@code rowsRead} when accepted, else 0
 * @param skippedEmpty   empty rows between data rows, skipped
 * @param problems       the first problems found, in file order, at most the configured cap
 * @param moreProblems   how many further problems were found but not listed
 * @param ignoredColumns headers of columns the ledger does not know, read past
 */
public record ImportReport(String fileName, SheetFormat format, String encoding, int headerRow, int rowsRead,
        int imported, int skippedEmpty, List<CellProblem> problems, int moreProblems, List<String> ignoredColumns) {

    public ImportReport {
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    public boolean accepted() {
        return problems.isEmpty() && moreProblems == 0;
    }

    public int problemCount() {
        return problems.size() + moreProblems;
    }

    /** A file refused before any row was read (too large, encrypted, not a spreadsheet). */
    static ImportReport refused(String fileName, CellProblem problem) {
        return new ImportReport(fileName, null, null, 0, 0, 0, 0, List.of(problem), 0, List.of());
    }
}
