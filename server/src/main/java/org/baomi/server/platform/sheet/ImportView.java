package org.baomi.server.platform.sheet;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * An {@link ImportReport} with every problem in the reader's language, as the result page and
 * the API show it.
 */
public record ImportView(String fileName, SheetFormat format, String encoding, int headerRow, int rowsRead,
        int imported, int skippedEmpty, boolean accepted, int problemCount, int moreProblems,
        List<String> ignoredColumns, List<Problem> problems) {

    /**
     * One problem: {@code row} 0 is the whole file; {@code column} is the letter Excel shows
     * (null when the problem is a missing column); {@code code} is stable for machines.
     */
    public record Problem(int row, String column, String header, String value, String code, String message) {
    }

    public static ImportView of(ImportReport r, MessageSource messages, Locale locale) {
        List<Problem> problems = r.problems().stream().map(p -> new Problem(p.row(), p.column(), p.header(), p.value(),
                p.code(), messages.getMessage(p.code(), p.args(), p.english(), locale))).toList();
        return new ImportView(r.fileName(), r.format(), r.encoding(), r.headerRow(), r.rowsRead(), r.imported(),
                r.skippedEmpty(), r.accepted(), r.problemCount(), r.moreProblems(), r.ignoredColumns(), problems);
    }
}
