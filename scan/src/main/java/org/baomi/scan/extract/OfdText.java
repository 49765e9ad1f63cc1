package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * The text of OFD parts (GB/T 33190), as a reader of the page sees it.
 *
 * <p>A page's text objects are placed glyph by glyph or run by run ({@code Boundary} in
 * millimetres, {@code TextCode X/Y} inside it): converters of 公文 to OFD often write each
 * character of a line as a text object of its own. They are joined into the lines a reader sees
 * ({@link PlacedLines}).
 *
 * <p>The document information in {@code OFD.xml} is read field by field: title, author,
 * subject, abstract, keywords and custom data ({@code 密级 机密★10年}, as marking tools record
 * it); identifiers, dates, the producing application and part locations are not text.
 */
final class OfdText {
    private static final Set<String> INFO = Set.of("Title", "Author", "Subject", "Abstract", "Keyword", "CustomData");

    private OfdText() {
    }

    /**
     * A page's text; the resource IDs of its pictures ({@code ImageObject ResourceID}), in page
     * order; whether it draws paths (lines, frames, or text converted to outlines); and its own
     * page box ({@code Area/PhysicalBox}: x, y, width, height in millimetres), or null when it
     * takes the document's.
     */
    record Page(String text, java.util.List<String> pictures, boolean paths, double[] box) {
        /** Whether anything is drawn on it (a picture, a path: a scan, or text as outlines). */
        boolean drawn() {
            return paths || !pictures.isEmpty();
        }
    }

