package org.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A Unix mailbox (mbox, RFC 4155): messages one after another, each after a separator line
 * {@code From sender date}. Thunderbird keeps every folder so (a file named {@code Inbox} or
 * {@code Sent}, no extension), as do mutt, Evolution and Apple Mail's export. Each message is
 * scanned as a file of its own, {@code Inbox!/message 12.eml}, so that its attachments, encoded
 * in base64, are decoded and read: read as text, a mailbox shows only what its messages say in
 * plain text.
 *
 * <p>The mailbox is streamed a line at a time (a folder of years of mail is gigabytes); a line
 * that quotes a separator ({@code >From }, as mboxo and mboxrd escape it) loses one {@code >}.
 * A separator is a line starting {@code From } at the start or after an empty line that carries
 * a time and a year, as every writer puts the date there: Thunderbird does not always escape
 * "From " in a message, and such a line is not taken for the next message.
 */
public final class MboxExtractor implements Extractor {
    /** {@code From MAILER-DAEMON Fri Jul  8 12:08:34 2011}, {@code From - Sat Nov 22 01:02:03 2026}. */
    private static final Pattern SEPARATOR = Pattern.compile("From \\S+ .*\\d{1,2}:\\d{2}.*\\d{4}\\s*");
    /** Lines longer than this (base64 without breaks, binary) are handed on in pieces. */
    private static final int MAX_LINE = 1 << 16;

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        try (Lines lines = new Lines(source.open())) {
            Line line = lines.next();
            int n = 0;
            while (line != null) {
                // line is a separator (or the first line, whatever it is)
                n++;
                ctx.checkDeadline();
                Message m = new Message(lines);
                ctx.nested("message " + n + ".eml", m, -1, -1);
                line = m.skipToNext();
            }
        }
    }

    /** Whether {@code line} (a whole line, at its start) separates two messages. */
    static boolean separator(byte[] b, int len) {
        if (len < 7 || b[0] != 'F' || b[1] != 'r' || b[2] != 'o' || b[3] != 'm' || b[4] != ' ') {
            return false;
        }
        return separator(new String(b, 0, len, StandardCharsets.ISO_8859_1));
    }

    /** Whether {@code line} (its line break included or not) separates two messages. */
    static boolean separator(String line) {
        return line.startsWith("From ") && SEPARATOR.matcher(line.stripTrailing()).matches();
    }

    /** One line, or a piece of a long one ({@code start}: it begins a line). */
    record Line(byte[] bytes, int length, boolean start) {
        boolean blank() {
            return start && (length == 0 || length == 1 && bytes[0] == '\n'
                    || length == 2 && bytes[0] == '\r' && bytes[1] == '\n');
        }
    }

    /** The mailbox as lines, read through a buffer of its own. */
    static final class Lines implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int lim;
        private boolean midLine;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line with its line break, or the next piece of a long line; null at the end. */
        Line next() throws IOException {
            byte[] line = new byte[128];
            int len = 0;
            boolean start = !midLine;
            while (true) {
                if (pos == lim) {
                    lim = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (lim <= 0) {
                        lim = 0;
                        midLine = false;
                        return len == 0 ? null : new Line(line, len, start);
                    }
                }
                int end = pos;
                int stop = Math.min(lim, pos + MAX_LINE - len);
                while (end < stop && buf[end] != '\n') {
                    end++;
                }
                boolean lineEnd = end < stop;
                int take = (lineEnd ? end + 1 : end) - pos;
                if (len + take > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, len + take));
                }
                System.arraycopy(buf, pos, line, len, take);
                len += take;
                pos += take;
                if (lineEnd || len == MAX_LINE) {
                    midLine = !lineEnd;
                    return new Line(line, len, start);
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** One message: the lines up to the next separator, with {@code >From } unquoted once. */
    static final class Message extends InputStream {
        private final Lines lines;
        private Line current;
        private int at;
        private boolean previousBlank;
        private boolean ended;
        /** The separator that ended this message; null at the end of the mailbox. */
        private Line next;

        Message(Lines lines) {
            this.lines = lines;
        }

        /** Moves to a line with bytes left to give; false at the message's end. */
        private boolean fill() throws IOException {
            while (!ended && (current == null || at >= current.length())) {
                Line l = lines.next();
                if (l == null) {
                    ended = true;
                    current = null;
                    return false;
                }
                if (l.start() && previousBlank && separator(l.bytes(), l.length())) {
                    ended = true;
                    next = l;
                    current = null;
                    return false;
                }
                previousBlank = l.blank();
                current = l;
                at = 0;
                if (l.start() && quotedSeparator(l)) {
                    at = 1; // ">From " -> "From ", ">>From " -> ">From "
                }
            }
            return !ended;
        }

        private static boolean quotedSeparator(Line l) {
            byte[] b = l.bytes();
            int i = 0;
            while (i < l.length() && b[i] == '>') {
                i++;
            }
            return i > 0 && i + 5 <= l.length() && b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm'
                    && b[i + 4] == ' ';
        }

        @Override
        public int read() throws IOException {
            return fill() ? current.bytes()[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length() - at);
            System.arraycopy(current.bytes(), at, b, off, n);
            at += n;
            return n;
        }

        /** Reads past what the scan did not (a message over the limits); the next separator, or null. */
        Line skipToNext() throws IOException {
            while (fill()) {
                at = current.length();
            }
            return next;
        }

        @Override
        public void close() {
            // the mailbox stays open for the next message
        }
    }
}
