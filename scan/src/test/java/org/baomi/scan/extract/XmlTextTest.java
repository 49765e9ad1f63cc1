package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/** XML parts in every encoding a part may declare; a damaged part fails quietly. */
class XmlTextTest {
    private static String text(byte[] xml) throws XMLStreamException {
        return XmlText.of(new ByteArrayInputStream(xml)).strip();
    }

    private static byte[] bytes(String s, Charset cs) {
        return s.getBytes(cs);
    }

    @Test
    void readsUtf8WithAndWithoutDeclarationOrByteOrderMark() throws Exception {
        assertThat(text(bytes("<p>机密★10年</p>", StandardCharsets.UTF_8))).isEqualTo("机密★10年");
        assertThat(text(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p>机密</p>", StandardCharsets.UTF_8)))
                .isEqualTo("机密");
        assertThat(text(bytes("\uFEFF<?xml version='1.0' encoding='utf-8'?><p>绝密</p>", StandardCharsets.UTF_8))).isEqualTo("绝密");
        assertThat(text(bytes("\uFEFF<p>秘密</p>", StandardCharsets.UTF_8))).isEqualTo("秘密");
    }

    @Test
    void leavesOtherEncodingsToTheParser() throws Exception {
        assertThat(text(bytes("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><p>机密</p>", StandardCharsets.UTF_16LE)))
                .isEqualTo("机密");
        assertThat(text(bytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><p>机密</p>", StandardCharsets.UTF_16)))
                .isEqualTo("机密");
        assertThat(text(bytes("<?xml version=\"1.0\" encoding=\"GBK\"?><p>机密★10年</p>", Charset.forName("GBK"))))
                .isEqualTo("机密★10年");
        assertThat(text(bytes("<?xml version=\"1.0\" encoding = 'ISO-8859-1'?><p>café</p>", StandardCharsets.ISO_8859_1)))
                .isEqualTo("café");
        assertThat(text(bytes("<?xml version=\"1.0\" encoding=\"UTF-16LE\"?><p>机密</p>", StandardCharsets.UTF_16LE)))
                .isEqualTo("机密");
        assertThat(text(bytes("<?xml version=\"1.0\" encoding=\"UTF-16BE\"?><p>机密</p>", StandardCharsets.UTF_16BE)))
                .isEqualTo("机密");
    }

    private static final String MC = "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

    @Test
    void ofAlternateContentOnlyTheFirstChoiceIsRead() throws Exception {
        assertThat(text(bytes("<w:body xmlns:w=\"w\" " + MC + "><w:p><mc:AlternateContent>"
                + "<mc:Choice Requires=\"wps\"><w:p>机密★10年</w:p></mc:Choice>"
                + "<mc:Choice Requires=\"v\"><w:p>机密★10年</w:p></mc:Choice>"
                + "<mc:Fallback><w:p>机密★10年</w:p></mc:Fallback></mc:AlternateContent></w:p>"
                + "<w:p>通知</w:p></w:body>", StandardCharsets.UTF_8))).isEqualTo("机密★10年\n通知");
    }

    @Test
    void theFallbackIsReadWhenThereIsNoChoiceAndNestingIsKeptApart() throws Exception {
        assertThat(text(bytes("<b " + MC + "><mc:AlternateContent><mc:Fallback><p>绝密</p></mc:Fallback></mc:AlternateContent>"
                + "<mc:AlternateContent><mc:Choice><p>外层<mc:AlternateContent><mc:Choice><p>内层</p></mc:Choice>"
                + "<mc:Fallback><p>内层副本</p></mc:Fallback></mc:AlternateContent></p></mc:Choice>"
                + "<mc:Fallback><p>外层副本</p></mc:Fallback></mc:AlternateContent><p>正文</p></b>", StandardCharsets.UTF_8)))
                .isEqualTo("绝密\n外层内层\n正文");
    }

    @Test
    void whereADrawingSitsIsNotText() throws Exception {
        // A text box anchored on a sheet (xdr:from, xdr:to) and positioned on a Word page (wp:positionH).
        assertThat(text(bytes("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" "
                + "xmlns:a=\"a\"><xdr:twoCellAnchor><xdr:from><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff></xdr:from>"
                + "<xdr:to><xdr:col>26</xdr:col></xdr:to><xdr:sp><xdr:txBody><a:p><a:t>机密★10年</a:t></a:p></xdr:txBody>"
                + "</xdr:sp></xdr:twoCellAnchor></xdr:wsDr>", StandardCharsets.UTF_8))).isEqualTo("机密★10年");
        assertThat(text(bytes("<w:p xmlns:w=\"w\" xmlns:wp=\"wp\"><wp:anchor><wp:positionH><wp:align>center</wp:align>"
                + "</wp:positionH><wp:positionV><wp:posOffset>914400</wp:posOffset></wp:positionV><w:t>秘密</w:t></wp:anchor></w:p>",
                StandardCharsets.UTF_8))).isEqualTo("秘密");
        // Elsewhere "from" and "to" are ordinary elements with text.
        assertThat(text(bytes("<mail><from>张三</from><to>李四</to></mail>", StandardCharsets.UTF_8))).isEqualTo("张三李四");
    }

    /** Saved as Strict Open XML (ISO/IEC 29500 Strict), the same parts have other namespaces. */
    @Test
    void strictNamespacesAreReadAsTransitionalOnes() throws Exception {
        for (String ns : java.util.List.of("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
                "http://purl.oclc.org/ooxml/officeDocument/customProperties")) {
            // A custom property by name, as in the other formats: 密级 机密★10年.
            assertThat(text(bytes("<Properties xmlns=\"" + ns + "\" xmlns:vt=\"vt\"><property fmtid=\"{D5CDD505}\" pid=\"2\" "
                    + "name=\"密级\"><vt:lpwstr>机密★10年</vt:lpwstr></property></Properties>", StandardCharsets.UTF_8)))
                    .as(ns).isEqualTo("密级 机密★10年");
        }
        assertThat(text(bytes("<xdr:wsDr xmlns:xdr=\"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing\" xmlns:a=\"a\">"
                + "<xdr:twoCellAnchor><xdr:from><xdr:col>20</xdr:col></xdr:from><xdr:to><xdr:col>26</xdr:col></xdr:to>"
                + "<xdr:sp><xdr:txBody><a:p><a:t>机密★10年</a:t></a:p></xdr:txBody></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>",
                StandardCharsets.UTF_8))).isEqualTo("机密★10年");
    }

    /** Word's watermark: WordArt in the header, the text an attribute of VML's textpath. */
    @Test
    void theTextOfWordArtIsItsTextpathsString() throws Exception {
        assertThat(text(bytes("<w:hdr xmlns:w=\"w\" xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:p><w:r><w:t>办公室</w:t>"
                + "<w:pict><v:shape id=\"PowerPlusWaterMarkObject\" style=\"rotation:315\"><v:textpath on=\"t\" "
                + "string=\"机密\" style=\"font-family:宋体\"/></v:shape></w:pict></w:r><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>",
                StandardCharsets.UTF_8))).isEqualTo("办公室\n机密\n页眉");
        // Only VML's textpath; an element of that name elsewhere is read for its character data.
        assertThat(text(bytes("<a xmlns:x=\"x\"><x:textpath string=\"机密\">路径</x:textpath></a>", StandardCharsets.UTF_8)))
                .isEqualTo("路径");
    }

    @Test
    void anUnknownDeclaredEncodingIsNamed() {
        assertThatThrownBy(() -> text(bytes("<?xml version=\"1.0\" encoding=\"X-NO-SUCH\"?><p>a</p>", StandardCharsets.UTF_8)))
                .isInstanceOf(XMLStreamException.class).hasMessageContaining("'X-NO-SUCH'");
    }

    /** The JDK's parser printed "[Fatal Error] …" on standard error for these before. */
    @Test
    void aDamagedPartThrowsAndPrintsNothing() {
        byte[] good = bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><p>机密文件</p>", StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 8); // inside 件's three bytes
        cut[cut.length - 1] = 'x';
        byte[] lone = good.clone();
        lone[44] = (byte) 0x80; // the lead byte of 密: a lone continuation byte
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> text(cut)).isInstanceOf(XMLStreamException.class);
            assertThatThrownBy(() -> text(lone)).isInstanceOf(XMLStreamException.class);
            // A damaged declaration: an encoding whose decoder then meets bytes it cannot map.
            assertThatThrownBy(() -> text(bytes("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><p>机密</p>",
                    StandardCharsets.UTF_8))).isInstanceOf(XMLStreamException.class);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Alternative text goes to its own consumer, once per branch read of an alternate content, never into the text. */
    @Test
    void alternativeTextIsHandedOnApart() throws Exception {
        String xml = "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'"
                + " xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'"
                + " xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'"
                + " xmlns:v='urn:schemas-microsoft-com:vml'><w:body><w:p><w:r><w:t>正文</w:t></w:r>"
                + "<mc:AlternateContent><mc:Choice><wp:docPr id='1' name='图片 1' title='附图' descr='机密 扫描件'/></mc:Choice>"
                + "<mc:Fallback><v:shape alt='机密 扫描件（VML）'/></mc:Fallback></mc:AlternateContent>"
                + "<w:pict><v:shape alt='绝密 旧版图片'/></w:pict></w:p></w:body></w:document>";
        java.util.List<String> described = new java.util.ArrayList<>();
        String text = XmlText.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), described::add);
        assertThat(text.strip()).isEqualTo("正文");
        assertThat(described).containsExactly("附图", "机密 扫描件", "绝密 旧版图片");
        assertThat(text(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo("正文");
    }
}
