package org.baomi.scan.extract;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;
import org.baomi.scan.text.Charsets;

/**
 * AutoCAD drawings exchanged as DXF (ASCII): the text a drawing shows — TEXT, MTEXT, attributes
 * (a title block's 密级 field), dimension overrides, table cells, leader text — read from its group
 * codes, one entity a line (an MTEXT's paragraphs as lines), as {@code drawing} (model space),
 * {@code layout} (paper space) or {@code block NAME} (a block's definition: the title block
 * template); the drawing's properties (DWGPROPS: title, subject, author, comments, keywords,
 * custom fields; AutoCAD 2004 and later keep the custom ones in the header) as {@code metadata}. What AutoCAD stores around the words is decoded, so a marking
 * split by it is whole again: MTEXT formatting ({@code {\fSimSun|b0|i0|c134|p2;机密}★{\fTxt;10年}},
 * {@code \P} paragraphs, stacked fractions), {@code \U+673A} (a character outside the drawing's code
 * page), {@code \M+5BBFA} (a double-byte character of code page 936, 950, 932, 949 or 1361, as
 * older AutoCAD wrote Chinese), {@code %%d %%p %%c %%u}. The charset: UTF-8 from AutoCAD 2007 on
 * ({@code $ACADVER} AC1021+), else the {@code $DWGCODEPAGE} a CJK drawing names, else detected from
 * the bytes (a drawing that says ANSI_1252 and holds GBK, as converters write). Before this reader a
 * DXF was read as plain text: the group codes and numbers of its geometry with the words, and none
 * of the above decoded (docs/adr/0127).
 */
public final class DxfExtractor implements Extractor {
    private static final int SAMPLE = 64 << 10;
    private static final String METADATA = "metadata";
    private static final int CHECK_EVERY = 4096;
    private static final Pattern DXF_START = Pattern.compile("^(999\\r?\\n[^\\n]*\\n\\s*)?0\\r?\\n\\s*section\\r?\\n");
    private static final Pattern CODE_PAGE = Pattern.compile("\\$DWGCODEPAGE\\s*\\r?\\n\\s*3\\s*\\r?\\n\\s*(\\S+)");
    private static final Pattern VERSION = Pattern.compile("\\$ACADVER\\s*\\r?\\n\\s*1\\s*\\r?\\n\\s*AC(\\d{4})");

    /** Whether a text file's start ({@code lead}: leading blanks stripped, lower case) is an ASCII DXF's. */
    static boolean isDxf(String lead) {
        return DXF_START.matcher(lead).find();
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        byte[] sample;
        try (InputStream in = source.open()) {
            sample = in.readNBytes(SAMPLE);
        }
        Charset charset = charset(sample);
        Map<String, StringBuilder> segments = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(source.open(), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
            String section = "";
            String entity = "";
            String block = "";
            boolean paper = false;
            boolean properties = false;
            String variable = "";
            String tag = "";
            StringBuilder text = new StringBuilder();
            long line = 0;
            String codeLine;
            while ((codeLine = r.readLine()) != null) {
                line++;
                String value = r.readLine();
                if (value == null) {
                    if (codeLine.isBlank()) {
                        break;
                    }
                    throw ExtractionProblem.unreadable("DXF cut short: group code " + codeLine.strip() + " at line " + line
                            + " has no value");
                }
                int code;
                try {
                    code = Integer.parseInt(codeLine.strip());
                } catch (NumberFormatException e) {
                    throw ExtractionProblem.unreadable("DXF: a group code expected at line " + line + ", found \""
                            + abbreviate(codeLine) + "\"");
                }
                line++;
                if (line % CHECK_EVERY == 0) {
                    ctx.checkDeadline();
                }
                if (code == 0) {
                    flush(text, block, paper, segments);
                    entity = value.strip();
                    paper = false;
                    properties = false;
                    if (entity.equals("ENDSEC")) {
                        section = "";
                    } else if (entity.equals("ENDBLK")) {
                        block = "";
                    }
                    continue;
                }
                if (code == 2 && entity.equals("SECTION")) {
                    section = value.strip();
                } else if (code == 2 && entity.equals("BLOCK")) {
                    block = value.strip();
                } else if (code == 67) {
                    paper = value.strip().equals("1");
                } else if (section.equals("HEADER")) {
                    // Of the header, the custom properties AutoCAD 2004 and later keep there (密级 = 机密).
                    if (code == 9) {
                        variable = value.strip();
                    } else if (code == 1 && variable.equals("$CUSTOMPROPERTYTAG")) {
                        tag = DxfText.decode(value).strip();
                    } else if (code == 1 && variable.equals("$CUSTOMPROPERTY") && !value.isBlank()) {
                        property(tag + " ", value, segments);
                    }
                } else if (section.equals("OBJECTS")) {
                    // Of the objects, only the drawing's properties (the DWGPROPS record): the others are
                    // settings (plot, styles, dictionaries) and other programs' data.
                    if (code == 1 && value.strip().equals("DWGPROPS COOKIE")) {
                        properties = entity.equals("XRECORD");
                    } else if (properties && (code >= 2 && code <= 9 || code >= 300 && code <= 309) && !value.isBlank()) {
                        property(PROPERTY.getOrDefault(code, ""), value, segments);
                    }
                } else if ((section.equals("ENTITIES") || section.equals("BLOCKS")) && isText(code, entity) && !value.isBlank()) {
                    text.append(value);
                    if (!(entity.equals("MTEXT") && code == 3)) {
                        text.append('\n'); // an MTEXT's code-3 chunks run on into its code 1
                    }
                }
            }
            flush(text, block, paper, segments);
        }
        for (Map.Entry<String, StringBuilder> s : segments.entrySet()) {
            ctx.text(s.getKey().equals(METADATA) ? Location.of(METADATA, Zone.METADATA)
                    : Location.body(s.getKey(), false), s.getValue());
        }
    }

