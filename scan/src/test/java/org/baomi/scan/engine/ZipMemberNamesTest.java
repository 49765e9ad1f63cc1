package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Member names a zip stores without the UTF-8 flag are read in the code page the zip was made in:
 * GBK from Windows' "compressed folder", WinRAR, 360压缩 or 好压 on a Chinese system (read as IBM437
 * before: "机密★10年名单.txt" was "╗·├▄í∩10─Ω├√╡Ñ.txt", its marking never found), Big5 from a
 * traditional-Chinese one, IBM437 still where the names are neither.
 */
class ZipMemberNamesTest extends OneEngineTest {
    private static byte[] zip(Charset names, String... members) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, names)) {
            for (String m : members) {
                z.putNextEntry(new ZipEntry(m));
                z.write("内容：一般工作安排。\n".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private List<String> paths(List<FileResult> results) {
        return results.stream().map(FileResult::path).toList();
    }

    @Test
    void gbkNamesAreReadAsGbkAndJudged() throws Exception {
        List<FileResult> all = engine.scan("资料.zip", zip(Charset.forName("GBK"), "机密★10年名单.txt", "通知/关于开展自查的通知.txt"));
        assertThat(paths(all)).contains("资料.zip!/机密★10年名单.txt", "资料.zip!/通知/关于开展自查的通知.txt");
        assertThat(all.get(0).findings()).anySatisfy(f -> {
            assertThat(f.level()).isEqualTo("机密");
            assertThat(f.location()).isEqualTo("file name");
        });
    }

    @Test
    void big5NamesAreReadAsBig5() throws Exception {
        List<FileResult> all = engine.scan("資料.zip", zip(Charset.forName("Big5"), "機密★10年名單.txt", "關於工作安排的通知.txt"));
        assertThat(paths(all)).contains("資料.zip!/機密★10年名單.txt", "資料.zip!/關於工作安排的通知.txt");
        assertThat(all.get(0).findings()).anyMatch(f -> f.level().equals("机密"));
    }

    @Test
    void westernDosNamesStayIbm437AndFlaggedNamesUtf8() throws Exception {
        assertThat(paths(engine.scan("cv.zip", zip(Charset.forName("IBM437"), "Café.txt", "Résumé.txt"))))
                .contains("cv.zip!/Café.txt", "cv.zip!/Résumé.txt");
        // Well-formed GBK by chance (IBM437 "Ü" is 9A, and 9A62 a GBK character): not Chinese.
        assertThat(paths(engine.scan("de.zip", zip(Charset.forName("IBM437"), "Über.txt", "Ärger.txt"))))
                .contains("de.zip!/Über.txt", "de.zip!/Ärger.txt");
        assertThat(paths(engine.scan("a.zip", zip(StandardCharsets.UTF_8, "机密★10年名单.txt"))))
                .contains("a.zip!/机密★10年名单.txt");
    }

    @Test
    void aGbkZipCutShortHasItsNamesReadToo() throws Exception {
        byte[] whole = zip(Charset.forName("GBK"), "秘密★5年 名单.txt", "其他.txt");
        int directory = 0;
        for (int i = whole.length - 4; i >= 0; i--) {
            if (whole[i] == 'P' && whole[i + 1] == 'K' && whole[i + 2] == 1 && whole[i + 3] == 2) {
                directory = i;
            }
        }
        List<FileResult> all = engine.scan("cut.zip", Arrays.copyOf(whole, directory));
        assertThat(all.get(all.size() - 1).status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(paths(all)).contains("cut.zip!/秘密★5年 名单.txt");
        assertThat(all.get(0).findings()).anyMatch(f -> f.level().equals("秘密") && f.location().equals("file name"));
    }
}
