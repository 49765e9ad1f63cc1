package org.baomi.scan.extract;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * XPS documents (XML Paper Specification, 2006) and OpenXPS (ECMA-388, {@code .oxps}): what
 * Windows' "Microsoft XPS Document Writer" prints — a document printed to a file, whatever
 * program it came from — as a reader of its pages sees them.
 *
 * <p>An XPS document is a package of parts (ECMA-376 Part 2, as an Office file is): its fixed
 * document sequence ({@code FixedDocumentSequence.fdseq}, which the package's relationship
 * {@code fixedrepresentation} names) lists its documents, each document ({@code .fdoc}) its pages
 * in order, and each page ({@code .fpage}) draws its text as glyph runs — {@code Glyphs} elements
 * whose characters are in the attribute {@code UnicodeString}, placed at {@code OriginX/OriginY}
 * inside canvases that move and scale them ({@code RenderTransform}). Read as XML, a page is
 * nothing but attributes: the printed text of a classified document was passed as clean. The runs
 * are placed where the page draws them and joined into lines as on the page ({@link PlacedLines}),
 * page by page in the documents' order ({@code page N}); the package's core properties are
 * metadata. Its fonts, ICC profiles, print tickets, thumbnails and story fragments are not text;
 * its pictures are read only where a page has no text (a scanned page), by OCR.
 *
 * <p>A package that lost its sequence (damaged, or made by hand) has its pages read in the order of
 * their names, and says so. A part may be stored in pieces ({@code 1.fpage/[0].piece} … {@code [n].last.piece}, as a
 * producer that streams the package writes it): the pieces are read in order as the part.
 */
