package org.baomi.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    /** The long sample report: 8 parts, a 15-row score table, 8 problems and 8 rectifications. */
    static final int SAMPLE_PAGES = 6;

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void theChineseHeadingsCanBeExtractedInOrder() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(
                SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.of(SampleReports.MARKING))))) {
            String text = new PDFTextStripper().getText(pdf).replace("\n", "");
            List<Integer> at = new ArrayList<>();
            for (String heading : SampleReports.ZH_HEADINGS) {
                assertThat(text).contains(heading);
                at.add(text.indexOf(heading));
            }
            assertThat(at).isSorted();
            assertThat(text).contains("示范市保密局现有涉密计算机12台、非涉密办公计算机30台、阅览室计算机20台。");
        }
    }

    @Test
    void everyFontIsEmbeddedAsASubset() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(
                SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.empty())))) {
            int fonts = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
                            .as("TrueType font program of %s", font.getName()).isNotNull();
                    // a subset's name carries a six-letter tag: ABCDEF+BaomiReportSerifSC
                    assertThat(font.getName()).matches("[A-Z]{6}\\+BaomiReport.*");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void aLongReportRunsToTheExpectedPagesWithTheMarkingTopLeftOfPageOne() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(
                SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.of(SampleReports.MARKING))))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(SAMPLE_PAGES);
            List<TextPosition> first = firstPositions(pdf, 1);
            String start = first.stream().limit(6).map(TextPosition::getUnicode).reduce("", String::concat);
            assertThat(start).isEqualTo("机密★10年");
            TextPosition m = first.get(0);
            assertThat(m.getXDirAdj()).isCloseTo(PdfRenderer.LEFT, org.assertj.core.data.Offset.offset(1f));
            assertThat(m.getYDirAdj()).isLessThan(PdfRenderer.TOP + PdfRenderer.LINE);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(SAMPLE_PAGES);
            last.setEndPage(SAMPLE_PAGES);
            assertThat(last.getText(pdf)).contains("示范市保密局（盖章）", "2026年11月20日", "— " + SAMPLE_PAGES + " —");
        }
    }

    @Test
    void anEnglishReportAndAnInspectionSummaryRenderToo() throws IOException {
        try (PDDocument en = Loader.loadPDF(renderer.render(SampleReports.selfInspection(Locale.ENGLISH, Optional.empty())));
                PDDocument summary = Loader.loadPDF(renderer.render(SampleReports.summary(Locale.SIMPLIFIED_CHINESE)))) {
            String english = new PDFTextStripper().getText(en).replace("\n", " ");
            assertThat(english).contains("8. Rectification measures", "30 office computers and 20 reading-room");
            String text = new PDFTextStripper().getText(summary).replace("\n", "");
            assertThat(text).startsWith("机密★10年").contains("二、各单位得分情况", "示范市档案馆", "未完成整改");
        }
    }

    @Test
    void aCharacterTheFontLacksIsReplacedNotFatal() throws IOException {
        // 喆 is outside GB2312, so outside the embedded subset.
        try (PDDocument pdf = Loader.loadPDF(renderer.render(
                SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.empty())))) {
            String text = new PDFTextStripper().getText(pdf).replace("\n", "");
            assertThat(text).doesNotContain("喆").contains("未及时督促（□）");
        }
    }

    private static List<TextPosition> firstPositions(PDDocument pdf, int page) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                positions.addAll(textPositions);
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return positions;
    }
}
