package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What each part of an OOXML package is, by its content type ({@code [Content_Types].xml}:
 * {@code Override} by part name, else {@code Default} by extension; ECMA-376 Part 2, 10.1.2).
 *
 * <p>Part names are a writer's choice: Word for the web saves its body as
 * {@code word/document2.xml}. The content type says what a part is whatever it is called, so
 * the body, headers, footers, comments and notes are read as such; where a package declares no
 * type for a part, callers fall back on the usual names. Part names compare without regard to
 * ASCII case, as the standard says.
 */
final class OpcContentTypes {
    static final String PART = "[Content_Types].xml";
    private static final String WML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    private static final String SML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    private static final String PML = "application/vnd.openxmlformats-officedocument.presentationml.";

    /** What a part of a word-processing document holds, for the text it has. */
    enum WordPart { BODY, HEADER, FOOTER, COMMENTS, NOTES }

    /**
     * What a part of a workbook or presentation holds, or any package's properties, by its
     * declared type; {@code OTHER} for a type declared for something else (styles, a theme,
     * the comments' authors), which is then not read whatever its name.
     */
    enum Kind { WORKSHEET, COMMENTS, DRAWING, SLIDE, NOTES, MASTER, CHART, DIAGRAM, PROPERTIES, OTHER }

    private static final String DML = "application/vnd.openxmlformats-officedocument.drawingml.";

    private static final OpcContentTypes NONE = new OpcContentTypes(Map.of(), Map.of());

    private final Map<String, String> overrides;
    private final Map<String, String> defaults;

    private OpcContentTypes(Map<String, String> overrides, Map<String, String> defaults) {
        this.overrides = overrides;
        this.defaults = defaults;
    }

