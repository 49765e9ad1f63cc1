package org.baomi.scan.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.baomi.scan.extract.ArchiveExtractor;
import org.baomi.scan.extract.Bounded;
import org.baomi.scan.extract.EmlExtractor;
import org.baomi.scan.extract.TnefExtractor;
import org.baomi.scan.extract.ExtractionContext;
import org.baomi.scan.extract.ExtractionProblem;
import org.baomi.scan.extract.Extractor;
import org.baomi.scan.extract.FlatOdfExtractor;
import org.baomi.scan.extract.Format;
import org.baomi.scan.extract.FormatDetector;
import org.baomi.scan.extract.ImageExtractor;
import org.baomi.scan.extract.MetafileExtractor;
import org.baomi.scan.extract.MarkupExtractor;
import org.baomi.scan.extract.Ocr;
import org.baomi.scan.extract.OfficeXmlExtractor;
import org.baomi.scan.extract.OpaqueContent;
import org.baomi.scan.extract.OleExtractor;
import org.baomi.scan.extract.PdfExtractor;
import org.baomi.scan.extract.RtfExtractor;
import org.baomi.scan.extract.UofExtractor;
import org.baomi.scan.extract.Source;
import org.baomi.scan.match.DictionaryCache;
import org.baomi.scan.rules.RuleSet;

/**
 * The content inspection engine: walks paths, reads every file with the extractor for
 * its format, matches all rules in one pass and reports one {@link FileResult} per file
 * and archive member. A failure in one file becomes that file's status; the scan goes on.
 * Memory stays bounded: files stream, only small archive members are held in memory, and
 * at most a few files per thread are in flight.
 *
 * <p>Thread-safe; {@link #close()} stops its threads.
 */
public final class Engine implements AutoCloseable {
    private final CompiledRules rules;
    private final Limits limits;
    private final int threads;
    private final ExecutorService sections;
    private final Ocr ocr;

    public Engine(RuleSet rules, Limits limits, int threads) {
        this(rules, limits, threads, null);
    }

    /**
     * An engine whose automaton is loaded from, or stored in, {@code cache} (null: always
     * built; docs/adr/0104).
     */
    public Engine(RuleSet rules, Limits limits, int threads, DictionaryCache cache) {
        this(rules, limits, threads, cache, null);
    }

