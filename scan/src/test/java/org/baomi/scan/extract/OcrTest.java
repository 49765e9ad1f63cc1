package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What needs no Tesseract: the tidying of its text, the checks before it runs, the size rule. */
class OcrTest {
    @Test
    void aStarMisreadBetweenALevelAndItsPeriodIsPutBack() {
        assertThat(Ocr.tidy("机密友10 年\n关于做好年度保密自查自评工作的通知")).isEqualTo("机密★10 年\n关于做好年度保密自查自评工作的通知");
        assertThat(Ocr.tidy("绝密 大 30年")).isEqualTo("绝密 ★ 30年");
        assertThat(Ocr.tidy("秘密*6个月")).isEqualTo("秘密★6个月");
        assertThat(Ocr.tidy("内部☆长期")).isEqualTo("内部★长期");
        assertThat(Ocr.tidy("機密云20年")).isEqualTo("機密★20年");
        // One character for one: offsets into Tesseract's text stay right.
        assertThat(Ocr.tidy("机密友10 年")).hasSameSizeAs("机密友10 年");
    }

    @Test
    void nothingElseIsChanged() {
        for (String s : new String[] {"机密★10年", "机密10年", "机密文件10年内销毁", "秘密文件管理制度", "机密级别", "内部审计2024年",
                "机密 10年", "TOP SECRET//NOFORN"}) {
            assertThat(Ocr.tidy(s)).as(s).isEqualTo(s);
        }
    }

    @Test
    void aMissingTesseractIsNamedWithWhatToInstall() {
        assertThatThrownBy(() -> Ocr.tesseract("/nonexistent/tesseract", Ocr.DEFAULT_LANGUAGES))
                .isInstanceOf(Ocr.Unavailable.class)
                .hasMessageStartingWith("--ocr: cannot run '/nonexistent/tesseract'")
                .hasMessageContaining("apt-get install tesseract-ocr tesseract-ocr-chi-sim");
    }

    @Test
    void languagesMustBeTesseractNames() {
        for (String bad : new String[] {"", "chi_sim eng", "chi_sim;rm", "+eng", "chi_sim+", "../eng"}) {
            assertThatThrownBy(() -> Ocr.tesseract("tesseract", bad)).as(bad)
                    .isInstanceOf(Ocr.Unavailable.class)
                    .hasMessageStartingWith("--ocr-languages: '" + bad + "' is not a list of Tesseract languages");
        }
    }

    @Test
    void iconsAreTooSmallAndPostersTooLarge() throws Exception {
        assertThat(Ocr.size(png(32, 32))).isEqualTo(Ocr.Size.TOO_SMALL);
        assertThat(Ocr.size(png(400, 20))).isEqualTo(Ocr.Size.TOO_SMALL); // a rule
        assertThat(Ocr.size(png(200, 80))).isEqualTo(Ocr.Size.READABLE); // a stamp
        assertThat(Ocr.size(png(910, 1287))).isEqualTo(Ocr.Size.READABLE);
        assertThat(Ocr.size(10_000, 9_000)).isEqualTo(Ocr.Size.TOO_LARGE);
        assertThat(Ocr.size(new byte[100])).isEqualTo(Ocr.Size.NOT_A_PICTURE);
        assertThat(Ocr.size("VCLMTF LibreOffice's own metafile".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo(Ocr.Size.NOT_A_PICTURE);
    }

    /** A small scan is enlarged, in grey, to about 300 dpi (2,500 pixels on its long side, at most three times). */
    @Test
    void smallPicturesAreEnlargedForOcr() throws Exception {
        byte[] pgm = Ocr.enlarged(png(497, 702));
        assertThat(new String(pgm, 0, 16, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("P5\n1491 2106\n255");
        byte[] large = png(2600, 100);
        assertThat(Ocr.enlarged(large)).isSameAs(large);
        byte[] half = png(1250, 1000);
        assertThat(new String(Ocr.enlarged(half), 0, 16, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("P5\n2500 2000\n");
    }

    /** A stand-in for tesseract: answers --list-langs, then runs {@code body} for a picture. */
    private static String fakeTesseract(java.nio.file.Path dir, String body) throws Exception {
        java.nio.file.Path f = dir.resolve("tesseract");
        java.nio.file.Files.writeString(f, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then printf 'List of available languages (2):\\nchi_sim\\neng\\n'; exit 0; fi\n"
                + body + "\n");
        assertThat(f.toFile().setExecutable(true)).isTrue();
        return f.toString();
    }

    /**
     * A Tesseract that hangs is killed when the file's time is up, also when several hang at once
     * (one scan thread each): the kill never waits behind a reader of a hung process.
     */
    @Test
    void aHungTesseractIsKilledWhenTheTimeIsUp(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Ocr hung = Ocr.tesseract(fakeTesseract(dir, "cat > /dev/null; exec sleep 60"), Ocr.DEFAULT_LANGUAGES);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Throwable>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    try {
                        hung.read(png(910, 1287), 300_000_000L);
                        return null;
                    } catch (Throwable t) {
                        return t;
                    }
                }));
            }
            for (java.util.concurrent.Future<Throwable> r : runs) {
                assertThat(r.get(20, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(Ocr.TimedOut.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tesseract's own message, without its chatter, says why a picture could not be read. */
    @Test
    void aFailureCarriesTesseractsMessage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Ocr failing = Ocr.tesseract(fakeTesseract(dir,
                "cat > /dev/null; echo 'Estimating resolution as 112' >&2; echo 'Error in pixReadMem: Unknown format: no pix returned' >&2; exit 1"),
                Ocr.DEFAULT_LANGUAGES);
        assertThatThrownBy(() -> failing.read(png(910, 1287), 10_000_000_000L))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("tesseract could not read the picture: Error in pixReadMem: Unknown format: no pix returned");
    }

    private static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }
}
