package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DXF text values decoded as AutoCAD shows them; an unknown code stays as written. */
class DxfTextTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "{\\fSimSun|b0|i0|c134|p2;机密}★{\\fTxt|b0;10年} => 机密★10年",
            "\\A1;{\\C1;\\H1.5x;绝密}\\P正文 => 绝密⏎正文",
            "\\U+673A\\U+5BC6 => 机密",
            "\\M+5BBFA\\M+5C3DC => 机密",
            "\\M+2BEF7\\M+2B14B => 機密",
            "\\Lunder\\l \\Oover\\o \\Kstruck\\k => under over struck",
            "1\\S1^2;\\~inch => 11/2 inch",
            "\\\\server\\share \\{x\\} => \\server\\share {x}",
            "%%c20 %%d %%p0.1 100%%% %%uTitle%%u %%065 => Ø20 ° ±0.1 100% Title A",
            "C:\\temp\\U+zz \\M+9ABCD => C:\\temp\\U+zz \\M+9ABCD",
            "`\\Q15;斜体\\W0.8;窄` => 斜体窄",
    })
    void decodes(String raw, String shown) {
        assertThat(DxfText.decode(raw)).isEqualTo(shown.replace('⏎', '\n'));
    }
}