    private static final Map<Integer, String> PROPERTY = Map.of(2, "title ", 3, "subject ", 4, "author ", 6, "comments ",
            7, "keywords ", 8, "last saved by ", 9, "revision ");

    /** Group codes that hold the words an entity shows: its text, an MTEXT's chunks, table cells, leader text, xdata strings. */
    private static boolean isText(int code, String entity) {
        return code == 1 || code == 3 && (entity.equals("MTEXT") || entity.equals("ATTDEF")) || code == 302 || code == 304
                || code == 1000;
    }

    /** One of the drawing's properties, {@code name} before its value, a line of {@code metadata}. */
    private static void property(String name, String value, Map<String, StringBuilder> segments) {
        segments.computeIfAbsent(METADATA, k -> new StringBuilder()).append(name).append(DxfText.decode(value).strip())
                .append('\n');
    }

    /** Hands the text of the entity just read to its place: an entity's own, or its block's. */
    private static void flush(StringBuilder text, String block, boolean paper, Map<String, StringBuilder> segments) {
        if (text.isEmpty()) {
            return;
        }
        String where;
        if (block.isEmpty() || block.regionMatches(true, 0, "*Model_Space", 0, 12)) {
            where = paper ? "layout" : "drawing";
        } else if (block.regionMatches(true, 0, "*Paper_Space", 0, 12)) {
            where = "layout";
        } else if (block.startsWith("*")) {
            where = "drawing"; // anonymous blocks: a dimension's or a table's drawn parts
        } else {
            where = "block " + block;
        }
        StringBuilder to = segments.computeIfAbsent(where, k -> new StringBuilder());
        to.append(DxfText.decode(text));
        if (to.charAt(to.length() - 1) != '\n') {
            to.append('\n');
        }
        text.setLength(0);
    }

    /** The drawing's charset: see the class comment. */
    static Charset charset(byte[] sample) {
        String head = new String(sample, StandardCharsets.ISO_8859_1);
        Matcher v = VERSION.matcher(head);
        if (v.find() && Integer.parseInt(v.group(1)) >= 1021) {
            return StandardCharsets.UTF_8;
        }
        Matcher cp = CODE_PAGE.matcher(head);
        if (cp.find()) {
            Charset declared = switch (cp.group(1).toUpperCase(Locale.ROOT)) {
                case "ANSI_936", "GB2312" -> Charset.forName("GB18030");
                case "ANSI_950", "BIG5" -> Charset.forName("Big5-HKSCS");
                case "ANSI_932", "DOS932" -> Charset.forName("windows-31j");
                case "ANSI_949", "KSC5601" -> Charset.forName("x-windows-949");
                default -> null;
            };
            if (declared != null) {
                return declared;
            }
        }
        return Charsets.detect(sample, sample.length);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
