package org.baomi.scan.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of pictures — scanned pages, a scan pasted into a document, a photographed
 * file — with Tesseract, the maintained open-source OCR engine, run as the {@code tesseract}
 * command (Debian and its derivatives UOS and Kylin: packages {@code tesseract-ocr} and
 * {@code tesseract-ocr-chi-sim}). There is no maintained OCR for Chinese in pure Java; the
 * command is what ocrmypdf and paperless use too (docs/adr/0117).
 *
 * <p>One process per picture, on one thread ({@code OMP_THREAD_LIMIT=1}: the scan already
 * reads one file per core), the picture on its standard input, the text on its output. Only
 * used when a scan asks for it ({@code --ocr}): a page takes about a second.
 *
 * <p>A page scanned sideways or upside down (fed the wrong way round) is turned before it is
 * read: Tesseract's page segmentation with orientation detection ({@code --psm 1}), which needs
 * its {@code osd} data (package {@code tesseract-ocr-osd}, which {@code tesseract-ocr} brings).
 * Upside down, the default segmentation read {@code 机密★10年} as Latin noise. Without {@code osd}
 * only upright and sideways pages are read.
 */
public final class Ocr {
    /** Simplified Chinese and English: the languages of the documents this scanner is for. */
    public static final String DEFAULT_LANGUAGES = "chi_sim+eng";

    /** Tesseract's own page separator in its text output (a multi-page TIFF). */
    private static final char PAGE_BREAK = '\f';

    private static final String INSTALL = "install it (Debian, Ubuntu, UOS, Kylin: apt-get install tesseract-ocr tesseract-ocr-chi-sim)";

    /**
     * A classification period whose star OCR misread: Tesseract reads the ★ of
     * {@code 机密★10年} as 友, 大, 女, * or ☆. One character between a level and a period
     * ({@code 10年}, {@code 6个月}, {@code 长期}) can be nothing but the star.
     */
    private static final Pattern MISREAD_STAR = Pattern.compile(
            "(绝密|絕密|机密|機密|秘密|内部)[ \\t]*([^\\s\\d★])(?=[ \\t]*(?:\\d{1,3}[ \\t]*(?:年|个?[ \\t]*月)|长[ \\t]*期))");

    /** The end of a skip reason for pictures not read, without OCR. */
    public static final String NOT_READ = "look at it or OCR it (baomi scan --ocr)";

    /** The end of a skip reason for pictures that OCR is not given (icon-sized, or not a raster format it reads). */
    public static final String NOT_OCR_HERE = "not read by OCR (too small, or not a picture format it reads): look at it";

    /** The end of a skip reason for pictures in which OCR read nothing. */
    public static final String READ_NOTHING = "OCR read no text in them: look at it";

    /** Pictures smaller than this (pixels; or a side under 64 by 24) are {@link Size#TOO_SMALL}. */
    private static final int MIN_PIXELS = 16_000;

    /** Pictures larger than this (pixels) are {@link Size#TOO_LARGE}. */
    public static final long MAX_PIXELS = 80_000_000L;

    /**
     * Kills a Tesseract process whose file's time is up: one thread for every scan, never blocked
     * (the common fork-join pool has a single thread on two cores, and a task there waiting on a
     * hung process would keep the kill from running).
     */
    private static final java.util.concurrent.ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private static java.util.concurrent.ScheduledThreadPoolExecutor watchdog() {
        java.util.concurrent.ScheduledThreadPoolExecutor w = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "baomi-ocr-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        return w;
    }

    private final String command;
    private final String languages;
    /** Whether Tesseract has its orientation data: pages are then turned upright before reading. */
    private final boolean orients;

    private Ocr(String command, String languages, boolean orients) {
        this.command = command;
        this.languages = languages;
        this.orients = orients;
    }

    /** Whether pages scanned sideways or upside down are turned upright (Tesseract has {@code osd}). */
    public boolean orients() {
        return orients;
    }

