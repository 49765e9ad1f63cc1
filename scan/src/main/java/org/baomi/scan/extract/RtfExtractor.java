package org.baomi.scan.extract;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.baomi.scan.engine.Limits;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * RTF read by a small tokenizer of the RTF 1.9.1 syntax, because the JDK's reader drops
 * headers, footers, comments ({@code \annotation}) and document properties ({@code \info})
 * and decodes code-page escapes only partly — exactly where markings sit in documents
 * from Word, WPS and LibreOffice (docs/scan.md). Handled: groups, control words and
 * symbols, {@code \'hh} bytes decoded in the code page of the current font
 * ({@code \fcharset}, {@code \cpg}) or of the document ({@code \ansicpg}), so that a GBK
 * character written as two escapes is one character again; {@code &#92;uN} with its
 * {@code &#92;ucN} fallback skipped; ignorable destinations ({@code \*}) and binary data
 * skipped; hidden text kept. Text goes to the body ({@code paragraph N}), {@code header},
 * {@code footer}, {@code comment}, {@code note} (footnotes) or {@code metadata}.
 */
public final class RtfExtractor implements Extractor {
    /** Destinations whose text is not document text. */
    /** The kinds of a {@code \pict} that are raster pictures (Word writes one, and a WMF fallback, per picture). */
    private static final Set<String> RASTER = Set.of("pngblip", "jpegblip", "dibitmap", "wbitmap");
    private static final Set<String> SKIP = Set.of("fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable",
            "revtbl", "rsidtbl", "generator", "objclass", "datastore", "themedata",
            "colorschememapping", "latentstyles", "xmlnstbl", "mmathPr", "fldinst", "bkmkstart", "bkmkend", "atnid",
            "atnauthor", "atndate", "atnref", "atntime", "atnicn", "atrfstart", "atrfend", "pntext", "pntxta", "pntxtb",
            "listtext", "filetbl", "defchp", "defpap", "pgdsctbl", "wgrffmtfilter", "xmlopen", "xmlclose", "shppict",
            "nonshppict", "blipuid", "shprslt", "template", "docvar", "ftnsep", "ftnsepc", "aftnsep",
            "aftnsepc", "creatim", "revtim", "printim", "buptim", "falt", "panose", "fname", "passwordhash");
    private static final Set<String> INFO_TEXT = Set.of("title", "subject", "author", "operator", "keywords", "comment",
            "doccomm", "company", "manager", "category", "hlinkbase", "propname", "staticval");

    private enum Part { BODY, HEADER, FOOTER, COMMENT, NOTE, METADATA, PICTURE }

    /** Deeper nesting than any real document has; RTF from Word stays below 50. */
    private static final int MAX_DEPTH = 1000;

    private static final class State implements Cloneable {
        Part part = Part.BODY;
        boolean skip;
        boolean info;
        int uc = 1;
        Charset charset;
        boolean fontTable;
        int font = -1;
        /** In a {@code \pict} group. */
        boolean pict;
        /** In {@code upr}: its first group is the ANSI twin of the Unicode one that follows. */
        boolean uprFirst;
        /** Inside that ANSI twin: never text. */
        boolean twin;
        /** In a shape property's name ({@code \sn}): its characters are collected, not text. */
        boolean naming;
        /** Whether the text around the current shape property ({@code \sp}) was being skipped. */
        boolean shapeSkipped;
        /** In the value of a shape property that is text (WordArt's, a watermark's): read. */
        boolean shapeText;

        @Override
        public State clone() {
            try {
                return (State) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        Map<Part, StringBuilder> parts = new EnumMap<>(Part.class);
        try (InputStream in = new BufferedInputStream(source.open(), 1 << 16)) {
            new Reader(in, parts, ctx).run();
        }
        Map<Part, Location> where = Map.of(Part.BODY, new Location("paragraph", Zone.BODY, true, true),
                Part.HEADER, Location.of("header", Zone.HEADER), Part.FOOTER, Location.of("footer", Zone.FOOTER),
                Part.COMMENT, Location.of("comment", Zone.COMMENT), Part.NOTE, Location.of("note", Zone.NOTE),
                Part.METADATA, Location.of("metadata", Zone.METADATA), Part.PICTURE, Location.of("picture", Zone.BODY));
        for (Map.Entry<Part, StringBuilder> e : parts.entrySet()) {
            if (!e.getValue().toString().isBlank()) {
                ctx.text(where.get(e.getKey()), e.getValue());
            }
        }
    }

    private static final class Reader {
        private final InputStream in;
        private final Map<Part, StringBuilder> parts;
        private final ExtractionContext ctx;
        private final Deque<State> stack = new ArrayDeque<>();
        private final Map<Integer, Charset> fontCharsets = new HashMap<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private Charset pendingCharset;
        private Charset documentCharset = Charset.forName("windows-1252");
        private State st = new State();
        private int skipChars;
        private int pushedBack = -2;
        private long read;
        /** Groups opened beyond {@link #MAX_DEPTH}: not tracked, so hostile nesting costs no memory. */
        private long overflow;
        /** The embedded object whose {@code \objdata} is being read, or null. */
        private ObjectData object;
        private int objects;
        /** The metafile picture (WMF, EMF) whose data is being read, or null: its text is read. */
        private ObjectData picture;
        /** Whether {@link #picture} is a PNG or JPEG kept for OCR (else a metafile); raster pictures so far. */
        private boolean rasterPicture;
        private int rasterPictures;
        /** The name of the current shape property ({@code \sn}). */
        private final StringBuilder propertyName = new StringBuilder();

        Reader(InputStream in, Map<Part, StringBuilder> parts, ExtractionContext ctx) {
            this.in = in;
            this.parts = parts;
            this.ctx = ctx;
        }

        private int next() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            int c = in.read();
            if (c >= 0 && (++read & 0xFFFFF) == 0) {
                try {
                    ctx.checkDeadline();
                } catch (ExtractionProblem p) {
                    throw new IOException(p);
                }
            }
            return c;
        }

        void run() throws IOException, ExtractionProblem {
            try {
                tokens();
                if (object != null) {
                    endObject(); // cut short: what there is of the object, for what it is
                }
            } finally {
                if (object != null) {
                    object.discard();
                }
                if (picture != null) {
                    picture.discard();
                }
            }
        }

        /** The text a metafile picture draws, to the pictures' text. */
        private void endPicture() throws IOException, ExtractionProblem {
            ObjectData done = picture;
            picture = null;
            byte[] data = done.bytes();
            if (rasterPicture) {
                rasterPicture = false;
                rasterPictures++;
                if (data == null) {
                    ctx.pictures(1); // larger than is read in memory
                } else {
                    ctx.picture("picture " + rasterPictures, rasterPictures == 1, () -> data);
                }
                return;
            }
            String text = data == null ? "" : Metafiles.text(data);
            if (!text.isBlank()) {
                StringBuilder sb = parts.computeIfAbsent(Part.PICTURE, k -> new StringBuilder());
                sb.append(text);
            }
        }

        /** Hands the object read so far on as a file inside this one. */
        private void endObject() throws IOException, ExtractionProblem {
            ObjectData done = object;
            object = null;
            done.finish("object " + ++objects, ctx);
        }

        private void tokens() throws IOException, ExtractionProblem {
            int c;
            boolean starred = false;
            while ((c = next()) >= 0) {
                if (c == '{' && stack.size() >= MAX_DEPTH) {
                    overflow++;
                } else if (c == '}' && overflow > 0) {
                    overflow--;
                } else if (c == '{') {
                    // A group boundary ends the fallback of a Unicode escape (RTF 1.9.1, \\uc).
                    skipChars = 0;
                    flush();
                    boolean ansiTwin = st.uprFirst;
                    st.uprFirst = false;
                    stack.push(st);
                    st = st.clone();
                    if (ansiTwin) {
                        st.skip = true;
                        st.twin = true;
                    }
                    starred = false;
                } else if (c == '}') {
                    skipChars = 0;
                    flush();
                    if (object != null && stack.size() == object.level) {
                        endObject();
                    }
                    if (picture != null && stack.size() == picture.level) {
                        endPicture();
                    }
                    if (st.shapeText) {
                        newline();
                    }
                    if (st.fontTable && st.font >= 0 && st.charset != null) {
                        fontCharsets.put(st.font, st.charset);
                    }
                    boolean wasFontTable = st.fontTable;
                    st = stack.isEmpty() ? new State() : stack.pop();
                    if (wasFontTable && st.fontTable) {
                        // End of one font entry: the next starts clean.
                        st.font = -1;
                        st.charset = null;
                    }
                    starred = false;
                } else if (c == '\\') {
                    starred = controlWord(starred);
                } else if (object != null) {
                    object.hex(c);
                } else if (picture != null) {
                    picture.hex(c);
                } else if (c == '\r' || c == '\n') {
                    // Line breaks in the file are not text.
                } else if (skipChars > 0) {
                    skipChars--;
                } else if (st.naming) {
                    if (propertyName.length() < 64) {
                        propertyName.append((char) c);
                    }
                } else if (!st.skip) {
                    if (c < 0x80) {
                        flush();
                        text().append((char) c);
                    } else {
                        addByte(c);
                    }
                }
            }
            flush();
        }

        /** After a backslash; returns whether it was {@code \*}. */
        private boolean controlWord(boolean starred) throws IOException, ExtractionProblem {
            int c = next();
            if (c < 0) {
                return false;
            }
            if (!Character.isLetter(c) || c > 'z') {
                switch (c) {
                    case '*' -> {
                        return true;
                    }
                    case '\'' -> {
                        int hi = Character.digit(next(), 16);
                        int lo = Character.digit(next(), 16);
                        if (skipChars > 0) {
                            skipChars--;
                        } else if (hi >= 0 && lo >= 0 && !st.skip) {
                            addByte(hi * 16 + lo);
                        }
                    }
                    case '\\', '{', '}' -> literal((char) c);
                    case '~' -> literal('\u00A0');
                    case '_' -> literal('-');
                    case '\r', '\n' -> literal('\n');
                    case '\t' -> literal('\t');
                    default -> {
                        // \- (optional hyphen), \| \: and other symbols carry no text.
                    }
                }
                return false;
            }
            StringBuilder word = new StringBuilder();
            while (c >= 0 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && word.length() < 32) {
                word.append((char) c);
                c = next();
            }
            boolean hasParam = false;
            boolean negative = false;
            long param = 0;
            if (c == '-') {
                negative = true;
                c = next();
            }
            while (c >= '0' && c <= '9') {
                hasParam = true;
                if (param < 100_000_000L) {
                    param = param * 10 + (c - '0');
                }
                c = next();
            }
            if (c != ' ' && c >= 0) {
                pushedBack = c;
            }
            int n = (int) (negative ? -param : param);
            apply(word.toString(), hasParam, n, starred);
            return false;
        }

        private void apply(String w, boolean hasParam, int n, boolean starred) throws IOException {
            if (w.equals("bin") && hasParam) {
                // Binary data: skipped byte for byte, never read as text (an object's data kept).
                flush();
                ObjectData into = object != null ? object : picture;
                for (int i = 0, b; i < n && (b = next()) >= 0; i++) {
                    if (into != null) {
                        into.write(b);
                    }
                }
                return;
            }
            if (w.equals("objdata") && object == null) {
                // An embedded object's data (OLE 1 stream in hex): scanned as a file inside this one.
                flush();
                st.skip = true;
                object = new ObjectData(stack.size(), (ctx.limits() == null ? Limits.defaults() : ctx.limits()).maxInMemoryBytes());
                return;
            }
            if ((w.equals("wmetafile") || w.equals("emfblip")) && st.pict && picture == null && object == null) {
                // A metafile picture (a table or chart pasted as a picture, an embedded object's
                // picture): the text it draws is read.
                picture = new ObjectData(stack.size(), (ctx.limits() == null ? Limits.defaults() : ctx.limits()).maxInMemoryBytes());
                return;
            }
            if (skipChars > 0) {
                skipChars--;
                return;
            }
            if (st.pict && RASTER.contains(w)) {
                if (ctx.ocrOn() && picture == null && object == null && (w.equals("pngblip") || w.equals("jpegblip"))) {
                    // A PNG or JPEG (a scan pasted in): kept, and read by OCR when its group ends.
                    picture = new ObjectData(stack.size(), (ctx.limits() == null ? Limits.defaults() : ctx.limits()).maxInMemoryBytes());
                    rasterPicture = true;
                } else {
                    ctx.pictures(1); // a raster picture not read
                }
            }
            switch (w) {
                case "pict" -> {
                    flush();
                    st.skip = true;
                    st.pict = true;
                }
                case "ansicpg" -> documentCharset = codePage(n, documentCharset);
                case "fonttbl" -> {
                    st.fontTable = true;
                    st.skip = true;
                }
                case "f" -> {
                    if (st.fontTable) {
                        st.font = n;
                    } else {
                        flush();
                        st.charset = fontCharsets.get(n);
                    }
                }
                case "fcharset" -> {
                    if (st.fontTable) {
                        st.charset = charsetOf(n);
                    }
                }
                case "cpg" -> {
                    if (st.fontTable) {
                        st.charset = codePage(n, st.charset);
                    }
                }
                case "uc" -> st.uc = Math.max(0, n);
                case "u" -> {
                    if (!hasParam) {
                        return;
                    }
                    if (!st.skip) {
                        flush();
                        text().append((char) (n < 0 ? n + 65536 : n));
                    }
                    skipChars = st.uc;
                }
                case "par", "line", "row", "sect", "page", "pard" -> {
                    if (!w.equals("pard")) {
                        newline();
                    }
                }
                case "tab", "cell" -> literal('\t');
                case "header", "headerl", "headerr", "headerf" -> enter(Part.HEADER);
                case "footer", "footerl", "footerr", "footerf" -> enter(Part.FOOTER);
                case "annotation" -> enter(Part.COMMENT);
                case "footnote" -> enter(Part.NOTE);
                case "shpinst", "shptxt" -> {
                    // A drawing object (text box): its properties (sp) are skipped, its text read;
                    // the fallback drawn for old readers (shprslt) would say the same again.
                }
                case "sp" -> {
                    // A shape property: {\sp{\sn name}{\sv value}}. Skipped, except the text of
                    // WordArt (gtextUNICODE), which is how a watermark such as 机密 is written.
                    flush();
                    st.shapeSkipped = st.skip;
                    st.skip = true;
                    propertyName.setLength(0);
                }
                case "sn" -> {
                    flush();
                    st.skip = true;
                    st.naming = true;
                }
                case "sv" -> {
                    flush();
                    st.naming = false;
                    if (!st.shapeSkipped && !st.twin && "gtextUNICODE".contentEquals(propertyName)) {
                        st.skip = false;
                        st.shapeText = true;
                        newline();
                    } else {
                        st.skip = true;
                    }
                }
                case "upr" -> st.uprFirst = true;
                case "ud" -> {
                    // The Unicode twin in upr: read, though it is an ignorable destination.
                }
                case "info", "userprops" -> {
                    // Document properties; the custom ones (\propname, \staticval) are where a
                    // classification-marking tool records a document's 密级.
                    st.info = true;
                    st.skip = true;
                }
                default -> {
                    if (st.info && INFO_TEXT.contains(w) && !st.twin) {
                        flush();
                        st.part = Part.METADATA;
                        st.skip = false;
                        newline();
                    } else if (SKIP.contains(w) || starred) {
                        flush();
                        st.skip = true;
                    }
                }
            }
        }

        private void enter(Part part) {
            flush();
            st.part = part;
            st.skip = false;
            newline();
        }

        private StringBuilder text() {
            return parts.computeIfAbsent(st.part, k -> new StringBuilder());
        }

        private void literal(char c) {
            if (skipChars > 0) {
                skipChars--;
                return;
            }
            if (!st.skip) {
                flush();
                text().append(c);
            }
        }

        private void newline() {
            if (st.skip) {
                return;
            }
            flush();
            StringBuilder sb = text();
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
        }

        private void addByte(int b) {
            Charset cs = st.charset != null ? st.charset : documentCharset;
            if (pendingCharset != null && !pendingCharset.equals(cs)) {
                flush();
            }
            pendingCharset = cs;
            pending.write(b);
        }

        /** Decodes the bytes gathered so far (a double-byte character may span two escapes). */
        private void flush() {
            if (pending.size() > 0) {
                text().append(new String(pending.toByteArray(), pendingCharset));
                pending.reset();
            }
            pendingCharset = null;
        }
    }

    /**
     * The bytes of an {@code \objdata} group, decoded from hex as they come; held in memory up
     * to {@code inMemory} bytes, beyond that in a temporary file.
     */
    private static final class ObjectData {
        final int level;
        private final long inMemory;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private java.nio.file.Path file;
        private java.io.OutputStream out;
        private int high = -1;

        ObjectData(int level, long inMemory) {
            this.level = level;
            this.inMemory = inMemory;
        }

        void hex(int c) throws IOException {
            int d = Character.digit(c, 16);
            if (d < 0) {
                return;
            }
            if (high < 0) {
                high = d;
            } else {
                write(high << 4 | d);
                high = -1;
            }
        }

        void write(int b) throws IOException {
            if (out == null && memory.size() >= inMemory) {
                file = java.nio.file.Files.createTempFile("baomi-", ".objdata");
                out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file));
                memory.writeTo(out);
                memory = null;
            }
            if (out != null) {
                out.write(b);
            } else {
                memory.write(b);
            }
        }

        /** The bytes, or null when they spilled to a file (too large to read as a picture). */
        byte[] bytes() throws IOException {
            if (out != null) {
                discard();
                return null;
            }
            return memory.toByteArray();
        }

        void discard() throws IOException {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                java.nio.file.Files.deleteIfExists(file);
            }
        }

        void finish(String name, ExtractionContext ctx) throws IOException, ExtractionProblem {
            try {
                if (out != null) {
                    out.close();
                    try (InputStream in = new BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
                        OleExtractor.ole1(in, name, ctx);
                    }
                } else if (memory.size() > 0) {
                    OleExtractor.ole1(new java.io.ByteArrayInputStream(memory.toByteArray()), name, ctx);
                }
            } finally {
                if (file != null) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The charset of an RTF {@code \fcharset} number; null for "the document's". */
    static Charset charsetOf(int fcharset) {
        return switch (fcharset) {
            case 128 -> charset("windows-31j");
            case 129 -> charset("x-windows-949");
            case 134 -> charset("GBK");
            case 136 -> charset("Big5");
            case 161 -> charset("windows-1253");
            case 162 -> charset("windows-1254");
            case 163 -> charset("windows-1258");
            case 177 -> charset("windows-1255");
            case 178 -> charset("windows-1256");
            case 186 -> charset("windows-1257");
            case 204 -> charset("windows-1251");
            case 222 -> charset("x-windows-874");
            case 238 -> charset("windows-1250");
            default -> null;
        };
    }

    /** The charset of a Windows code page number, or {@code fallback} when unknown. */
    static Charset codePage(int cp, Charset fallback) {
        Charset c = switch (cp) {
            case 936 -> charset("GBK");
            case 54936 -> charset("GB18030");
            case 950 -> charset("Big5");
            case 932 -> charset("windows-31j");
            case 949 -> charset("x-windows-949");
            case 65001 -> StandardCharsets.UTF_8;
            case 874 -> charset("x-windows-874");
            default -> charset("windows-" + cp);
        };
        return c != null ? c : fallback;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
