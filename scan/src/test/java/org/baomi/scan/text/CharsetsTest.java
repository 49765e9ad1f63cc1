package org.baomi.scan.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Detection of legacy encodings on the samples that matter here: a few Chinese words, a marking
 * line among English lines. juniversalchardet, asked alone, calls each of the GBK samples below a
 * single-byte code page (IBM866, TIS620, KOI8-R, WINDOWS-1252), and the marking is then lost.
 */
class CharsetsTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static String roundTrip(String text, Charset written) {
        byte[] b = text.getBytes(written);
        return new String(b, Charsets.detect(b, b.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"机密★10年", "机密★10年\n", "秘密★5年", "绝密★长期", "工作秘密", "秘密", "秘 密",
            "机密★1年 关于", "密级：秘密★5年\r\n编号：001", "保密期限：10年", "附件：名单.xls",
            "Annual report 2026\nClassification: 机密★10年\nThe quick brown fox jumps over the lazy dog.\n"})
    void shortGbkTextIsReadAsGbk(String text) {
        assertThat(roundTrip(text, GBK)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"秘密★5年", "工作秘密", "國家機密", "絕密★長期", "機密", "保密期限：10年",
            "Report\nClassification: 機密★10年\n"})
    void shortBig5TextIsReadAsBig5(String text) {
        assertThat(roundTrip(text, BIG5)).isEqualTo(text);
    }

    /** Text that cannot be GBK keeps the detector's answer: the rule adds no misreading of real Western or Cyrillic text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "windows-1252|Le café est très bon. Où est la bibliothèque? Ça va très bien, merci. Déjà vu à Noël.",
            "windows-1251|Привет, как дела? Это простой текст на русском языке для проверки кодировки.",
            "KOI8-R|Привет, как дела? Это простой текст на русском языке."})
    void textThatCannotBeChineseKeepsItsCodePage(String charset, String text) {
        assertThat(roundTrip(text + "\n", Charset.forName(charset))).isEqualTo(text + "\n");
    }
}
