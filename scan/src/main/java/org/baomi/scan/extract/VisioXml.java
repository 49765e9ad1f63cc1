package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Visio 2013 and later drawings (vsdx, vsdm, vstx, vssx; MS-VSDX): what each page shows.
 *
 * <p>A page part holds shapes; a shape dropped from a stencil holds only what differs from its
 * master ({@code Master}, and {@code MasterShape} for the shapes of a group), so a network
 * diagram's "机密" title block or a router's label kept in the master is on the page though not
 * in the page's part. A shape's text is therefore its own {@code Text} when it has one, else
 * its master shape's; its shape data ({@code Section N="Property"}: label and value, what
 * Visio's Shape Data window and data graphics show) is the master's rows with the shape's own
 * over them; a group's shapes that only the master holds are shown too. Shapes come top to
 * bottom as the page shows them ({@code PinY}, Visio's y axis points up), so a marking in a
 * title block at the top of the first page is the top of the drawing.
 *
 * <p>Pages and masters are found through the package's relationships (document → pages →
 * each page, in the order of the tabs, under the tab's name; document → masters → each master
 * by its ID); a background page (a title block or banner shown behind the pages that use it)
 * is told apart from the pages.
 */
final class VisioXml {
    /** Groups nested deeper than this are read as if they were at this depth (no recursion without end). */
    private static final int MAX_DEPTH = 64;
    private static final String PROPERTY = "Property";

    private VisioXml() {
    }

    /** A page: its tab name, its place among the pages (0 for the first foreground page), whether it is a background. */
    record Page(String name, int position, boolean background) {
    }

    /** A drawing's pages by part, its masters by ID, and whether it is a stencil (masters and no pages). */
    record Drawing(Map<String, Page> pages, Map<String, String> masters, Map<String, String> masterNames) {
        static final Drawing NONE = new Drawing(Map.of(), Map.of(), Map.of());

        boolean page(String entry) {
            return pages.containsKey(entry);
        }

        boolean master(String entry) {
            return masterNames.containsKey(entry);
        }
    }

