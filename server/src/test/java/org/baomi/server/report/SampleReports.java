package org.baomi.server.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baomi.server.report.InspectionSummaryData.UnitResult;
import org.baomi.server.report.SelfInspectionReportData.CategoryScore;
import org.baomi.server.report.SelfInspectionReportData.Figure;
import org.baomi.server.report.SelfInspectionReportData.Part;
import org.baomi.server.report.SelfInspectionReportData.Rectification;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The report bundle without a Spring context, and a long self-inspection report to render. */
final class SampleReports {

    static final String MARKING = "机密★10年";
    static final List<String> ZH_HEADINGS = List.of("一、基本情况", "二、组织领导", "三、制度建设", "四、宣传教育培训",
            "五、各项管理情况", "六、自查评分情况", "七、存在的问题", "八、整改措施");

    private SampleReports() {}

    static MessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/report");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static ReportDocument selfInspection(Locale language, Optional<String> marking) {
        return new SelfInspectionReportBuilder(messages()).build(data(language, marking, Map.of()));
    }

    static SelfInspectionReportData data(Locale language, Optional<String> marking, Map<Part, String> officerText) {
        boolean zh = language.getLanguage().equals("zh");
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        figures.put(Figure.PEOPLE_TOTAL, 48L);
        figures.put(Figure.PEOPLE_CORE, 6L);
        figures.put(Figure.PEOPLE_IMPORTANT, 14L);
        figures.put(Figure.PEOPLE_GENERAL, 28L);
        figures.put(Figure.CARRIERS_TOTAL, 1260L);
        figures.put(Figure.CARRIERS_SECRET, 310L);
        figures.put(Figure.COMPUTERS_CLASSIFIED, 12L);
        figures.put(Figure.COMPUTERS_OFFICE, 30L);
        figures.put(Figure.COMPUTERS_READING_ROOM, 20L);
        figures.put(Figure.MEDIA_CLASSIFIED, 25L);
        figures.put(Figure.NETWORKS_CLASSIFIED, 1L);
        List<CategoryScore> categories = new ArrayList<>();
        String[] names = zh
                ? new String[] {"保密组织领导", "保密制度建设", "宣传教育培训", "涉密人员管理", "国家秘密确定与变更",
                    "国家秘密载体管理", "密品管理", "要害部门部位管理", "计算机及信息系统管理", "移动存储介质管理",
                    "涉密会议活动管理", "信息公开保密审查", "保密检查与整改", "泄密事件报告与查处"}
                : new String[] {"Organisation and leadership", "Rules", "Education and training",
                    "People with classified access", "Classification and its changes", "Classified carriers",
                    "Classified products", "Key departments and locations", "Computers and information systems",
                    "Removable media", "Classified meetings", "Disclosure review", "Inspections and rectification",
                    "Leak incidents"};
        for (int i = 0; i < names.length; i++) {
            BigDecimal full = BigDecimal.valueOf(i % 3 == 0 ? 10 : 6);
            BigDecimal lost = BigDecimal.valueOf(i % 4 == 1 ? 1.5 : 0);
            categories.add(new CategoryScore(names[i], full, full.subtract(lost), lost.signum() > 0
                    ? (zh ? "部分涉密计算机未及时更新审计日志，部分人员未签订保密承诺书" : "Audit logs not kept on some classified computers")
                    : ""));
        }
        List<String> problems = new ArrayList<>();
        List<Rectification> rectifications = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String problem = zh
                    ? "第" + i + "项：个别部门国家秘密载体清点记录不完整，借阅登记存在漏登现象，未按规定及时归还的载体未及时督促（喆）"
                    : "Item " + i + ": a department's carrier inventory records are incomplete and some loans were not registered";
            problems.add(problem);
            rectifications.add(new Rectification(problem,
                    zh ? "完善载体清点和借阅登记制度，每月核对一次台账。" : "keep the inventory and loan register complete and check it monthly",
                    zh ? "张保密" : "Zhang Baomi", LocalDate.of(2026, 12, 31)));
        }
        return new SelfInspectionReportData(zh ? "示范市保密局" : "Demo City Confidentiality Bureau",
                zh ? "2026年度" : "2026", LocalDate.of(2026, 11, 20), language, marking,
                new BigDecimal("86.5"), ReportGrade.BASICALLY_COMPLIANT, false, categories, figures, problems,
                rectifications, officerText);
    }

    static ReportDocument summary(Locale language) {
        boolean zh = language.getLanguage().equals("zh");
        List<UnitResult> units = List.of(
                new UnitResult(zh ? "示范市教育局" : "Education Bureau", new BigDecimal("93"), ReportGrade.COMPLIANT, false, 0),
                new UnitResult(zh ? "示范市财政局" : "Finance Bureau", new BigDecimal("84.5"), ReportGrade.BASICALLY_COMPLIANT, false, 3),
                new UnitResult(zh ? "示范市档案馆" : "City Archives", new BigDecimal("91"), ReportGrade.NON_COMPLIANT, true, 2));
        return new InspectionSummaryBuilder(messages()).build(new InspectionSummaryData(
                zh ? "示范市保密局" : "Demo City Confidentiality Bureau", zh ? "2026年度" : "2026",
                LocalDate.of(2026, 11, 20), language, Optional.of(MARKING), units,
                List.of(zh ? "载体借阅登记不完整" : "Loan registers incomplete"), Optional.empty()));
    }
}
