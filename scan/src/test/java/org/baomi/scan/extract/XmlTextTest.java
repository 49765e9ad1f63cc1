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
}
