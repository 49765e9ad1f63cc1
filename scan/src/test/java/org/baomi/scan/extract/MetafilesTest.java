package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Text drawn by WMF and EMF pictures, taken from documents LibreOffice wrote. */
public class MetafilesTest {
    private static Path real(String name) throws Exception {
        return Path.of(MetafilesTest.class.getResource("/org/baomi/scan/real/" + name).toURI());
    }

    /** The EMF picture LibreOffice keeps beside an embedded sheet in a docx. */
    private static byte[] emf() throws Exception {
        try (ZipFile zip = new ZipFile(real("marked-objectinmemo.docx").toFile());
             InputStream in = zip.getInputStream(zip.getEntry("word/media/image1.emf"))) {
            return in.readAllBytes();
        }
    }

    /** The WMF picture (with an EMF copy in its comments) that is all LibreOffice's RTF keeps of the sheet. */
    private static byte[] wmf() throws Exception {
        String rtf = Files.readString(real("marked-objectinmemo.rtf"), StandardCharsets.ISO_8859_1);
        int start = rtf.indexOf("\\wmetafile8") + "\\wmetafile8".length();
        int end = rtf.indexOf('}', start);
        return HexFormat.of().parseHex(rtf.substring(start, end).replaceAll("\\s", ""));
    }

    @Test
    void readsTheTextBothPicturesDraw() throws Exception {
        for (byte[] picture : new byte[][] {emf(), wmf()}) {
            assertThat(Metafiles.isMetafile(picture)).isTrue();
            assertThat(Metafiles.text(picture)).contains("科室").contains("办公室").contains("机密★ 10 年");
        }
    }

