package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What the parts of a workbook or a presentation are, found as a consumer of ECMA-376 finds
 * them: through the package's relationships (Part 2, 9.3), from the package to its main part,
 * from the workbook to each sheet in the order of its tabs and under its name, from the
 * presentation to each slide in the order it is shown, from a sheet to the drawing on it and
 * from a slide to its notes.
 *
 * <p>Part names are a writer's choice. ClosedXML and the Open XML SDK name a workbook's first
 * sheet {@code xl/worksheets/sheet.xml}, without a number; a workbook whose tabs were moved
 * need not keep {@code sheet1.xml} as its first tab; a chart sheet before the first worksheet
 * shifts the count. Names are only the fallback, for a package whose relationships are
 * missing or damaged. Relationship types are matched by their last segment, so the
 * Transitional ({@code http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet})
 * and Strict ({@code http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet}) forms
 * are one. Part names compare without regard to ASCII case.
 */
final class OoxmlParts {
    /** A sheet of a workbook: its tab name, its place among the tabs (0 for the first), whether it holds cells. */
    record Sheet(String name, int position, boolean cells) {
    }

    private static final OoxmlParts NONE = new OoxmlParts(Map.of(), Map.of(), Map.of(), Map.of(), null, Map.of());

    /** Sheet parts (entry names) of a workbook. */
    private final Map<String, Sheet> sheets;
    /** A drawing part to the sheet it is drawn on. */
    private final Map<String, Sheet> drawings;
    /** Slide parts to their number in the order shown (1 for the first). */
    private final Map<String, Integer> slides;
    /** Notes parts to the number of their slide. */
    private final Map<String, Integer> notes;
    /** The entry of a workbook's shared strings, or null. */
    private final String sharedStrings;
    /** A part of a Word document to the parts it imports ({@code w:altChunk}), in the order related. */
    private final Map<String, List<String>> chunks;

    private OoxmlParts(Map<String, Sheet> sheets, Map<String, Sheet> drawings, Map<String, Integer> slides,
                       Map<String, Integer> notes, String sharedStrings, Map<String, List<String>> chunks) {
        this.sheets = sheets;
        this.drawings = drawings;
        this.slides = slides;
        this.notes = notes;
        this.sharedStrings = sharedStrings;
        this.chunks = chunks;
    }

    /** The names of a workbook's sheets, in the order of their tabs (none for other packages). */
    List<String> sheetNames() {
        return sheets.values().stream().sorted(java.util.Comparator.comparingInt(Sheet::position)).map(Sheet::name).toList();
    }

    /** The sheet a part is, or null. */
    Sheet sheet(String entry) {
        return sheets.get(entry);
    }

    /** The sheet a drawing part is drawn on, or null. */
    Sheet drawingSheet(String entry) {
        return drawings.get(entry);
    }

    /** The number of the slide a part is, or null. */
    Integer slide(String entry) {
        return slides.get(entry);
    }

    /** The number of the slide whose notes a part holds, or null. */
    Integer notes(String entry) {
        return notes.get(entry);
    }

    /**
     * The parts a part of a Word document imports in another format ({@code w:altChunk},
     * relationship {@code aFChunk}: HTML, MHT, RTF, text or a whole docx, as OA systems and
     * document generators write a body they have as HTML); Word shows their content in place.
     */
    List<String> chunks(String entry) {
        return chunks.getOrDefault(entry, List.of());
    }

    /** The entry holding a workbook's shared strings, or null when it has none. */
    String sharedStrings() {
        return sharedStrings;
    }

    /**
     * The parts of {@code zip}, a Word document ({@link Format#DOCX}: the parts it imports), a
     * workbook ({@link Format#XLSX}) or a presentation ({@link Format#PPTX}); nothing is known of
     * other formats, or of a workbook or presentation whose main part cannot be found. A part
     * that cannot be parsed is passed over: what the others say stands.
     */
    static OoxmlParts of(ZipFile zip, Format format) {
        if (format != Format.DOCX && format != Format.XLSX && format != Format.PPTX) {
            return NONE;
        }
        Package pkg = Package.of(zip);
        Map<String, String> entries = pkg.entries();
        if (format == Format.DOCX) {
            return document(pkg);
        }
        String main = null;
        for (Relationship r : pkg.relationships("")) {
            if (r.is("officeDocument")) {
                main = r.target();
                break;
            }
        }
        if (main == null) {
            main = entries.get(format == Format.XLSX ? "xl/workbook.xml" : "ppt/presentation.xml");
        }
        if (main == null) {
            return NONE;
        }
        return format == Format.XLSX ? workbook(pkg, main) : presentation(pkg, main);
    }

    private static OoxmlParts workbook(Package pkg, String main) {
        Map<String, Relationship> rels = byId(pkg.relationships(main));
        List<String[]> tabs = pkg.elements(main, "sheet", "name");
        Map<String, Sheet> sheets = new HashMap<>();
        Map<String, Sheet> drawings = new HashMap<>();
        for (int i = 0; i < tabs.size(); i++) {
            String name = tabs.get(i)[1] == null ? "Sheet" + (i + 1) : tabs.get(i)[1];
            Relationship r = rels.get(tabs.get(i)[0]);
            String part = r != null ? r.target() : rels.isEmpty() ? pkg.entry("xl/worksheets/sheet" + (i + 1) + ".xml") : null;
            if (part == null) {
                continue;
            }
            Sheet sheet = new Sheet(name, i, r == null || r.is("worksheet"));
            sheets.putIfAbsent(part, sheet);
            for (Relationship d : pkg.relationships(part)) {
                if (d.is("drawing")) {
                    drawings.putIfAbsent(d.target(), sheet);
                }
            }
        }
        String shared = null;
        for (Relationship r : rels.values()) {
            if (r.is("sharedStrings")) {
                shared = r.target();
            }
        }
        if (shared == null) {
            shared = pkg.entry("xl/sharedStrings.xml");
        }
        return new OoxmlParts(sheets, drawings, Map.of(), Map.of(), shared, Map.of());
    }