    /**
     * As above, reading the text of pictures and of pages of images with {@code ocr} (null:
     * pictures are not read and say so; docs/adr/0117).
     */
    public Engine(RuleSet rules, Limits limits, int threads, DictionaryCache cache, Ocr ocr) {
        this.ocr = ocr;
        this.rules = new CompiledRules(rules, cache);
        this.limits = limits;
        this.threads = Math.max(1, threads);
        AtomicInteger n = new AtomicInteger();
        this.sections = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "baomi-section-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Scans files and folders (recursively, symlink loops reported and skipped), calling
     * {@code listener} as each file finishes. Blocks until all are done.
     */
    public void scan(List<Path> roots, ScanListener listener) throws InterruptedException {
        ScanListener serial = synchronizedListener(listener);
        ExecutorService files = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "baomi-scan");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 2);
        try {
            for (Path root : roots) {
                if (!Files.exists(root)) {
                    serial.onFile(new FileResult(root.toString(), null, null, FileStatus.UNREADABLE, "no such file or directory",
                            0, List.of()));
                    continue;
                }
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                folder(dir, serial);
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (!attrs.isRegularFile()) {
                                    return FileVisitResult.CONTINUE;
                                }
                                inFlight.acquireUninterruptibly();
                                files.execute(() -> {
                                    try {
                                        scanFile(file, file.toString(), serial);
                                    } finally {
                                        inFlight.release();
                                    }
                                });
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                String why = e instanceof FileSystemLoopException ? "symbolic link loop"
                                        : "cannot read: " + e.getClass().getSimpleName();
                                serial.onFile(new FileResult(file.toString(), null, null,
                                        e instanceof FileSystemLoopException ? FileStatus.SKIPPED : FileStatus.UNREADABLE,
                                        why, 0, List.of()));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            }
        } catch (IOException e) {
            serial.onFile(new FileResult(String.valueOf(e.getMessage()), null, null, FileStatus.UNREADABLE,
                    "cannot walk: " + e, 0, List.of()));
        } finally {
            files.shutdown();
            files.awaitTermination(365, TimeUnit.DAYS);
        }
    }

    /**
     * A folder on disk, judged by its name as a file name is (a folder "机密★10年" of innocently
     * named files is worth knowing): reported as an entry of its own, path ending in the separator,
     * only when its name holds a finding (docs/adr/0126).
     */
    private void folder(Path dir, ScanListener listener) {
        Path name = dir.getFileName();
        if (name == null) {
            return;
        }
        FileAnalysis analysis = new FileAnalysis(rules, limits.maxFindings());
        analysis.text(Location.FOLDER_NAMES, name.toString());
        List<Finding> findings = analysis.findings(0);
        if (!findings.isEmpty()) {
            String path = dir.toString();
            listener.onFile(new FileResult(path.endsWith(dir.getFileSystem().getSeparator()) ? path
                    : path + dir.getFileSystem().getSeparator(), null, FileResult.FOLDER, FileStatus.OK, null, 0, findings));
        }
    }

    private static ScanListener synchronizedListener(ScanListener l) {
        Object lock = new Object();
        return r -> {
            synchronized (lock) {
                l.onFile(r);
            }
        };
    }

    /** Scans one file (and its members), reporting under {@code displayPath}. */
    public void scanFile(Path file, String displayPath, ScanListener listener) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            listener.onFile(new FileResult(displayPath, null, null, FileStatus.UNREADABLE, "cannot read: " + e, 0, List.of()));
            return;
        }
        Source src = new Source.OnDisk(file.getFileName() == null ? file.toString() : file.getFileName().toString(), file, size);
        process(displayPath, src, 0, new Deadline(limits.timeout()), listener);
    }

    /** Library convenience: scans bytes as a file called {@code name}; returns every result. */
    public List<FileResult> scan(String name, byte[] data) {
        List<FileResult> out = new ArrayList<>();
        process(name, new Source.InMemory(name, data), 0, new Deadline(limits.timeout()), out::add);
        return out;
    }

    private void process(String path, Source src, int depth, Deadline deadline, ScanListener listener) {
        FileAnalysis analysis = new FileAnalysis(rules, limits.maxFindings());
        analysis.text(Location.of("file name", Zone.FILE_NAME), src.name());
        List<Finding> extra = new ArrayList<>();
        FileStatus status = FileStatus.OK;
        String reason = null;
        String mediaType = null;
        String[] sha = new String[1];
        Context ctx = null;
        try {
            if (src.size() > limits.maxFileBytes()) {
                throw new ExtractionProblem(FileStatus.TOO_LARGE, src.size() + " bytes, over the limit of " + limits.maxFileBytes());
            }
            Format format = FormatDetector.detect(src);
            mediaType = format.mediaType();
            switch (format) {
                case TEXT -> extra.addAll(text(src, analysis, deadline, sha));
                case BINARY -> throw OpaqueContent.problem(src);
                case OLE2 -> throw new ExtractionProblem(FileStatus.SKIPPED, "not a document format the scanner reads");
                case ZIP_PART -> throw new ExtractionProblem(FileStatus.SKIPPED, "one part of a zip split into several files"
                        + " (x.z01, x.z02, …, x.zip), read only whole: put the parts in one folder, join them (7-Zip opens the"
                        + " .zip; zip -s 0 x.zip --out whole.zip) and scan the whole");
                default -> {
                    ctx = new Context(path, depth, deadline, analysis, listener);
                    extractorFor(format).extract(src, ctx);
                    if (!ctx.read && ctx.pictures > 0 && ctx.members > 0) {
                        // Its content is the objects embedded in it (a slide of two PDFs shown as
                        // icons), each scanned as a file: the pictures may be their previews.
                        ctx.partlyRead(ctx.pictures + (ctx.pictures == 1 ? " picture" : " pictures")
                                + " not read (the preview of an embedded object, or a scan?): " + (ocr == null ? Ocr.NOT_READ
                                : ctx.ocrTried < ctx.pictures ? Ocr.NOT_OCR_HERE : Ocr.READ_NOTHING)
                                + "; the objects in it are scanned as files of their own");
                    } else if (!ctx.read && ctx.pictures > 0) {
                        // A scan pasted into a document: nothing says whether it is marked (ADR 0111).
                        throw new ExtractionProblem(FileStatus.SKIPPED, "no text, only pictures (" + ctx.pictures
                                + "; a scan pasted into the document?): " + (ocr == null ? Ocr.NOT_READ
                                : ctx.ocrTried < ctx.pictures ? Ocr.NOT_OCR_HERE : Ocr.READ_NOTHING));
                    }
                    // Read in part (scanned pages behind typed ones): ok, and says what was not read (ADR 0116).
                    reason = ctx.partly;
                }
            }
        } catch (ExtractionProblem p) {
            status = p.status();
            reason = p.getMessage();
        } catch (Throwable t) {
            ExtractionProblem p = Bounded.problemIn(t);
            if (p != null) {
                status = p.status();
                reason = p.getMessage();
            } else if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                status = FileStatus.TOO_LARGE;
                reason = "needs more memory than available (" + t.getClass().getSimpleName() + ")";
            } else {
                status = FileStatus.UNREADABLE;
                reason = describe(t);
            }
        }
        if (ctx != null) {
            ctx.judgeFolders();
        }
        if (sha[0] == null) {
            sha[0] = sha256(src);
        }
        List<Finding> findings = new ArrayList<>(analysis.findings(0));
        findings.addAll(extra);
        listener.onFile(new FileResult(path, sha[0], mediaType, status, reason, src.size(), findings));
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("");
        if (first.length() > 200) {
            first = first.substring(0, 200) + "…";
        }
        return "corrupt or unsupported content (" + t.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first) + ")";
    }

    private List<Finding> text(Source src, FileAnalysis analysis, Deadline deadline, String[] sha) throws Exception {
        byte[] sample = new byte[(int) Math.max(16, Math.min(64 * 1024, src.size()))];
        int n;
        try (InputStream in = src.open()) {
            n = in.readNBytes(sample, 0, sample.length);
        }
        Charset cs = TextReader.detect(sample, n);
        if (cs.equals(StandardCharsets.UTF_8) && src instanceof Source.OnDisk d) {
            return TextReader.utf8File(d.path(), d.size(), rules, limits, sections, threads, deadline,
                    () -> sha[0] = sha256(src));
        }
        try (InputStream in = src.open()) {
            TextReader.read(in, cs, analysis, deadline);
        }
        return List.of();
    }

    static String sha256(Source src) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (src instanceof Source.InMemory m) {
                md.update(m.data());
            } else {
                byte[] buf = new byte[(int) Math.max(16, Math.min(1 << 16, src.size()))];
                try (InputStream in = src.open()) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        md.update(buf, 0, r);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Extractor extractorFor(Format f) {
        return switch (f) {
            case DOCX, XLSX, PPTX, VSDX, ODT, ODS, ODP, OFD -> new OfficeXmlExtractor(f);
            case DOC, XLS, XLS_BIFF, PPT, VSD, PUB, MSG, OOXML_ENCRYPTED, OLE_OBJECT -> new OleExtractor(f);
            case ZIP, TAR, GZIP, SEVEN_Z, RAR, BZIP2, XZ, UNIX_COMPRESS, LZ4, SNAPPY, CPIO, AR -> new ArchiveExtractor(f);
            case EMF, WMF -> new MetafileExtractor();
            case ACCESS -> new org.baomi.scan.extract.AccessExtractor();
            case DBF -> new org.baomi.scan.extract.DbfExtractor();
            case DXF -> new org.baomi.scan.extract.DxfExtractor();
            case PDF -> new PdfExtractor();
            case XPS, OXPS -> new org.baomi.scan.extract.XpsExtractor();
            case PNG, JPEG, TIFF, GIF, BMP, WEBP -> new ImageExtractor();
            case HTML -> new MarkupExtractor(true);
            case XML -> new MarkupExtractor(false);
            case UOF_TEXT, UOF_SPREADSHEET, UOF_PRESENTATION -> new UofExtractor();
            case FODT, FODS, FODP -> new FlatOdfExtractor(f);
            case EML -> new EmlExtractor();
            case MBOX -> new org.baomi.scan.extract.MboxExtractor();
            case PST -> new org.baomi.scan.extract.PstExtractor();
            case TNEF -> new TnefExtractor();
            case RTF -> new RtfExtractor();
            case TEXT, BINARY, OLE2, ZIP_PART -> throw new IllegalArgumentException(f.name());
        };
    }

    /** Hands extractor output to the analysis and recurses into nested files within the limits. */
    private final class Context implements ExtractionContext {
        private final String path;
        private final int depth;
        private final Deadline deadline;
        private final FileAnalysis analysis;
        private final ScanListener listener;

        Context(String path, int depth, Deadline deadline, FileAnalysis analysis, ScanListener listener) {
            this.path = path;
            this.depth = depth;
            this.deadline = deadline;
            this.analysis = analysis;
            this.listener = listener;
        }

        /**
         * Whether any of the document's content was read as text (its body, notes or comments; a
         * header, a master's page-number field or the properties say nothing of what the pages
         * show); pictures that were not read.
         */
        boolean read;
        int pictures;
        /** Pictures handed to OCR. */
        int ocrTried;

        @Override
        public void text(Location location, CharSequence text) throws ExtractionProblem {
            deadline.check();
            if (!read && (location.zone() == Zone.BODY || location.zone() == Zone.NOTE || location.zone() == Zone.COMMENT)) {
                for (int i = 0; i < text.length() && !read; i++) {
                    // Control characters and U+FFFC stand for a picture or an object in the text, not for words.
                    char c = text.charAt(i);
                    read = !Character.isWhitespace(c) && !Character.isISOControl(c) && c != '\uFFFC';
                }
            }
            analysis.text(location, text);
        }

        @Override
        public void pictures(int count) {
            pictures += count;
        }

        @Override
        public boolean ocrOn() {
            return ocr != null;
        }

        @Override
        public List<String> ocr(Bytes image) throws IOException, ExtractionProblem {
            return read(image, data -> ocr.read(data, deadline.timeout().toNanos()));
        }

        @Override
        public List<String> ocrDrawn(Bytes image) throws IOException, ExtractionProblem {
            return read(image, data -> ocr.readDrawn(data, deadline.timeout().toNanos()));
        }

        /** A way of reading a picture by OCR. */
        private interface Reading<T> {
            T read(byte[] data) throws IOException;
        }

        private <T> T read(Bytes image, Reading<T> reading) throws IOException, ExtractionProblem {
            if (ocr == null) {
                return null;
            }
            deadline.check();
            byte[] data = image.read();
            if (Ocr.size(data) != Ocr.Size.READABLE) {
                return null;
            }
            ocrTried++;
            // Each picture may take up to --timeout of its own, and the time it takes is not counted
            // against the file's (ADR 0117): a scan of two hundred pages is long, not stuck.
            long started = System.nanoTime();
            try {
                return reading.read(data);
            } catch (Ocr.TimedOut t) {
                throw deadline.ocrTimedOut();
            } finally {
                deadline.exclude(System.nanoTime() - started);
            }
        }

        /** What of the document was not read, when it was read in part. */
        String partly;

        @Override
        public void partlyRead(String note) {
            partly = partly == null ? note : partly + "; " + note;
        }

        /** The folders inside this file seen so far, by path, and their names, one a line. */
        private final java.util.Set<String> folders = new java.util.HashSet<>();
        private final StringBuilder folderNames = new StringBuilder();

        @Override
        public void folders(String path, boolean folder) throws ExtractionProblem {
            deadline.check();
            int end = folder ? path.length() : Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            int from = 0;
            for (int i = 0; i <= end; i++) {
                if (i == end || path.charAt(i) == '/' || path.charAt(i) == '\\') {
                    String name = path.substring(from, i).strip();
                    if (!name.isEmpty() && !name.equals(".") && !name.equals("..") && folders.add(path.substring(0, i))) {
                        folderNames.append(name).append('\n');
                    }
                    from = i + 1;
                }
            }
        }

        /**
         * Judges the folders' names, as one segment (markings in one segment do not overlap), also
         * when the file was not read to its end: the folders seen before an encrypted member count.
         */
        void judgeFolders() {
            if (!folderNames.isEmpty()) {
                analysis.text(Location.FOLDER_NAMES, folderNames);
            }
        }

        /** Files inside this one handed on (embedded objects, attachments, members). */
        int members;

        @Override
        public void nested(String name, InputStream in, long declaredSize, long compressedSize)
                throws IOException, ExtractionProblem {
            deadline.check();
            members++;
            String child = path + "!/" + name;
            String shortName = name.substring(name.lastIndexOf('/') + 1);
            if (depth + 1 > limits.maxDepth()) {
                listener.onFile(new FileResult(child, null, null, FileStatus.SKIPPED,
                        "nested deeper than " + limits.maxDepth() + " levels", Math.max(declaredSize, 0), List.of()));
                return;
            }
            if (declaredSize > limits.maxFileBytes()) {
                listener.onFile(new FileResult(child, null, null, FileStatus.TOO_LARGE,
                        declaredSize + " bytes, over the limit of " + limits.maxFileBytes(), declaredSize, List.of()));
                return;
            }
            InputStream bounded = Bounded.of(in, limits, compressedSize, child);
            Source src;
            Path temp = null;
            try {
                byte[] head = bounded.readNBytes((int) Math.min(limits.maxInMemoryBytes(), Integer.MAX_VALUE - 16));
                if (head.length < limits.maxInMemoryBytes()) {
                    src = new Source.InMemory(shortName, head);
                } else {
                    // Large member: spill to a temporary file so that memory stays bounded.
                    temp = Files.createTempFile("baomi-", ".part");
                    try (OutputStream out = Files.newOutputStream(temp)) {
                        out.write(head);
                        bounded.transferTo(out);
                    }
                    src = new Source.OnDisk(shortName, temp, Files.size(temp));
                }
            } catch (IOException e) {
                ExtractionProblem p = Bounded.problemIn(e);
                if (p != null) {
                    listener.onFile(new FileResult(child, null, null, p.status(), p.getMessage(), Math.max(declaredSize, 0),
                            List.of()));
                    if (temp != null) {
                        Files.deleteIfExists(temp);
                    }
                    return;
                }
                throw e;
            }
            if (!deadline.expand(src.size(), limits.maxExpandedBytes())) {
                listener.onFile(new FileResult(child, null, null, FileStatus.TOO_LARGE,
                        "archive expands beyond " + limits.maxExpandedBytes() + " bytes in total", src.size(), List.of()));
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
                return;
            }
            try {
                process(child, src, depth + 1, deadline, listener);
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }

        @Override
        public void waited(long nanos) {
            deadline.exclude(nanos);
        }

        @Override
        public Limits limits() {
            return limits;
        }

        @Override
        public void checkDeadline() throws ExtractionProblem {
            deadline.check();
        }
    }

    @Override
    public void close() {
        sections.shutdownNow();
    }
}