    /** Tesseract cannot be used as asked: the message says why and what to install. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** Reading a picture took longer than the time it had. */
    public static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut() {
            super("OCR took too long");
        }
    }

    /**
     * Tesseract run as {@code command} (a name looked up on {@code PATH}, or a path) with
     * {@code languages} ({@code chi_sim+eng}); checks now that it runs and has every language.
     */
    public static Ocr tesseract(String command, String languages) throws Unavailable {
        if (languages == null || !languages.matches("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*")) {
            throw new Unavailable("--ocr-languages: '" + languages + "' is not a list of Tesseract languages such as chi_sim+eng");
        }
        Set<String> installed = new LinkedHashSet<>();
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new Unavailable("--ocr: '" + command + " --list-langs' did not answer within 30 s");
            }
            if (p.exitValue() != 0) {
                throw new Unavailable("--ocr: '" + command + " --list-langs' failed (exit " + p.exitValue() + "): " + out.strip());
            }
            List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            // "List of available languages in ... (3):" then one language a line.
            for (int i = 1; i < lines.size(); i++) {
                installed.add(lines.get(i));
            }
        } catch (IOException e) {
            throw new Unavailable("--ocr: cannot run '" + command + "' (" + e.getMessage() + "); " + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("--ocr: interrupted while asking tesseract for its languages");
        }
        List<String> missing = new ArrayList<>();
        for (String l : languages.split("\\+")) {
            if (!installed.contains(l)) {
                missing.add(l);
            }
        }
        if (!missing.isEmpty()) {
            throw new Unavailable("--ocr-languages: tesseract has no " + String.join(", ", missing) + " (it has: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)) + "); install "
                    + String.join(", ", missing.stream().map(l -> "tesseract-ocr-" + l.replace('_', '-')).toList()));
        }
        return new Ocr(command, languages, installed.contains("osd"));
    }

    /**
     * The text of {@code image} (PNG, JPEG, TIFF, BMP, GIF, WebP or PNM), one string per page
     * (a multi-page TIFF has several), tidied by {@link #tidy}; empty strings for pages without
     * text. The process is killed when {@code timeoutNanos} run out.
     *
     * @throws TimedOut    when the time ran out
     * @throws IOException when Tesseract could not read the picture; the message is its own
     */
    public List<String> read(byte[] image, long timeoutNanos) throws IOException {
        return run(enlarged(image), languages, orients ? "1" : "3", timeoutNanos);
    }

    /**
     * The text of a line of words drawn as outlines, set level and drawn in several sizes one
     * under the other ({@link Lettering}): read as a block of text ({@code --psm 6}), since
     * Tesseract's page layout finds no text in so few large shapes. The distinct lines read, blank
     * ones left out (a size Tesseract could not read gives nothing or noise, another the words).
     *
     * @throws TimedOut    when the time ran out
     * @throws IOException when Tesseract could not read the picture; the message is its own
     */
    public List<String> readDrawn(byte[] image, long timeoutNanos) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        for (String page : run(image, languages, "6", timeoutNanos)) {
            page.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return new ArrayList<>(lines);
    }

    private List<String> run(byte[] image, String languages, String psm, long timeoutNanos) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command, "stdin", "stdout", "-l", languages, "--psm", psm);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        AtomicBoolean killed = new AtomicBoolean();
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            if (p.isAlive()) {
                killed.set(true);
                p.destroyForcibly();
            }
        }, Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
        // Its messages are read on a thread of their own, so that a full pipe never stalls it.
        byte[][] errors = new byte[1][];
        Thread errorReader = new Thread(() -> errors[0] = readQuietly(p.getErrorStream()), "baomi-ocr-errors");
        errorReader.setDaemon(true);
        errorReader.start();
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(image);
            } catch (IOException brokenPipe) {
                // Tesseract stopped reading (it could not tell the format): its message says why.
            }
            byte[] out;
            try {
                out = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                if (killed.get()) {
                    throw new TimedOut(); // the stream closed under the reader when the process was killed
                }
                throw e;
            }
            int exit = p.waitFor();
            if (killed.get()) {
                throw new TimedOut();
            }
            if (exit != 0) {
                errorReader.join(10_000);
                String why = new String(errors[0] == null ? new byte[0] : errors[0], StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("Estimating resolution") && !l.startsWith("Warning"))
                        .findFirst().orElse("exit " + exit).strip();
                throw new IOException("tesseract could not read the picture: " + why);
            }
            List<String> pages = new ArrayList<>();
            String text = new String(out, StandardCharsets.UTF_8);
            int from = 0;
            for (int i = text.indexOf(PAGE_BREAK); i >= 0; i = text.indexOf(PAGE_BREAK, from)) {
                pages.add(tidy(text.substring(from, i)));
                from = i + 1;
            }
            if (from < text.length() && !text.substring(from).isBlank() || pages.isEmpty()) {
                pages.add(tidy(text.substring(from)));
            }
            return pages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a picture by OCR");
        } finally {
            watchdog.cancel(false);
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * Tesseract reads words best at about 300 dpi (a page 2,500 pixels or more on its long side); a
     * scan pasted into a document is often far smaller (Word keeps 220 ppi or less, a screenshot of
     * a page is ~100) and its words come out as noise. Such a picture is enlarged, in grey, to
     * 2,500 pixels on its long side (at most three times): 机密★10年 in a 497 × 702 pasted page
     * is read as 机密友10年 where the picture as it was gave 全10全.
     */
    private static final int GOOD_LONG_SIDE = 2500;

    /** {@code image} enlarged as {@link #GOOD_LONG_SIDE} says, as PGM; else itself (large, multi-page, or a format the JDK cannot read). */
    static byte[] enlarged(byte[] image) {
        // Undecodable here: Tesseract's own reader may still make it out, or say why not.
        return withReader(image, r -> Math.max(r.getWidth(0), r.getHeight(0)) >= GOOD_LONG_SIDE || r.getNumImages(true) != 1
                ? image : prepared(r.read(0)), image);
    }

    /** A use of the JDK's reader of a picture. */
    @FunctionalInterface
    private interface ReaderUse<T> {
        T apply(javax.imageio.ImageReader reader) throws IOException;
    }

    /**
     * What {@code use} makes of the JDK's reader of {@code image}, set at its start; {@code otherwise}
     * when the JDK reads no such format or its header is damaged.
     */
    private static <T> T withReader(byte[] image, ReaderUse<T> use, T otherwise) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(
                new java.io.ByteArrayInputStream(image))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : javax.imageio.ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return otherwise;
            }
            javax.imageio.ImageReader r = readers.next();
            try {
                r.setInput(in, false, true);
                return use.apply(r);
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return otherwise;
        }
    }

    /**
     * A decoded picture made ready for Tesseract: grey, on white where it is transparent,
     * enlarged as {@link #GOOD_LONG_SIDE} says when it is small; as PGM.
     */
    public static byte[] prepared(java.awt.image.BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int longSide = Math.max(w, h);
        double f = longSide >= GOOD_LONG_SIDE ? 1.0 : Math.min(3.0, (double) GOOD_LONG_SIDE / longSide);
        int sw = Math.max(1, (int) Math.round(w * f));
        int sh = Math.max(1, (int) Math.round(h * f));
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(sw, sh, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = grey.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setColor(java.awt.Color.WHITE); // a transparent background is paper, not ink
            g.fillRect(0, 0, sw, sh);
            g.drawImage(src, 0, 0, sw, sh, null);
        } finally {
            g.dispose();
        }
        return pgm(grey);
    }

    /** The {@link Size} of a picture of {@code w} × {@code h} pixels. */
    public static Size size(long w, long h) {
        return w < 64 || h < 24 || w * h < MIN_PIXELS ? Size.TOO_SMALL : w * h > MAX_PIXELS ? Size.TOO_LARGE : Size.READABLE;
    }

    /** What OCR makes of a picture by its size alone. */
    public enum Size {
        /** An icon, a bullet or a rule: no words worth a Tesseract process (a quarter of a second each). */
        TOO_SMALL,
        READABLE,
        /** A poster at 600 dpi: Tesseract would take minutes and gigabytes. */
        TOO_LARGE,
        /** Not a raster format Tesseract reads (a metafile, an embedded object's data). */
        NOT_A_PICTURE
    }

    /** Whether {@code data} starts as a picture Tesseract reads: a picture file's format, or Netpbm (pages rendered here). */
    static boolean picture(byte[] d) {
        return FormatDetector.pictureSignature(d, d.length) != null
                || d.length >= 3 && d[0] == 'P' && d[1] >= '1' && d[1] <= '6' && Character.isWhitespace(d[2]);
    }

    /**
     * The picture's {@link Size}, told from its header (width and height) where the JDK reads
     * the format; other formats (WebP, JBIG2, Netpbm) are read when larger than a kilobyte.
     */
    public static Size size(byte[] image) {
        if (!picture(image)) {
            return Size.NOT_A_PICTURE;
        }
        return withReader(image, r -> size(r.getWidth(0), r.getHeight(0)), image.length >= 1024 ? Size.READABLE : Size.TOO_SMALL);
    }

    private static byte[] readQuietly(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * OCR output made fit for matching, one character for one so that offsets stay those of
     * Tesseract's text: a misread star between a classification level and its period becomes ★
     * ({@code 机密友10 年} → {@code 机密★10 年}).
     */
    static String tidy(String text) {
        Matcher m = MISREAD_STAR.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        do {
            sb.setCharAt(m.start(2), '★');
        } while (m.find());
        return sb.toString();
    }

    /**
     * A grey picture as PGM (Netpbm P5), which Tesseract reads as it is: no compression to
     * spend time on, for pages rendered only to be read.
     */
    public static byte[] pgm(java.awt.image.BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] header = ("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + w * h];
        System.arraycopy(header, 0, out, 0, header.length);
        int o = header.length;
        java.awt.image.Raster r = grey.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[o++] = (byte) row[x];
            }
        }
        return out;
    }

    /**
     * The text OCR reads in a page's pictures, one after another; blank when it read nothing
     * (pictures too small to hold words, a file OCR cannot read: what was read so far stands).
     */
    static String readPictures(List<ExtractionContext.Bytes> pictures, ExtractionContext ctx) throws ExtractionProblem {
        StringBuilder text = new StringBuilder();
        for (ExtractionContext.Bytes picture : pictures) {
            try {
                List<String> read = ctx.ocr(picture);
                if (read != null) {
                    read.forEach(t -> text.append(t).append('\n'));
                }
            } catch (IOException unreadable) {
                // A picture OCR cannot read is a picture not read.
            }
        }
        return text.toString().isBlank() ? "" : text.toString();
    }
}