    /** A page's or a template's {@code Content.xml}. */
    static Page page(InputStream in) throws XMLStreamException {
        XMLStreamReader r = XmlText.reader(in);
        Lines lines = new Lines();
        boolean paths = false;
        double[] box = null;
        java.util.List<String> pictures = new java.util.ArrayList<>();
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("ImageObject")) {
                        String id = r.getAttributeValue(null, "ResourceID");
                        if (id != null && !id.isBlank() && !pictures.contains(id.strip())) {
                            pictures.add(id.strip());
                        }
                    } else if (n.equals("PathObject")) {
                        paths = true;
                    } else if (n.equals("PhysicalBox") && box == null) {
                        box = box(r.getElementText());
                        continue;
                    }
                }
                lines.event(r, ev);
            }
        } finally {
            r.close();
        }
        return new Page(lines.placed.text(), pictures, paths, box);
    }

    /** The page box a document gives its pages ({@code Document.xml}: {@code CommonData/PageArea/PhysicalBox}), or null. */
    static double[] documentBox(InputStream in) throws XMLStreamException {
        XMLStreamReader r = XmlText.reader(in);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("PhysicalBox")) {
                    return box(r.getElementText());
                }
            }
        } finally {
            r.close();
        }
        return null;
    }

    /** A box (x, y, width, height) with a positive size, or null. */
    private static double[] box(String value) {
        double[] b = numbers(value, 4);
        return b != null && b[2] > 0 && b[3] > 0 ? b : null;
    }

    /** A picture a resource list declares: its ID and its file, as written ({@code MediaFile}). */
    record Media(String id, String file) {
    }

    /**
     * How paths are drawn ({@code DrawParam}): line width in millimetres, fill and stroke colours as
     * written ({@code Value="r g b"}), each null when not given; {@code relative}: the drawing
     * parameters it takes the others from.
     */
    record DrawParam(String relative, Double lineWidth, String fill, String stroke) {
    }

    /**
     * A resource list ({@code DocumentRes.xml}, {@code PublicRes.xml}): its {@code BaseLoc} (may be
     * null), its pictures and its drawing parameters by ID.
     */
    record Resources(String baseLoc, java.util.List<Media> pictures, java.util.Map<String, DrawParam> drawParams) {
    }

    /**
     * The pictures of a resource list — each {@code MultiMedia} of type {@code Image} (or of no
     * type) with its {@code MediaFile}; sound and video are not pictures — and its drawing parameters.
     */
    static Resources resources(InputStream in) throws XMLStreamException {
        XMLStreamReader r = XmlText.reader(in);
        String baseLoc = null;
        java.util.List<Media> pictures = new java.util.ArrayList<>();
        java.util.Map<String, DrawParam> params = new java.util.HashMap<>();
        String id = null;
        String param = null;
        DrawParam reading = null;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("DrawParam") && param != null) {
                    params.put(param, reading);
                    param = null;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String n = r.getLocalName();
                if (n.equals("Res")) {
                    baseLoc = r.getAttributeValue(null, "BaseLoc");
                } else if (n.equals("MultiMedia")) {
                    String type = r.getAttributeValue(null, "Type");
                    id = type == null || type.equalsIgnoreCase("Image") ? r.getAttributeValue(null, "ID") : null;
                } else if (n.equals("MediaFile") && id != null) {
                    String file = r.getElementText().strip();
                    if (!file.isEmpty()) {
                        pictures.add(new Media(id.strip(), file));
                    }
                    id = null;
                } else if (n.equals("DrawParam") && r.getAttributeValue(null, "ID") != null) {
                    param = r.getAttributeValue(null, "ID").strip();
                    double[] width = numbers(r.getAttributeValue(null, "LineWidth"), 1);
                    reading = new DrawParam(r.getAttributeValue(null, "Relative"), width == null ? null : width[0], null, null);
                } else if (param != null && (n.equals("FillColor") || n.equals("StrokeColor"))) {
                    String value = r.getAttributeValue(null, "Value");
                    reading = n.equals("FillColor") ? new DrawParam(reading.relative(), reading.lineWidth(), value, reading.stroke())
                            : new DrawParam(reading.relative(), reading.lineWidth(), reading.fill(), value);
                }
            }
        } finally {
            r.close();
        }
        return new Resources(baseLoc, pictures, params);
    }

    /**
     * A page's annotations ({@code Annots/Page_N/Annotation.xml}), one segment each: a watermark
     * annotation (a 机密 drawn across the page) as {@code watermark}, a stamp as {@code stamp}, both
     * prominent; others as {@code comment}. The text is the annotation's remark and the text its
     * appearance draws, joined into lines as on a page.
     */
    static void annotations(InputStream in, String page, OdfText.Sink sink) throws XMLStreamException, ExtractionProblem {
        XMLStreamReader r = XmlText.reader(in);
        Lines lines = null;
        Location where = null;
        boolean remark = false;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Annot")) {
                    String type = r.getAttributeValue(null, "Type");
                    where = "Watermark".equalsIgnoreCase(type) ? Location.of("watermark" + page, Zone.HEADER)
                            : "Stamp".equalsIgnoreCase(type) ? Location.of("stamp" + page, Zone.HEADER)
                            : Location.of("comment", Zone.COMMENT);
                    lines = new Lines();
                } else if (lines == null) {
                    continue; // outside an annotation: nothing a reader sees
                } else if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Remark")) {
                    remark = true;
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("Remark")) {
                    remark = false;
                    lines.placed.breakLine();
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("Annot")) {
                    if (!lines.placed.text().isBlank()) {
                        sink.segment(where, lines.placed.text());
                    }
                    lines = null;
                } else if (remark && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)) {
                    lines.placed.append().append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                } else {
                    lines.event(r, ev);
                }
            }
        } finally {
            r.close();
        }
    }

    /** Text objects joined into the lines a reader sees ({@link PlacedLines}). */
    private static final class Lines {
        final PlacedLines placed = new PlacedLines();
        // The text object being read: its boundary, or NaN when it has none that parses.
        private double bx = Double.NaN;
        private double by = Double.NaN;
        private double bw;
        private double size;
        private double[] ctm;
        private double codeY;
        private boolean inCode;

        void event(XMLStreamReader r, int ev) {
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("TextObject")) {
                    double[] box = numbers(r.getAttributeValue(null, "Boundary"), 4);
                    bx = box == null ? Double.NaN : box[0];
                    by = box == null ? Double.NaN : box[1];
                    bw = box == null ? 0 : box[2];
                    ctm = numbers(r.getAttributeValue(null, "CTM"), 6);
                    double[] s = numbers(r.getAttributeValue(null, "Size"), 1);
                    // The size is in the object's own space: scaled by its CTM, as the glyphs are.
                    double scale = ctm == null ? 1 : Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
                    size = s != null && s[0] > 0 ? s[0] * scale : box == null ? 0 : box[3];
                    codeY = 0;
                } else if (n.equals("TextCode")) {
                    double[] x = numbers(r.getAttributeValue(null, "X"), 1);
                    double[] y = numbers(r.getAttributeValue(null, "Y"), 1);
                    if (y != null) {
                        codeY = y[0]; // a TextCode without Y continues the previous one's line
                    }
                    double cx = x == null ? 0 : x[0];
                    // GB/T 33190: TextCode positions are in the object's space, mapped by its CTM
                    // (converters often draw each glyph with one) into the boundary's. A glyph's
                    // boundary is its ink, narrower than its advance, so the gap between two
                    // glyphs of a word stays below a word space.
                    double absX = bx + (ctm == null ? cx : ctm[0] * cx + ctm[2] * codeY + ctm[4]);
                    double absY = by + (ctm == null ? codeY : ctm[1] * cx + ctm[3] * codeY + ctm[5]);
                    placed.run(absX, absY, size, bx + bw);
                    inCode = true;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("TextCode")) {
                    inCode = false;
                } else if (n.equals("TextObject")) {
                    bx = Double.NaN;
                    by = Double.NaN;
                }
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && inCode) {
                placed.append().append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            }
        }
    }

    /** The first {@code count} numbers of a space-separated attribute, or null. */
    static double[] numbers(String value, int count) {
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split("\\s+");
        if (parts.length < count) {
            return null;
        }
        double[] out = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                out[i] = Double.parseDouble(parts[i]);
                if (!Double.isFinite(out[i])) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    /** The {@code FileLoc} values of an attachment list ({@code Attachments.xml}). */
    static java.util.List<String> fileLocations(InputStream in) throws XMLStreamException {
        XMLStreamReader r = XmlText.reader(in);
        java.util.List<String> out = new java.util.ArrayList<>();
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("FileLoc")) {
                    String loc = r.getElementText().strip();
                    if (!loc.isEmpty()) {
                        out.add(loc);
                    }
                }
            }
        } finally {
            r.close();
        }
        return out;
    }

    /** {@code OFD.xml}: the document information, a field a line. */
    static String docInfo(InputStream in) throws XMLStreamException {
        XMLStreamReader r = XmlText.reader(in);
        StringBuilder sb = new StringBuilder();
        int reading = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (reading > 0) {
                        reading++;
                    } else if (INFO.contains(r.getLocalName())) {
                        reading = 1;
                        if (r.getLocalName().equals("CustomData")) {
                            String name = r.getAttributeValue(null, "Name");
                            if (name != null && !name.isBlank()) {
                                sb.append(name.strip()).append(' ');
                            }
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (reading > 0 && --reading == 0 && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                        sb.append('\n');
                    }
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && reading > 0) {
                    sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
            }
        } finally {
            r.close();
        }
        return sb.toString();
    }
}
