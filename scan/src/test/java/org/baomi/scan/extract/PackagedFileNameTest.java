package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ANSI name of a packaged file, in the code page of the machine that packaged it. */
class PackagedFileNameTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void chineseNamesInGbkAreDecoded() {
        assertThat(OleExtractor.ansi("机密★10年 名单.txt".getBytes(GBK))).isEqualTo("机密★10年 名单.txt");
        assertThat(OleExtractor.ansi("关于“十四五”规划（征求意见稿）.doc".getBytes(GBK)))
                .isEqualTo("关于“十四五”规划（征求意见稿）.doc");
    }

    @Test
    void westernNamesStayWindows1252() {
        assertThat(OleExtractor.ansi("Café.txt".getBytes(WINDOWS_1252))).isEqualTo("Café.txt");
        assertThat(OleExtractor.ansi("Résumé – final.doc".getBytes(WINDOWS_1252))).isEqualTo("Résumé – final.doc");
        assertThat(OleExtractor.ansi("plan.txt".getBytes(StandardCharsets.US_ASCII))).isEqualTo("plan.txt");
    }

    @Test
    void labelAndFileNameAreReadFromTheStreamHead() {
        byte[] label = "机密方案.txt".getBytes(GBK);
        byte[] path = "C:\\文件\\机密方案.txt".getBytes(GBK);
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(6 + label.length + 1 + path.length + 1 + 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1000).putShort((short) 2)
                .put(label).put((byte) 0).put(path).put((byte) 0);
        assertThat(OleExtractor.ansiNames(head.array())).containsExactly("机密方案.txt", "C:\\文件\\机密方案.txt");
        // Cut off inside the file name: the label alone.
        assertThat(OleExtractor.ansiNames(java.util.Arrays.copyOf(head.array(), 6 + label.length + 3)))
                .containsExactly("机密方案.txt", null);
        assertThat(OleExtractor.ansiNames(new byte[3])).containsExactly(null, null);
    }
}
