package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SheetHeadersTest {
    @Test
    void formattingCodesGoSectionsBecomeSpacesAndTheTextStays() {
        assertThat(SheetHeaders.text("&C秘密★1年")).isEqualTo("秘密★1年");
        assertThat(SheetHeaders.text("&\"Times New Roman,Regular\"&12&A")).isEmpty();
        assertThat(SheetHeaders.text("&L&\"宋体,加粗\"&14绝密&R第&P页 共&N页")).isEqualTo("绝密 第页 共页");
        assertThat(SheetHeaders.text("&KFF0000机密&B&I R&&D")).isEqualTo("机密 R&D");
        assertThat(SheetHeaders.text("plain")).isEqualTo("plain");
        assertThat(SheetHeaders.text(null)).isEmpty();
    }
}
