package org.baomi.server.platform.sheet;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Not a test: {@code bench/sheet-import.sh} runs it. Writes a ROWS-row register as xlsx and as CSV
 * (the test ledger's five columns), imports each through {@link SheetImports} (both passes, every
 * cell parsed and checked, a counting sink) a few times, and prints the wall time and the peak
 * heap after a GC reset. Run it with a small -Xmx to show the import does not need the file in
 * memory.
 */
public final class SheetImportBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        Path dir = Files.createTempDirectory("sheet-bench");
        Path xlsx = dir.resolve("register.xlsx");
        Path csv = dir.resolve("register.csv");
        List<String> header = List.of("编号", "标题", "密级", "日期", "份数");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Sheets.bigXlsx(out, header, rows, SheetImportsTest::bigRow);
        }
        try (OutputStream out = Files.newOutputStream(csv);
                SheetWriter w = SheetWriter.open(SheetFormat.CSV, out, new SheetWriter.Layout(null, header,
                        List.of(1, 1, 1, 1, 1)))) {
            for (int i = 1; i <= rows; i++) {
                w.row(SheetImportsTest.bigRow(i));
            }
        }
        SheetImports imports = new SheetImports(new SheetProperties(null, 1_000_000, null), new NoTransactions());
        System.out.printf("rows=%d  max heap=%d MB  xlsx=%.1f MB  csv=%.1f MB%n", rows,
                Runtime.getRuntime().maxMemory() >> 20, Files.size(xlsx) / 1e6, Files.size(csv) / 1e6);
        for (Path file : List.of(xlsx, csv)) {
            for (int run = 1; run <= runs; run++) {
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long[] sum = {0};
                long start = System.nanoTime();
                ImportReport r = imports.importFile(file, file.getFileName().toString(), new TestLedger().spec(),
                        row -> sum[0] += row.get(TestLedger.COPIES));
                long ms = (System.nanoTime() - start) / 1_000_000;
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.out.printf("%-14s run %d: %5d ms  imported=%d  problems=%d  peak heap (sum of pools)=%d MB%n",
                        file.getFileName(), run, ms, r.imported(), r.problemCount(), peak >> 20);
            }
        }
    }

    /** Commits nothing: the benchmark measures reading and checking, not a database. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
