package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/**
 * XML and web pages exported by Chinese systems in GBK: without a declaration (the XML was
 * {@code unreadable}, "Invalid byte 1 of 1-byte UTF-8 sequence"; the page's Chinese became U+FFFD
 * and its marking was lost), declaring {@code gb2312} and holding a GBK-only character (镕: a
 * strict GB2312 decoder fails on it), or declaring UTF-8 and not being it.
 */
class UndeclaredCharsetTest extends OneEngineTest {
    private static final Charset GBK = Charset.forName("GBK");

    private void found(String name, String content) {
        FileResult r = top(name, content.getBytes(GBK));
        assertThat(r.status()).as(name).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).as(name).anySatisfy(f -> {
            assertThat(f.text()).isEqualTo("秘密★5年");
            assertThat(f.context()).contains("朱镕基");
        });
    }

    @Test
    void gbkXmlWithoutAnEncodingIsRead() {
        found("export.xml", "<?xml version=\"1.0\"?>\n<records><r><name>朱镕基</name><level>秘密★5年</level></r></records>\n");
        found("export2.xml", "<records><r><name>朱镕基</name><level>秘密★5年</level></r></records>\n");
    }

    @Test
    void xmlDeclaringGb2312IsReadAsGbk() {
        found("export.xml", "<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<records><r>朱镕基 秘密★5年</r></records>\n");
    }

    @Test
    void gbkPagesAreReadWhateverTheyDeclare() {
        String body = "<body><p>朱镕基 秘密★5年</p><p>通知</p></body></html>";
        found("none.html", "<html><head><title>t</title></head>" + body);
        found("gb2312.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>" + body);
        found("wrong.html", "<html><head><meta charset=\"utf-8\"></head>" + body);
    }
}
