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
class MetafilesTest {
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
        for (byte[] picture : new byte[][] {emf(), wmf()}) {
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
