package org.baomi.server.platform.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.server.platform.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a ledger's sheet all or nothing. The file is read twice: the first pass parses and
 * checks every cell of every row (and asks the ledger which keys it already holds) and keeps
 * nothing but the problems and the keys seen; only when it found none does the second pass read
 * the file again and hand each row to the ledger, all in one transaction, which a refused row
 * rolls back. Memory therefore grows with the number of keys, not with the rows.
 */
@Component
public class SheetImports {

    private static final Logger log = LoggerFactory.getLogger(SheetImports.class);
    /** The header row is looked for among this many first non-empty rows (a title may stand above it). */
    static final int HEADER_SEARCH_ROWS = 20;
    private static final int LEDGER_BATCH = 500;

    /** Takes each row of an accepted file, inside the import's transaction. */
    @FunctionalInterface
    public interface RowSink {
        /** Writes the row; a DomainException or ValidationException refuses the whole import, naming the row. */
        void accept(ParsedRow row);

        /** Called in the same transaction after the last row was written (e.g. to audit the import as a whole). */
        default void finished(int rows) {
        }
    }

    private final SheetProperties limits;
    private final TransactionTemplate transaction;

    public SheetImports(SheetProperties limits, PlatformTransactionManager transactions) {
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
    }

    public SheetProperties limits() {
        return limits;
    }

