package org.baomi.scan.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.baomi.scan.engine.FileStatus;
import org.baomi.scan.engine.Limits;

/**
 * Stops reading a decompressing stream once it exceeds the size limit or expands beyond
 * the allowed ratio (zip bombs). The overflow surfaces as an {@link IOException} carrying
 * an {@link ExtractionProblem}, so libraries in between pass it up unchanged.
 */
public final class Bounded extends FilterInputStream {
    private final long max;
    private final String what;
    private long read;

    private Bounded(InputStream in, long max, String what) {
        super(in);
        this.max = max;
        this.what = what;
    }

    /**
     * A member may expand to this much whatever its compression ratio: the ratio limit is for
     * bombs, which expand to gigabytes, and Office compresses some parts legitimately far beyond
     * it (a 1.4 MB EMF preview of an embedded object, mostly one colour, stored in 2 KB: a
     * ratio of 667, in a real PowerPoint file). 8 MiB is read at no risk to memory or time.
     */
    static final long RATIO_FREE_BYTES = 8L << 20;

    /** Wraps {@code in}; {@code compressed} may be unknown (negative). */
    public static InputStream of(InputStream in, Limits limits, long compressed, String what) {
        long max = limits.maxFileBytes();
        if (compressed > 0) {
            max = Math.min(max, Math.max(compressed * limits.maxRatio(), RATIO_FREE_BYTES));
        }
        return new Bounded(in, max, what);
    }

    /**
     * The problem inside an exception chain, if a bound was hit. The JDK's StAX parser wraps the
     * stream's exception as an {@code XMLStreamException}'s nested exception, not its cause: both
     * are followed, so an XML part past the limits is {@code too_large}, not a parse error.
     */
    public static ExtractionProblem problemIn(Throwable t) {
        int links = 0;
        for (Throwable c = t; c != null && links++ < 32; c = c.getCause() != null ? c.getCause()
                : c instanceof javax.xml.stream.XMLStreamException x ? x.getNestedException() : null) {
            if (c instanceof Overflow o) {
                return o.problem;
            }
        }
        return null;
    }

    private void count(long n) throws IOException {
        if (n > 0) {
            read += n;
            if (read > max) {
                throw new Overflow(new ExtractionProblem(FileStatus.TOO_LARGE,
                        what + " expands beyond " + max + " bytes (size or compression-ratio limit)"));
            }
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(n);
        return n;
    }

    /** Carries the problem through libraries that only pass IOExceptions. */
    static final class Overflow extends IOException {
        private static final long serialVersionUID = 1L;
        final transient ExtractionProblem problem;

        Overflow(ExtractionProblem problem) {
            super(problem.getMessage());
            this.problem = problem;
        }
    }
}
