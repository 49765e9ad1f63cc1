package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AutoCAD drawings as DXF (docs/adr/0127): the words a drawing shows, decoded as AutoCAD shows
 * them. Read as plain text before, a Chinese marking written as {@code \U+} or {@code \M+} escapes
 * was no finding at all and one split by MTEXT font codes was low. The first drawings are ezdxf's
 * ({@code real/make_dxf.py}); the others are written here for what ezdxf does not write.
 */
class DxfTest extends OneEngineTest {
    private static byte[] real(String name) throws Exception {
        try (InputStream in = DxfTest.class.getResourceAsStream("/org/baomi/scan/real/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<Finding> shown(FileResult r) {
        return r.findings().stream().filter(f -> f.confidence().compareTo(Confidence.MEDIUM) >= 0).toList();
    }

    /** A drawing of the given header variables and entities, each entity as group code / value pairs. */
    private static byte[] dxf(Charset charset, String header, String entities, String objects) {
        String s = "  0\nSECTION\n  2\nHEADER\n" + header + "  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n" + entities
                + "  0\nENDSEC\n" + (objects.isEmpty() ? "" : "  0\nSECTION\n  2\nOBJECTS\n" + objects + "  0\nENDSEC\n")
                + "  0\nEOF\n";
        return s.replace("\n", "\r\n").getBytes(charset);
    }

    private static String text(String value, boolean paper) {
        return "  0\nTEXT\n  5\n2A\n  8\n0\n" + (paper ? " 67\n1\n" : "") + " 10\n0.0\n 20\n0.0\n 40\n2.5\n  1\n" + value + "\n";
    }

    @Test
    void escapedCharactersOfAnR12DrawingAreRead() throws Exception {
        FileResult r = top("图纸.dxf", real("dxf-r12-escaped.dxf"));
        assertThat(r.mediaType()).isEqualTo("image/vnd.dxf");
        assertThat(shown(r)).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("机密★10年");
            assertThat(f.location()).isEqualTo("drawing");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
    }

    @Test
    void aMarkingSplitByMtextFontCodesIsWholeInAGbkDrawingThatSays1252() throws Exception {
        FileResult r = top("设计.dxf", real("dxf-r2000-gbk.dxf"));
        assertThat(shown(r)).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("秘密★5年");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(f.context()).doesNotContain("\\f", "{", "\\P");
        });
    }

    @Test
    void aTitleBlockAttributeAndACustomPropertyAreRead() throws Exception {
        FileResult r = top("总图.dxf", real("dxf-r2018-block.dxf"));
        assertThat(shown(r)).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("绝密");
            assertThat(f.location()).isEqualTo("drawing");
        }).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.location()).isEqualTo("metadata");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
    }

    @Test
    void proseThatMentionsALevelIsNotFlaggedNorTheGeometry() throws Exception {
        FileResult r = top("说明.dxf", real("dxf-clean.dxf"));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(shown(r)).isEmpty();
    }

    @Test
    void doubleByteEscapesOfOlderAutocadAndPaperSpaceAndDrawingProperties() throws Exception {
        // 机密 in GBK is BB FA C3 DC: \M+5BBFA\M+5C3DC, as AutoCAD R14 wrote Chinese into a 1252 drawing.
        String header = "  9\n$ACADVER\n  1\nAC1015\n  9\n$DWGCODEPAGE\n  3\nANSI_1252\n";
        String entities = text("\\M+5BBFA\\M+5C3DC%%d", true) + text("%%u\\M+5C3D8\\M+5C3DC%%u", false);
        String objects = "  0\nXRECORD\n  5\n1F\n100\nAcDbXrecord\n280\n1\n  1\nDWGPROPS COOKIE\n  2\n某型号总装图\n  3\n"
                + "\\U+7EDD\\U+5BC6\\U+2605\\U+957F\\U+671F\n  4\n张三\n";
        FileResult r = top("旧图.dxf", dxf(StandardCharsets.US_ASCII, header, entities, objects));
        assertThat(shown(r)).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.location()).isEqualTo("layout");
        }).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("秘密");
            assertThat(f.location()).isEqualTo("drawing");
        }).anySatisfy(f -> {
            assertThat(f.text()).isEqualTo("绝密★长期");
            assertThat(f.location()).isEqualTo("metadata");
            assertThat(f.context()).contains("subject");
        });
    }

    @Test
    void aDeclaredChineseCodePageIsUsed() throws Exception {
        String header = "  9\n$ACADVER\n  1\nAC1018\n  9\n$DWGCODEPAGE\n  3\nANSI_936\n";
        FileResult r = top("图.dxf", dxf(Charset.forName("GBK"), header, text("工作秘密", false), ""));
        assertThat(shown(r)).singleElement().satisfies(f -> assertThat(f.text()).isEqualTo("工作秘密"));
    }

    @Test
    void aDamagedDrawingIsUnreadableNamingTheLine() {
        byte[] bad = "  0\r\nSECTION\r\n  2\r\nENTITIES\r\n  0\r\nTEXT\r\nxx\r\n机密\r\n".getBytes(StandardCharsets.UTF_8);
        FileResult r = top("坏.dxf", bad);
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("line 7", "xx");
    }
}
