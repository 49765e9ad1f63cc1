package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A mail's text in the charset it declares, as mail programs read it: {@code gb2312} read as GBK
 * (mailers declare the one and write the other), and a charset the JDK has no decoder for read
 * as detected, not the whole message unreadable.
 */
class MailCharsetTest extends OneEngineTest {
    private static byte[] mail(String charset, byte[] body) {
        return mailOf("text/plain; charset=" + charset, body);
    }

    private static byte[] mailOf(String contentType, byte[] body) {
        String head = "From: a@example.com\r\nTo: b@example.com\r\nSubject: notice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    @Test
    void gb2312IsReadAsGbk() {
        // 镕 is in GBK, not in GB2312: a strict GB2312 decoder ends the name in U+FFFD. (Jakarta
        // Mail read it so already; the scanner's own decoding must keep it.)
        byte[] body = "朱镕基同志：\n机密★10年\n".getBytes(Charset.forName("GBK"));
        FileResult r = top("notice.eml", mail("gb2312", body));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).anyMatch(f -> f.level().equals("机密") && f.context().contains("朱镕基"));
    }

    @Test
    void aCharsetWithoutADecoderIsDetected() {
        // Was: unreadable, "UnsupportedEncodingException: x-user-defined".
        for (String label : new String[] {"x-user-defined", "\"gb-2312-typo\""}) {
            FileResult r = top("notice.eml", mail(label, "机密★10年\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).as(label).isEqualTo(FileStatus.OK);
            assertThat(r.findings()).as(label).anyMatch(f -> f.level().equals("机密"));
        }
    }

    @Test
    void aPartWithoutACharsetInGbkIsDetected() {
        byte[] body = "关于加强保密工作的通知\n机密★10年\n各单位：请于本周内完成自查。\n".getBytes(Charset.forName("GBK"));
        FileResult r = top("notice.eml", mailOf("text/plain", body));
        assertThat(r.findings()).anyMatch(f -> f.level().equals("机密"));
    }

    /**
     * A rich-text body (what Outlook keeps of a message written in RTF, and how a message from an
     * Outlook data file comes out when it has no other body) is read as RTF, not as its source:
     * the marking written in RTF's escapes is found, and no control word is taken for text.
     */
    @Test
    void aRichTextBodyIsReadAsRtf() {
        String rtf = "{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 SimSun;}}\\f0\\fs24 "
                + "\\u26426?\\u23494?\\u9733?10\\u24180?\\par \\'b9\\'d8\\'d3\\'da\\'cd\\'a8\\'d6\\'aa\\par}";
        FileResult r = top("notice.eml", mailOf("text/rtf", rtf.getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(f.context()).doesNotContain("\\u").doesNotContain("fonttbl");
        });
    }

    /**
     * Older Chinese mail clients and systems write the subject and an attachment's name in raw
     * GBK, not in RFC 2047's encoded words; read as ISO-8859-1 their markings were lost.
     */
    @Test
    void rawGbkSubjectAndAttachmentNameAreRead() throws Exception {
        java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
        Charset gbk = Charset.forName("GBK");
        m.write("From: a@example.com\r\nTo: b@example.com\r\nSubject: ".getBytes(StandardCharsets.US_ASCII));
        m.write("关于秘密★5年材料的通知".getBytes(gbk));
        m.write(("\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nsee attached\r\n--XX\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"")
                .getBytes(StandardCharsets.US_ASCII));
        m.write("机密★10年名单.txt".getBytes(gbk));
        m.write("\"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8K\r\n--XX--\r\n".getBytes(StandardCharsets.US_ASCII));
        java.util.List<FileResult> all = engine.scan("notice.eml", m.toByteArray());
        assertThat(all).extracting(FileResult::path).contains("notice.eml!/机密★10年名单.txt");
        assertThat(all.get(0).findings()).anyMatch(f -> f.level().equals("机密") && f.location().equals("file name"));
        assertThat(all.get(all.size() - 1).findings()).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("秘密");
            assertThat(f.location()).isEqualTo("subject");
            assertThat(f.context()).contains("关于秘密★5年材料的通知");
        });
    }

    @Test
    void encodedWordsStayAsTheySay() {
        byte[] mail = ("From: a@example.com\r\nSubject: =?ISO-8859-1?Q?R=E9sum=E9?= =?UTF-8?B?5py65a+G4piFMTDlubQ=?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        FileResult r = top("cv.eml", mail);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.location()).isEqualTo("subject");
            assertThat(f.context()).contains("Résumé").contains("机密★10年");
        });
    }
}
