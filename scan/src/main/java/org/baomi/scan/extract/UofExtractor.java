package org.baomi.scan.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * UOF 1.0 (GB/T 20916-2007, 中文办公软件文档格式, the "Unified Office Format" that WPS, Yozo and
 * RedOffice write and LibreOffice reads and writes as .uot, .uos and .uop): one XML file whose
 * element names are Chinese. Read as a generic XML file it is one line of text values glued
 * together ({@code new-page绝密★长期portrait}), so a marking alone in a header or a cell reads as
 * prose and a comment as the body; here the text is taken only from its runs ({@code 字:文本串})
 * and placed where a person sees it:
 * <ul>
 *   <li>the body ({@code paragraph N}), headers and footers ({@code 页眉}, {@code 页脚}),
 *       comments ({@code 批注}), foot- and endnotes ({@code note});</li>
 *   <li>each sheet ({@code sheet <名称>}), each slide ({@code slide N}) and its notes
 *       ({@code notes N}), masters and layouts ({@code header}: shown on every slide);</li>
 *   <li>the drawings ({@code uof:对象集}: text boxes, WordArt, a watermark, every text of a
 *       slide), which UOF keeps apart from the text and places by reference ({@code 图形引用}):
 *       each is read where it is anchored, in a header, the body or a slide, and on a sheet as
 *       {@code sheet <名称> drawing}, as for xls and xlsx;</li>
 *   <li>the metadata ({@code uof:元数据}: title, subject, author, keywords, the custom ones as
 *       {@code 密级 机密★10年}; the producer, dates and counts left out);</li>
 *   <li>embedded objects ({@code uof:其他对象}, base64 in the file): a WMF or EMF picture's
 *       text as {@code picture}, any other file that is not a picture scanned as a member
 *       {@code object <标识符>}; decoded as a stream, never held whole.</li>
 * </ul>
 * Streaming (StAX), DTDs off, like every XML part (docs/adr/0102).
 */
