package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** OFD pages read as lines a reader sees, and OFD.xml's document information field by field. */
class OfdTextTest {
    private static String page(String layer) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content>"
                + "<ofd:Layer ID=\"1\">" + layer + "</ofd:Layer></ofd:Content></ofd:Page>";
        return OfdText.page(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).text();
    }

    private static String glyph(double x, double y, double size, String text) {
        return "<ofd:TextObject ID=\"1\" Boundary=\"" + x + " " + y + " " + size + " " + size + "\" Size=\"" + size + "\">"
                + "<ofd:TextCode X=\"0\" Y=\"" + size * 0.85 + "\">" + text + "</ofd:TextCode></ofd:TextObject>";
    }

    @Test
    void glyphsOnOneBaselineAreOneLine() throws Exception {
        StringBuilder layer = new StringBuilder();
        String marking = "机密★1年";
        for (int i = 0; i < marking.length(); i++) {
            layer.append(glyph(20 + i * 4.2, 20, 4.2, marking.substring(i, i + 1)));
        }
        // A title lower on the page, in larger characters: a line of its own; spaced out, so with a
        // space (which the matcher ignores between Chinese characters).
        layer.append(glyph(30, 50, 7.5, "关于")).append(glyph(45, 50, 7.5, "通知"));
        assertThat(page(layer.toString())).isEqualTo("机密★1年\n关于 通知");
    }

    @Test
    void aWideGapIsASpaceAndGoingBackLeftIsANewLine() throws Exception {
        String layer = glyph(20, 20, 4, "SECRET") // its boundary is one size wide
                + glyph(20 + 4 + 0.5, 20, 4, "//") // an eighth of a size further: the same word
                + glyph(20 + 8.5 + 1.6, 20, 4, "NOFORN") // two fifths further: a word space
                + glyph(20, 20.5, 4, "Annex") // same baseline within half a size, but back at the left: a new line
                + glyph(20, 26, 4, "B");
        assertThat(page(layer)).isEqualTo("SECRET// NOFORN\nAnnex\nB");
    }

    /**
     * Each glyph drawn through a matrix of its own, as a converter of 公文 wrote this 局 (positions
     * and size in points, the CTM scaling them to millimetres and moving them into the boundary).
     */
    @Test
    void glyphsDrawnThroughTheirOwnMatrixAreMappedIntoThePage() throws Exception {
        StringBuilder layer = new StringBuilder();
        String line = "绝密★长期某局";
        for (int i = 0; i < line.length(); i++) {
            double x = 114.807533 + i * 5.2; // each glyph's boundary 5.2 mm further
            double textX = 324.419 + i * 14.749; // and its position in points further in the object's own space
            double e = -0.3527 * textX; // the matrix moves that position to the boundary's left edge
            layer.append("<ofd:TextObject ID=\"").append(121 + i).append("\" CTM=\"0.3527 0 0 0.3527 ").append(e)
                    .append(" 111.352325\" Boundary=\"").append(x).append(" 185.229584 4.083549 4.733795\" Font=\"16\" Size=\"14.749\">")
                    .append("<ofd:TextCode X=\"").append(textX).append("\" Y=\"-303.723\">").append(line.charAt(i))
                    .append("</ofd:TextCode></ofd:TextObject>");
        }
        // The next line, 10 mm lower.
        layer.append("<ofd:TextObject ID=\"130\" CTM=\"0.3527 0 0 0.3527 -114.42 111.352325\" Boundary=\"114.807533 195.2 4.08 4.73\""
                + " Size=\"14.749\"><ofd:TextCode X=\"324.419\" Y=\"-303.723\">文</ofd:TextCode></ofd:TextObject>");
        // The boundaries are the glyphs' ink, 4.08 of 5.2 mm: the gaps between them are not spaces.
        assertThat(page(layer.toString())).isEqualTo("绝密★长期某局\n文");
    }

    @Test
    void aTextObjectWithSeveralLinesAndOnesWithoutBoundaries() throws Exception {
        String layer = "<ofd:TextObject ID=\"2\" Boundary=\"10 10 100 30\" Size=\"5\">"
                + "<ofd:TextCode X=\"0\" Y=\"5\">第一行</ofd:TextCode><ofd:TextCode X=\"20\">续</ofd:TextCode>"
                + "<ofd:TextCode X=\"0\" Y=\"12\">第二行</ofd:TextCode></ofd:TextObject>"
                + "<ofd:TextObject ID=\"3\"><ofd:TextCode>无位置</ofd:TextCode></ofd:TextObject>"
                + "<ofd:TextObject ID=\"4\" Boundary=\"x y\"><ofd:TextCode X=\"NaN\" Y=\"1\">坏边界</ofd:TextCode></ofd:TextObject>"
                + "<ofd:PathObject ID=\"5\" Boundary=\"0 0 10 10\"><ofd:AbbreviatedData>M 0 0 L 10 10</ofd:AbbreviatedData></ofd:PathObject>";
        assertThat(page(layer)).isEqualTo("第一行续\n第二行\n无位置\n坏边界");
    }

    /** Each annotation a segment of its own: a watermark and a stamp are prominent, others are comments. */
    @Test
    void annotationsAreReadOneByOne() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:PageAnnot xmlns:ofd=\"http://www.ofdspec.org/2016\">"
                + "<ofd:Annot ID=\"1\" Type=\"Watermark\"><ofd:Appearance Boundary=\"0 0 210 297\">" + glyph(60, 140, 20, "机")
                + glyph(80, 140, 20, "密") + "</ofd:Appearance></ofd:Annot>"
                + "<ofd:Annot ID=\"2\" Type=\"Highlight\"><ofd:Remark>此处应定为秘密</ofd:Remark><ofd:Parameters>"
                + "<ofd:Parameter Name=\"fp.NativeSign\">A1B2</ofd:Parameter></ofd:Parameters></ofd:Annot>"
                + "<ofd:Annot ID=\"3\" Type=\"Stamp\"><ofd:Remark>印章</ofd:Remark><ofd:Appearance>" + glyph(0, 0, 5, "CONFIDENTIAL")
                + "</ofd:Appearance></ofd:Annot><ofd:Annot ID=\"4\" Type=\"Link\"/></ofd:PageAnnot>";
        java.util.List<String> segments = new java.util.ArrayList<>();
        OfdText.annotations(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), ", page 3",
                (where, text) -> segments.add(where.label() + " " + where.zone() + ": " + text));
        assertThat(segments).containsExactly("watermark, page 3 HEADER: 机密", "comment COMMENT: 此处应定为秘密\n",
                "stamp, page 3 HEADER: 印章\nCONFIDENTIAL");
    }

    @Test
    void documentInformationIsReadFieldByField() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\">"
                + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>6c1b6a</ofd:DocID><ofd:Title>关于开展检查的通知</ofd:Title>"
                + "<ofd:Author>办公室</ofd:Author><ofd:CreationDate>2026-11-21</ofd:CreationDate><ofd:Keywords>"
                + "<ofd:Keyword>检查</ofd:Keyword><ofd:Keyword>通知</ofd:Keyword></ofd:Keywords><ofd:Creator>OFD Writer</ofd:Creator>"
                + "<ofd:CustomDatas><ofd:CustomData Name=\"密级\">机密</ofd:CustomData><ofd:CustomData Name=\"份号\">000123</ofd:CustomData>"
                + "</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
        assertThat(OfdText.docInfo(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("关于开展检查的通知\n办公室\n检查\n通知\n密级 机密\n份号 000123\n");
    }
}
