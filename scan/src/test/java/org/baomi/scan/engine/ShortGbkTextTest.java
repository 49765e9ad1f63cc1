package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A marking in a short GBK text, or in one GBK line among English ones, is found: such files were
 * decoded in the code page the charset detector guessed from letter statistics (IBM866 for
 * "秘密★5年", windows-1252 for a marking line in an English memo) and passed as clean.
 */
class ShortGbkTextTest extends OneEngineTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void aMarkingAloneInAGbkTextFileIsFound() {
        for (String marking : new String[] {"秘密★5年", "机密★10年", "绝密★长期", "工作秘密"}) {
            FileResult r = top("标注.txt", (marking + "\r\n").getBytes(GBK));
            assertThat(r.status()).as(marking).isEqualTo(FileStatus.OK);
            assertThat(r.findings()).as(marking).anySatisfy(f -> {
                assertThat(f.text()).isEqualTo(marking);
                assertThat(f.location()).isEqualTo("line 1");
            });
        }
    }

    @Test
    void aGbkMarkingLineInAnEnglishMemoIsFound() {
        String memo = "Annual report 2026\r\nClassification: 机密★10年\r\n"
                + "The quick brown fox jumps over the lazy dog.\r\n".repeat(40);
        FileResult r = top("memo.txt", memo.getBytes(GBK));
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.location()).isEqualTo("line 2");
            assertThat(f.context()).contains("Classification: 机密★10年");
        });
    }

    @Test
    void aShortGbkMailPartWithoutACharsetIsFound() {
        String head = "From: a@example.com\r\nTo: b@example.com\r\nSubject: notice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] body = "秘密★5年\r\n".getBytes(GBK);
        byte[] mail = new byte[h.length + body.length];
        System.arraycopy(h, 0, mail, 0, h.length);
        System.arraycopy(body, 0, mail, h.length, body.length);
        FileResult r = top("notice.eml", mail);
        assertThat(r.findings()).anyMatch(f -> f.level().equals("秘密"));
    }
}
