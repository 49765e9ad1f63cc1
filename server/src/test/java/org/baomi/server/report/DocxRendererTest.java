package org.baomi.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxRendererTest {

    private final DocxRenderer renderer = new DocxRenderer();

    @Test
    void theMarkingIsTheFirstLineAndTheSectionsFollowInOrder() throws IOException {
        byte[] bytes = renderer.render(SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.of(SampleReports.MARKING)));

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<XWPFParagraph> paragraphs = docx.getParagraphs();
            assertThat(paragraphs.get(0).getText()).isEqualTo("机密★10年");
            assertThat(paragraphs.get(0).getAlignment().name()).isEqualTo("LEFT");
            assertThat(paragraphs.get(1).getText().replace("\n", "")).isEqualTo("示范市保密局2026年度保密工作自查自评报告");
            List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence(SampleReports.ZH_HEADINGS);
            assertThat(texts.get(texts.size() - 1)).isEqualTo("2026年11月20日");
            assertThat(paragraphs.get(0).getRuns().get(0).getFontFamily(
                    org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
        }
    }

    @Test
    void theScoreTableStandsInSectionSixWithItsHeaderRepeated() throws IOException {
        byte[] bytes = renderer.render(SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.empty()));

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<IBodyElement> body = docx.getBodyElements();
            int six = indexOf(body, "六、自查评分情况");
            int seven = indexOf(body, "七、存在的问题");
            XWPFTable table = docx.getTables().get(0);
            int at = body.indexOf(table);
            assertThat(at).isBetween(six, seven);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("检查类别");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRows()).hasSize(16);
        }
    }

    @Test
    void withoutAMarkingTheTitleComesFirstAndEveryPageIsNumbered() throws IOException {
        byte[] bytes = renderer.render(SampleReports.selfInspection(Locale.ENGLISH, Optional.empty()));

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertThat(docx.getParagraphs().get(0).getText()).startsWith("Self-inspection report");
            String footer = docx.getFooterList().get(0)._getHdrFtr().xmlText();
            assertThat(footer).contains("PAGE");
            assertThat(docx.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
        }
    }

    @Test
    void aLongTitleIsBrokenIntoLinesOfEvenLength() {
        assertThat(DocxRenderer.balancedTitle("示范市保密局2026年度保密工作自查自评报告"))
                .containsExactly("示范市保密局2026年度", "保密工作自查自评报告");
        assertThat(DocxRenderer.balancedTitle("保密工作自查报告")).containsExactly("保密工作自查报告");
        assertThat(DocxRenderer.balancedTitle("Self-inspection report on confidentiality work: Demo City Bureau, 2026"))
                .hasSize(2).allSatisfy(line -> assertThat(line).doesNotEndWith("Bu"));
    }

    private static int indexOf(List<IBodyElement> body, String text) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof XWPFParagraph p && p.getText().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph " + text);
    }
}
