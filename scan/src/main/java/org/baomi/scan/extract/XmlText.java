package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming text of an XML part: character data in document order, a line break after
 * block elements. StAX rather than an object model because Office parts are read for
 * their text only and the object models cost several times more (docs/adr/0102).
 * DTDs and external entities are off: documents are hostile input.
 */
public final class XmlText {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /** Elements after which a line ends (paragraphs, headings, rows, shared strings, ...). */
    private static final Set<String> BLOCKS = Set.of("p", "h", "tr", "si", "row", "TextObject", "br", "cr", "title",
            "subject", "description", "keywords", "creator", "lastModifiedBy", "category", "Company", "Manager",
            "property", "lpwstr", "Title", "Author", "Subject", "Keywords", "Abstract", "Creator", "text", "li", "div",
            "generator", "user-defined", "initial-creator", "keyword",
            "list-item", "table-row", "note", "annotation", "comment", "item");
    /**
     * Elements whose text is not document text: field codes, formulas, cell numbers, a chart's
     * number formats, where a drawing sits on a Word page ({@code wp:positionH} holds "center"
     * or an offset in EMU) and its relative size.
     */
    private static final Set<String> SKIP = Set.of("instrText", "f", "v", "binData", "script", "style", "formatCode",
            "positionH", "positionV", "sizeRelH", "sizeRelV");
    /** Where a shape sits on a sheet: cell numbers and offsets ({@code xdr:from}, {@code xdr:to}). */
    private static final String SHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private static final String SHEET_DRAWING_STRICT = "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing";

    private XmlText() {
    }

