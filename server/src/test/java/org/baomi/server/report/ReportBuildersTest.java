package org.baomi.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baomi.server.report.ReportDocument.Block;
import org.baomi.server.report.ReportDocument.BulletList;
import org.baomi.server.report.ReportDocument.Paragraph;
import org.baomi.server.report.ReportDocument.Section;
import org.baomi.server.report.ReportDocument.Subheading;
import org.baomi.server.report.ReportDocument.Table;
import org.baomi.server.report.SelfInspectionReportData.Part;
import org.junit.jupiter.api.Test;

class ReportBuildersTest {

    @Test
    void theSelfInspectionReportFollowsTheStandardOrderInChinese() {
        ReportDocument doc = SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.of(SampleReports.MARKING));

        assertThat(doc.sections()).extracting(Section::heading).containsExactlyElementsOf(SampleReports.ZH_HEADINGS);
        assertThat(doc.title()).isEqualTo("示范市保密局2026年度保密工作自查自评报告");
        assertThat(doc.marking()).contains("机密★10年");
        assertThat(doc.signature()).containsExactly("示范市保密局（盖章）", "2026年11月20日");
    }

    @Test
    void theManagementAreasCarryTheLedgerFigures() {
        List<Block> management = SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.empty())
                .sections().get(4).blocks();

        assertThat(management).filteredOn(Subheading.class::isInstance).extracting(b -> ((Subheading) b).text())
                .containsExactly("（一）涉密人员管理", "（二）国家秘密载体管理", "（三）计算机及信息系统管理",
                        "（四）移动存储介质管理", "（五）涉密网络管理");
        assertThat(texts(management)).contains(
                "示范市保密局现有涉密计算机12台、非涉密办公计算机30台、阅览室计算机20台。");
    }

    @Test
    void inEnglishTheFiguresReadAsASentence() {
        ReportDocument doc = SampleReports.selfInspection(Locale.ENGLISH, Optional.empty());

        assertThat(doc.sections().get(0).heading()).isEqualTo("1. Basic situation");
        assertThat(texts(doc.sections().get(4).blocks())).contains(
                "Demo City Confidentiality Bureau has 12 classified computers, 30 office computers and 20 reading-room computers.",
                "Demo City Confidentiality Bureau has one classified network.");
        assertThat(doc.signature()).containsExactly("Demo City Confidentiality Bureau (seal)", "20 November 2026");
    }

    @Test
    void theScoreTableHasARowPerCategoryAndATotal() {
        ReportDocument doc = SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.empty());
        Table table = (Table) doc.sections().get(5).blocks().stream().filter(Table.class::isInstance).findFirst().orElseThrow();

        assertThat(table.header()).containsExactly("序号", "检查类别", "应得分", "实得分", "扣分说明");
        assertThat(table.rows()).hasSize(15);
        assertThat(table.rows().get(14)).containsExactly("", "合计", "104", "98", "");
        assertThat(texts(doc.sections().get(5).blocks())).contains(
                "本次自查按适用检查项的满分折算为百分制，得分86.5分，评定等级为“基本符合”。");
    }

    @Test
    void theOfficersTextReplacesTheGeneratedIntroduction() {
        ReportDocument doc = new SelfInspectionReportBuilder(SampleReports.messages()).build(SampleReports.data(
                Locale.SIMPLIFIED_CHINESE, Optional.empty(),
                Map.of(Part.ORGANISATION, "成立了以局长为组长的保密工作领导小组。\n\n配备专职保密干部2名。")));

        assertThat(doc.sections().get(1).blocks()).containsExactly(
                new Paragraph("成立了以局长为组长的保密工作领导小组。"), new Paragraph("配备专职保密干部2名。"));
    }

    @Test
    void theDraftTextIsWhatTheReportPrintsWhenTheOfficerWritesNothing() {
        SelfInspectionReportBuilder builder = new SelfInspectionReportBuilder(SampleReports.messages());
        SelfInspectionReportData data = SampleReports.data(Locale.SIMPLIFIED_CHINESE, Optional.empty(), Map.of());

        assertThat(builder.build(data).sections().get(0).blocks())
                .containsExactly(new Paragraph(builder.draftText(data, Part.BASIC_SITUATION)));
        assertThat(builder.draftText(data, Part.BASIC_SITUATION)).contains("示范市保密局", "2026年度");
    }

    @Test
    void rectificationsNameMeasuresOwnerAndDeadline() {
        ReportDocument doc = SampleReports.selfInspection(Locale.SIMPLIFIED_CHINESE, Optional.empty());
        BulletList list = (BulletList) doc.sections().get(7).blocks().get(1);

        assertThat(list.items()).hasSize(8);
        assertThat(list.items().get(0)).endsWith("：完善载体清点和借阅登记制度，每月核对一次台账。责任人：张保密；完成时限：2026年12月31日。");
    }

    @Test
    void theInspectionSummaryCountsTheGradesAndListsEachUnit() {
        ReportDocument doc = SampleReports.summary(Locale.SIMPLIFIED_CHINESE);

        assertThat(texts(doc.sections().get(0).blocks())).containsExactly(
                "2026年度共检查3个单位，其中“符合”1个、“基本符合”1个、“不符合”1个（存在否决项的1个）；尚未完成整改的问题共5个。");
        Table table = (Table) doc.sections().get(1).blocks().get(0);
        assertThat(table.header()).containsExactly("序号", "单位", "得分", "等级", "否决项", "未完成整改");
        assertThat(table.rows().get(2)).containsExactly("3", "示范市档案馆", "91", "不符合", "是", "2");
    }

    @Test
    void aTableRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> new Table(List.of("a", "b"), List.of(List.of("1")), List.of(1, 1)))
                .hasMessageContaining("row 1 has 1 cells, the header has 2");
    }

    private static List<String> texts(List<Block> blocks) {
        return blocks.stream().filter(Paragraph.class::isInstance).map(b -> ((Paragraph) b).text()).toList();
    }
}