    /**
     * Checks {@code file} against {@code spec} and, when every row is good, passes each row to
     * {@code sink} in one transaction. Headers and messages are in the current locale.
     */
    public ImportReport importFile(Path file, String fileName, SheetSpec spec, RowSink sink) {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileSize().toBytes()) {
                long mb = Math.max(1, limits.maxFileSize().toMegabytes());
                return ImportReport.refused(fileName, CellProblem.ofFile("sheet.file.tooLarge",
                        "The file is larger than " + mb + " MB; split it into smaller files.", mb));
            }
            if (size == 0) {
                return ImportReport.refused(fileName, CellProblem.ofFile("sheet.file.empty", "The file is empty."));
            }
            SheetReader.Opened opened = SheetReader.open(file, fileName);
            if (opened instanceof SheetReader.Unreadable u) {
                return ImportReport.refused(fileName, CellProblem.ofFile(u.code(), u.english(), u.args()));
            }
            SheetReader.Readable readable = (SheetReader.Readable) opened;
            Locale locale = LocaleContextHolder.getLocale();
            Check check = new Check(spec, locale, limits);
            SheetReader.read(readable, check);
            check.finish();
            check.sort();
            String encoding = readable.charset() == null ? null : readable.charset().name();
            if (!check.problems.isEmpty() || check.more > 0 || check.rowsRead == 0) {
                if (check.rowsRead == 0 && check.problems.isEmpty()) {
                    check.add(CellProblem.ofFile("sheet.file.noRows", "The file has no data rows below the header."));
                }
                return check.report(fileName, readable.format(), encoding, 0);
            }
            Write write = new Write(check, sink);
            Boolean done = transaction.execute(status -> {
                try {
                    SheetReader.read(readable, write);
                } catch (IOException | SheetReader.UnreadableSheetException e) {
                    throw new IllegalStateException("the file changed between the two readings", e);
                }
                if (write.failed) {
                    status.setRollbackOnly();
                    return false;
                }
                sink.finished(write.written);
                return true;
            });
            return check.report(fileName, readable.format(), encoding, Boolean.TRUE.equals(done) ? write.written : 0);
        } catch (SheetReader.UnreadableSheetException e) {
            log.info("unreadable sheet {}: {}", fileName, e.getMessage());
            return ImportReport.refused(fileName, CellProblem.ofFile("sheet.file.broken",
                    "The file " + fileName + " could not be read as a spreadsheet; open it in Excel and save it again.",
                    fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a spec's column sits in the file. */
    private record Placed(SheetColumn<?> column, int index, String fileHeader) {
    }

    /** The first pass: finds the header, parses every cell, collects problems and keys. */
    private static final class Check implements SheetReader.RowHandler {
        final SheetSpec spec;
        final Locale locale;
        final SheetProperties limits;
        final List<CellProblem> problems = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        final Map<String, Map<String, Integer>> uniqueSeen = new HashMap<>();
        final Map<String, Integer> ledgerKeys = new LinkedHashMap<>();
        List<Placed> placed;
        int headerRow;
        int nonEmptyBeforeHeader;
        int rowsRead;
        int skipped;
        int pendingEmpty;
        int lastRow;
        int more;
        boolean stopped;

        Check(SheetSpec spec, Locale locale, SheetProperties limits) {
            this.spec = spec;
            this.locale = locale;
            this.limits = limits;
        }

        void add(CellProblem p) {
            if (problems.size() < limits.maxProblems()) {
                problems.add(p);
            } else {
                more++;
            }
        }

        String header(SheetColumn<?> c) {
            return c.header(locale);
        }

        @Override
        public boolean row(int row, List<String> cells) {
            boolean empty = cells.stream().allMatch(c -> c == null);
            if (placed != null) {
                // rows an xlsx leaves out entirely are empty rows too
                pendingEmpty += Math.max(0, row - lastRow - 1);
            }
            lastRow = row;
            if (placed == null) {
                if (empty) {
                    return true;
                }
                if (tryHeader(row, cells)) {
                    return !stopped;
                }
                if (++nonEmptyBeforeHeader >= HEADER_SEARCH_ROWS) {
                    noHeader();
                    return false;
                }
                return true;
            }
            if (empty) {
                pendingEmpty++;
                return true;
            }
            skipped += pendingEmpty;
            pendingEmpty = 0;
            if (++rowsRead > limits.maxRows()) {
                rowsRead--;
                add(CellProblem.ofFile("sheet.file.tooManyRows",
                        "The file has more than " + limits.maxRows() + " rows; split it into smaller files.",
                        limits.maxRows()));
                stopped = true;
                return false;
            }
            ParsedRow parsed = parse(row, cells, this::add);
            // Checks across cells run on what did parse too, so one upload reports every problem of the row.
            for (SheetSpec.RowProblem p : spec.rowCheck().check(parsed)) {
                add(problemAt(row, cells, p.column(), p.code(), p.english(), p.args()));
            }
            return true;
        }

        /** A problem pointing at the column keyed {@code key}: its letter and cell when the file has it, its header always. */
        CellProblem problemAt(int row, List<String> cells, String key, String code, String english, Object[] args) {
            Placed at = placed.stream().filter(x -> x.column().key().equals(key)).findFirst().orElse(null);
            if (at != null) {
                return new CellProblem(row, Headers.columnLetters(at.index()), at.fileHeader(),
                        cell(cells, at.index()), code, english, args);
            }
            String header = spec.columns().stream().filter(c -> c.key().equals(key)).findFirst().map(this::header)
                    .orElse(null);
            return new CellProblem(row, null, header, null, code, english, args);
        }

        private void noHeader() {
            String expected = spec.columns().stream().filter(SheetColumn::required).map(this::header)
                    .reduce((a, b) -> a + ", " + b).orElse("");
            add(CellProblem.ofFile("sheet.header.notFound",
                    "No header row found in the first rows; the sheet needs a row of column names such as " + expected
                            + ".", expected));
            stopped = true;
        }

        /** Takes {@code cells} as the header row when at least two of them (or the only column) name known columns. */
        private boolean tryHeader(int row, List<String> cells) {
            Map<String, SheetColumn<?>> known = new HashMap<>();
            for (SheetColumn<?> c : spec.columns()) {
                for (String n : c.names()) {
                    known.put(Headers.normalise(n), c);
                }
            }
            int matches = 0;
            for (String cell : cells) {
                if (cell != null && known.containsKey(Headers.normalise(cell))) {
                    matches++;
                }
            }
            if (matches < Math.min(2, spec.columns().size())) {
                return false;
            }
            java.util.Set<String> exportOnly = new java.util.HashSet<>();
            spec.exportOnlyHeaders().forEach(h -> exportOnly.add(Headers.normalise(h)));
            List<Placed> found = new ArrayList<>();
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                if (cell == null) {
                    continue;
                }
                SheetColumn<?> c = known.get(Headers.normalise(cell));
                if (c == null) {
                    if (!exportOnly.contains(Headers.normalise(cell))) {
                        ignored.add(cell);
                    }
                    continue;
                }
                Integer before = firstIndex.putIfAbsent(c.key(), i);
                if (before != null) {
                    add(new CellProblem(row, Headers.columnLetters(i), cell, cell, "sheet.header.duplicate",
                            "The column " + header(c) + " appears twice (columns " + Headers.columnLetters(before)
                                    + " and " + Headers.columnLetters(i) + ").",
                            header(c), Headers.columnLetters(before)));
                    continue;
                }
                found.add(new Placed(c, i, cell));
            }
            for (SheetColumn<?> c : spec.columns()) {
                if (c.required() && !firstIndex.containsKey(c.key())) {
                    add(new CellProblem(row, null, header(c), null, "sheet.header.missing",
                            "The required column " + header(c) + " is missing.", header(c)));
                }
            }
            headerRow = row;
            placed = found;
            return true;
        }

        static String cell(List<String> cells, int index) {
            return index < cells.size() ? cells.get(index) : null;
        }

        /** Parses the row's cells and reports each bad one; the row holds the values that parsed ({@link ParsedRow#complete}). */
        @SuppressWarnings({"rawtypes", "unchecked"})
        ParsedRow parse(int row, List<String> cells, java.util.function.Consumer<CellProblem> report) {
            Map<String, Object> values = new HashMap<>();
            boolean good = true;
            for (Placed p : placed) {
                SheetColumn c = p.column();
                String text = cell(cells, p.index());
                String letter = Headers.columnLetters(p.index());
                String shown = p.fileHeader();
                if (text == null) {
                    if (c.required()) {
                        report.accept(new CellProblem(row, letter, shown, null, "sheet.cell.required",
                                "The column " + shown + " must not be empty.", shown));
                        good = false;
                    }
                    continue;
                }
                CellValue<?> v = c.parser().parse(text);
                if (v instanceof CellValue.Bad<?> bad) {
                    report.accept(new CellProblem(row, letter, shown, text, bad.code(), bad.english(), bad.args()));
                    good = false;
                    continue;
                }
                values.put(c.key(), ((CellValue.Ok<?>) v).value());
                if (c.unique() && report != NO_REPORT) {
                    Integer first = uniqueSeen.computeIfAbsent(c.key(), k -> new HashMap<>())
                            .putIfAbsent(Headers.normalise(text), row);
                    if (first != null) {
                        report.accept(new CellProblem(row, letter, shown, text, "sheet.cell.duplicate",
                                "The same value as in row " + first + "; " + shown + " must be unique.", first,
                                shown));
                        good = false;
                    }
                }
                if (spec.ledgerKey() != null && spec.ledgerKey().key().equals(c.key()) && report != NO_REPORT) {
                    ledgerKeys.putIfAbsent(text, row);
                }
            }
            return new ParsedRow(row, values, good);
        }

        /** Asks the ledger for the keys it already holds, in batches. */
        void finish() {
            if (placed == null && !stopped) {
                noHeader();
            }
            if (stopped || spec.ledgerKeys() == null || ledgerKeys.isEmpty()) {
                return;
            }
            Placed key = placed.stream().filter(p -> p.column().key().equals(spec.ledgerKey().key())).findFirst()
                    .orElse(null);
            if (key == null) {
                return;
            }
            List<CellProblem> found = new ArrayList<>();
            List<String> batch = new ArrayList<>(LEDGER_BATCH);
            for (String k : ledgerKeys.keySet()) {
                batch.add(k);
                if (batch.size() == LEDGER_BATCH) {
                    existing(batch, key, found);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                existing(batch, key, found);
            }
            found.sort(Comparator.comparingInt(CellProblem::row));
            found.forEach(this::add);
        }

        /** Problems in the order a person reads the sheet: by row, then column (a whole-row problem first). */
        void sort() {
            problems.sort(Comparator.comparingInt(CellProblem::row).thenComparing(p -> p.column() == null ? ""
                    : String.format("%4s", p.column())));
        }

        private void existing(Collection<String> batch, Placed key, List<CellProblem> found) {
            Set<String> there = spec.ledgerKeys().existing(List.copyOf(batch));
            for (String k : batch) {
                if (there.contains(k)) {
                    found.add(new CellProblem(ledgerKeys.get(k), Headers.columnLetters(key.index()),
                            key.fileHeader(), k, "sheet.cell.exists",
                            "The ledger already holds " + k + "; it cannot be registered twice.", k));
                }
            }
        }

        ImportReport report(String fileName, SheetFormat format, String encoding, int imported) {
            return new ImportReport(fileName, format, encoding, headerRow, rowsRead, imported, skipped, problems, more,
                    ignored);
        }
    }

    private static final java.util.function.Consumer<CellProblem> NO_REPORT = p -> {
    };

    /** The second pass: hands each data row to the sink; stops at the first row the ledger refuses. */
    private static final class Write implements SheetReader.RowHandler {
        final Check check;
        final RowSink sink;
        int written;
        boolean failed;

        Write(Check check, RowSink sink) {
            this.check = check;
            this.sink = sink;
        }

        @Override
        public boolean row(int row, List<String> cells) {
            if (row <= check.headerRow || cells.stream().allMatch(c -> c == null)) {
                return true;
            }
            ParsedRow parsed = check.parse(row, cells, NO_REPORT);
            if (!parsed.complete()) {
                throw new IllegalStateException("row " + row + " no longer parses");
            }
            try {
                sink.accept(parsed);
                written++;
                return true;
            } catch (DomainException e) {
                check.add(new CellProblem(row, null, null, null, e.code(), e.getMessage(), e.args()));
            } catch (ValidationException e) {
                for (ValidationException.FieldProblem f : e.problems()) {
                    check.add(check.problemAt(row, cells, f.field(), f.code(), f.message(), f.args()));
                }
            }
            failed = true;
            return false;
        }
    }
}
