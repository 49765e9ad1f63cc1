package org.baomi.scan.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.baomi.scan.text.Utf8Decoder;
import org.baomi.scan.text.Charsets;

/**
 * Plain text: charset detection (BOM, then UTF-8 validity, then juniversalchardet for
 * GBK/GB18030/Big5/UTF-16), then chunked matching. A large UTF-8 file is cut into one
 * section per thread at character boundaries; each section also reads a little past its
 * end so that a match across the cut is found by exactly one section (docs/adr/0101).
 */
final class TextReader {
    /** Bytes (UTF-8) or half as many chars (other charsets) decoded and matched at a time. */
    static final int CHUNK = 1 << 20;
    private static final long SPLIT_THRESHOLD = 16L << 20;
    /** Covers the longest pattern even with spaces and zero-width characters inside. */
    private static final int OVERLAP = 1 << 16;

    private TextReader() {
    }

    /** Detects the charset of a sample ({@link Charsets#detect}). */
    static Charset detect(byte[] sample, int n) {
        return Charsets.detect(sample, n);
    }

    /** Reads a stream of a known charset into the analysis, chunk by chunk. */
    static void read(Reader reader, FileAnalysis analysis, Deadline deadline) throws IOException, org.baomi.scan.extract.ExtractionProblem {
        read(reader, analysis, deadline, CHUNK / 2);
    }

    /** As above, {@code chunkChars} at a time (tests use small chunks to put many edges in a file). */
    static void read(Reader reader, FileAnalysis analysis, Deadline deadline, int chunkChars)
            throws IOException, org.baomi.scan.extract.ExtractionProblem {
        char[] buf = new char[chunkChars];
        long base = 0;
        analysis.begin(Location.lines());
        int n;
        while ((n = reader.read(buf)) > 0) {
            analysis.feed(buf, 0, n, base);
            base += n;
            deadline.check();
        }
        analysis.end();
    }

    static void read(InputStream in, Charset cs, FileAnalysis analysis, Deadline deadline) throws IOException, org.baomi.scan.extract.ExtractionProblem {
        read(new InputStreamReader(in, cs), analysis, deadline);
    }

    static void read(InputStream in, Charset cs, FileAnalysis analysis, Deadline deadline, int chunkChars)
            throws IOException, org.baomi.scan.extract.ExtractionProblem {
        read(new InputStreamReader(in, cs), analysis, deadline, chunkChars);
    }

    /**
     * Scans a UTF-8 file in sections, in parallel when it is large; returns the findings in
     * file order.
     */
    static List<Finding> utf8File(Path path, long size, CompiledRules rules, Limits limits, ExecutorService sections,
                                  int threads, Deadline deadline, Runnable meanwhile) throws Exception {
        return utf8File(path, size, rules, limits, sections, threads, deadline, meanwhile, CHUNK, SPLIT_THRESHOLD);
    }