    /**
     * An EMF whose text is ANSI (EMR_EXTTEXTOUTA), as older Office and WPS on a Chinese system
     * write it: the bytes are GBK, the code page of the GB2312 font selected before them.
     * Built record by record as MS-EMF lays them out (POI cannot write EMF).
     */
    public static byte[] ansiEmf(boolean selectFont, String... texts) {
        java.io.ByteArrayOutputStream records = new java.io.ByteArrayOutputStream();
        int count = 2; // header and end of file
        // EMR_EXTCREATEFONTINDIRECTW: object 1, a LOGFONTW with GB2312_CHARSET (134), face 宋体.
        java.nio.ByteBuffer font = le(8 + 4 + 92).putInt(82).putInt(8 + 4 + 92).putInt(1)
                .putInt(-16).putInt(0).putInt(0).putInt(0).putInt(400)
                .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 134)
                .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        font.put("宋体".getBytes(StandardCharsets.UTF_16LE));
        records.writeBytes(font.array());
        count++;
        if (selectFont) {
            records.writeBytes(le(12).putInt(37).putInt(12).putInt(1).array()); // EMR_SELECTOBJECT
            count++;
        }
        for (String text : texts) {
            byte[] gbk = text.getBytes(java.nio.charset.Charset.forName("GBK"));
            int padded = (gbk.length + 3) & ~3;
            int size = 76 + padded + 4 * gbk.length;
            java.nio.ByteBuffer b = le(size).putInt(83).putInt(size) // EMR_EXTTEXTOUTA
                    .putInt(0).putInt(0).putInt(100).putInt(20)    // bounds
                    .putInt(1).putFloat(1f).putFloat(1f)            // GM_COMPATIBLE, scale
                    .putInt(10).putInt(10)                          // reference point
                    .putInt(gbk.length).putInt(76).putInt(2)        // chars, offString, ETO_OPAQUE
                    .putInt(0).putInt(0).putInt(100).putInt(20)    // rectangle
                    .putInt(76 + padded);                           // offDx
            b.put(gbk).position(76 + padded);
            for (int i = 0; i < gbk.length; i++) {
                b.putInt(8);
            }
            records.writeBytes(b.array());
            count++;
        }
        byte[] body = records.toByteArray();
        int total = 88 + body.length + 20;
        java.nio.ByteBuffer header = le(88).putInt(1).putInt(88)      // EMR_HEADER
                .putInt(0).putInt(0).putInt(100).putInt(20)           // bounds
                .putInt(0).putInt(0).putInt(2646).putInt(529)         // frame, .01 mm
                .putInt(0x464D4520).putInt(0x10000).putInt(total).putInt(count)
                .putShort((short) 2).putShort((short) 0).putInt(0).putInt(0).putInt(0)
                .putInt(1024).putInt(768).putInt(270).putInt(203);    // device, millimetres
        java.nio.ByteBuffer eof = le(20).putInt(14).putInt(20).putInt(0).putInt(16).putInt(20);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(body);
        all.writeBytes(eof.array());
        return all.toByteArray();
    }

    private static java.nio.ByteBuffer le(int size) {
        return java.nio.ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void ansiTextIsReadInTheCodePageOfTheSelectedFont() {
        byte[] emf = ansiEmf(true, "机密★10年", "关于印发工作方案的通知");
        assertThat(Metafiles.isMetafile(emf)).isTrue();
        assertThat(Metafiles.text(emf)).isEqualTo("机密★10年 关于印发工作方案的通知 ");
    }

    /** No font selected: the default code page (Windows-1252) is all a reader can assume. */
    @Test
    void ansiTextWithoutASelectedFontIsNotGuessed() {
        assertThat(Metafiles.text(ansiEmf(false, "机密"))).doesNotContain("机密").isNotBlank();
    }

    /**
     * A WMF as older Office and WPS write one, record by record (MS-WMF 2.3): a Chinese font
     * (GB2312_CHARSET) and a Western one created, the Chinese one selected, its text drawn in
     * GBK; the Chinese font deleted, a pen created in its freed slot, the Western font
     * selected and a title drawn. Objects have no explicit numbers in a WMF: each takes the
     * lowest free slot.
     */
    static byte[] ansiWmf() {
        java.io.ByteArrayOutputStream records = new java.io.ByteArrayOutputStream();
        records.writeBytes(wmfFont(134, "宋体"));     // slot 0
        records.writeBytes(wmfFont(0, "Arial"));      // slot 1
        records.writeBytes(wmfRecord(0x012D, le(2).putShort((short) 0).array())); // META_SELECTOBJECT 0
        records.writeBytes(wmfText("机密★10年".getBytes(java.nio.charset.Charset.forName("GBK"))));
        records.writeBytes(wmfRecord(0x01F0, le(2).putShort((short) 0).array())); // META_DELETEOBJECT 0
        records.writeBytes(wmfRecord(0x02FA, le(10).putShort((short) 0).putInt(1).putInt(0).array())); // a pen, slot 0
        records.writeBytes(wmfRecord(0x012D, le(2).putShort((short) 1).array())); // META_SELECTOBJECT 1
        records.writeBytes(wmfText("Caf\u00e9 list".getBytes(java.nio.charset.Charset.forName("windows-1252"))));
        records.writeBytes(wmfRecord(0x0000, new byte[0]));                        // META_EOF
        byte[] body = records.toByteArray();
        java.nio.ByteBuffer header = le(18).putShort((short) 1).putShort((short) 9).putShort((short) 0x0300)
                .putInt((18 + body.length) / 2).putShort((short) 2).putInt(64).putShort((short) 0);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(body);
        return all.toByteArray();
    }

    private static byte[] wmfRecord(int function, byte[] params) {
        return le(6 + params.length).putInt((6 + params.length) / 2).putShort((short) function).put(params).array();
    }

    private static byte[] wmfFont(int charset, String face) {
        byte[] name = java.util.Arrays.copyOf(face.getBytes(java.nio.charset.Charset.forName("GBK")), 32);
        java.nio.ByteBuffer f = le(18 + 32).putShort((short) -16).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 400).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) charset)
                .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put(name);
        return wmfRecord(0x02FB, f.array()); // META_CREATEFONTINDIRECT
    }

    private static byte[] wmfText(byte[] text) {
        int padded = (text.length + 1) & ~1;
        java.nio.ByteBuffer t = le(2 + padded + 4).putShort((short) text.length).put(text);
        t.position(2 + padded);
        t.putShort((short) 10).putShort((short) 10);
        return wmfRecord(0x0521, t.array()); // META_TEXTOUT
    }

    @Test
    void wmfTextIsReadInTheCodePageOfTheFontSelectedBySlot() {
        byte[] wmf = ansiWmf();
        assertThat(Metafiles.isMetafile(wmf)).isTrue();
        assertThat(Metafiles.text(wmf)).isEqualTo("机密★10年 Caf\u00e9 list ");
    }

    @Test
    void otherBytesAreNoPicture() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 0};
        assertThat(Metafiles.isMetafile(png)).isFalse();
        assertThat(Metafiles.text(png)).isEmpty();
        assertThat(Metafiles.text(new byte[0])).isEmpty();
    }

    /** A damaged picture yields what could be read, never an exception. */
    @Test
    void aDamagedPictureNeverThrows() throws Exception {
        Random random = new Random(5);
        for (byte[] picture : new byte[][] {emf(), wmf(), ansiEmf(true, "机密★10年"), ansiWmf()}) {
            for (int round = 0; round < 300; round++) {
                byte[] b = picture.clone();
                if (round % 3 == 0) {
                    b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                } else {
                    for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
                assertThat(Metafiles.text(b)).isNotNull();
            }
        }
    }
}