public final class UofExtractor implements Extractor {
    /** The namespaces of UOF 1.0 all start so ({@code uof}, {@code 字}, {@code 表}, {@code 演}, {@code 图}). */
    private static final String NS = "http://schemas.uof.org/cn/2003/";
    /** Metadata that is not text a person wrote: the producer, dates, counts. */
    private static final Set<String> NOT_WRITTEN = Set.of("创建应用程序", "创建日期", "编辑次数", "编辑时间", "页数", "字数",
            "中文字符数", "英文字符数", "段落数", "对象数", "行数", "最后打印日期");
    /** Elements after which a line ends. */
    private static final Set<String> BLOCKS = Set.of("段落", "单元格", "行", "换行符");

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        try (InputStream in = source.open()) {
            XMLStreamReader r = XmlText.reader(in);
            try {
                new Walk(r, ctx).run();
            } finally {
                r.close();
            }
        }
    }

    /** One text segment being built; {@code shape} names the drawing whose text it collects, if it does. */
    private record Segment(Location location, StringBuilder text, String shape, Set<String> placed) {
        Segment(Location location, String shape) {
            this(location, new StringBuilder(), shape, new HashSet<>());
        }
    }

    private static final class Walk {
        private final XMLStreamReader r;
        private final ExtractionContext ctx;
        private final Deque<Segment> open = new ArrayDeque<>();
        private final Deque<Boolean> opened = new ArrayDeque<>();
        /** Drawings' texts by their 标识符. */
        private final Map<String, String> shapes = new LinkedHashMap<>();
        /** Groups: a drawing's 组合列表, the drawings it holds. */
        private final Map<String, List<String>> groups = new HashMap<>();
        /** Drawings referenced before they were defined: where they go. */
        private final Map<String, Location> pending = new LinkedHashMap<>();
        private final Set<String> placedAnywhere = new HashSet<>();
        private int runs;
        private int objectSet;
        private int skipped;
        private int slides;
        private int sheets;
        /** The sheet being read, for its drawings' location; null outside a sheet. */
        private Location sheetDrawing;
        private String object;
        private int objects;
        private int pictures;

        Walk(XMLStreamReader r, ExtractionContext ctx) {
            this.r = r;
            this.ctx = ctx;
        }

        void run() throws XMLStreamException, ExtractionProblem, IOException {
            open.push(new Segment(new Location("paragraph", Zone.BODY, true, true), null));
            int events = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if ((++events & 0xFFF) == 0) {
                    ctx.checkDeadline(); // one file is the whole document: the time limit is checked inside it
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (start()) {
                        continue;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    end();
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    characters();
                }
            }
            emit(open.pop());
            // Drawings no anchor placed, as a drawing, unless one placed says the same: LibreOffice
            // writes a watermark once for every page style, and anchors only the one in use.
            Set<String> placedTexts = new HashSet<>();
            for (String id : placedAnywhere) {
                placedTexts.add(shapes.get(id));
            }
            for (Map.Entry<String, String> s : shapes.entrySet()) {
                if (!placedAnywhere.contains(s.getKey()) && placedTexts.add(s.getValue())) {
                    ctx.text(Location.body("drawing", false), s.getValue());
                }
            }
        }

        /** Handles a start tag; true when the element was read whole (its end tag consumed). */
        private boolean start() throws XMLStreamException, ExtractionProblem, IOException {
            String n = r.getLocalName();
            String ns = r.getNamespaceURI();
            boolean uof = ns != null && ns.startsWith(NS);
            if (uof && n.equals("数据") && object != null) {
                readObject();
                return true;
            }
            Location starts = null;
            String shape = null;
            if (uof) {
                switch (n) {
                    case "元数据" -> starts = Location.of("metadata", Zone.METADATA);
                    case "页眉", "母版", "页面版式" -> starts = Location.of("header", Zone.HEADER);
                    case "页脚" -> starts = Location.of("footer", Zone.FOOTER);
                    case "批注" -> starts = Location.of("comment", Zone.COMMENT);
                    case "脚注", "尾注" -> starts = Location.of("note", Zone.NOTE);
                    case "工作表" -> {
                        String name = attribute("名称");
                        if (name != null && !name.isBlank()) {
                            ctx.text(Location.SHEET_NAMES, name);
                        }
                        String label = "sheet " + (name == null ? "?" : name);
                        sheets++;
                        starts = Location.body(label, sheets == 1);
                        sheetDrawing = Location.body(label + " drawing", sheets == 1);
                    }
                    case "幻灯片" -> {
                        slides++;
                        starts = Location.body("slide " + slides, slides == 1);
                    }
                    case "幻灯片备注" -> starts = Location.of("notes " + Math.max(1, slides), Zone.NOTE);
                    case "对象集" -> objectSet++;
                    case "图形" -> {
                        if (objectSet > 0) {
                            shape = attribute("标识符");
                            String members = attribute("组合列表");
                            if (shape != null && members != null && !members.isBlank()) {
                                groups.put(shape, List.of(members.strip().split("\\s+")));
                            }
                            starts = Location.body("drawing", false);
                        }
                    }
                    case "其他对象" -> object = attribute("标识符");
                    case "文本串" -> runs++;
                    case "空格" -> open.peek().text().append(' ');
                    case "制表符" -> open.peek().text().append('\t');
                    default -> {
                    }
                }
            }
            if (skipped > 0 || uof && open.peek().location().zone() == Zone.METADATA && NOT_WRITTEN.contains(n)) {
                skipped++;
            }
            opened.push(starts != null);
            if (starts != null) {
                open.push(new Segment(starts, shape));
            }
            if (uof && n.equals("用户自定义元数据")) {
                String name = attribute("名称"); // recorded as "密级 机密★10年", as in the other formats
                if (name != null) {
                    open.peek().text().append(name).append(' ');
                }
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if (r.getAttributeLocalName(i).equals("图形引用")) {
                    place(r.getAttributeValue(i).strip(), 0);
                }
            }
            return false;
        }

        private void end() throws ExtractionProblem {
            String n = r.getLocalName();
            String ns = r.getNamespaceURI();
            boolean uof = ns != null && ns.startsWith(NS);
            if (uof) {
                switch (n) {
                    case "文本串" -> runs--;
                    case "对象集" -> objectSet--;
                    case "其他对象" -> object = null;
                    case "工作表" -> sheetDrawing = null;
                    default -> {
                    }
                }
            }
            if (skipped > 0) {
                skipped--;
            }
            Segment seg = open.peek();
            StringBuilder sb = seg.text();
            if ((BLOCKS.contains(n) || seg.location().zone() == Zone.METADATA) && sb.length() > 0
                    && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
            if (opened.pop()) {
                Segment done = open.pop();
                if (done.shape() == null) {
                    emit(done);
                } else if (!done.text().toString().isBlank()) {
                    shapes.put(done.shape(), done.text().toString().strip());
                    Location at = pending.remove(done.shape());
                    if (at != null) {
                        placedAnywhere.add(done.shape());
                        ctx.text(at, done.text());
                    }
                }
            }
        }

        private void characters() {
            Segment seg = open.peek();
            boolean metadata = seg.location().zone() == Zone.METADATA && skipped == 0;
            if (runs > 0 || metadata) {
                if (!r.isWhiteSpace() || runs > 0) {
                    seg.text().append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
            }
        }

        /**
         * A drawing referenced here ({@code 图形引用}): its text goes where the reference is —
         * on its own line in the segment being read, or on a sheet as the sheet's drawing — and
         * a group's members with it. One drawing is read once per segment (a watermark on
         * several page styles is one marking).
         */
        private void place(String id, int depth) throws ExtractionProblem {
            if (depth > 16 || id.isEmpty()) {
                return; // groups deeper than drawings go, or a loop: hostile input
            }
            for (String member : groups.getOrDefault(id, List.of())) {
                place(member, depth + 1);
            }
            String text = shapes.get(id);
            Segment seg = open.peek();
            if (text == null) {
                if (!placedAnywhere.contains(id)) {
                    pending.putIfAbsent(id, sheetDrawing != null ? sheetDrawing : seg.location());
                }
                return;
            }
            placedAnywhere.add(id);
            if (sheetDrawing != null) {
                ctx.text(sheetDrawing, text);
                return;
            }
            if (!seg.placed().add(text)) {
                return;
            }
            StringBuilder sb = seg.text();
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
            sb.append(text).append('\n');
        }

        /**
         * An embedded object's data (base64 in {@code uof:数据}), decoded as it is read: a WMF or
         * EMF picture's text, a file that is not a picture scanned as a member; pictures skipped.
         * Consumes the element up to its end tag.
         */
        private void readObject() throws XMLStreamException, ExtractionProblem, IOException {
            String name = "object " + (object == null || object.isBlank() ? String.valueOf(++objects) : object);
            // RFC 2045 base64, line breaks and all, decoded as the parser hands the characters on.
            CharacterData chars = new CharacterData(r);
            InputStream data = java.util.Base64.getMimeDecoder().wrap(chars);
            try (InputStream bounded = ctx.limits() == null ? data : Bounded.of(data, ctx.limits(), -1, name);
                 BufferedInputStream in = new BufferedInputStream(bounded, 8192)) {
                in.mark(64);
                byte[] head = in.readNBytes(64);
                in.reset();
                if (Metafiles.isMetafile(head)) {
                    String text = Metafiles.text(in.readAllBytes());
                    if (!text.isBlank()) {
                        ctx.text(Location.of("picture", Zone.BODY), text);
                    }
                } else if (isPicture(head)) {
                    // A scan or a photo pasted in: read by OCR when the scan asks for it.
                    pictures++;
                    ctx.picture("picture " + pictures, pictures == 1, in::readAllBytes);
                } else if (head.length > 0) {
                    ctx.nested(name, in, -1, -1);
                }
                // The decoder stops at the padding: the rest of the element, up to its end tag, is read here.
                chars.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                ExtractionProblem p = Bounded.problemIn(e);
                if (p != null) {
                    throw p;
                }
                throw ExtractionProblem.unreadable(name + ": " + e.getMessage());
            }
        }

        private String attribute(String localName) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if (r.getAttributeLocalName(i).equals(localName)) {
                    return r.getAttributeValue(i);
                }
            }
            return null;
        }

        private void emit(Segment s) throws ExtractionProblem {
            if (!s.text().toString().isBlank()) {
                ctx.text(s.location(), s.text());
            }
        }
    }

    /** Raster pictures and LibreOffice's own metafile (SVM, "VCLMTF"): nothing to read without OCR. */
    static boolean isPicture(byte[] h) {
        return starts(h, 0x89, 'P', 'N', 'G') || starts(h, 0xFF, 0xD8, 0xFF) || starts(h, 'G', 'I', 'F', '8')
                || starts(h, 'B', 'M') || starts(h, 'I', 'I', '*', 0) || starts(h, 'M', 'M', 0, '*')
                || starts(h, 'V', 'C', 'L', 'M', 'T', 'F');
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The character data of the element the reader is in, up to its end tag (which it consumes),
     * as ASCII bytes for the JDK's base64 decoder (a character beyond ASCII becomes one it skips).
     */
    static final class CharacterData extends InputStream {
        private final XMLStreamReader r;
        private char[] chars;
        private int pos;
        private int limit;
        private boolean ended;

        CharacterData(XMLStreamReader r) {
            this.r = r;
        }

        @Override
        public int read() throws IOException {
            while (pos == limit) {
                if (ended) {
                    return -1;
                }
                try {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                        chars = r.getTextCharacters();
                        pos = r.getTextStart();
                        limit = pos + r.getTextLength();
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        ended = true;
                    } else if (ev == XMLStreamConstants.START_ELEMENT) {
                        throw new IOException("an element inside base64 data");
                    }
                } catch (XMLStreamException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            char c = chars[pos++];
            return c < 0x80 ? c : ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                if (pos == limit && n > 0) {
                    return n; // what this event held; the next read moves the parser on
                }
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + n++] = (byte) c;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