    /**
     * As above, decoding {@code chunk} bytes at a time and splitting from {@code splitAt}
     * bytes on (tests make both small, to put many edges and cuts in a small file).
     */
    static List<Finding> utf8File(Path path, long size, CompiledRules rules, Limits limits, ExecutorService sections,
                                  int threads, Deadline deadline, Runnable meanwhile, int chunk, long splitAt)
            throws Exception {
        int parts = size >= splitAt && threads > 1 && sections != null ? threads : 1;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long[] cuts = new long[parts + 1];
            cuts[parts] = size;
            for (int p = 1; p < parts; p++) {
                cuts[p] = boundary(ch, size * p / parts);
            }
            // A BOM is not text.
            cuts[0] = size >= 3 && startsWithBom(ch) ? 3 : 0;
            List<Callable<Section>> tasks = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                long from = cuts[p];
                long to = cuts[p + 1];
                boolean last = p == parts - 1;
                // Every section but the first also reads a little before its start, so that
                // its first findings get their line, context and confidence (docs/adr/0105).
                long behind = p == 0 ? from : boundary(ch, Math.max(cuts[0], from - 4L * FileAnalysis.KEEP));
                tasks.add(() -> section(path, behind, from, to, last ? to : Math.min(size, to + OVERLAP * 4L), rules,
                        limits, deadline, chunk));
            }
            List<Section> done = new ArrayList<>();
            if (parts == 1) {
                done.add(tasks.get(0).call());
                meanwhile.run();
            } else {
                List<Future<Section>> futures = new ArrayList<>();
                for (Callable<Section> t : tasks) {
                    futures.add(sections.submit(t));
                }
                meanwhile.run();
                for (Future<Section> f : futures) {
                    try {
                        done.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof Exception ex) {
                            throw ex;
                        }
                        throw e;
                    }
                }
            }
            // Char offsets and line numbers of later sections follow from the earlier ones.
            List<Finding> out = new ArrayList<>();
            long charShift = 0;
            long lineShift = 0;
            // Keyword confidence counts each match once, in the section where it starts.
            int[] counts = null;
            for (Section s : done) {
                int[] c = s.analysis.counts();
                if (counts == null) {
                    counts = c.clone();
                } else {
                    for (int i = 0; i < c.length; i++) {
                        counts[i] += c[i];
                    }
                }
            }
            // --max-findings holds for the whole file, not for each section: the first ones in file
            // order. And the findings come as from a file read in one piece, markings first, then
            // keywords, then patterns: the report does not depend on how many sections there were.
            int[] budget = {limits.maxFindings(), limits.maxFindings(), limits.maxFindings()};
            java.util.Map<Category, List<Finding>> byCategory = new java.util.EnumMap<>(Category.class);
            for (Section s : done) {
                for (Finding f : s.analysis.findings(lineShift, counts, budget)) {
                    byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(charShift == 0 ? f
                            : new Finding(f.rule(), f.category(), f.level(), f.text(), f.location(), f.offset() + charShift,
                            f.context(), f.confidence()));
                }
                charShift += s.chars;
                lineShift += s.lines;
            }
            byCategory.values().forEach(out::addAll);
            return out;
        }
    }

    private static boolean startsWithBom(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(3);
        ch.read(b, 0);
        return b.position() == 3 && (b.get(0) & 0xFF) == 0xEF && (b.get(1) & 0xFF) == 0xBB && (b.get(2) & 0xFF) == 0xBF;
    }

    /** The first character start at or after {@code pos}. */
    private static long boundary(FileChannel ch, long pos) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4);
        ch.read(b, pos);
        for (int i = 0; i < b.position(); i++) {
            if (Utf8Decoder.isLead(b.get(i))) {
                return pos + i;
            }
        }
        return pos + b.position();
    }

    private record Section(FileAnalysis analysis, long chars, long lines) {
    }

    /**
     * Matches bytes {@code [from, readTo)}, keeping only matches that start before {@code to},
     * with {@code [behind, from)} as look-behind. Chars and lines are counted from
     * {@code from} up to {@code to} only.
     */
    private static Section section(Path path, long behind, long from, long to, long readTo, CompiledRules rules,
                                   Limits limits, Deadline deadline, int chunk) throws Exception {
        FileAnalysis analysis = new FileAnalysis(rules, limits.maxFindings());
        long lines = 0;
        analysis.begin(Location.lines());
        if (behind < from) {
            byte[] b = new byte[(int) (from - behind)];
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                ByteBuffer bb = ByteBuffer.wrap(b);
                while (bb.hasRemaining() && ch.read(bb, behind + bb.position()) > 0) {
                    // read the whole look-behind
                }
            }
            char[] c = new char[b.length + 2];
            int n = (int) Utf8Decoder.decode(b, 0, b.length, c, true);
            long breaks = 0;
            for (int i = 0; i < n; i++) {
                if (c[i] == '\n') {
                    breaks++;
                }
            }
            analysis.lookBehind(-n, breaks);
            analysis.feed(c, 0, n, -n);
        }
        // No larger than the section and its look-ahead: a scan of many small files allocated
        // (and zeroed) a whole chunk per file.
        byte[] bytes = new byte[(int) Math.max(64, Math.min(chunk, readTo - from + 8))];
        int[] lineFeeds = new int[1];
        long pos = from;
        long base = 0;
        long charsToCut = -1;
        int carry = 0;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            // Until every byte up to readTo is decoded: after the cut, the bytes already read
            // past it are decoded before anything more is read (they are the look-ahead).
            while (pos < readTo) {
                int n = 0;
                if (pos + carry < readTo && carry < bytes.length) {
                    ByteBuffer bb = ByteBuffer.wrap(bytes, carry, (int) Math.min(bytes.length - carry, readTo - pos - carry));
                    n = Math.max(0, ch.read(bb, pos + carry));
                }
                int avail = carry + n;
                if (avail == 0) {
                    break;
                }
                boolean last = pos + avail >= readTo;
                // Decode only up to the cut first, so the char count at the cut is exact.
                int limit = avail;
                if (charsToCut < 0 && pos + avail > to) {
                    limit = (int) (to - pos);
                }
                // Decoded straight into the analysis's window. The cut is set after the call:
                // matching there stops KEEP chars short of the text decoded, so nothing at or
                // after the cut can have been reported yet.
                boolean beforeCut = charsToCut < 0;
                int feedsBefore = lineFeeds[0];
                long r = analysis.feedUtf8(bytes, 0, limit, last || limit < avail, lineFeeds);
                int used = (int) (r >>> 32);
                int w = (int) r;
                if (charsToCut < 0 && pos + used >= to) {
                    charsToCut = base + w;
                    analysis.cutAt(charsToCut);
                }
                if (beforeCut) {
                    // Decoding stops at the cut first, so these line feeds all lie before it.
                    lines += lineFeeds[0] - feedsBefore;
                }
                base += w;
                System.arraycopy(bytes, used, bytes, 0, avail - used);
                carry = avail - used;
                pos += used;
                deadline.check();
                // The chunk buffer is reused: the analysis copies what it keeps.
                if (used == 0 && n == 0) {
                    break;
                }
            }
        }
        if (charsToCut < 0) {
            charsToCut = base;
        }
        return new Section(analysis, charsToCut, lines);
    }

}