    /** A Word document: the parts each part imports ({@code aFChunk}), from every part's relationships. */
    private static OoxmlParts document(Package pkg) {
        Map<String, List<String>> chunks = new HashMap<>();
        for (String rels : pkg.entries().values()) {
            int at = rels.lastIndexOf("_rels/");
            if (at < 0 || !rels.endsWith(".rels") || rels.length() == at + "_rels/.rels".length()
                    || rels.indexOf('/', at + "_rels/".length()) >= 0) {
                continue; // not a part's relationships (the package's are _rels/.rels)
            }
            String source = pkg.entry(rels.substring(0, at) + rels.substring(at + "_rels/".length(), rels.length() - ".rels".length()));
            if (source == null) {
                continue;
            }
            for (Relationship r : pkg.relationships(source)) {
                if (r.is("aFChunk")) {
                    chunks.computeIfAbsent(source, s -> new ArrayList<>()).add(r.target());
                }
            }
        }
        return new OoxmlParts(Map.of(), Map.of(), Map.of(), Map.of(), null, chunks);
    }

    private static OoxmlParts presentation(Package pkg, String main) {
        Map<String, Relationship> rels = byId(pkg.relationships(main));
        Map<String, Integer> slides = new HashMap<>();
        Map<String, Integer> notes = new HashMap<>();
        int number = 0;
        for (String[] id : pkg.elements(main, "sldId", null)) {
            Relationship r = rels.get(id[0]);
            if (r == null || slides.containsKey(r.target())) {
                continue;
            }
            slides.put(r.target(), ++number);
            for (Relationship n : pkg.relationships(r.target())) {
                if (n.is("notesSlide")) {
                    notes.putIfAbsent(n.target(), number);
                }
            }
        }
        return new OoxmlParts(Map.of(), Map.of(), slides, notes, null, Map.of());
    }

    private static Map<String, Relationship> byId(List<Relationship> rels) {
        Map<String, Relationship> out = new HashMap<>();
        for (Relationship r : rels) {
            out.putIfAbsent(r.id(), r);
        }
        return out;
    }

    /** A relationship to a part of the package ({@code target}: its entry name). */
    record Relationship(String id, String type, String target) {
        /** Whether its type is {@code kind}, in the Transitional or Strict namespace. */
        boolean is(String kind) {
            return type.endsWith("/" + kind);
        }
    }

    /** The package's entries by lower-case part name, and the reading of its parts. */
    record Package(ZipFile zip, Map<String, String> entries) {
        static Package of(ZipFile zip) {
            Map<String, String> entries = new HashMap<>();
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (!e.isDirectory()) {
                    entries.putIfAbsent(e.getName().toLowerCase(Locale.ROOT), e.getName());
                }
            }
            return new Package(zip, entries);
        }

        /** The entry of a part name (any case, with or without a leading {@code /}), or null. */
        String entry(String part) {
            return entries.get((part.startsWith("/") ? part.substring(1) : part).toLowerCase(Locale.ROOT));
        }

        /**
         * The relationships of a part ({@code ""}: of the package) to other parts of it, in
         * the order written; external targets and targets missing from the package left out.
         */
        List<Relationship> relationships(String source) {
            int slash = source.lastIndexOf('/');
            String folder = source.substring(0, slash + 1);
            String rels = entry(folder + "_rels/" + source.substring(slash + 1) + ".rels");
            List<Relationship> out = new ArrayList<>();
            if (rels == null) {
                return out;
            }
            try (InputStream in = zip.getInputStream(zip.getEntry(rels))) {
                XMLStreamReader r = XmlText.reader(in);
                try {
                    while (r.hasNext()) {
                        if (r.next() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("Relationship")) {
                            continue;
                        }
                        String id = r.getAttributeValue(null, "Id");
                        String type = r.getAttributeValue(null, "Type");
                        String target = r.getAttributeValue(null, "Target");
                        if (id == null || type == null || target == null
                                || "External".equalsIgnoreCase(r.getAttributeValue(null, "TargetMode"))) {
                            continue;
                        }
                        String part = entry(resolve(folder, target.strip()));
                        if (part == null && target.contains("%")) {
                            // A part name is a URI: 附件.docx may be written %E9%99%84%E4%BB%B6.docx.
                            part = entry(resolve(folder, java.net.URLDecoder.decode(
                                    target.strip().replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)));
                        }
                        if (part != null) {
                            out.add(new Relationship(id.strip(), type.strip(), part));
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

        /**
         * The relationship id ({@code r:id}, Transitional or Strict) and the attribute
         * {@code also} (null: none) of each element named {@code local} in a part, in order.
         */
        List<String[]> elements(String part, String local, String also) {
            List<String[]> out = new ArrayList<>();
            try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
                XMLStreamReader r = XmlText.reader(in);
                try {
                    while (r.hasNext()) {
                        if (r.next() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals(local)) {
                            continue;
                        }
                        String id = null;
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            if (r.getAttributeLocalName(i).equals("id") && ns != null && ns.endsWith("/relationships")) {
                                id = r.getAttributeValue(i).strip();
                            }
                        }
                        out.add(new String[] {id, also == null ? null : r.getAttributeValue(null, also)});
                    }
                } finally {
                    r.close();
                }
            } catch (Exception damaged) {
                // What was read before the damage stands.
            }
            return out;
        }
    }

    /** A relationship target ({@code ../drawings/drawing1.xml} or {@code /xl/...}) as a part name. */
    static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                parts.pollLast();
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
