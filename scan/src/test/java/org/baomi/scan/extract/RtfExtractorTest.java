package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baomi.scan.engine.Limits;
import org.baomi.scan.engine.Location;
import org.junit.jupiter.api.Test;

/** The RTF reader: code pages, Unicode escapes, destinations, and where text goes. */
class RtfExtractorTest {
    private static Map<String, String> read(String rtf) throws Exception {
        return read(rtf.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> read(byte[] rtf) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        new RtfExtractor().extract(new Source.InMemory("t.rtf", rtf),
                new ExtractionContext() {
                    @Override
                    public void text(Location location, CharSequence text) {
                        out.merge(location.label(), text.toString().strip(), (a, b) -> a + "|" + b);
                    }

                    @Override
                    public void nested(String name, InputStream in, long declaredSize, long compressedSize) {
                    }

                    @Override
                    public Limits limits() {
                        return null;
                    }

                    @Override
                    public void checkDeadline() {
                    }
                });
        return out;
    }

    /** Reads {@code rtf} with objects held in memory up to {@code inMemory} bytes; returns the nested files' bytes by name. */
    private static Map<String, byte[]> objects(String rtf, long inMemory) throws Exception {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        new RtfExtractor().extract(new Source.InMemory("t.rtf", rtf.getBytes(StandardCharsets.US_ASCII)),
                new ExtractionContext() {
                    @Override
                    public void text(Location location, CharSequence text) {
                    }

                    @Override
                    public void nested(String name, InputStream in, long declaredSize, long compressedSize)
                            throws java.io.IOException {
                        nested.put(name, in.readAllBytes());
                    }

                    @Override
                    public Limits limits() {
                        Limits d = Limits.defaults();
                        return new Limits(d.maxDepth(), d.maxFileBytes(), d.maxExpandedBytes(), d.maxRatio(), d.timeout(),
                                d.maxFindings(), inMemory);
                    }

                    @Override
                    public void checkDeadline() {
                    }
                });
        return nested;
    }

    /** An OLE 1 stream: version, embedded, class, empty topic and item, then the native data; in hex. */
    private static String ole1Hex(String className, byte[] data) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32 + className.length() + data.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0501).putInt(2).putInt(className.length() + 1).put(className.getBytes(StandardCharsets.US_ASCII))
                .put((byte) 0).putInt(0).putInt(0).putInt(data.length).put(data);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < b.position(); i++) {
            hex.append(String.format("%02X", b.get(i) & 0xFF)).append(i % 40 == 39 ? "\n" : "");
        }
        return hex.toString();
    }

    @Test
    void anEmbeddedObjectsNativeDataIsHandedOnAsAFileWhetherHeldInMemoryOrSpilled() throws Exception {
        byte[] data = new byte[5000];
        new java.util.Random(3).nextBytes(data);
        String rtf = "{\\rtf1 Text{\\object\\objemb{\\*\\objclass Excel.Sheet.8}{\\*\\objdata " + ole1Hex("Excel.Sheet.8", data)
                + "}{\\result text}}{\\object{\\*\\objdata " + ole1Hex("Word.Document.8", new byte[] {1, 2, 3}) + "}}\\par}";
        long tempsBefore = temps();
        for (long inMemory : new long[] {1 << 20, 100}) {
            Map<String, byte[]> nested = objects(rtf, inMemory);
            assertThat(nested.keySet()).containsExactly("object 1", "object 2");
            assertThat(nested.get("object 1")).isEqualTo(data);
            assertThat(nested.get("object 2")).containsExactly(1, 2, 3);
        }
        assertThat(temps()).as("temporary files left").isEqualTo(tempsBefore);
    }

    @Test
    void aDamagedOrCutObjectIsHandedOnAsItIsAndNothingIsLeftBehind() throws Exception {
        long tempsBefore = temps();
        // Not an OLE 1 header: the bytes themselves, for the scan to report for what they are.
        assertThat(objects("{\\rtf1{\\object{\\*\\objdata 414243}}}", 1 << 20).get("object 1")).containsExactly('A', 'B', 'C');
        // Linked (format 1), not embedded: no file in it.
        assertThat(objects("{\\rtf1{\\object{\\*\\objdata 0105000001000000}}}", 1 << 20)).isEmpty();
        // Cut short inside the data, spilled to disk: what there is, and the temporary file removed.
        String cut = "{\\rtf1{\\object{\\*\\objdata " + ole1Hex("Excel.Sheet.8", new byte[3000]);
        assertThat(objects(cut.substring(0, cut.length() - 1000), 100).get("object 1")).hasSizeLessThan(3000);
        assertThat(temps()).as("temporary files left").isEqualTo(tempsBefore);
    }

    private static long temps() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".objdata")).count();
        }
    }

    @Test
    void gbkWrittenAsEscapesIsDecodedInTheFontsCodePage() throws Exception {
        // As Word and WPS write Chinese: GB2312 font (fcharset134), each byte an escape.
        assertThat(read("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}"
                + "{\\f1\\fswiss Arial;}}\\f0 \\'bb\\'fa\\'c3\\'dc\\'a1\\'ef10\\'c4\\'ea\\f1  Memo\\par}"))
                .containsEntry("paragraph", "机密★10年 Memo");
        // Only the document's code page named.
        assertThat(read("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0 SimSun;}}\\f0 \\'be\\'f8\\'c3\\'dc\\par}"))
                .containsEntry("paragraph", "绝密");
        // Big5.
        assertThat(read("{\\rtf1\\ansi{\\fonttbl{\\f0\\fcharset136 MingLiU;}}\\f0 \\'be\\'f7\\'b1\\'4b\\par}"))
                .containsEntry("paragraph", "機密");
        // Raw (unescaped) GBK bytes in the text, as some generators write them.
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        raw.writeBytes("{\\rtf1\\ansi\\ansicpg936 ".getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes("机密".getBytes(java.nio.charset.Charset.forName("GBK")));
        raw.writeBytes("\\par}".getBytes(StandardCharsets.US_ASCII));
        assertThat(read(raw.toByteArray())).containsEntry("paragraph", "机密");
    }

    @Test
    void unicodeEscapesSkipTheirFallback() throws Exception {
        assertThat(read("{\\rtf1\\ansi\\uc1 \\u26426?\\u23494\\'3f\\u9733?10\\u24180?\\par}"))
                .containsEntry("paragraph", "机密★10年");
        assertThat(read("{\\rtf1\\ansi\\uc2 \\u31192\\'c3\\'d8\\u23494\\'c3\\'dc\\par}"))
                .containsEntry("paragraph", "秘密");
        // A fallback cut short by the end of its group: what follows the group is text.
        assertThat(read("{\\rtf1\\ansi{\\uc2 \\u26426?}X\\par}")).containsEntry("paragraph", "机X");
        // A negative parameter is the upper half of the 16-bit range.
        assertThat(read("{\\rtf1\\ansi\\u-3840?\\par}")).containsEntry("paragraph", "\uF100");
    }

    @Test
    void headersFootersCommentsNotesAndPropertiesAreTheirOwnLocations() throws Exception {
        Map<String, String> t = read("{\\rtf1\\ansi{\\info{\\title Quarterly \\u26426?\\u23494?}{\\author A}"
                + "{\\creatim\\yr2026\\mo1\\dy2}}{\\header \\pard \\u32477?\\u23494? header\\par}{\\footerf Footer text\\par}"
                + "Body{\\*\\atnid X}{\\*\\atnauthor Y}\\chatn{\\*\\annotation{\\*\\atnref 1}\\pard Comment text}"
                + " more{\\footnote Note text}\\par}");
        assertThat(t).containsEntry("header", "绝密 header").containsEntry("footer", "Footer text")
                .containsEntry("comment", "Comment text").containsEntry("note", "Note text")
                .containsEntry("paragraph", "Body more");
        assertThat(t.get("metadata")).contains("Quarterly 机密").contains("A").doesNotContain("2026");
    }

    @Test
    void theUnicodeTwinOfAPropertyIsReadAndItsAnsiTwinIsNot() throws Exception {
        assertThat(read("{\\rtf1\\ansi{\\info{\\upr{\\title \\'3f\\'3f}{\\*\\ud{\\title \\u31192\\'3f\\u23494\\'3f}}}}x\\par}"))
                .containsEntry("metadata", "秘密");
    }

    @Test
    void destinationsWithoutTextAndBinaryDataAreSkipped() throws Exception {
        Map<String, String> t = read("{\\rtf1\\ansi{\\fonttbl{\\f0 Times;}}{\\colortbl;\\red0\\green0\\blue0;}"
                + "{\\stylesheet{\\s0 Normal;}}{\\*\\generator Writer;}{\\*\\unknowndest secret stuff}"
                + "{\\pict\\pngblip 89504e47}{\\object{\\*\\objdata 0102}}{\\field{\\*\\fldinst HYPERLINK \"x\"}"
                + "{\\fldrslt link text}}\\bin4 {}}} after\\par}");
        assertThat(t).containsEntry("paragraph", "link text after");
    }

    /** A watermark as Word and LibreOffice write it: WordArt in the header, its text a shape property. */
    @Test
    void theTextOfWordArtIsReadAndOtherShapePropertiesAreNot() throws Exception {
        Map<String, String> t = read("{\\rtf1\\ansi{\\header \\pard Office{\\shp{\\*\\shpinst\\shpleft0"
                + "{\\sp{\\sn shapeType}{\\sv 136}}{\\sp{\\sn gtextUNICODE}{\\sv \\u26426\\'3f\\u23494\\'3f}}"
                + "{\\sp{\\sn gtextFont}{\\sv Noto Sans CJK SC}}{\\sp{\\sn wzName}{\\sv PowerPlusWaterMarkObject}}}"
                + "{\\shprslt{\\pict\\wmetafile8 0100}}} header text\\par}Body\\par}");
        assertThat(t).containsEntry("header", "Office\n机密\n header text").containsEntry("paragraph", "Body");
        // The same property where the text around it is skipped (an unknown ignorable destination).
        assertThat(read("{\\rtf1\\ansi{\\*\\unknown{\\sp{\\sn gtextUNICODE}{\\sv 机密}}}Body\\par}"))
                .containsOnlyKeys("paragraph").containsEntry("paragraph", "Body");
        // Property names are compared whole.
        assertThat(read("{\\rtf1\\ansi{\\shp{\\*\\shpinst{\\sp{\\sn gtextUNICODEx}{\\sv 机密}}}}Body\\par}"))
                .containsEntry("paragraph", "Body");
    }

    @Test
    void hiddenTextEscapedSymbolsAndTabsAreKept() throws Exception {
        assertThat(read("{\\rtf1\\ansi {\\v hidden}\\tab a\\{b\\}c\\\\d\\~e\\line f\\par}"))
                .containsEntry("paragraph", "hidden\ta{b}c\\d\u00A0e\nf");
    }

    @Test
    void hostileNestingAndTruncationEndQuietly() throws Exception {
        assertThat(read("{\\rtf1 " + "{".repeat(200_000) + "x" + "}".repeat(10) + " \\'b")).containsKey("paragraph");
        assertThat(read("{\\rtf1\\ansi\\u")).isEmpty();
        assertThat(read("{\\rtf1\\ansi\\bin999999999 abc")).isEmpty();
    }
}