    /**
     * A reader of {@code in}, decoded here, strictly, in the part's encoding (a byte order mark,
     * else the declared encoding, else UTF-8): the JDK's parser, given the bytes, also prints
     * "[Fatal Error] :-1:-1: Invalid byte …" on standard error for a damaged file, whatever
     * reporter is set, and the scan reports that file's trouble as its {@code unreadable}
     * reason instead.
     */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return reader(in, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * As {@link #reader(InputStream)}, reading {@code in} in {@code undeclared} when it has
     * neither a byte order mark nor an encoding declaration (UTF-8 by the XML specification; a
     * standalone file that is not UTF-8 in the detected charset, see {@link MarkupExtractor}).
     */
    public static XMLStreamReader reader(InputStream in, java.nio.charset.Charset undeclared) throws XMLStreamException {
        java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, 8192);
        byte[] head = new byte[256];
        java.nio.charset.Charset cs;
        try {
            b.mark(head.length);
            int n = b.readNBytes(head, 0, head.length);
            b.reset();
            cs = charset(head, n, undeclared);
            if (cs == java.nio.charset.StandardCharsets.UTF_8 && n >= 3 && (head[0] & 0xFF) == 0xEF
                    && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                b.skipNBytes(3); // a Reader would pass the mark on as a character before the prolog
            }
        } catch (java.io.IOException e) {
            throw new XMLStreamException(e.getMessage(), e);
        }
        java.nio.charset.CharsetDecoder strict = cs.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        return FACTORY.createXMLStreamReader(new java.io.InputStreamReader(b, strict));
    }

    /**
     * The encoding of a part that starts with {@code head[0, n)}: UTF-16 by its byte order
     * mark or its zero bytes, else the one its XML declaration names, else UTF-8.
     *
     * @throws XMLStreamException when the declared encoding is not one Java knows
     */
    static java.nio.charset.Charset charset(byte[] head, int n) throws XMLStreamException {
        return charset(head, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** As {@link #charset(byte[], int)}, with {@code undeclared} where the part names none. */
    static java.nio.charset.Charset charset(byte[] head, int n, java.nio.charset.Charset undeclared)
            throws XMLStreamException {
        int b0 = n > 0 ? head[0] & 0xFF : -1;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            return java.nio.charset.StandardCharsets.UTF_16; // its decoder reads and drops the mark
        }
        if (b0 == 0 && b1 > 0) {
            return java.nio.charset.StandardCharsets.UTF_16BE;
        }
        if (b0 > 0 && b1 == 0) {
            return java.nio.charset.StandardCharsets.UTF_16LE;
        }
        String prolog = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = b0 == 0xEF ? 3 : 0;
        if (!prolog.startsWith("<?xml", start)) {
            return start == 3 ? java.nio.charset.StandardCharsets.UTF_8 : undeclared;
        }
        int end = prolog.indexOf("?>");
        String decl = end < 0 ? prolog : prolog.substring(0, end);
        int at = decl.indexOf("encoding");
        if (at < 0) {
            return start == 3 ? java.nio.charset.StandardCharsets.UTF_8 : undeclared;
        }
        int q = at + "encoding".length();
        while (q < decl.length() && " \t=\"'".indexOf(decl.charAt(q)) >= 0) {
            q++;
        }
        int e = q;
        while (e < decl.length() && (Character.isLetterOrDigit(decl.charAt(e)) || "._-".indexOf(decl.charAt(e)) >= 0)) {
            e++;
        }
        String name = decl.substring(q, e);
        // As browsers read the label: "gb2312" as GBK/GB18030 (writers declare the one and write
        // the other; a strict GB2312 decoder fails on 镕), "big5" as Big5-HKSCS.
        java.nio.charset.Charset declared = org.baomi.scan.text.Charsets.forLabel(name);
        if (declared == null) {
            throw new XMLStreamException("the XML declares an encoding this scanner does not know: '" + name + "'");
        }
        return declared;
    }

    /** Markup Compatibility (ECMA-376 Part 3): one content, several representations of it. */
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    /** OOXML's custom document properties ({@code docProps/custom.xml}), Transitional and Strict. */
    private static final String CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
    private static final String CUSTOM_PROPERTIES_STRICT = "http://purl.oclc.org/ooxml/officeDocument/customProperties";
    /** VML, in which Word writes watermarks and WordArt. */
    private static final String VML = "urn:schemas-microsoft-com:vml";

    private static void describe(String text, java.util.function.Consumer<String> described) {
        if (text != null && !text.isBlank()) {
            described.accept(text.strip());
        }
    }

    private static boolean skipped(XMLStreamReader r, String name) {
        return SKIP.contains(name)
                || (name.equals("from") || name.equals("to"))
                && (SHEET_DRAWING.equals(r.getNamespaceURI()) || SHEET_DRAWING_STRICT.equals(r.getNamespaceURI()));
    }

    /**
     * Text of the whole part, with line breaks at block ends and tabs for tab elements.
     *
     * <p>Of an {@code mc:AlternateContent} only the first {@code mc:Choice} is read, or the
     * {@code mc:Fallback} when there is no choice, as a consumer of ECMA-376 Part 3 shows one of
     * them: Word writes every text box, WordArt and shape twice (a DrawingML choice and a VML
     * fallback), so reading both reported each marking in one twice.
     *
     * <p>The text of a VML {@code textpath} (WordArt, a watermark) is its {@code string}
     * attribute, read as a line of its own.
     */
    public static String of(InputStream in) throws XMLStreamException {
        return of(in, null);
    }

    /**
     * As {@link #of(InputStream)}, handing each picture's or shape's alternative text to
     * {@code described} (when not null) apart from the text: DrawingML's {@code descr} and
     * {@code title} of {@code cNvPr} / {@code wp:docPr} and VML's {@code alt}. Word, Excel and
     * PowerPoint keep there what a screen reader says of the picture and nobody sees on the page:
     * a description typed by the author ("机密文件扫描件"), or one Office generated from the picture.
     */
    public static String of(InputStream in, java.util.function.Consumer<String> described) throws XMLStreamException {
        return of(in, described, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** As {@link #of(InputStream, java.util.function.Consumer)}, reading in {@code undeclared} a part that names no encoding. */
    public static String of(InputStream in, java.util.function.Consumer<String> described,
                            java.nio.charset.Charset undeclared) throws XMLStreamException {
        XMLStreamReader r = reader(in, undeclared);
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        int skipFrom = 0; // the depth of the element being skipped, with all inside it; 0: none
        // Per open mc:AlternateContent, innermost last: whether one of its branches was read.
        boolean[] branchRead = new boolean[8];
        int alternates = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (skipFrom != 0) {
                        continue;
                    }
                    String n = r.getLocalName();
                    if (n.equals("AlternateContent") && MC.equals(r.getNamespaceURI())) {
                        if (alternates == branchRead.length) {
                            branchRead = java.util.Arrays.copyOf(branchRead, alternates * 2);
                        }
                        branchRead[alternates++] = false;
                    } else if ((n.equals("Choice") || n.equals("Fallback")) && alternates > 0 && MC.equals(r.getNamespaceURI())) {
                        if (branchRead[alternates - 1]) {
                            skipFrom = depth;
                        } else {
                            branchRead[alternates - 1] = true;
                        }
                    } else if (skipped(r, n)) {
                        skipFrom = depth;
                    } else if (n.equals("tab") || n.equals("s")) {
                        sb.append(n.equals("tab") ? '\t' : ' ');
                    } else if (n.equals("property")
                            && (CUSTOM_PROPERTIES.equals(r.getNamespaceURI()) || CUSTOM_PROPERTIES_STRICT.equals(r.getNamespaceURI()))) {
                        // A custom property, named as in the other formats: 密级 机密★10年.
                        String name = r.getAttributeValue(null, "name");
                        if (name != null && !name.isBlank()) {
                            sb.append(name.strip()).append(' ');
                        }
                    } else if (described != null && (n.equals("cNvPr") || n.equals("docPr"))) {
                        describe(r.getAttributeValue(null, "title"), described);
                        describe(r.getAttributeValue(null, "descr"), described);
                    } else if (n.equals("textpath") && VML.equals(r.getNamespaceURI())) {
                        // WordArt and Word's watermarks (机密, CONFIDENTIAL in the header): the text
                        // is drawn along a path and held in an attribute, not as character data.
                        String drawn = r.getAttributeValue(null, "string");
                        if (drawn != null && !drawn.isBlank()) {
                            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                                sb.append('\n');
                            }
                            sb.append(drawn).append('\n');
                        }
                    }
                    if (described != null && skipFrom == 0 && VML.equals(r.getNamespaceURI())) {
                        describe(r.getAttributeValue(null, "alt"), described);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    int closing = depth--;
                    if (skipFrom != 0) {
                        if (closing == skipFrom) {
                            skipFrom = 0;
                        }
                        continue;
                    }
                    String n = r.getLocalName();
                    if (n.equals("AlternateContent") && alternates > 0 && MC.equals(r.getNamespaceURI())) {
                        alternates--;
                    } else if (BLOCKS.contains(n) && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                        sb.append('\n');
                    }
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && skipFrom == 0) {
                    if (!r.isWhiteSpace() || sb.length() > 0) {
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
            }
        } finally {
            r.close();
        }
        return sb.toString();
    }
}
