package org.baomi.scan.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.baomi.scan.engine.Confidence;
import org.baomi.scan.engine.Engine;
import org.baomi.scan.engine.FileResult;
import org.baomi.scan.engine.Limits;
import org.baomi.scan.extract.Ocr;
import org.baomi.scan.match.DictionaryCache;
import org.baomi.scan.report.CsvWriter;
import org.baomi.scan.report.HtmlWriter;
import org.baomi.scan.report.JsonWriter;
import org.baomi.scan.report.JsonlWriter;
import org.baomi.scan.report.ReportWriter;
import org.baomi.scan.report.Summary;
import org.baomi.scan.report.TableWriter;
import org.baomi.scan.rules.RuleException;
import org.baomi.scan.rules.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baomi scan [options] PATH...} — SPEC section 5. Exit 0 when nothing is found at
 * or above {@code --min-confidence}, 1 when something is, 2 on a usage or setup error.
 */
@Command(name = "baomi scan", mixinStandardHelpOptions = true, versionProvider = ScanCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Find classification markings, keywords and patterns in files, folders and archives.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing at or above --min-confidence", "1:findings", "2:error (bad option, unreadable rules)"})
public final class ScanCommand implements Callable<Integer> {
    static final String VERSION = "0.1.0";

    /** Output formats of SPEC section 5. */
    enum OutputFormat { table, json, jsonl, csv, html }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to scan (folders recursively).")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, jsonl, csv or html (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--keywords", paramLabel = "FILE",
            description = "Keyword list: UTF-8, one term a line, '#' comments, optional TAB weight TAB category.")
    List<Path> keywords = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule pack (YAML or JSON, see docs/scan.md).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--min-confidence", paramLabel = "LEVEL", defaultValue = "medium",
            description = "low, medium or high: report findings at or above it (default: ${DEFAULT-VALUE}).")
    String minConfidence;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "5", description = "Archive nesting depth (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "10737418240",
            description = "Larger files and members are reported too_large (default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Option(names = "--max-ratio", paramLabel = "N", defaultValue = "200",
            description = "Largest compression ratio of an archive member once it expands past 8 MiB (zip bombs; default: ${DEFAULT-VALUE}).")
    int maxRatio;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Time for one file, members included; with --ocr, for each picture too, "
                    + "and OCR's time is not counted against the file's (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "1000",
            description = "Findings kept per file and category (default: ${DEFAULT-VALUE}).")
    int maxFindings;

    @Option(names = "--no-builtin-markings", description = "Do not use the built-in China, US, UK and NATO marking schemes.")
    boolean noBuiltins;

    @Option(names = "--ocr", description = "Read the words in pictures, scanned pages and words drawn as outlines "
            + "(a watermark in a PDF) with Tesseract OCR "
            + "(the 'tesseract' command: apt-get install tesseract-ocr tesseract-ocr-chi-sim); about a second a page.")
    boolean ocr;

    @Option(names = "--ocr-languages", paramLabel = "LANGS", defaultValue = Ocr.DEFAULT_LANGUAGES,
            description = "Tesseract languages for --ocr (default: ${DEFAULT-VALUE}; chi_tra for traditional characters).")
    String ocrLanguages;

    public static void main(String[] args) {
        quietLibraries();
        PrintStream out = System.out;
        // The report goes to the stream taken here. A format library that prints to standard output
        // (java-libpst dumps a damaged table of an Outlook data file there in hex) would otherwise
        // break the report a program reads (jsonl, json, csv); what libraries print goes nowhere.
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        System.exit(run(args, out, System.err));
    }

    /**
     * The format libraries log their troubles with a damaged file to standard error, stack
     * traces included (PDFBox, POI, through log4j's fallback logger, commons-logging and
     * SLF4J); the scan reports each file's trouble as its status and reason instead, so the
     * command line switches that logging off. A {@code -D} setting of the same name wins.
     */
    static void quietLibraries() {
        String[][] settings = {
            {"log4j2.statusLoggerLevel", "OFF"},
            {"log4j2.simplelogLevel", "OFF"},
            {"org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog"},
            {"slf4j.internal.verbosity", "ERROR"},
        };
        for (String[] s : settings) {
            if (System.getProperty(s[0]) == null) {
                System.setProperty(s[0], s[1]);
            }
        }
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ScanCommand quick = QuickArgs.parse(args);
        if (quick != null) {
            // A plain command line: run without picocli's model (docs/adr/0106), reporting
            // failures exactly as the execution handler below does.
            quick.stdout = out;
            quick.stderr = err;
            try {
                return quick.call();
            } catch (Exception ex) {
                java.io.PrintWriter w = new java.io.PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
                w.println(failure(ex));
                return 2;
            }
        }
        CommandLine cl = new CommandLine(new ScanCommand());
        cl.setOut(new java.io.PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("baomi scan: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'baomi scan --help'.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println(failure(ex));
            return 2;
        });
        ((ScanCommand) cl.getCommand()).stdout = out;
        ((ScanCommand) cl.getCommand()).stderr = err;
        return cl.execute(args);
    }

    private static String failure(Exception ex) {
        return "baomi scan: " + (ex instanceof UsageError || ex instanceof RuleException ? ex.getMessage()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }

    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    /** A usage problem found after parsing; the message names the option. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws Exception {
        Confidence min;
        try {
            min = Confidence.parse(minConfidence);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--min-confidence: '" + minConfidence + "' is not low, medium or high");
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw new UsageError("--threads: must be between 1 and 1024, not " + n);
        }
        if (maxDepth < 0 || maxFileSize < 1 || maxRatio < 1 || timeoutSeconds < 1 || maxFindings < 1) {
            throw new UsageError("--max-depth, --max-file-size, --max-ratio, --timeout and --max-findings must be positive");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageError("PATH: no such file or directory: " + p);
            }
        }
        for (Path k : keywords) {
            if (!Files.isReadable(k)) {
                throw new UsageError("--keywords: cannot read " + k);
            }
        }
        for (Path r : rules) {
            if (!Files.isReadable(r)) {
                throw new UsageError("--rules: cannot read " + r);
            }
        }
        Ocr reader = null;
        if (ocr) {
            try {
                reader = Ocr.tesseract("tesseract", ocrLanguages);
            } catch (Ocr.Unavailable e) {
                throw new UsageError(e.getMessage());
            }
        }
        RuleSet ruleSet = new RuleSet();
        if (!noBuiltins) {
            ruleSet.withBuiltInMarkings();
        }
        keywords.forEach(ruleSet::withKeywords);
        rules.forEach(ruleSet::withRulePack);
        Limits limits = new Limits(maxDepth, maxFileSize, Limits.defaults().maxExpandedBytes(), maxRatio,
                Duration.ofSeconds(timeoutSeconds), maxFindings, Limits.defaults().maxInMemoryBytes());

        Writer writer;
        try {
            writer = output == null ? new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("-o: cannot write " + output + " (" + e.getMessage() + ")");
        }
        PrintStream progress = System.console() != null ? stderr : null;
        ReportWriter report = switch (format) {
            case json -> new JsonWriter(writer, VERSION);
            case jsonl -> new JsonlWriter(writer);
            case csv -> new CsvWriter(writer);
            case html -> new HtmlWriter(writer, VERSION);
            case table -> new TableWriter(writer, progress);
        };
        long started = System.nanoTime();
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong findings = new AtomicLong();
        try (writer; Engine engine = new Engine(ruleSet, limits, n, DictionaryCache.atDefaultLocation(), reader)) {
            report.start();
            engine.scan(paths, r -> {
                FileResult shown = r.atLeast(min);
                if (r.folder()) {
                    if (shown.findings().isEmpty()) {
                        return; // a folder is listed only for what its name holds
                    }
                } else {
                    files.incrementAndGet();
                }
                if (!r.path().contains("!/")) {
                    bytes.addAndGet(r.bytes());
                }
                findings.addAndGet(shown.findings().size());
                try {
                    report.file(shown);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            report.finish(new Summary(files.get(), bytes.get(), findings.get(), (System.nanoTime() - started) / 1_000_000));
        }
        return findings.get() > 0 ? 1 : 0;
    }

    /** Version from the constant kept with the command. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"baomi scan " + VERSION};
        }
    }
}
