package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * Zip-of-XML documents: OOXML (docx, xlsx, pptx), OpenDocument (odt, ods, odp) and OFD
 * (GB/T 33190). Each part is mapped to a location — a docx's by the content type its package
 * declares for it ({@link OpcContentTypes}), else by its name — so headers, footers,
 * comments, notes, properties and embedded files are all read; tracked changes and
 * hidden text are in the body parts and come with them.
 */
public final class OfficeXmlExtractor implements Extractor {
    private static final Pattern NUMBER = Pattern.compile("(\\d+)(?=\\.xml$)");
    private static final Pattern OFD_PAGE = Pattern.compile("Page_?(\\d+)/Content\\.xml$", Pattern.CASE_INSENSITIVE);
    /** A page's annotations, by the page's folder (numbered from 0, as pages are). */
    private static final Pattern OFD_FIRST_PAGE = Pattern.compile("(^|/)Pages/Page_?0/", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFD_ANNOT_PAGE = Pattern.compile("Annots/Page_?(\\d+)/", Pattern.CASE_INSENSITIVE);
    private final Format format;
    /** What to add to an OFD page folder's number for the page's: 1 when they start at Page_0. */
    private int ofdPageBase;
    /** An OFD's pages: all, those with text. */
    private int ofdPages;
    private int ofdPagesWithText;
    private final UnreadPages ofdUnread = new UnreadPages();
    /** The alternative text of the pictures and shapes of the part being read (Word writes a picture's twice). */
    private final java.util.Set<String> descriptions = new java.util.LinkedHashSet<>();
    /** An OOXML package's declared part types: its body, headers, footers, sheets, slides by type, whatever their names. */
    private OpcContentTypes types;
    /** A workbook's sheets and a presentation's slides, as its relationships name them. */
    private OoxmlParts parts;
    /** A Visio drawing's pages and masters, as its relationships name them, and its masters' shapes by ID. */
    private VisioXml.Drawing visio = VisioXml.Drawing.NONE;
    private Map<String, VisioXml.Master> visioMasters = Map.of();
    private int visioRecordsets;

    /** Whether this document is itself imported into another (its own imports are then files inside it). */
    private final boolean imported;

    public OfficeXmlExtractor(Format format) {
        this(format, false);
    }

    private OfficeXmlExtractor(Format format, boolean imported) {
        this.format = format;
        this.imported = imported;
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(source.channel()).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            // Document order: slide 2 before slide 10.
            entries.sort((a, b) -> naturalKey(a.getName()).compareTo(naturalKey(b.getName())));
            // OFD writers number page folders from 0 (Page_0) or from 1 (Page_1): page 1 is the lowest.
            ofdPageBase = format == Format.OFD && entries.stream().anyMatch(x -> OFD_FIRST_PAGE.matcher(x.getName()).find()) ? 1 : 0;
            if ((format == Format.ODT || format == Format.ODS || format == Format.ODP) && odfEncrypted(zip)) {
                // Its parts are ciphertext; reading them would only report a parse error.
                throw ExtractionProblem.encrypted("password-protected OpenDocument file");
            }
            boolean ooxml = format == Format.DOCX || format == Format.XLSX || format == Format.PPTX || format == Format.VSDX;
            types = ooxml ? OpcContentTypes.of(zip) : null;
            parts = OoxmlParts.of(zip, format);
            if (format == Format.VSDX) {
                visio = VisioXml.drawing(zip, types);
                visioMasters = visioMasters(zip, ctx);
                names(Location.PAGE_NAMES, visio.pages().values().stream()
                        .sorted(java.util.Comparator.comparingInt(VisioXml.Page::position)).map(VisioXml.Page::name).toList(), ctx);
            }
            names(Location.SHEET_NAMES, parts.sheetNames(), ctx);
            List<String> sharedStrings = format == Format.XLSX ? sharedStrings(zip, parts.sharedStrings()) : List.of();
            java.util.Set<String> ofdAttachments = format == Format.OFD ? ofdAttachments(zip, entries, ctx) : java.util.Set.of();
            OfdResources ofdResources = format == Format.OFD && ctx.ocrOn() ? ofdResources(zip, entries, ctx) : null;
            int pictureCount = 0;
            for (ZipArchiveEntry e : entries) {
                ctx.checkDeadline();
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    throw ExtractionProblem.encrypted("encrypted zip entry " + e.getName());
                }
                if (e.isDirectory()) {
                    continue; // a folder's own entry (ofdrw writes them): no content
                }
                String name = e.getName();
                // An OFD's resources (fonts, pictures, JBIG2 seals) are not documents; its attached
                // files are, and the attachment lists name them wherever they sit.
                if (name.contains("/embeddings/") || name.startsWith("Pictures/") && name.endsWith(".bin")
                        || name.startsWith("Object ") || ofdAttachments.contains(name)) {
                    if (!isMedia(name)) {
                        try (InputStream in = zip.getInputStream(e)) {
                            ctx.nested(name, in, e.getSize(), e.getCompressedSize());
                        }
                    }
                    continue;
                }
                if (isPictureName(name)) {
                    // A scan or a photo pasted in: read by OCR when the scan asks for it.
                    pictureCount++;
                    ctx.picture("picture " + pictureCount, pictureCount == 1, () -> {
                        try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                                : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), name)) {
                            return in.readAllBytes();
                        }
                    });
                    continue;
                }
                if (isMetafileName(name)) {
                    // A picture drawn with text records (an embedded object's picture, a table
                    // pasted as a picture): the text it draws.
                    try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                            : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), name)) {
                        String text = Metafiles.text(in.readAllBytes());
                        if (!text.isBlank()) {
                            ctx.text(Location.of("picture", Zone.BODY), text);
                        }
                    } catch (java.io.IOException overflow) {
                        ExtractionProblem p = Bounded.problemIn(overflow);
                        if (p == null) {
                            throw overflow;
                        }
                        // One picture past the limits is that picture, not the document: the rest is read.
                        ctx.partlyRead("the picture " + name + " was not read: " + p.getMessage());
                    }
                    continue;
                }
                Location loc = locate(name);
                if (loc == null) {
                    continue;
                }
                boolean data = format == Format.VSDX && recordset(name);
                if (format == Format.VSDX && (data || visio.page(name) || visio.master(name))) {
                    try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                            : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), name)) {
                        String text = data ? VisioXml.recordset(in)
                                : VisioXml.text(VisioXml.shapes(in, new HashMap<>()), visio.page(name) ? visioMasters : Map.of());
                        if (!text.isBlank()) {
                            ctx.text(loc, text);
                        }
                    }
                    continue;
                }
                if (format == Format.OFD && loc.zone() == Zone.COMMENT) {
                    // A page's annotations, each where it belongs: a watermark, a stamp, a comment.
                    try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                            : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), name)) {
                        Matcher page = OFD_ANNOT_PAGE.matcher(name);
                        OfdText.annotations(in, page.find() ? ", page " + (Integer.parseInt(page.group(1)) + ofdPageBase) : "", ctx::text);
                    }
                    continue;
                }
                boolean odf = format == Format.ODT || format == Format.ODS || format == Format.ODP;
                if (odf && (name.equals("content.xml") || name.equals("styles.xml") || name.equals("meta.xml"))) {
                    // Comments, sheets, slides, notes, headers and footers as their own segments.
                    try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                            : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), name)) {
                        OdfText.read(in, loc, format == Format.ODS && name.equals("content.xml"), ctx::text);
                    }
                    continue;
                }
                String text;
                try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                        : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), name)) {
                    if (format == Format.XLSX && worksheet(name)) {
                        StringBuilder header = new StringBuilder();
                        StringBuilder footer = new StringBuilder();
                        text = sheetText(in, sharedStrings, header, footer);
                        if (!header.toString().isBlank()) {
                            ctx.text(Location.of("header", Zone.HEADER), header);
                        }
                        if (!footer.toString().isBlank()) {
                            ctx.text(Location.of("footer", Zone.FOOTER), footer);
                        }
                    } else if (format == Format.OFD && (OFD_PAGE.matcher(name).find() || name.contains("/Tpls/"))) {
                        OfdText.Page page = OfdText.page(in);
                        text = page.text();
                        if (!name.contains("/Tpls/")) {
                            ofdPages++;
                            Matcher m = OFD_PAGE.matcher(name);
                            int number = m.find() ? Integer.parseInt(m.group(1)) + ofdPageBase : 0;
                            boolean read = !text.isBlank();
                            if (!read && page.drawn() && ofdResources != null) {
                                // A scanned page (a scanner's OFD, a 公文 scanned to OFD): its pictures by
                                // OCR; a page of outlines (text converted to curves) drawn, then read.
                                String seen = ofdOcr(zip, name, page.pictures(), ofdResources, ctx);
                                if (seen.isBlank() && page.paths()) {
                                    seen = ofdOcrDrawn(zip, e, page, ofdResources, ctx);
                                }
                                if (!seen.isBlank()) {
                                    ctx.text(Location.body("page " + number + " (OCR)", number == 1), seen);
                                    read = true;
                                }
                            }
                            ofdPagesWithText += read ? 1 : 0;
                            if (!read && page.drawn()) {
                                ofdUnread.add(number);
                            }
                        }
                    } else if (format == Format.OFD && name.equalsIgnoreCase("OFD.xml")) {
                        text = OfdText.docInfo(in);
                    } else {
                        text = XmlText.of(in, descriptions::add);
                    }
                }
                if (!text.isBlank()) {
                    ctx.text(loc, text);
                }
                describe(loc, ctx);
                if (format == Format.DOCX) {
                    imported(zip, name, loc, text.isBlank(), ctx);
                }
            }
            ofdUnread.finish(ofdPages, ofdPagesWithText, ctx);
        }
    }

    /**
     * The parts a part of a Word document imports in another format ({@code w:altChunk}: an OA
     * system's or a generator's body kept as HTML or MHT, an RTF, a whole docx), read as that
     * part's own text, where Word shows it: a body that is only an imported page has its top
     * at the top of the document. A chunk in a format that is not a document's text (plain
     * text, anything else), or one inside a chunk, is scanned as a file inside the document.
     */
    private void imported(ZipFile zip, String part, Location where, boolean ownTextBlank, ExtractionContext ctx)
            throws Exception {
        boolean first = where.first() && ownTextBlank;
        for (String chunk : parts.chunks(part)) {
            ctx.checkDeadline();
            ZipArchiveEntry e = zip.getEntry(chunk);
            byte[] bytes;
            try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                    : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), chunk)) {
                bytes = in.readAllBytes();
            }
            // Named by its declared type, so that an MHT is known for one whatever it is called.
            String type = types.type(chunk);
            String named = chunk + ("message/rfc822".equals(type) ? ".mht" : "");
            Source source = new Source.InMemory(named, bytes);
            Extractor reader = imported ? null : switch (FormatDetector.detect(source)) {
                case HTML -> new MarkupExtractor(true);
                case XML -> new MarkupExtractor(false);
                case EML -> new EmlExtractor();
                case RTF -> new RtfExtractor();
                case DOCX -> new OfficeXmlExtractor(Format.DOCX, true);
                default -> null;
            };
            if (reader == null) {
                ctx.nested(chunk, new java.io.ByteArrayInputStream(bytes), bytes.length, e.getCompressedSize());
                continue;
            }
            reader.extract(source, new Imported(ctx, new Location(where.label(), where.zone(), first, where.numbered())));
            first = false;
        }
    }

    /**
     * What an imported chunk's reader hands on, to the document's context: the chunk's running
     * text (its lines, paragraphs) where the chunk is imported; its other segments (an HTML
     * title, a picture) as they are.
     */
    private record Imported(ExtractionContext ctx, Location where) implements ExtractionContext {
        @Override
        public void text(Location location, CharSequence text) throws ExtractionProblem {
            ctx.text(location.zone() == Zone.BODY && location.numbered() ? where : location, text);
        }

        @Override
        public void nested(String name, InputStream in, long declaredSize, long compressedSize)
                throws java.io.IOException, ExtractionProblem {
            ctx.nested(name, in, declaredSize, compressedSize);
        }

        @Override
        public void pictures(int count) {
            ctx.pictures(count);
        }

        @Override
        public void partlyRead(String note) {
            ctx.partlyRead(note);
        }

        @Override
        public boolean ocrOn() {
            return ctx.ocrOn();
        }

        @Override
        public List<String> ocr(Bytes image) throws java.io.IOException, ExtractionProblem {
            return ctx.ocr(image);
        }

        @Override
        public List<String> ocrDrawn(Bytes image) throws java.io.IOException, ExtractionProblem {
            return ctx.ocrDrawn(image);
        }

        @Override
        public void waited(long nanos) {
            ctx.waited(nanos);
        }

        @Override
        public org.baomi.scan.engine.Limits limits() {
            return ctx.limits();
        }

        @Override
        public void checkDeadline() throws ExtractionProblem {
            ctx.checkDeadline();
        }
    }

    /** The names on a file's tabs (its sheets, its pages), a line each. */
    private static void names(Location where, List<String> names, ExtractionContext ctx) throws ExtractionProblem {
        String text = String.join("\n", names);
        if (!text.isBlank()) {
            ctx.text(where, text);
        }
    }

    /**
     * The masters of a Visio drawing by ID, read before its pages, whose shapes show what their
     * masters hold. A master that cannot be parsed is left out (its instances show their own
     * text); one past the limits is named in the file's {@code reason}.
     */
    private Map<String, VisioXml.Master> visioMasters(ZipFile zip, ExtractionContext ctx) throws Exception {
        Map<String, VisioXml.Master> out = new HashMap<>();
        if (visio.pages().isEmpty()) {
            return out; // a stencil: its masters are read as its content
        }
        for (Map.Entry<String, String> m : visio.masters().entrySet()) {
            ctx.checkDeadline();
            ZipArchiveEntry e = zip.getEntry(m.getValue());
            try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                    : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), m.getValue())) {
                out.put(m.getKey(), VisioXml.master(in));
            } catch (javax.xml.stream.XMLStreamException | java.io.IOException unread) {
                // Damaged: its instances show their own text only. Past the limits: said so.
                ExtractionProblem p = Bounded.problemIn(unread);
                if (p == null && unread instanceof java.io.IOException io) {
                    throw io;
                }
                if (p != null) {
                    ctx.partlyRead("the master " + visio.masterNames().get(m.getValue()) + " was not read: " + p.getMessage());
                }
            }
        }
        return out;
    }

    /** A Visio drawing's data recordset: the cached rows of the data linked to its shapes. */
    private boolean recordset(String name) {
        String type = types == null ? null : types.type(name);
        boolean declared = type != null && !type.equals("application/xml") && !type.equals("text/xml");
        return declared ? type.startsWith("application/vnd.ms-visio.recordset") : VISIO_RECORDSET.matcher(name).matches();
    }

    /** A data recordset's usual part name, for a package that declares no type for it. */
    private static final Pattern VISIO_RECORDSET = Pattern.compile("(?i)visio/data/recordset\\d*\\.xml");

    /** Whether the manifest lists encryption data for any part (ODF 1.2 section 3.8, password protection). */
    private static boolean odfEncrypted(ZipFile zip) throws Exception {
        ZipArchiveEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(manifest)) {
            XMLStreamReader r = XmlText.reader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("encryption-data")) {
                        return true;
                    }
                }
            } finally {
                r.close();
            }
        }
        return false;
    }

    /**
     * The files attached to an OFD document (GB/T 33190 attachments: a 公文's 附件 as a docx, an
     * xlsx, another OFD), as the attachment lists ({@code Attachments.xml}) name them. A
     * {@code FileLoc} is resolved as writers mean it: from the package root, from the list's
     * folder, or from the document's folder (ofdrw writes {@code /Res/a.docx} for
     * {@code Doc_0/Res/a.docx}); the first that exists.
     */
    private static java.util.Set<String> ofdAttachments(ZipFile zip, List<ZipArchiveEntry> entries, ExtractionContext ctx)
            throws Exception {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ZipArchiveEntry e : entries) {
            String list = e.getName();
            if (e.isDirectory() || !list.substring(list.lastIndexOf('/') + 1).equalsIgnoreCase("Attachments.xml")) {
                continue;
            }
            String folder = list.substring(0, list.lastIndexOf('/') + 1);
            String document = list.contains("/") ? list.substring(0, list.indexOf('/') + 1) : "";
            ctx.checkDeadline();
            List<String> locations;
            try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                    : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), list)) {
                locations = OfdText.fileLocations(in);
            }
            for (String loc : locations) {
                String path = loc.startsWith("/") ? loc.substring(1) : loc;
                String found = firstFile(zip, List.of(path, folder + path, document + path));
                if (found != null) {
                    names.add(found);
                }
            }
        }
        return names;
    }

    /**
     * What OCR needs of an OFD's resources, by document folder ({@code Doc_0/}): where each
     * picture is ({@code Doc_0/} + NUL + resource ID → package entry), the drawing parameters of
     * paths, and the page box pages take when they give none.
     */
    private record OfdResources(Map<String, String> pictures, Map<String, Map<String, OfdText.DrawParam>> drawParams,
                                Map<String, double[]> pageBoxes) {
    }

    /**
     * Reads the resource lists ({@code DocumentRes.xml}, {@code PublicRes.xml}) and document roots
     * of an OFD. A {@code MediaFile} is resolved as GB/T 33190 means it (from the package root when
     * it starts with {@code /}, else under the list's {@code BaseLoc}, itself relative to the
     * list's folder) and as writers also write it (next to the list, or under the document's
     * folder); the first that exists.
     */
    private static OfdResources ofdResources(ZipFile zip, List<ZipArchiveEntry> entries, ExtractionContext ctx)
            throws Exception {
        Map<String, String> found = new HashMap<>();
        Map<String, Map<String, OfdText.DrawParam>> params = new HashMap<>();
        Map<String, double[]> boxes = new HashMap<>();
        for (ZipArchiveEntry e : entries) {
            String list = e.getName();
            String lower = list.toLowerCase(Locale.ROOT);
            boolean documentRoot = lower.endsWith("/document.xml");
            if (e.isDirectory() || !lower.endsWith("res.xml") && !documentRoot) {
                continue;
            }
            ctx.checkDeadline();
            String folder = list.substring(0, list.lastIndexOf('/') + 1);
            String document = ofdDocument(list);
            try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                    : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), list)) {
                if (documentRoot) {
                    double[] box = OfdText.documentBox(in);
                    if (box != null) {
                        boxes.put(document, box);
                    }
                    continue;
                }
                OfdText.Resources res = OfdText.resources(in);
                params.computeIfAbsent(document, d -> new HashMap<>()).putAll(res.drawParams());
                String base = res.baseLoc() == null ? "" : res.baseLoc().strip().replace('\\', '/');
                if (!base.isEmpty() && !base.endsWith("/")) {
                    base += "/";
                }
                base = base.startsWith("/") ? base.substring(1) : folder + base;
                for (OfdText.Media m : res.pictures()) {
                    String file = m.file().replace('\\', '/');
                    List<String> candidates = file.startsWith("/") ? List.of(file.substring(1), document + file.substring(1))
                            : List.of(base + file, folder + file, document + file);
                    String picture = firstFile(zip, candidates);
                    if (picture != null) {
                        found.putIfAbsent(document + "\0" + m.id(), picture);
                    }
                }
            }
        }
        return new OfdResources(found, params, boxes);
    }

    /** The first of {@code candidates} (package paths, {@code ./} segments allowed) that is a file of the package, or null. */
    private static String firstFile(ZipFile zip, List<String> candidates) {
        for (String candidate : candidates) {
            String path = candidate.replace("/./", "/").replaceFirst("^\\./", "");
            ZipArchiveEntry e = zip.getEntry(path);
            if (e != null && !e.isDirectory()) {
                return path;
            }
        }
        return null;
    }

    /** The document folder of an OFD part ({@code Doc_0/} for {@code Doc_0/Pages/Page_0/Content.xml}). */
    private static String ofdDocument(String name) {
        return name.contains("/") ? name.substring(0, name.indexOf('/') + 1) : "";
    }

    /**
     * The text OCR reads in the pictures of the OFD page {@code page} ({@code ids}: its pictures'
     * resource IDs), a picture after another; blank when it read nothing (pictures too small, a
     * JBIG2 seal, a file that is missing or that OCR cannot read).
     */
    private static String ofdOcr(ZipFile zip, String page, List<String> ids, OfdResources resources,
                                 ExtractionContext ctx) throws ExtractionProblem {
        List<ExtractionContext.Bytes> pictures = new ArrayList<>();
        for (String id : ids) {
            String name = resources.pictures().get(ofdDocument(page) + "\0" + id);
            ZipArchiveEntry e = name == null ? null : zip.getEntry(name);
            if (e != null) {
                pictures.add(() -> {
                    try (InputStream in = ctx.limits() == null ? zip.getInputStream(e)
                            : Bounded.of(zip.getInputStream(e), ctx.limits(), e.getCompressedSize(), name)) {
                        return in.readAllBytes();
                    }
                });
            }
        }
        return Ocr.readPictures(pictures, ctx);
    }

    /** OFD pages of outlines are drawn at this resolution for OCR, as PDF pages are. */
    private static final double OCR_DPI = 300;

    /** A page drawn for OCR has no more pixels than this (an A0 poster is drawn at a lower resolution). */
    private static final double OCR_MAX_PIXELS = 40e6;

    /**
     * The text OCR reads on an OFD page of paths (text converted to outlines), drawn in grey at
     * 300 dpi over its page box (its own, else its document's, else A4); blank when it read nothing.
     */
    private static String ofdOcrDrawn(ZipFile zip, ZipArchiveEntry content, OfdText.Page page, OfdResources resources,
                                      ExtractionContext ctx) throws ExtractionProblem {
        String document = ofdDocument(content.getName());
        double[] box = page.box() != null ? page.box() : resources.pageBoxes().getOrDefault(document, new double[] {0, 0, 210, 297});
        try {
            List<String> read = ctx.ocr(() -> {
                try (InputStream in = ctx.limits() == null ? zip.getInputStream(content)
                        : Bounded.of(zip.getInputStream(content), ctx.limits(), content.getCompressedSize(), content.getName())) {
                    return Ocr.pgm(OfdPaths.render(in, box, resources.drawParams().getOrDefault(document, Map.of()),
                            OCR_DPI, OCR_MAX_PIXELS));
                } catch (javax.xml.stream.XMLStreamException malformed) {
                    throw new java.io.IOException("page " + content.getName() + " cannot be drawn: " + malformed.getMessage());
                }
            });
            return read == null ? "" : String.join("\n", read).strip();
        } catch (java.io.IOException unreadable) {
            return ""; // a page that cannot be drawn or read: not read
        }
    }

    /** A raster picture in the package's media (docx, xlsx, pptx) or pictures (ODF): not read, no OCR. */
    private static boolean isPictureName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.contains("/media/") || n.startsWith("pictures/"))
                && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif") || n.endsWith(".bmp")
                || n.endsWith(".tif") || n.endsWith(".tiff"));
    }

    /** A WMF or EMF picture in the package's media (docx, xlsx, pptx) or pictures (ODF). */
    private static boolean isMetafileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.endsWith(".emf") || n.endsWith(".wmf"))
                && (n.contains("/media/") || n.startsWith("pictures/") || n.startsWith("objectreplacements/"));
    }

    private static boolean isMedia(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif") || n.endsWith(".emf")
                || n.endsWith(".wmf") || n.endsWith(".bmp") || n.endsWith(".tif") || n.endsWith(".svg");
    }

    /** A name's key for sorting in natural order (slide 2 before slide 10): its numbers zero-padded. */
    static String naturalKey(String name) {
        Matcher m = Pattern.compile("\\d+").matcher(name);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(name, last, m.start()).append(String.format("%08d", Long.parseLong(m.group().length() > 8
                    ? m.group().substring(0, 8) : m.group())));
            last = m.end();
        }
        return sb.append(name.substring(last)).toString();
    }

    private static int number(String name) {
        Matcher m = NUMBER.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /**
     * The alternative text of the part just read, as {@code alt text} (with where, for a slide, a
     * sheet's drawing, a header): never seen on the page, so neither prominent nor content — a
     * scan pasted into Word with a description Office generated for it is still "only pictures".
     */
    private void describe(Location loc, ExtractionContext ctx) throws ExtractionProblem {
        if (descriptions.isEmpty()) {
            return;
        }
        ctx.text(Location.altText(loc), String.join("\n", descriptions));
        descriptions.clear();
    }

    /**
     * Where a part's text belongs, or null for parts without document text. Besides the body,
     * headers, footers, comments and notes: charts (their titles and axis titles; the numbers
     * and cached cell text are skipped, the cells themselves are read with the sheet or the
     * embedded workbook), SmartArt diagrams (their data part, not the drawing Office caches of
     * it, which repeats the same text), and in a workbook the text boxes and shapes drawn on a
     * sheet, under that sheet's name. An OOXML part is known by what the package says of it —
     * its relationships ({@link OoxmlParts}: a sheet's tab name, a slide's place in the show),
     * else its declared content type ({@link OpcContentTypes}) — and by its usual name only where
     * the package says nothing.
     */
    Location locate(String name) {
        OpcContentTypes.Kind kind = types == null ? null : types.kind(name);
        Location graphic = graphic(name, kind);
        if (graphic != null) {
            return graphic;
        }
        switch (format) {
            case DOCX -> {
                OpcContentTypes.WordPart part = types == null ? null : types.wordPart(name);
                if (part == null && kind == null) {
                    part = OpcContentTypes.wordPartByName(name); // a part the package does not declare
                }
                if (part != null) {
                    return switch (part) {
                        case BODY -> new Location("paragraph", Zone.BODY, true, true);
                        case HEADER -> Location.of("header", Zone.HEADER);
                        case FOOTER -> Location.of("footer", Zone.FOOTER);
                        case COMMENTS -> Location.of("comment", Zone.COMMENT);
                        case NOTES -> Location.of("note", Zone.NOTE);
                    };
                }
            }
            case XLSX -> {
                OoxmlParts.Sheet sheet = parts.sheet(name);
                if (sheet != null) {
                    return sheet.cells() ? Location.body("sheet " + sheet.name(), sheet.position() == 0) : null;
                }
                if (worksheet(name)) {
                    // A sheet the workbook does not list (or a package without relationships).
                    int n = number(name);
                    return Location.body("sheet Sheet" + n, n == 1);
                }
                if (kind == OpcContentTypes.Kind.COMMENTS || kind == null
                        && (name.matches("xl/comments\\d*\\.xml") || name.startsWith("xl/threadedComments/"))) {
                    return Location.of("comment", Zone.COMMENT);
                }
                OoxmlParts.Sheet drawnOn = parts.drawingSheet(name);
                if (drawnOn != null) {
                    return Location.body("sheet " + drawnOn.name() + " drawing", drawnOn.position() == 0);
                }
                if (kind == OpcContentTypes.Kind.DRAWING || kind == null && name.matches("xl/drawings/drawing\\d*\\.xml")) {
                    return Location.body("drawing " + number(name), false);
                }
            }
            case PPTX -> {
                Integer slide = parts.slide(name);
                if (slide == null && (kind == OpcContentTypes.Kind.SLIDE || kind == null && name.matches("ppt/slides/slide\\d*\\.xml"))) {
                    slide = number(name); // a slide the presentation does not list, or no relationships
                }
                if (slide != null) {
                    return Location.body("slide " + slide, slide == 1);
                }
                Integer notes = parts.notes(name);
                if (notes == null && (kind == OpcContentTypes.Kind.NOTES
                        || kind == null && name.matches("ppt/notesSlides/notesSlide\\d*\\.xml"))) {
                    notes = number(name);
                }
                if (notes != null) {
                    return Location.of("notes " + notes, Zone.NOTE);
                }
                if (kind == OpcContentTypes.Kind.COMMENTS || kind == null
                        && (name.matches("ppt/(comments/)?comment\\w*\\.xml") || name.startsWith("ppt/comments/"))) {
                    return Location.of("comment", Zone.COMMENT);
                }
                // Masters and layouts: their text is shown on every slide made with them. The notes
                // and handout masters keep the header and footer printed on every notes page and
                // handout (Header and Footer, "Notes and Handouts") in their placeholders.
                if (kind == OpcContentTypes.Kind.MASTER || kind == null && name.matches(
                        "ppt/(slideMasters/slideMaster|slideLayouts/slideLayout|notesMasters/notesMaster|handoutMasters/handoutMaster)\\d*\\.xml")) {
                    return Location.of("header", Zone.HEADER);
                }
            }
            case VSDX -> {
                VisioXml.Page page = visio.pages().get(name);
                if (page != null) {
                    return page.background() ? Location.of("background page " + page.name(), Zone.HEADER)
                            : Location.body("page " + page.name(), page.position() == 0);
                }
                if (visio.master(name)) {
                    // A stencil's masters are what it holds; a drawing's are read through the shapes made from them.
                    return visio.pages().isEmpty() ? Location.body("master " + visio.masterNames().get(name),
                            visio.masterNames().size() == 1) : null;
                }
                if (recordset(name)) {
                    return Location.body("data " + ++visioRecordsets, false);
                }
                if (kind == OpcContentTypes.Kind.COMMENTS || kind == null && name.equals("visio/comments.xml")) {
                    return Location.of("comment", Zone.COMMENT);
                }
            }
            case ODT, ODS, ODP -> {
                if (name.equals("content.xml")) {
                    return new Location("paragraph", Zone.BODY, true, true);
                }
                if (name.equals("styles.xml")) {
                    return Location.of("header", Zone.HEADER);
                }
                if (name.equals("meta.xml")) {
                    return Location.of("metadata", Zone.METADATA);
                }
            }
            case OFD -> {
                Matcher m = OFD_PAGE.matcher(name);
                if (m.find()) {
                    int n = Integer.parseInt(m.group(1)) + ofdPageBase;
                    return Location.body("page " + n, n == 1);
                }
                if (name.equalsIgnoreCase("OFD.xml")) {
                    return Location.of("metadata", Zone.METADATA);
                }
                if (name.contains("/Annots/") || name.contains("/Annotation")) {
                    return Location.of("comment", Zone.COMMENT);
                }
                if (name.contains("/Tpls/")) {
                    return Location.of("header", Zone.HEADER);
                }
            }
            default -> {
                return null;
            }
        }
        // Document properties: where Office keeps them, or where System.IO.Packaging (the Open XML
        // SDK's older versions) does (package/services/metadata/core-properties/*.psmdcp).
        if (kind == OpcContentTypes.Kind.PROPERTIES || kind == null && name.startsWith("docProps/") && name.endsWith(".xml")) {
            return Location.of("metadata", Zone.METADATA);
        }
        return null;
    }

    /**
     * Whether a part of a workbook holds cells: a worksheet as the workbook's relationships
     * name it, else by its declared type, else by the name Excel gives it (ClosedXML's first
     * sheet is {@code sheet.xml}).
     */
    private boolean worksheet(String name) {
        OoxmlParts.Sheet sheet = parts.sheet(name);
        if (sheet != null) {
            return sheet.cells();
        }
        OpcContentTypes.Kind kind = types == null ? null : types.kind(name);
        return kind == OpcContentTypes.Kind.WORKSHEET || kind == null && name.matches("xl/worksheets/sheet\\d*\\.xml");
    }

    /** A chart or a SmartArt diagram of a docx, xlsx or pptx, by its declared type or its part name; else null. */
    private Location graphic(String name, OpcContentTypes.Kind kind) {
        if (kind == OpcContentTypes.Kind.CHART) {
            return Location.body("chart " + number(name), false);
        }
        if (kind == OpcContentTypes.Kind.DIAGRAM) {
            return Location.body("diagram " + number(name), false);
        }
        if (kind != null) {
            return null;
        }
        String prefix = switch (format) {
            case DOCX -> "word/";
            case XLSX -> "xl/";
            case PPTX -> "ppt/";
            default -> null;
        };
        if (prefix == null || !name.startsWith(prefix)) {
            return null;
        }
        String rest = name.substring(prefix.length());
        if (rest.matches("charts/chart(Ex)?\\d+\\.xml")) {
            return Location.body("chart " + number(name), false);
        }
        if (rest.matches("diagrams/data\\d+\\.xml")) {
            return Location.body("diagram " + number(name), false);
        }
        return null;
    }

    private static List<String> sharedStrings(ZipFile zip, String part) throws Exception {
        ZipArchiveEntry e = part == null ? null : zip.getEntry(part);
        List<String> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = XmlText.reader(in);
            StringBuilder sb = null;
            boolean inPhonetic = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("si")) {
                        sb = new StringBuilder();
                    } else if (n.equals("rPh")) {
                        inPhonetic = true;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("si") && sb != null) {
                        out.add(sb.toString());
                        sb = null;
                    } else if (n.equals("rPh")) {
                        inPhonetic = false;
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && sb != null && !inPhonetic) {
                    sb.append(r.getText());
                }
            }
        }
        return out;
    }

    /**
     * Cell text of a worksheet (shared strings, inline strings, string formula results); the
     * page header and footer go to {@code header} and {@code footer}, without their codes.
     */
    private static String sheetText(InputStream in, List<String> shared, StringBuilder header, StringBuilder footer)
            throws Exception {
        XMLStreamReader r = XmlText.reader(in);
        StringBuilder sb = new StringBuilder();
        String type = null;
        boolean inValue = false;
        boolean inText = false;
        StringBuilder headerFooter = null;
        StringBuilder value = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("c")) {
                    type = r.getAttributeValue(null, "t");
                } else if (n.equals("v")) {
                    inValue = true;
                    value.setLength(0);
                } else if (n.equals("t")) {
                    inText = true;
                } else if (n.equals("oddHeader") || n.equals("evenHeader") || n.equals("firstHeader")
                        || n.equals("oddFooter") || n.equals("evenFooter") || n.equals("firstFooter")) {
                    headerFooter = new StringBuilder();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("v")) {
                    inValue = false;
                    if ("s".equals(type)) {
                        try {
                            int idx = Integer.parseInt(value.toString().trim());
                            if (idx >= 0 && idx < shared.size()) {
                                sb.append(shared.get(idx)).append('\t');
                            }
                        } catch (NumberFormatException ignored) {
                            // a damaged index is just not text
                        }
                    } else if ("str".equals(type) || "inlineStr".equals(type)) {
                        sb.append(value).append('\t');
                    }
                } else if (n.equals("row")) {
                    sb.append('\n');
                } else if (n.equals("t") && inText) {
                    inText = false;
                    sb.append('\t');
                } else if (headerFooter != null && n.endsWith("Header") || headerFooter != null && n.endsWith("Footer")) {
                    (n.endsWith("Header") ? header : footer).append(SheetHeaders.text(headerFooter.toString())).append('\n');
                    headerFooter = null;
                }
            } else if (ev == XMLStreamConstants.CHARACTERS) {
                if (inValue) {
                    value.append(r.getText());
                } else if (headerFooter != null) {
                    headerFooter.append(r.getText());
                } else if (inText) {
                    sb.append(r.getText());
                }
            }
        }
        return sb.toString();
    }
}
