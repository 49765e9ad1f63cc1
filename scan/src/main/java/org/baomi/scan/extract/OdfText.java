package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * The text of an OpenDocument part (ODT, ODS, ODP, and WPS's ODF files) cut where a
 * person would say it is: a comment is a comment and not part of the paragraph it is
 * anchored in, nor is a foot- or endnote ({@code note}), each sheet of a spreadsheet is {@code sheet <name>}, each page of a
 * presentation {@code slide N} and its speaker notes {@code notes N}, headers and footers
 * of the page styles and a presentation's declared header and footer texts are {@code header}
 * and {@code footer}, the metadata ({@code office:meta}, custom properties by name:
 * {@code 密级 机密★10年}) is {@code metadata}, a picture's or shape's title and description
 * ({@code svg:title}, {@code svg:desc}) are {@code alt text}. Settings, scripts, styles and pictures' data are
 * not text. It reads the parts of a package and a flat file alike (.fodt, .fods, .fodp: the
 * whole document in one XML). Streaming (StAX), like the other Office parts (docs/adr/0102).
 */
final class OdfText {
    /** Receives each segment when it ends. */
    interface Sink {
        void segment(Location location, String text) throws ExtractionProblem;

        /**
         * A picture held in the file itself ({@code office:binary-data}, in a flat file): its data
         * in base64 when {@link #wantsPictureData()}, else null.
         */
        default void picture(String base64) throws ExtractionProblem {
        }

        /** Whether {@link #picture} is handed the picture's data (to read it by OCR). */
        default boolean wantsPictureData() {
            return false;
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "h", "list-item", "table-row", "line-break", "frame",
            "title", "description", "subject", "keyword", "creator", "initial-creator", "user-defined");
    private static final Set<String> HEADERS = Set.of("header", "header-left", "header-first");
    private static final Set<String> FOOTERS = Set.of("footer", "footer-left", "footer-first");

    private record Segment(Location location, StringBuilder text) {
    }

    private OdfText() {
    }

    /**
     * Reads {@code content.xml} or {@code styles.xml}; text outside any segment goes to
     * {@code root}. With {@code sheets}, each top-level table is a sheet (ODS).
     */
    static void read(InputStream in, Location root, boolean sheets, Sink sink) throws XMLStreamException, ExtractionProblem {
        XMLStreamReader r = XmlText.reader(in);
        Deque<Segment> open = new ArrayDeque<>();
        Deque<Boolean> opened = new ArrayDeque<>();
        open.push(new Segment(root, new StringBuilder()));
        int slides = 0;
        int sheetCount = 0;
        int skip = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    String ns = r.getNamespaceURI();
                    Location starts = null;
                    if (n.equals("annotation") && ns != null && ns.endsWith(":office:1.0")) {
                        starts = Location.of("comment", Zone.COMMENT);
                    } else if (HEADERS.contains(n) && ns != null && ns.endsWith(":style:1.0")) {
                        starts = Location.of("header", Zone.HEADER);
                    } else if (FOOTERS.contains(n) && ns != null && ns.endsWith(":style:1.0")) {
                        starts = Location.of("footer", Zone.FOOTER);
                    } else if (n.equals("table") && ns != null && ns.endsWith(":table:1.0") && sheets && open.size() == 1) {
                        String name = r.getAttributeValue(ns, "name");
                        if (name != null && !name.isBlank()) {
                            sink.segment(Location.SHEET_NAMES, name);
                        }
                        starts = Location.body("sheet " + (name == null ? "?" : name), ++sheetCount == 1);
                    } else if (n.equals("page") && ns != null && ns.endsWith(":drawing:1.0")) {
                        slides++;
                        starts = Location.body("slide " + slides, slides == 1);
                    } else if (n.equals("note") && ns != null && ns.endsWith(":text:1.0")) {
                        starts = Location.of("note", Zone.NOTE);
                    } else if (n.equals("notes") && ns != null && ns.endsWith(":presentation:1.0")) {
                        starts = Location.of("notes " + Math.max(1, slides), Zone.NOTE);
                    } else if (n.equals("footer-decl") && ns != null && ns.endsWith(":presentation:1.0")) {
                        // A presentation's footer text ("内部资料 注意保密"), declared once, shown on the slides.
                        starts = Location.of("footer", Zone.FOOTER);
                    } else if (n.equals("header-decl") && ns != null && ns.endsWith(":presentation:1.0")) {
                        starts = Location.of("header", Zone.HEADER);
                    } else if (n.equals("meta") && ns != null && ns.endsWith(":office:1.0")) {
                        starts = Location.of("metadata", Zone.METADATA); // meta.xml, or a flat file's
                    } else if ((n.equals("title") || n.equals("desc")) && ns != null && ns.endsWith(":svg-compatible:1.0")) {
                        // A picture's or shape's alternative text: not shown on the page, not content.
                        starts = Location.altText(open.peek().location());
                    } else if (n.equals("master-styles") && ns != null && ns.endsWith(":office:1.0")) {
                        // Master pages: shown on every page or slide (a flat file keeps them beside the body).
                        starts = Location.of("header", Zone.HEADER);
                    }
                    if (skip == 0 && n.equals("binary-data") && ns != null && ns.endsWith(":office:1.0")) {
                        if (sink.wantsPictureData()) {
                            // Read up to and with its end tag: nothing of it is pushed or skipped.
                            sink.picture(r.getElementText());
                            continue;
                        }
                        sink.picture(null);
                    }
                    opened.push(starts != null);
                    if (starts != null) {
                        open.push(new Segment(starts, new StringBuilder()));
                    }
                    if (skip > 0 || notText(n, ns)) {
                        skip++;
                    } else if (n.equals("user-defined") && ns != null && ns.endsWith(":meta:1.0")) {
                        // A custom property, named as in the other formats: 密级 机密★10年.
                        String name = r.getAttributeValue(ns, "name");
                        if (name != null && !name.isBlank()) {
                            open.peek().text().append(name.strip()).append(' ');
                        }
                    } else if (n.equals("tab")) {
                        open.peek().text().append('\t');
                    } else if (n.equals("s")) {
                        open.peek().text().append(' ');
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = r.getLocalName();
                    if (skip > 0) {
                        skip--;
                    }
                    StringBuilder sb = open.peek().text();
                    if (BLOCKS.contains(n) && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                        sb.append('\n');
                    }
                    if (opened.pop()) {
                        Segment done = open.pop();
                        emit(done, sink);
                    }
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && skip == 0) {
                    StringBuilder sb = open.peek().text();
                    if (!r.isWhiteSpace() || sb.length() > 0) {
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
            }
        } finally {
            r.close();
        }
        emit(open.pop(), sink);
    }

    /**
     * Elements without document text: settings, scripts, pictures' data, styles (a date format's
     * "年" is not text), the producer and dates of the metadata, page-number fields.
     */
    private static boolean notText(String n, String ns) {
        if (ns == null) {
            return false;
        }
        if (ns.endsWith(":office:1.0")) {
            return NOT_TEXT_OFFICE.contains(n);
        }
        if (ns.endsWith(":meta:1.0")) {
            return n.equals("generator") || n.equals("creation-date") || n.equals("print-date") || n.equals("editing-duration")
                    || n.equals("editing-cycles");
        }
        if (ns.endsWith(":text:1.0")) {
            return n.equals("page-number") || n.equals("page-count"); // a field: "<number>" on a master or notes page
        }
        return n.equals("date") && ns.equals("http://purl.org/dc/elements/1.1/");
    }

    private static final Set<String> NOT_TEXT_OFFICE = Set.of("settings", "scripts", "binary-data", "font-face-decls",
            "styles", "automatic-styles");

    private static void emit(Segment s, Sink sink) throws ExtractionProblem {
        String text = s.text().toString();
        if (!text.isBlank()) {
            sink.segment(s.location(), text);
        }
    }
}
