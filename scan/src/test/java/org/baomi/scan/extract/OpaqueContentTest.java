package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * The judgement "these bytes look random" (ADR 0119) holds for ciphertext of every size it
 * judges, and for no text: in each encoding a unit's files use, the text drawn as unevenly as
 * text can be (characters uniformly at random, the most spread a text's bytes get) stays at
 * least 0.15 bit under the line.
 */
class OpaqueContentTest {
    private static final int HEAD = 8192;

    private static boolean judged(byte[] file) {
        byte[] head = Arrays.copyOf(file, Math.min(HEAD, file.length));
        return OpaqueContent.looksRandom(head, head.length);
    }

    /** Entropy over what {@code looksRandom} judges first (after the first KiB), less the line it draws there. */
    private static double marginUnderTheLine(byte[] file) {
        int n = Math.min(HEAD, file.length);
        int from = Math.max(0, Math.min(1024, n - 1024));
        return OpaqueContent.randomEntropy(n - from) - 0.1 - OpaqueContent.entropy(file, from, n);
    }

    @Test
    void randomBytesOfEverySizeJudgedLookRandom() {
        Random random = new Random(42);
        for (int size : new int[] {1024, 1100, 1500, 2048, 3000, 5000, 8192, 100_000}) {
            for (int trial = 0; trial < 200; trial++) {
                byte[] b = new byte[size];
                random.nextBytes(b);
                assertThat(judged(b)).as("%d random bytes, trial %d", size, trial).isTrue();
            }
        }
    }

    @Test
    void tooFewBytesAreNotJudged() {
        byte[] b = new byte[1000];
        new Random(1).nextBytes(b);
        assertThat(judged(b)).isFalse();
    }

    /** A header of its own before the ciphertext: up to a KiB of any content, or half the bytes read. */
    @Test
    void ciphertextBehindAHeaderLooksRandom() {
        Random random = new Random(3);
        for (int header : new int[] {16, 512, 1024, 3000}) {
            byte[] file = new byte[header + 20_000];
            random.nextBytes(file);
            Arrays.fill(file, 0, header, (byte) 0);
            assertThat(judged(file)).as("header of %d bytes", header).isTrue();
        }
    }

    @Test
    void textInNoEncodingLooksRandom() {
        Random random = new Random(5);
        StringBuilder cjk = new StringBuilder();
        StringBuilder gb2312 = new StringBuilder();
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < 8192; i++) {
            cjk.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
            // GB2312's levels 1 and 2: rows 0xB0-0xF7, cells 0xA1-0xFE.
            gb2312.append(new String(new byte[] {(byte) (0xB0 + random.nextInt(0xF7 - 0xB0)), (byte) (0xA1 + random.nextInt(94))},
                    Charset.forName("GB2312")));
            latin.append((char) (0x20 + random.nextInt(0x5F)));
        }
        byte[] noise = new byte[8192];
        random.nextBytes(noise);
        Object[][] texts = {
            {"UTF-8 CJK", cjk.toString().getBytes(StandardCharsets.UTF_8)},
            {"UTF-16LE CJK without a BOM", cjk.toString().getBytes(StandardCharsets.UTF_16LE)},
            {"UTF-16BE CJK without a BOM", cjk.toString().getBytes(StandardCharsets.UTF_16BE)},
            {"GB18030 CJK", cjk.toString().getBytes(Charset.forName("GB18030"))},
            {"GBK from GB2312", gb2312.toString().getBytes(Charset.forName("GBK"))},
            {"Big5", cjk.toString().getBytes(Charset.forName("Big5"))},
            {"printable ASCII", latin.toString().getBytes(StandardCharsets.US_ASCII)},
            {"base64 of random bytes", Base64.getMimeEncoder().encode(noise)},
        };
        for (Object[] t : texts) {
            byte[] bytes = (byte[]) t[1];
            assertThat(judged(bytes)).as((String) t[0]).isFalse();
            assertThat(marginUnderTheLine(bytes)).as("%s: bits under the line", t[0]).isGreaterThan(0.15);
        }
        byte[] bom = cjk.toString().getBytes(StandardCharsets.UTF_16);
        assertThat(judged(bom)).as("UTF-16 with its BOM is text by the BOM").isFalse();
    }

    /** Compressed data looks random too: a format the scanner would read is known by its signature before. */
    @Test
    void rawDeflateLooksRandom() {
        Random random = new Random(9);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            text.append((char) (0x4E00 + random.nextInt(3000)));
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(text.toString().getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        assertThat(judged(out.toByteArray())).isTrue();
    }

    @Test
    void theHeaderIsQuotedOnlyWhenItStartsWithWords() {
        byte[] named = "E-SafeNet\0\0\0LOCK".getBytes(StandardCharsets.US_ASCII);
        assertThat(OpaqueContent.headerWords(named, named.length)).isEqualTo("E-SafeNet");
        byte[] binary = {0x62, 0x14, 0x23, 0x65, 0, 1};
        assertThat(OpaqueContent.headerWords(binary, binary.length)).isNull();
        assertThat(OpaqueContent.extension("a.zip!/目录/方案.DOCX")).isEqualTo("docx");
        assertThat(OpaqueContent.extension("目录.d/README")).isEmpty();
    }
}