public final class XpsExtractor implements Extractor {
    /** The relationship from the package to its fixed document sequence, in XPS 1.0's and OpenXPS's namespaces. */
    private static final String FIXED_REPRESENTATION = "fixedrepresentation";
    private static final String SEQUENCE_TYPE = "application/vnd.ms-package.xps-fixeddocumentsequence+xml";
    private static final String PAGE_TYPE = "application/vnd.ms-package.xps-fixedpage+xml";
    private static final Pattern PIECE = Pattern.compile("(?i)(.+)/\\[(\\d+)\\](\\.last)?\\.piece");
    /** A page drawing at least this many paths and no text may be text converted to outlines. */
    private static final int OUTLINE_PATHS = 40;

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(source.channel()).get()) {
            Parts parts = new Parts(zip, ctx);
            List<OoxmlParts.Relationship> relationships = OoxmlParts.Package.of(zip).relationships("");
            OpcContentTypes types = OpcContentTypes.of(zip);
            List<String> pages = new ArrayList<>();
            String sequence = sequence(relationships, types, parts);
            if (sequence != null) {
                for (String document : references(parts, sequence, "DocumentReference")) {
                    pages.addAll(references(parts, document, "PageContent"));
                }
            } else {
                // Its list of documents lost (a damaged or hand-made package): its pages are still there.
                parts.names().stream().filter(n -> PAGE_TYPE.equals(types.type(n)))
                        .sorted(Comparator.comparing(OfficeXmlExtractor::naturalKey)).forEach(pages::add);
                ctx.partlyRead("the document sequence (FixedDocumentSequence) is missing: its " + pages.size()
                        + (pages.size() == 1 ? " page was" : " pages were") + " read in the order of their names");
            }
            for (OoxmlParts.Relationship r : relationships) {
                if (r.is("core-properties")) {
                    try (InputStream in = parts.open(r.target())) {
                        String text = XmlText.of(in);
                        if (!text.isBlank()) {
                            ctx.text(Location.of("metadata", Zone.METADATA), text);
                        }
                    } catch (XMLStreamException damaged) {
                        ctx.partlyRead("the document's properties could not be read (" + r.target() + ": " + firstLine(damaged) + ")");
                    }
                }
            }
            UnreadPages unread = new UnreadPages();
            int withText = 0;
            for (int i = 0; i < pages.size(); i++) {
                ctx.checkDeadline();
                int number = i + 1;
                Page page;
                try (InputStream in = parts.open(pages.get(i))) {
                    page = page(in, folder(pages.get(i)));
                } catch (XMLStreamException damaged) {
                    ctx.partlyRead("page " + number + " could not be read (" + pages.get(i) + ": " + firstLine(damaged) + ")");
                    continue;
                }
                boolean read = !page.text().isBlank();
                if (read) {
                    ctx.text(Location.body("page " + number, number == 1), page.text());
                } else if (page.drawn() && ctx.ocrOn()) {
                    // A scanned page: its pictures by OCR.
                    String seen = Ocr.readPictures(page.pictures().stream().filter(parts::has)
                            .<ExtractionContext.Bytes>map(p -> () -> {
                                try (InputStream in = parts.open(p)) {
                                    return in.readAllBytes();
                                }
                            }).toList(), ctx);
                    if (!seen.isBlank()) {
                        ctx.text(Location.body("page " + number + " (OCR)", number == 1), seen);
                        read = true;
                    }
                }
                withText += read ? 1 : 0;
                if (!read && page.drawn()) {
                    unread.add(number);
                }
            }
            unread.finish(pages.size(), withText, ctx);
        }
    }

    /** The fixed document sequence: where the package's relationship points, else the part declared as one. */
    private static String sequence(List<OoxmlParts.Relationship> relationships, OpcContentTypes types, Parts parts) {
        for (OoxmlParts.Relationship r : relationships) {
            if (r.is(FIXED_REPRESENTATION) && parts.has(r.target())) {
                return r.target();
            }
        }
        return parts.names().stream().filter(n -> SEQUENCE_TYPE.equals(types.type(n))).findFirst().orElse(null);
    }

    /**
     * The parts a sequence's {@code DocumentReference}s or a document's {@code PageContent}s name
     * ({@code Source}, relative to the part or from the package's root), in order; those missing
     * from the package left out. A damaged list gives what was read before the damage.
     */
    private static List<String> references(Parts parts, String part, String element) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = parts.open(part)) {
            XMLStreamReader r = XmlText.reader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) {
                        String target = parts.resolve(folder(part), r.getAttributeValue(null, "Source"));
                        if (target != null) {
                            out.add(target);
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException damaged) {
            // What was read before the damage stands.
        }
        return out;
    }

    /** The part a zip entry holds, or a piece of ({@code 1.fpage/[0].piece}: {@code 1.fpage}). */
    static String partName(String entry) {
        Matcher m = PIECE.matcher(entry);
        return m.matches() ? m.group(1) : entry;
    }

    /**
     * Whether a package (its entries' names; its content types) is an XPS document: a part of it
     * is declared a fixed document sequence or a fixed page.
     */
    static boolean isXps(java.util.Collection<String> names, OpcContentTypes types) {
        return names.stream().map(n -> types.type(partName(n))).anyMatch(t -> SEQUENCE_TYPE.equals(t) || PAGE_TYPE.equals(t));
    }

    /** Whether an XPS package is OpenXPS (ECMA-388): its relationship to its sequence is in OpenXPS's namespace. */
    static boolean openXps(ZipFile zip) {
        return OoxmlParts.Package.of(zip).relationships("").stream()
                .anyMatch(r -> r.is(FIXED_REPRESENTATION) && r.type().contains("openxps"));
    }

    private static String folder(String part) {
        return part.substring(0, part.lastIndexOf('/') + 1);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * The parts of the package by name (any case), each the zip entry that holds it or the
     * pieces it is stored in, read within the scan's limits.
     */
    private static final class Parts {
        private final ZipFile zip;
        private final ExtractionContext ctx;
        private final Map<String, List<ZipArchiveEntry>> byName = new LinkedHashMap<>();

        Parts(ZipFile zip, ExtractionContext ctx) throws ExtractionProblem {
            this.zip = zip;
            this.ctx = ctx;
            Map<String, Map<Integer, ZipArchiveEntry>> pieces = new LinkedHashMap<>();
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (e.isDirectory()) {
                    continue;
                }
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    throw ExtractionProblem.encrypted("encrypted zip entry " + e.getName());
                }
                Matcher m = PIECE.matcher(e.getName());
                if (m.matches()) {
                    pieces.computeIfAbsent(key(m.group(1)), k -> new java.util.TreeMap<>()).put(Integer.parseInt(m.group(2)), e);
                } else {
                    byName.putIfAbsent(key(e.getName()), List.of(e));
                }
            }
            pieces.forEach((name, numbered) -> byName.putIfAbsent(name, List.copyOf(numbered.values())));
        }

        private static String key(String name) {
            return (name.startsWith("/") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
        }

        boolean has(String part) {
            return byName.containsKey(key(part));
        }

        List<String> names() {
            return byName.values().stream().map(l -> partName(l.get(0).getName())).toList();
        }

        /**
         * A reference ({@code Source}, {@code ImageSource}) from a part in {@code folder} as a part
         * of the package: from the root when it starts with {@code /}, else from the folder; percent
         * escapes decoded when the name as written is not there. Null when the package has no such part.
         */
        String resolve(String folder, String reference) {
            if (reference == null || reference.isBlank()) {
                return null;
            }
            String part = OoxmlParts.resolve(folder, reference.strip());
            if (!has(part) && part.contains("%")) {
                part = OoxmlParts.resolve(folder, java.net.URLDecoder.decode(reference.strip().replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            return has(part) ? part : null;
        }

        /** The part's bytes: its entry's, or its pieces' one after another. */
        InputStream open(String part) throws java.io.IOException {
            List<ZipArchiveEntry> entries = byName.get(key(part));
            if (entries == null) {
                throw new java.io.FileNotFoundException(part);
            }
            List<InputStream> streams = new ArrayList<>();
            for (ZipArchiveEntry e : entries) {
                streams.add(ctx.limits() == null ? zip.getInputStream(e)
                        : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), e.getName()));
            }
            return streams.size() == 1 ? streams.get(0) : new SequenceInputStream(Collections.enumeration(streams));
        }
    }

    /**
     * A page: its text as lines; the pictures it draws (parts named by its image brushes), in
     * order; the number of paths it draws.
     */
    record Page(String text, List<String> pictures, int paths) {
        /** Whether it draws pictures, or paths enough to be text converted to outlines. */
        boolean drawn() {
            return !pictures.isEmpty() || paths >= OUTLINE_PATHS;
        }
    }

    /**
     * A page ({@code FixedPage}) read: each glyph run's characters placed where the page draws
     * them — its origin through the transforms of the canvases it is in and its own — and joined
     * into lines ({@link PlacedLines}). {@code folder}: the page's, for the pictures it names.
     * Pictures are listed by name as written, resolved from {@code folder}.
     */
    static Page page(InputStream in, String folder) throws XMLStreamException {
        XMLStreamReader r = XmlText.reader(in);
        PlacedLines lines = new PlacedLines();
        List<String> pictures = new ArrayList<>();
        int paths = 0;
        // The transform of each open canvas (and of the page, the identity) from its space to the page's.
        Deque<double[]> canvases = new ArrayDeque<>();
        canvases.push(IDENTITY);
        Glyphs glyphs = null;
        // The element whose RenderTransform property is being read (Canvas or Glyphs), else null.
        String transformOf = null;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    switch (n) {
                        case "Canvas" -> canvases.push(times(matrix(r.getAttributeValue(null, "RenderTransform")), canvases.peek()));
                        case "Glyphs" -> glyphs = new Glyphs(r, canvases.peek());
                        case "Canvas.RenderTransform", "Glyphs.RenderTransform" -> transformOf = n;
                        case "MatrixTransform" -> {
                            double[] m = matrix(r.getAttributeValue(null, "Matrix"));
                            if ("Canvas.RenderTransform".equals(transformOf) && canvases.size() > 1) {
                                // Written before the canvas's content, in place of the attribute: this one, then its parent's.
                                canvases.pop();
                                canvases.push(times(m, canvases.peek()));
                            } else if ("Glyphs.RenderTransform".equals(transformOf) && glyphs != null) {
                                glyphs.own = m;
                            }
                        }
                        case "Path" -> paths++;
                        case "ImageBrush" -> {
                            String picture = imageSource(r.getAttributeValue(null, "ImageSource"));
                            if (picture != null) {
                                String part = OoxmlParts.resolve(folder, picture);
                                if (!pictures.contains(part)) {
                                    pictures.add(part);
                                }
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = r.getLocalName();
                    switch (n) {
                        case "Canvas" -> {
                            if (canvases.size() > 1) {
                                canvases.pop();
                            }
                        }
                        case "Canvas.RenderTransform", "Glyphs.RenderTransform" -> transformOf = null;
                        case "Glyphs" -> {
                            if (glyphs != null) {
                                glyphs.place(lines);
                            }
                            glyphs = null;
                        }
                        default -> {
                        }
                    }
                }
            }
        } finally {
            r.close();
        }
        return new Page(lines.text(), pictures, paths);
    }

    private static final double[] IDENTITY = {1, 0, 0, 1, 0, 0};

    /** A glyph run being read: its attributes, and its own transform once its property element is read. */
    private static final class Glyphs {
        final String text;
        final String indices;
        final double x;
        final double y;
        final double size;
        final double[] canvas;
        double[] own;

        Glyphs(XMLStreamReader r, double[] canvas) {
            String s = r.getAttributeValue(null, "UnicodeString");
            // "{}" escapes a value that would otherwise read as a markup extension ("{}{1}").
            this.text = s == null ? "" : s.startsWith("{}") ? s.substring(2) : s;
            this.indices = r.getAttributeValue(null, "Indices");
            this.x = number(r.getAttributeValue(null, "OriginX"));
            this.y = number(r.getAttributeValue(null, "OriginY"));
            double em = number(r.getAttributeValue(null, "FontRenderingEmSize"));
            this.size = Double.isNaN(em) ? 0 : em;
            this.canvas = canvas;
            this.own = matrix(r.getAttributeValue(null, "RenderTransform"));
        }

        /** Its characters where they are drawn; a run of spaces too (Word prints the spaces between words as runs of their own). */
        void place(PlacedLines lines) {
            if (text.isEmpty()) {
                return;
            }
            double[] m = times(own, canvas);
            double width = advance(text, indices) * size;
            double px = m[0] * x + m[2] * y + m[4];
            double py = m[1] * x + m[3] * y + m[5];
            double right = m[0] * (x + width) + m[2] * y + m[4];
            double scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
            lines.run(px, py, size * scale, right).append(text);
        }
    }

    /**
     * How far a run's glyphs advance, in ems: each glyph's advance as {@code Indices} gives it (in
     * hundredths of the em), else an estimate — a full em for a CJK character, half for others.
     */
    static double advance(String text, String indices) {
        String[] given = indices == null ? new String[0] : indices.split(";", -1);
        double ems = 0;
        int i = 0;
        for (int at = 0; at < text.length(); at += Character.charCount(text.codePointAt(at)), i++) {
            double a = Double.NaN;
            if (i < given.length) {
                String g = given[i];
                int paren = g.indexOf(')');
                String[] fields = (paren >= 0 ? g.substring(paren + 1) : g).split(",", -1);
                a = fields.length > 1 ? number(fields[1]) : Double.NaN;
            }
            int cp = text.codePointAt(at);
            ems += !Double.isNaN(a) ? a / 100 : cp >= 0x2E80 ? 1 : 0.5;
        }
        return ems;
    }

    /** The part an image brush shows: its {@code ImageSource}, or the first argument of a {@code {ColorConvertedBitmap …}}. */
    private static String imageSource(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("{")) {
            String[] words = v.substring(1, v.length() - (v.endsWith("}") ? 1 : 0)).strip().split("\\s+");
            return words.length > 1 && words[0].equals("ColorConvertedBitmap") ? words[1] : null;
        }
        return v;
    }

    /**
     * A transform written {@code m11,m12,m21,m22,dx,dy} (commas or spaces), or the identity when
     * absent or not six numbers (a resource reference, {@code {StaticResource …}}, is not followed).
     */
    static double[] matrix(String value) {
        if (value == null || value.isBlank() || value.strip().startsWith("{")) {
            return IDENTITY;
        }
        String[] parts = value.strip().split("[,\\s]+");
        if (parts.length != 6) {
            return IDENTITY;
        }
        double[] m = new double[6];
        for (int i = 0; i < 6; i++) {
            m[i] = number(parts[i]);
            if (Double.isNaN(m[i])) {
                return IDENTITY;
            }
        }
        return m;
    }

    /** {@code a} then {@code b}: a point mapped by {@code a}, then by {@code b} (row vectors, as XAML's matrices are). */
    static double[] times(double[] a, double[] b) {
        return new double[] {
            a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]};
    }

    private static double number(String value) {
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
