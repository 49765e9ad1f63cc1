package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.baomi.scan.engine.Limits;
import org.baomi.scan.engine.Location;
import org.junit.jupiter.api.Test;

class UnreadPagesTest {
    @Test
    void runsOfPagesAreWrittenAsRanges() {
        assertThat(UnreadPages.ranges(List.of(3))).isEqualTo("3");
        assertThat(UnreadPages.ranges(List.of(3, 4))).isEqualTo("3, 4");
        assertThat(UnreadPages.ranges(List.of(3, 4, 5, 8, 10, 11, 12))).isEqualTo("3–5, 8, 10–12");
    }

    @Test
    void onlyADocumentReadInPartGetsANote() {
        List<String> notes = new ArrayList<>();
        ExtractionContext ctx = new ExtractionContext() {
            @Override
            public void text(Location location, CharSequence text) {
            }

            @Override
            public void nested(String name, java.io.InputStream in, long declaredSize, long compressedSize) {
            }

            @Override
            public void partlyRead(String note) {
                notes.add(note);
            }

            @Override
            public Limits limits() {
                return Limits.defaults();
            }

            @Override
            public void checkDeadline() {
            }
        };
        UnreadPages none = new UnreadPages();
        none.report(5, ctx);
        UnreadPages all = new UnreadPages();
        all.add(1);
        all.add(2);
        all.report(2, ctx); // a scan: skipped by its extractor, not "partly read"
        assertThat(notes).isEmpty();
        UnreadPages some = new UnreadPages();
        some.add(7); // an OFD's pages arrive in the package's order
        some.add(2);
        some.add(3);
        some.report(9, ctx);
        assertThat(notes).containsExactly("pages 2, 3, 7 of 9 hold only pictures or drawn outlines (scanned pages, or text "
                + "converted to curves?): not read; look at them or OCR them (baomi scan --ocr)");
        notes.clear();
        UnreadPages watermarked = new UnreadPages();
        watermarked.lettered(4);
        watermarked.lettered(1);
        watermarked.lettered(4); // the same page named once
        watermarked.lettered(2);
        watermarked.report(9, ctx);
        assertThat(notes).containsExactly("pages 1, 2, 4 have words drawn across them as outlines, as a watermark is: not read; "
                + "look at them or OCR them (baomi scan --ocr)");
    }
}