    /**
     * The pages and masters of a Visio package, found through its relationships; where they
     * name no page, the parts declared as pages ({@code types}), else named as Visio names them,
     * in the order of their numbers.
     */
    static Drawing drawing(ZipFile zip, OpcContentTypes types) {
        Drawing found = related(zip);
        if (!found.pages().isEmpty()) {
            return found;
        }
        List<String> named = new ArrayList<>();
        for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
            String type = types == null ? null : types.type(e.getName());
            if (!e.isDirectory() && ("application/vnd.ms-visio.page+xml".equals(type)
                    || (type == null || type.equals("application/xml")) && PAGE_NAME.matcher(e.getName()).matches())) {
                named.add(e.getName());
            }
        }
        named.sort(Comparator.comparingLong(VisioXml::partNumber).thenComparing(Comparator.naturalOrder()));
        Map<String, Page> pages = new HashMap<>();
        for (String part : named) {
            pages.put(part, new Page("Page-" + (pages.size() + 1), pages.size(), false));
        }
        return new Drawing(pages, found.masters(), found.masterNames());
    }

    private static final java.util.regex.Pattern PAGE_NAME = java.util.regex.Pattern.compile("(?i)visio/pages/page\\d+\\.xml");

    private static long partNumber(String part) {
        String digits = part.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 15 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static Drawing related(ZipFile zip) {
        OoxmlParts.Package pkg = OoxmlParts.Package.of(zip);
        String main = null;
        for (OoxmlParts.Relationship r : pkg.relationships("")) {
            if (r.is("document") || r.is("officeDocument")) {
                main = r.target();
                break;
            }
        }
        if (main == null) {
            main = pkg.entry("visio/document.xml");
        }
        if (main == null) {
            return Drawing.NONE;
        }
        Map<String, Page> pages = new HashMap<>();
        Map<String, String> masters = new LinkedHashMap<>();
        Map<String, String> masterNames = new HashMap<>();
        for (OoxmlParts.Relationship r : pkg.relationships(main)) {
            if (r.is("pages")) {
                Map<String, String> targets = targets(pkg.relationships(r.target()));
                int position = 0;
                for (Indexed p : index(zip, r.target(), "Page")) {
                    String part = targets.get(p.rel());
                    if (part != null && !pages.containsKey(part)) {
                        boolean background = "1".equals(p.attribute("Background"));
                        String name = p.name() == null ? "Page-" + (pages.size() + 1) : p.name();
                        pages.put(part, new Page(name, background ? -1 : position++, background));
                    }
                }
            } else if (r.is("masters")) {
                Map<String, String> targets = targets(pkg.relationships(r.target()));
                for (Indexed m : index(zip, r.target(), "Master")) {
                    String part = targets.get(m.rel());
                    if (part != null && m.attribute("ID") != null) {
                        masters.putIfAbsent(m.attribute("ID"), part);
                        masterNames.putIfAbsent(part, m.name() == null ? "Master " + m.attribute("ID") : m.name());
                    }
                }
            }
        }
        return new Drawing(pages, masters, masterNames);
    }

    private static Map<String, String> targets(List<OoxmlParts.Relationship> rels) {
        Map<String, String> out = new HashMap<>();
        for (OoxmlParts.Relationship r : rels) {
            out.putIfAbsent(r.id(), r.target());
        }
        return out;
    }

    /** An element of pages.xml or masters.xml: its attributes and the relationship of its {@code Rel}. */
    private record Indexed(Map<String, String> attributes, String rel) {
        String attribute(String name) {
            return attributes.get(name);
        }

        /** The name a person sees (the localised {@code Name}, else the universal {@code NameU}). */
        String name() {
            String n = attributes.get("Name");
            return n != null && !n.isBlank() ? n.strip() : attributes.get("NameU");
        }
    }

    private static List<Indexed> index(ZipFile zip, String part, String element) {
        List<Indexed> out = new ArrayList<>();
        ZipArchiveEntry e = zip.getEntry(part);
        if (e == null) {
            return out;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = XmlText.reader(in);
            try {
                Map<String, String> open = null;
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (r.getLocalName().equals(element)) {
                        open = new HashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            open.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                    } else if (r.getLocalName().equals("Rel") && open != null) {
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            if (r.getAttributeLocalName(i).equals("id")) {
                                out.add(new Indexed(open, r.getAttributeValue(i).strip()));
                            }
                        }
                        open = null;
                    }
                }
            } finally {
                r.close();
            }
        } catch (Exception damaged) {
            // What was read before the damage stands.
        }
        return out;
    }

    /** A shape as a part writes it: only what differs from its master shape, if it has one. */
    static final class Shape {
        final String master;
        final String masterShape;
        double pinX = Double.NaN;
        double pinY = Double.NaN;
        /** Its own text; null when it has none (its master shape's is shown). */
        String text;
        /** Shape data rows by row name: {label, value}; a null array for a row the shape deletes. */
        final Map<String, String[]> data = new LinkedHashMap<>();
        final List<Shape> children = new ArrayList<>();

        Shape(String master, String masterShape) {
            this.master = master;
            this.masterShape = masterShape;
        }
    }

    /** A master's shapes: those at its top and every one by ID. */
    record Master(List<Shape> top, Map<String, Shape> byId) {
    }

    /** A master part's shapes. */
    static Master master(InputStream in) throws XMLStreamException {
        Map<String, Shape> byId = new HashMap<>();
        List<Shape> top = shapes(in, byId);
        return new Master(top, byId);
    }

    /**
     * The rows of a data recordset part ({@code visio/data/recordsetN.xml}: the rows of a
     * spreadsheet or database linked to the shapes, cached in ADO's XML, where each row's
     * values are the attributes of a {@code z:row}), a line for each row.
     */
    static String recordset(InputStream in) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        XMLStreamReader r = XmlText.reader(in);
        try {
            StringBuilder ado = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("row")) {
                        rowLine(r, out);
                    } else if (r.getLocalName().equals("ADOData")) {
                        ado = new StringBuilder();
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && ado != null) {
                    ado.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("ADOData") && ado != null) {
                    // The ADO XML written as the element's text rather than as elements.
                    String inner = ado.toString().strip();
                    ado = null;
                    if (inner.startsWith("<")) {
                        out.append(recordset(new java.io.ByteArrayInputStream(inner.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                    }
                }
            }
        } finally {
            r.close();
        }
        return out.toString();
    }

    private static void rowLine(XMLStreamReader r, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String v = r.getAttributeValue(i).strip();
            if (!v.isEmpty()) {
                line.append(line.length() == 0 ? "" : "\t").append(v);
            }
        }
        if (line.length() > 0) {
            out.append(line).append('\n');
        }
    }

    /** The shapes at the top of a page or master part; {@code byId} receives every shape by its ID. */
    static List<Shape> shapes(InputStream in, Map<String, Shape> byId) throws XMLStreamException {
        List<Shape> top = new ArrayList<>();
        XMLStreamReader r = XmlText.reader(in);
        try {
            ArrayDeque<Shape> open = new ArrayDeque<>();
            ArrayDeque<String> path = new ArrayDeque<>();
            String section = null;
            String row = null;
            StringBuilder text = null;
            int depth = 0; // of Shape elements, beyond MAX_DEPTH read into the deepest kept
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    String parent = path.peek();
                    path.push(name);
                    if (name.equals("Shape")) {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            continue;
                        }
                        Shape s = new Shape(attribute(r, "Master"), attribute(r, "MasterShape"));
                        String id = attribute(r, "ID");
                        if (id != null) {
                            byId.putIfAbsent(id, s);
                        }
                        (open.isEmpty() ? top : open.peek().children).add(s);
                        open.push(s);
                    } else if (open.isEmpty() || text != null) {
                        continue; // outside shapes; or a run, paragraph or field mark inside a text
                    } else if (name.equals("Text") && "Shape".equals(parent)) {
                        text = new StringBuilder();
                    } else if (name.equals("Section") && "Shape".equals(parent)) {
                        section = attribute(r, "N");
                    } else if (name.equals("Row") && PROPERTY.equals(section)) {
                        row = attribute(r, "N") != null ? attribute(r, "N") : "#" + attribute(r, "IX");
                        if ("1".equals(attribute(r, "Del"))) {
                            open.peek().data.put(row, null);
                        } else {
                            open.peek().data.putIfAbsent(row, new String[2]);
                        }
                    } else if (name.equals("Cell") && "Shape".equals(parent)) {
                        String n = attribute(r, "N");
                        if ("PinX".equals(n) || "PinY".equals(n)) {
                            double v = number(attribute(r, "V"));
                            if ("PinX".equals(n)) {
                                open.peek().pinX = v;
                            } else {
                                open.peek().pinY = v;
                            }
                        }
                    } else if (name.equals("Cell") && row != null && "Row".equals(parent)) {
                        String[] cells = open.peek().data.get(row);
                        String n = attribute(r, "N");
                        if (cells != null && ("Label".equals(n) || "Value".equals(n))) {
                            cells["Label".equals(n) ? 0 : 1] = attribute(r, "V");
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (text != null) {
                        text.append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("Shape")) {
                        if (depth-- <= MAX_DEPTH) {
                            open.pop();
                        }
                    } else if (name.equals("Text") && text != null && "Shape".equals(path.peek())) {
                        open.peek().text = text.toString();
                        text = null;
                    } else if (name.equals("Section") && "Shape".equals(path.peek())) {
                        section = null;
                    } else if (name.equals("Row") && PROPERTY.equals(section)) {
                        row = null;
                    }
                }
            }
        } finally {
            r.close();
        }
        return top;
    }

    private static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? null : v.strip();
    }

    private static double number(String v) {
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    /**
     * What {@code shapes} show, a line for each text and each shape data row ({@code label value}),
     * top to bottom; a shape's inheritance resolved from {@code masters}.
     */
    static String text(List<Shape> shapes, Map<String, Master> masters) {
        StringBuilder out = new StringBuilder();
        lines(shapes, null, masters, true, out, 0);
        return out.toString();
    }

    /**
     * The lines of {@code shapes} into {@code out}; {@code context} is the master their group is
     * an instance of (null: none), {@code resolve} false for shapes that are a master's own.
     */
    private static void lines(List<Shape> shapes, Master context, Map<String, Master> masters, boolean resolve,
                              StringBuilder out, int depth) {
        List<Placed> placed = new ArrayList<>(shapes.size());
        for (Shape s : shapes) {
            Master own = context;
            Shape base = null;
            if (resolve && s.master != null) {
                own = masters.get(s.master);
                base = own != null && own.top().size() == 1 ? own.top().get(0) : null;
            } else if (resolve && s.masterShape != null && context != null) {
                base = context.byId().get(s.masterShape);
            }
            placed.add(new Placed(s, base, own, Double.isNaN(s.pinY) && base != null ? base.pinY : s.pinY,
                    Double.isNaN(s.pinX) && base != null ? base.pinX : s.pinX));
        }
        // Top to bottom (Visio's y axis points up), then left to right; a shape without a place after.
        placed.sort(Comparator.comparingDouble((Placed p) -> Double.isNaN(p.y()) ? Double.POSITIVE_INFINITY : -p.y())
                .thenComparingDouble(p -> Double.isNaN(p.x()) ? Double.POSITIVE_INFINITY : p.x()));
        for (Placed p : placed) {
            Shape s = p.shape();
            Shape base = p.base();
            String text = s.text != null ? s.text : base != null ? base.text : null;
            if (text != null && !text.isBlank()) {
                out.append(text.strip()).append('\n');
            }
            Map<String, String[]> data = new LinkedHashMap<>();
            if (base != null) {
                base.data.forEach((k, v) -> data.put(k, v == null ? null : v.clone()));
            }
            s.data.forEach((k, v) -> {
                if (v == null) {
                    data.put(k, null);
                } else {
                    String[] cells = data.computeIfAbsent(k, x -> new String[2]);
                    if (cells != null) {
                        cells[0] = v[0] != null ? v[0] : cells[0];
                        cells[1] = v[1] != null ? v[1] : cells[1];
                    }
                }
            });
            data.forEach((k, v) -> {
                if (v != null && v[1] != null && !v[1].isBlank()) {
                    String label = v[0] != null && !v[0].isBlank() ? v[0].strip() : k.startsWith("#") ? "" : k;
                    out.append(label.isEmpty() ? "" : label + " ").append(v[1].strip()).append('\n');
                }
            });
            if (depth >= MAX_DEPTH) {
                continue;
            }
            // A group's shapes: its own, and those of its master shape it does not write out.
            List<Shape> children = new ArrayList<>(s.children);
            List<Shape> masterOnly = new ArrayList<>();
            List<Shape> inherited = base != null ? base.children
                    : resolve && s.master != null && p.master() != null ? p.master().top() : List.of();
            if (!inherited.isEmpty()) {
                Set<Shape> written = new HashSet<>();
                for (Shape c : s.children) {
                    Shape m = c.masterShape != null && p.master() != null ? p.master().byId().get(c.masterShape) : null;
                    if (m != null) {
                        written.add(m);
                    }
                }
                for (Shape c : inherited) {
                    if (!written.contains(c)) {
                        masterOnly.add(c);
                    }
                }
            }
            lines(children, p.master(), masters, resolve, out, depth + 1);
            lines(masterOnly, p.master(), masters, false, out, depth + 1);
        }
    }

    private record Placed(Shape shape, Shape base, Master master, double y, double x) {
    }
}