    /**
     * The package's content types; none when it has no {@code [Content_Types].xml} or the part
     * cannot be parsed (the names are then all there is to go by).
     */
    static OpcContentTypes of(ZipFile zip) {
        ZipArchiveEntry e = zip.getEntry(PART);
        if (e == null) {
            return NONE;
        }
        Map<String, String> overrides = new HashMap<>();
        Map<String, String> defaults = new HashMap<>();
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = XmlText.reader(in);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String type = r.getAttributeValue(null, "ContentType");
                if (type == null) {
                    continue;
                }
                type = type.trim().toLowerCase(Locale.ROOT);
                if (r.getLocalName().equals("Override")) {
                    String part = r.getAttributeValue(null, "PartName");
                    if (part != null) {
                        overrides.put(partKey(part), type);
                    }
                } else if (r.getLocalName().equals("Default")) {
                    String ext = r.getAttributeValue(null, "Extension");
                    if (ext != null) {
                        defaults.put(ext.trim().toLowerCase(Locale.ROOT), type);
                    }
                }
            }
        } catch (Exception damaged) {
            return NONE;
        }
        return new OpcContentTypes(overrides, defaults);
    }

    private static String partKey(String part) {
        String p = part.trim();
        return (p.startsWith("/") ? p.substring(1) : p).toLowerCase(Locale.ROOT);
    }

    /** The content type of a part (its zip entry name), lower case; null when none is declared. */
    String type(String entryName) {
        String key = partKey(entryName);
        String t = overrides.get(key);
        if (t != null) {
            return t;
        }
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return dot > slash ? defaults.get(key.substring(dot + 1)) : null;
    }

    /**
     * Which kind of document the package's main part declares — Word, Excel, PowerPoint or Visio,
     * including templates, macro-enabled files and slide shows — or null.
     */
    Format mainFormat() {
        for (String t : overrides.values()) {
            Format f = mainOf(t);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static Format mainOf(String t) {
        if (t.equals(WML + "document.main+xml") || t.equals(WML + "template.main+xml")
                || t.equals("application/vnd.ms-word.document.macroenabled.main+xml")
                || t.equals("application/vnd.ms-word.template.macroenabledtemplate.main+xml")) {
            return Format.DOCX;
        }
        if (t.equals(SML + "sheet.main+xml") || t.equals(SML + "template.main+xml")
                || t.equals("application/vnd.ms-excel.sheet.macroenabled.main+xml")
                || t.equals("application/vnd.ms-excel.template.macroenabled.main+xml")
                || t.equals("application/vnd.ms-excel.addin.macroenabled.main+xml")) {
            return Format.XLSX;
        }
        if (t.equals(PML + "presentation.main+xml") || t.equals(PML + "slideshow.main+xml")
                || t.equals(PML + "template.main+xml")
                || t.equals("application/vnd.ms-powerpoint.presentation.macroenabled.main+xml")
                || t.equals("application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml")
                || t.equals("application/vnd.ms-powerpoint.template.macroenabled.main+xml")) {
            return Format.PPTX;
        }
        // Visio's drawings, templates and stencils, macro-enabled or not (MS-VSDX 2.1.1).
        if (t.startsWith("application/vnd.ms-visio.") && t.endsWith(".main+xml")) {
            return Format.VSDX;
        }
        return null;
    }

    /** What a part of a word-processing document holds by its declared type; null when not text or not declared. */
    WordPart wordPart(String entryName) {
        String t = type(entryName);
        if (t == null) {
            return null;
        }
        if (mainOf(t) == Format.DOCX) {
            return WordPart.BODY;
        }
        return switch (t) {
            case WML + "header+xml" -> WordPart.HEADER;
            case WML + "footer+xml" -> WordPart.FOOTER;
            case WML + "comments+xml" -> WordPart.COMMENTS;
            case WML + "footnotes+xml", WML + "endnotes+xml" -> WordPart.NOTES;
            default -> null;
        };
    }

    /**
     * What a part holds by its declared type, or null when its type is not declared or says
     * only that it is XML ({@code application/xml}, as a package's {@code Default} for the
     * extension does): then only its name tells.
     */
    Kind kind(String entryName) {
        String t = type(entryName);
        if (t == null || t.equals("application/xml") || t.equals("text/xml")) {
            return null;
        }
        return switch (t) {
            case SML + "worksheet+xml" -> Kind.WORKSHEET;
            case SML + "comments+xml", "application/vnd.ms-excel.threadedcomments+xml",
                 PML + "comments+xml", "application/vnd.ms-powerpoint.comments+xml",
                 "application/vnd.ms-visio.comments+xml" -> Kind.COMMENTS;
            case "application/vnd.openxmlformats-officedocument.drawing+xml" -> Kind.DRAWING;
            case PML + "slide+xml" -> Kind.SLIDE;
            case PML + "notesslide+xml" -> Kind.NOTES;
            case PML + "slidemaster+xml", PML + "slidelayout+xml", PML + "notesmaster+xml",
                 PML + "handoutmaster+xml" -> Kind.MASTER;
            case DML + "chart+xml", "application/vnd.ms-office.chartex+xml" -> Kind.CHART;
            case DML + "diagramdata+xml" -> Kind.DIAGRAM;
            case "application/vnd.openxmlformats-package.core-properties+xml",
                 "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                 "application/vnd.openxmlformats-officedocument.custom-properties+xml" -> Kind.PROPERTIES;
            default -> Kind.OTHER;
        };
    }

    /** What a part holds by the name Word gives it; for parts whose package declares no type. */
    static WordPart wordPartByName(String name) {
        if (name.equals("word/document.xml")) {
            return WordPart.BODY;
        }
        if (name.matches("word/header\\d*\\.xml")) {
            return WordPart.HEADER;
        }
        if (name.matches("word/footer\\d*\\.xml")) {
            return WordPart.FOOTER;
        }
        if (name.matches("word/comments\\w*\\.xml")) {
            return WordPart.COMMENTS;
        }
        if (name.matches("word/(footnotes|endnotes)\\.xml")) {
            return WordPart.NOTES;
        }
        return null;
    }
}
