package org.baomi.server.assessment.report;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.assessment.AssessmentTestStandard;
import org.baomi.server.report.PageImages;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The report of a unit's assessment on a real database: the draft generated from the results and the
 * ledgers, the officer's edits kept as versions and audited, the marking checked, the PDF and docx
 * exported with what the draft says, and who may do what.
 */
abstract class ReportDraftTest {

    static final List<String> ZH_HEADINGS = List.of("一、基本情况", "二、组织领导", "三、制度建设", "四、宣传教育培训",
            "五、各项管理情况", "六、自查评分情况", "七、存在的问题", "八、整改措施");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    String unitName;
    long unit;
    TestAccount officer;
    TestAccount unitHead;
    TestAccount cleared;
    TestAccount inspector;
    TestAccount auditor;
    TestAccount otherOfficer;
    long standardId;

    @BeforeEach
    void aUnitWithPeopleAndAStandard() throws Exception {
        unitName = Fixtures.unique("报告单位");
        unit = fixtures.unit(unitName, fixtures.rootUnit());
        officer = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.SECRECY_OFFICER);
        unitHead = fixtures.account(unit, SecretRelatedLevel.CORE, Role.UNIT_HEAD);
        cleared = fixtures.account(unit, SecretRelatedLevel.GENERAL, Role.CLEARED_PERSON);
        fixtures.person(unit, Fixtures.unique("核心"), SecretRelatedLevel.CORE);
        inspector = fixtures.account(fixtures.rootUnit(), Role.INSPECTOR);
        auditor = fixtures.account(fixtures.rootUnit(), Role.SECURITY_AUDITOR);
        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        otherOfficer = fixtures.account(other, Role.SECRECY_OFFICER);
        MockMultipartFile file = new MockMultipartFile("file", "std.yaml", "application/yaml",
                AssessmentTestStandard.yaml("r" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        String json = mvc.perform(multipart("/api/v1/standards").file(file).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        standardId = Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    long open(int year) throws Exception {
        String json = mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standardId\":" + standardId + ",\"unitId\":" + unit + ",\"year\":" + year + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    void score(long id, String item, String finding, String points, String note) throws Exception {
        mvc.perform(put("/api/v1/assessments/" + id + "/items/" + item).with(csrf()).with(fixtures.as(officer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"finding\":\"" + finding + "\""
                        + (points == null ? "" : ",\"points\":" + points) + ",\"note\":\"" + note + "\"}"))
                .andExpect(status().isOk());
    }

    /** A1 compliant, A2 partly 25 (兼职保密员), B1 not applicable, B2 compliant: 75 of 80 = 93.8, 符合. */
    long scored(int year) throws Exception {
        long id = open(year);
        score(id, "A1", "COMPLIANT", null, "");
        score(id, "A2", "PARTLY", "25", "仅配备兼职保密员");
        score(id, "B1", "NOT_APPLICABLE", null, "");
        score(id, "B2", "COMPLIANT", null, "");
        return id;
    }

    /** Submitted and approved by the unit head: A2 becomes a rectification. */
    long approved(int year) throws Exception {
        long id = scored(year);
        String json = mvc.perform(post("/api/v1/assessments/" + id + "/submit").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long request = Long.parseLong(json.replaceAll(".*\"approvalRequestId\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/approvals/" + request + "/decisions").with(csrf()).with(fixtures.as(unitHead))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"APPROVE\",\"comment\":\"\"}"))
                .andExpect(status().isOk());
        return id;
    }

    ResultActions edit(TestAccount who, long id, String body) throws Exception {
        return mvc.perform(put("/api/v1/assessments/" + id + "/report").with(csrf()).with(fixtures.as(who))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long versions(long id) {
        return jdbc.sql("select count(*) from assessment_report_version where assessment_id = :a").param("a", id)
                .query(Long.class).single();
    }

    @Test
    void theDraftIsGeneratedFromTheResultsAndTheLedgers() throws Exception {
        long id = scored(2025);
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("zh"))
                .andExpect(jsonPath("$.scored").value(true))
                .andExpect(jsonPath("$.score").value(93.8))
                .andExpect(jsonPath("$.grade").value("COMPLIANT"))
                .andExpect(jsonPath("$.canEdit").value(true))
                .andExpect(jsonPath("$.parts.length()").value(8))
                .andExpect(jsonPath("$.parts[*].heading").value(Matchers.contains(ZH_HEADINGS.toArray())))
                .andExpect(jsonPath("$.parts[0].text").value(Matchers.allOf(Matchers.containsString(unitName),
                        Matchers.containsString("2025年度"))))
                .andExpect(jsonPath("$.parts[0].edited").value(false))
                // part five: the ledgers' people (the officer, the head, the cleared person and one more)
                .andExpect(jsonPath("$.parts[4].after[0].kind").value("Subheading"))
                .andExpect(jsonPath("$.parts[4].after[1].text").value(Matchers.containsString("涉密人员4名")))
                .andExpect(jsonPath("$.parts[4].after[1].text").value(Matchers.containsString("核心涉密人员2名")))
                // part six: the score table by category, A2 losing 5 points
                .andExpect(jsonPath("$.parts[5].after[1].rows[0][4]").value("A2扣5分"))
                // part seven: the item not fully met, with its note
                .andExpect(jsonPath("$.parts[6].after[0].items[0]").value("A2 配备专职保密员（部分符合）：仅配备兼职保密员。"))
                // part eight: before approval the problems have no rectifications yet
                .andExpect(jsonPath("$.parts[7].text").value(Matchers.containsString("审批后")))
                .andExpect(jsonPath("$.versions").isEmpty());
        mvc.perform(get("/api/v1/assessments/" + id + "/report").param("language", "en").with(fixtures.as(inspector)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[0].heading").value("1. Basic situation"))
                .andExpect(jsonPath("$.canEdit").value(false));
        assertThat(fixtures.auditCount("assessment_report.view")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theOfficersEditsAreVersionedAuditedAndRegeneratedPartByPart() throws Exception {
        long id = scored(2025);
        long audited = fixtures.auditCount("assess.report.edit");
        edit(officer, id, "{\"language\":\"zh\",\"marking\":\" 秘密★10年 \",\"parts\":{\"ORGANISATION\":"
                + "\"本单位成立了保密委员会，由单位负责人任主任。\\n保密办公室设在办公室。\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marking").value("秘密★10年"))
                .andExpect(jsonPath("$.parts[1].edited").value(true))
                .andExpect(jsonPath("$.parts[1].text").value(Matchers.startsWith("本单位成立了保密委员会")))
                .andExpect(jsonPath("$.parts[0].edited").value(false))
                .andExpect(jsonPath("$.versions[0].version").value(1))
                .andExpect(jsonPath("$.versions[0].action").value("EDIT"));
        assertThat(fixtures.auditCount("assess.report.edit")).isEqualTo(audited + 1);
        // The same again, or a part sent back with its generated text, stores nothing.
        String generated = jdbc.sql("select count(*) from assessment_report_text where assessment_id = :a")
                .param("a", id).query(Long.class).single().toString();
        edit(officer, id, "{\"language\":\"zh\",\"marking\":\"秘密★10年\",\"parts\":{\"ORGANISATION\":"
                + "\"本单位成立了保密委员会，由单位负责人任主任。\\n保密办公室设在办公室。\",\"RULES\":"
                + "\"本单位已按要求制定保密管理制度，并根据工作变化及时修订完善。\"}}").andExpect(status().isOk());
        assertThat(versions(id)).isEqualTo(1);
        assertThat(generated).isEqualTo("1");

        mvc.perform(post("/assessments/" + id + "/report/parts/ORGANISATION/regenerate").with(csrf())
                .with(fixtures.as(officer))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.parts[1].edited").value(false))
                .andExpect(jsonPath("$.parts[1].text").value(Matchers.startsWith("本单位保密工作领导小组")))
                .andExpect(jsonPath("$.marking").value("秘密★10年"))
                .andExpect(jsonPath("$.versions[0].action").value("REGENERATE"))
                .andExpect(jsonPath("$.versions[1].action").value("EDIT"));
        assertThat(fixtures.auditCount("assess.report.edit")).isEqualTo(audited + 2);

        // The page shows the prefilled texts and the versions.
        mvc.perform(get("/assessments/" + id + "/report").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"text-BASIC_SITUATION\"")))
                .andExpect(content().string(Matchers.containsString("version-2")))
                .andExpect(content().string(Matchers.containsString("value=\"秘密★10年\"")));
        mvc.perform(post("/assessments/" + id + "/report").with(csrf()).with(fixtures.as(officer))
                        .param("language", "zh").param("marking", "").param("part.RULES", "制度汇编已印发。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.marking").doesNotExist())
                .andExpect(jsonPath("$.parts[2].text").value("制度汇编已印发。"));
        // Without a language the texts are the draft's language's.
        edit(officer, id, "{\"marking\":\"内部\",\"parts\":{\"RULES\":\"制度汇编第二版已印发。\"}}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.language").value("zh"))
                .andExpect(jsonPath("$.marking").value("内部"))
                .andExpect(jsonPath("$.parts[2].text").value("制度汇编第二版已印发。"));
    }

    @Test
    void aMalformedMarkingOrLanguageIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long id = scored(2025);
        edit(officer, id, "{\"language\":\"zh\",\"marking\":\"机密★40年\",\"parts\":{\"RULES\":\"新制度\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("marking"))
                .andExpect(jsonPath("$.errors[0].code").value("marking.termTooLong"));
        edit(officer, id, "{\"language\":\"fr\",\"parts\":{}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        edit(officer, id, "{\"language\":\"zh\",\"parts\":{\"RULES\":\"" + "字".repeat(8001) + "\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parts.RULES"));
        assertThat(versions(id)).isZero();
        // On the page, what he typed stays in the form with the problem beside the marking.
        mvc.perform(post("/assessments/" + id + "/report").with(csrf()).with(fixtures.as(officer))
                        .param("language", "zh").param("marking", "秘密★★").param("part.RULES", "他写的制度文字"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-marking\"")))
                .andExpect(content().string(Matchers.containsString("他写的制度文字")))
                .andExpect(content().string(Matchers.containsString("value=\"秘密★★\"")));
        assertThat(versions(id)).isZero();
        // 公开 is no marking at all.
        edit(officer, id, "{\"language\":\"zh\",\"marking\":\"公开\",\"parts\":{\"RULES\":\"新制度\"}}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.marking").doesNotExist());
    }

    @Test
    void thePdfCarriesTheEditedTextTheScoreAndTheMarkingTopLeftOfPageOne() throws Exception {
        long id = approved(2025);
        edit(officer, id, "{\"language\":\"zh\",\"marking\":\"秘密★10年\",\"parts\":{\"EDUCATION\":"
                + "\"全年组织保密教育培训四次，参训一百二十人次。\"}}").andExpect(status().isOk());
        long downloads = fixtures.auditCount("assess.report.download");
        byte[] bytes = mvc.perform(get("/assessments/" + id + "/report.pdf").with(fixtures.as(inspector)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("filename*=UTF-8''")))
                .andExpect(header().string("Content-Disposition", Matchers.containsString(
                        java.net.URLEncoder.encode("2025年度保密自查报告.pdf", StandardCharsets.UTF_8))))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(fixtures.auditCount("assess.report.download")).isEqualTo(downloads + 1);
        assertThat(jdbc.sql("select after_state from audit_entry where action = 'assess.report.download' "
                + "and object_id = :id order by seq desc limit 1").param("id", Long.toString(id)).query(String.class).single()).contains("pdf", "秘密★10年");

        int pageCount;
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            pageCount = pdf.getNumberOfPages();
            String text = new PDFTextStripper().getText(pdf).replace("\n", "").replace(" ", "");
            assertThat(text).startsWith("秘密★10年").contains(unitName + "2025年度保密工作自查自评报告")
                    .contains("全年组织保密教育培训四次").contains("得分93.8分").contains("符合")
                    .contains("仅配备兼职保密员").contains("责任人").contains("涉密人员4名");
            assertThat(pageCount).isBetween(3, 6);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(pageCount);
            last.setEndPage(pageCount);
            assertThat(last.getText(pdf)).contains(unitName + "（盖章）");
        }

        assumeTrue(PageImages.available(), "pdftoppm (poppler-utils) is not installed: page images not checked");
        Path dir = Files.createDirectories(Path.of("target", "report-draft-pages"));
        String prefix = "assessment-" + getClass().getSimpleName();
        Path file = dir.resolve(prefix + ".pdf");
        Files.write(file, bytes);
        List<File> pages = PageImages.draw(file, dir, prefix);
        assertThat(pages).hasSize(pageCount);
        for (File page : pages) {
            assertThat(PageImages.inkRatio(ImageIO.read(page), 0, 0, 1, 1)).as(page.getName()).isBetween(0.005, 0.4);
        }
        var first = ImageIO.read(pages.get(0));
        assertThat(PageImages.inkRatio(first, 0.12, 0.12, 0.35, 0.19)).as("the marking, top left").isGreaterThan(0.02);
        assertThat(PageImages.inkRatio(first, 0.6, 0.12, 0.85, 0.16)).as("nothing top right").isZero();
    }

    @Test
    void theDocxFollowsTheStandardOrderInEitherLanguage() throws Exception {
        long id = approved(2025);
        byte[] zh = mvc.perform(get("/api/v1/assessments/" + id + "/report.docx").with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(zh))) {
            List<String> texts = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts.get(0).replace("\n", "")).isEqualTo(unitName + "2025年度保密工作自查自评报告");
            assertThat(texts).containsSubsequence(ZH_HEADINGS);
            assertThat(texts).anyMatch(t -> t.contains("得分93.8分"));
            assertThat(texts).anyMatch(t -> t.startsWith("1. 针对“A2 配备专职保密员") && t.contains("责任人"));
            assertThat(docx.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("组织");
        }
        byte[] en = mvc.perform(get("/api/v1/assessments/" + id + "/report").param("format", "docx")
                        .param("language", "en").with(fixtures.as(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("self-inspection-report.docx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(en))) {
            List<String> texts = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence("1. Basic situation", "2. Organisation and leadership",
                    "8. Rectification measures");
            assertThat(texts).anyMatch(t -> t.contains("Organisation") || t.contains("A2"));
        }
        mvc.perform(get("/api/v1/assessments/" + id + "/report").param("format", "odt").with(fixtures.as(officer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    void anAssessmentNotYetScoredOrNotOfAUnitHasNoReportFile() throws Exception {
        long id = open(2025);
        score(id, "A1", "COMPLIANT", null, "");
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scored").value(false));
        mvc.perform(get("/api/v1/assessments/" + id + "/report.pdf").with(fixtures.as(officer)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reportdraft.notScored"));
        mvc.perform(get("/assessments/" + id + "/report.pdf").with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection());
        long department = jdbc.sql("select id from assessment_standard where code = 'department-default' and version = 1")
                .query(Long.class).single();
        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        String json = mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"standardId\":" + department + ",\"unitId\":"
                                + unit + ",\"departmentId\":" + office + ",\"year\":2025}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long dept = Long.parseLong(json.replaceAll("[^0-9]", ""));
        mvc.perform(get("/api/v1/assessments/" + dept + "/report").with(fixtures.as(officer)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reportdraft.unitOnly"));
    }

    @Test
    void rolesAndUnitsThatMustNotAreRefused() throws Exception {
        long id = scored(2025);
        String body = "{\"language\":\"zh\",\"parts\":{\"RULES\":\"不应保存\"}}";
        edit(cleared, id, body).andExpect(status().isForbidden());
        edit(unitHead, id, body).andExpect(status().isForbidden());
        edit(inspector, id, body).andExpect(status().isForbidden());
        edit(auditor, id, body).andExpect(status().isForbidden());
        edit(otherOfficer, id, body).andExpect(status().isNotFound());
        mvc.perform(post("/assessments/" + id + "/report/parts/RULES/regenerate").with(csrf()).with(fixtures.as(unitHead)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/" + id + "/report").with(csrf()).with(fixtures.as(cleared))
                .param("language", "zh").param("part.RULES", "不应保存")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(auditor)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessments/" + id + "/report.pdf").with(fixtures.as(auditor)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/" + id + "/report.pdf").with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessments/" + id + "/report").with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        assertThat(versions(id)).isZero();
        // Readers of the unit read the draft and download, without the editor.
        mvc.perform(get("/assessments/" + id + "/report").with(fixtures.as(unitHead))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("report-readonly")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"report-form\""))));
        mvc.perform(get("/api/v1/assessments/" + id + "/report.docx").with(fixtures.as(cleared)))
                .andExpect(status().isOk());
    }

    @Test
    void theOfficerSetsTheReportDateOnTheDraftAndEveryDownloadCarriesIt() throws Exception {
        long id = approved(2025);
        String today = java.time.LocalDate.now(ChinaTime.ZONE).toString();
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.reportDate").doesNotExist()).andExpect(jsonPath("$.date").value(today))
                .andExpect(jsonPath("$.version").value(0));
        edit(officer, id, "{\"reportDate\":\"2024-12-31\",\"parts\":{}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reportDate"));
        assertThat(versions(id)).isZero();
        edit(officer, id, "{\"reportDate\":\"2026-01-15\",\"parts\":{}}").andExpect(status().isOk())
                .andExpect(jsonPath("$.reportDate").value("2026-01-15")).andExpect(jsonPath("$.date").value("2026-01-15"))
                .andExpect(jsonPath("$.versions[0].reportDate").value("2026-01-15"));
        // A language switch keeps it; the page shows it in the form.
        mvc.perform(post("/assessments/" + id + "/report/language").with(csrf()).with(fixtures.as(officer))
                .param("language", "en")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/assessments/" + id + "/report").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"2026-01-15\"")));
        mvc.perform(post("/assessments/" + id + "/report/language").with(csrf()).with(fixtures.as(officer))
                .param("language", "zh")).andExpect(status().is3xxRedirection());
        byte[] docx = mvc.perform(get("/api/v1/assessments/" + id + "/report.docx").with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("2026年1月15日");
        }
        assertThat(jdbc.sql("select after_state from audit_entry where action = 'assess.report.download' "
                + "and object_id = :id order by seq desc limit 1").param("id", Long.toString(id)).query(String.class)
                .single()).contains("2026-01-15");
        // Not a date on the page: the form again with the problem beside the field; cleared: the download day.
        mvc.perform(post("/assessments/" + id + "/report").with(csrf()).with(fixtures.as(officer))
                        .param("language", "zh").param("reportDate", "2026-13-01").param("part.RULES", "他写的"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-reportDate\"")))
                .andExpect(content().string(Matchers.containsString("他写的")));
        mvc.perform(post("/assessments/" + id + "/report").with(csrf()).with(fixtures.as(officer))
                        .param("language", "zh").param("reportDate", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.reportDate").doesNotExist()).andExpect(jsonPath("$.date").value(today));
    }

    @Test
    void aSaveMadeOnAnOlderVersionIsRefusedAsAConflictAndNothingIsStored() throws Exception {
        long id = scored(2025);
        edit(officer, id, "{\"version\":0,\"parts\":{\"RULES\":\"第一个人写的。\"}}").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        long audited = fixtures.auditCount("assess.report.edit");
        // A second officer's page was loaded at version 0 too: his save is refused, the first one's text stays.
        edit(officer, id, "{\"version\":0,\"parts\":{\"RULES\":\"第二个人写的。\"}}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reportdraft.conflict"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("重新加载")));
        assertThat(versions(id)).isEqualTo(1);
        assertThat(fixtures.auditCount("assess.report.edit")).isEqualTo(audited);
        mvc.perform(post("/assessments/" + id + "/report").with(csrf()).with(fixtures.as(officer))
                        .param("language", "zh").param("version", "0").param("part.RULES", "第二个人在页面上写的。"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/assessments/" + id + "/report"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("flashError"));
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.parts[2].text").value("第一个人写的。")).andExpect(jsonPath("$.version").value(1));
        // The page carries the version it shows; saved on it, the save goes through.
        mvc.perform(get("/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(content().string(Matchers.containsString("id=\"report-version\" value=\"1\"")));
        mvc.perform(post("/assessments/" + id + "/report").with(csrf()).with(fixtures.as(officer))
                        .param("language", "zh").param("version", "1").param("part.RULES", "第二个人重新加载后写的。"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("flashSuccess"));
        assertThat(versions(id)).isEqualTo(2);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * The race itself, made deterministic: another save's version 2 is inserted in a transaction held open; this
     * save reads version 1 as the latest (the other is not committed), tries version 2 and waits on the key; once
     * it is seen waiting, the other commits, and this save ends in the friendly 409, not a server error.
     */
    @Test
    void twoSavesRacingForTheSameVersionNumberEndInOneConflictNotAServerError() throws Exception {
        long id = scored(2025);
        edit(officer, id, "{\"parts\":{\"RULES\":\"第一版。\"}}").andExpect(status().isOk());
        long audited = fixtures.auditCount("assess.report.edit");
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var result = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<
                    org.springframework.test.web.servlet.MvcResult>>();
            new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("""
                        insert into assessment_report_version (assessment_id, version, action, language, by_id, by_name, at)
                        values (:a, 2, 'EDIT', 'zh', :by, 'other', current_timestamp)""").param("a", id)
                        .param("by", officer.id()).update();
                result.set(pool.submit(() -> edit(officer, id, "{\"parts\":{\"RULES\":\"同时保存的第二版。\"}}")
                        .andReturn()));
                waitUntilASessionWaitsForALock(result.get());
            });
            var response = result.get().get(60, java.util.concurrent.TimeUnit.SECONDS).getResponse();
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getContentAsString()).contains("reportdraft.conflict");
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions(id)).isEqualTo(2);
        assertThat(fixtures.auditCount("assess.report.edit")).isEqualTo(audited);
        mvc.perform(get("/api/v1/assessments/" + id + "/report").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.parts[2].text").value("第一版。"));
    }

    /**
     * Until another session of the test database is blocked on a lock, or the save has ended anyway (a condition,
     * not a timer).
     */
    void waitUntilASessionWaitsForALock(java.util.concurrent.Future<?> save) {
        boolean postgres;
        try (var c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        // The save's insert of the version row is running, and so waiting for the other's uncommitted key.
        String blocked = postgres
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                        + " and query like '%insert into assessment_report_version%'"
                : "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and lower(executing_statement) like '%insert into assessment_report_version%'";
        for (int i = 0; i < 6000; i++) {
            if (postgres) {
                // pg_stat_activity is read once per transaction unless told to read again
                jdbc.sql("select pg_stat_clear_snapshot()").query().singleValue();
            }
            if (save.isDone() || jdbc.sql(blocked).query(Long.class).single() > 0) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the second save never waited for the version key");
    }

    @Autowired
    javax.sql.DataSource dataSource;
}
