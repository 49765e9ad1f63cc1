package org.baomi.server.inspection;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.baomi.core.security.Role;
import org.baomi.server.assessment.AssessmentTestStandard;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Superior inspections through the API and pages on a real database: planning within the unit tree,
 * surprise inspections hidden, scoring, findings becoming rectifications, the comparison figures, the
 * summary report, and every refusal (403 for a role that may not, 404 for what lies outside one's units).
 */
abstract class InspectionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    long superior;
    long unitA;
    long unitB;
    long outsider;
    String nameA;
    TestAccount inspector;
    TestAccount superiorOfficer;
    TestAccount superiorCleared;
    TestAccount officerA;
    TestAccount headA;
    TestAccount officerB;
    TestAccount outsiderOfficer;
    TestAccount auditor;
    long standardId;
    String code;

    @BeforeEach
    void aSuperiorWithTwoUnitsBelowAndAStandard() throws Exception {
        superior = fixtures.unit(Fixtures.unique("市保密局"), fixtures.rootUnit());
        nameA = Fixtures.unique("甲单位");
        unitA = fixtures.unit(nameA, superior);
        unitB = fixtures.unit(Fixtures.unique("乙单位"), superior);
        outsider = fixtures.unit(Fixtures.unique("外单位"), fixtures.rootUnit());
        inspector = fixtures.account(superior, Role.INSPECTOR);
        superiorOfficer = fixtures.account(superior, Role.SECRECY_OFFICER);
        superiorCleared = fixtures.account(superior, Role.CLEARED_PERSON);
        officerA = fixtures.account(unitA, Role.SECRECY_OFFICER);
        headA = fixtures.account(unitA, Role.UNIT_HEAD);
        officerB = fixtures.account(unitB, Role.SECRECY_OFFICER);
        outsiderOfficer = fixtures.account(outsider, Role.SECRECY_OFFICER);
        auditor = fixtures.account(fixtures.rootUnit(), Role.SECURITY_AUDITOR);
        code = "insp" + System.nanoTime();
        MockMultipartFile file = new MockMultipartFile("file", "std.yaml", "application/yaml",
                AssessmentTestStandard.yaml(code).getBytes(StandardCharsets.UTF_8));
        String json = mvc.perform(multipart("/api/v1/standards").file(file).with(csrf()).with(fixtures.as(superiorOfficer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        standardId = Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    static LocalDate today() {
        return LocalDate.now(ChinaTime.ZONE);
    }

    ResultActions plan(TestAccount who, String kind, String units) throws Exception {
        return mvc.perform(post("/api/v1/inspections").with(csrf()).with(fixtures.as(who))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"%s","title":"年度保密检查","unitIds":[%s],"plannedFrom":"%s","plannedTo":"%s",
                         "standardId":%d}""".formatted(kind, units, today(), today().plusDays(5), standardId)));
    }

    long planned(String kind, long... units) throws Exception {
        StringBuilder ids = new StringBuilder();
        for (long u : units) {
            ids.append(ids.isEmpty() ? "" : ",").append(u);
        }
        String json = plan(inspector, kind, ids.toString()).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    ResultActions start(TestAccount who, long id) throws Exception {
        return mvc.perform(post("/api/v1/inspections/" + id + "/start").with(csrf()).with(fixtures.as(who)));
    }

    ResultActions score(TestAccount who, long id, long unit, String item, String finding, String points)
            throws Exception {
        return mvc.perform(put("/api/v1/inspections/" + id + "/units/" + unit + "/items/" + item).with(csrf())
                .with(fixtures.as(who)).contentType(MediaType.APPLICATION_JSON).content("{\"finding\":\"" + finding
                        + "\"" + (points == null ? "" : ",\"points\":" + points) + ",\"note\":\"\"}"));
    }

    ResultActions addFinding(TestAccount who, long id, long unit, String item, String problem) throws Exception {
        return mvc.perform(post("/api/v1/inspections/" + id + "/units/" + unit + "/findings").with(csrf())
                .with(fixtures.as(who)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"itemId":%s,"problem":"%s","severity":"MAJOR","deadline":"%s"}"""
                        .formatted(item == null ? "null" : "\"" + item + "\"", problem, today().plusDays(30))));
    }

    ResultActions conclude(TestAccount who, long id, String text) throws Exception {
        return mvc.perform(post("/api/v1/inspections/" + id + "/conclude").with(csrf()).with(fixtures.as(who))
                .contentType(MediaType.APPLICATION_JSON).content("{\"conclusion\":\"" + text + "\"}"));
    }

    /** A1 compliant 40, A2 partly 25, B1 not applicable, B2 compliant 10: 75 of 80 = 93.8; A 92.9, B 100. */
    void scoreA(long id) throws Exception {
        score(inspector, id, unitA, "A1", "COMPLIANT", null).andExpect(status().isOk());
        score(inspector, id, unitA, "A2", "PARTLY", "25").andExpect(status().isOk());
        score(inspector, id, unitA, "B1", "NOT_APPLICABLE", null).andExpect(status().isOk());
        score(inspector, id, unitA, "B2", "COMPLIANT", null).andExpect(status().isOk());
    }

    /** B: A1 compliant, A2 not, B1 compliant, B2 partly 5: 65 of 100 = 65.0; A 57.1, B 83.3. */
    void scoreB(long id) throws Exception {
        score(inspector, id, unitB, "A1", "COMPLIANT", null).andExpect(status().isOk());
        score(inspector, id, unitB, "A2", "NOT_COMPLIANT", null).andExpect(status().isOk());
        score(inspector, id, unitB, "B1", "COMPLIANT", null).andExpect(status().isOk());
        score(inspector, id, unitB, "B2", "PARTLY", "5").andExpect(status().isOk());
    }

    long concluded() throws Exception {
        long id = planned("ROUTINE", unitA, unitB);
        start(inspector, id).andExpect(status().isOk());
        scoreA(id);
        scoreB(id);
        addFinding(inspector, id, unitA, "A2", "保密员为兼职").andExpect(status().isCreated());
        addFinding(inspector, id, unitB, null, "涉密计算机未粘贴密级标识").andExpect(status().isCreated());
        conclude(inspector, id, "总体良好，乙单位需加强。").andExpect(status().isOk());
        return id;
    }

    @Test
    void plansScoresAndConcludesAndTheFindingsBecomeTheUnitsRectifications() throws Exception {
        long id = planned("ROUTINE", unitA, unitB);
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNED")).andExpect(jsonPath("$.units.length()").value(2));
        score(inspector, id, unitA, "A1", "COMPLIANT", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("inspection.notUnderWay"));
        start(inspector, id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_WAY"));
        start(inspector, id).andExpect(status().isConflict());
        scoreA(id);
        score(inspector, id, unitA, "A2", "PARTLY", "30").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.partlyPointsInvalid"));
        score(inspector, id, outsider, "A1", "COMPLIANT", null).andExpect(status().isNotFound());
        addFinding(inspector, id, unitA, "A2", "保密员为兼职").andExpect(status().isCreated());
        addFinding(inspector, id, unitA, "ZZ", "x").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("itemId"));
        addFinding(inspector, id, unitA, null, " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("problem"));
        String taken = addFinding(inspector, id, unitB, null, "记错了").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(delete("/api/v1/inspections/" + id + "/findings/" + taken.replaceAll("[^0-9]", ""))
                .with(csrf()).with(fixtures.as(inspector))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(inspector)))
                .andExpect(jsonPath("$.units[?(@.unitId == " + unitA + ")].score").value(hasItem(93.8)))
                .andExpect(jsonPath("$.units[?(@.unitId == " + unitA + ")].grade").value(hasItem("COMPLIANT")))
                .andExpect(jsonPath("$.units[?(@.unitId == " + unitA + ")].categories.A").value(hasItem(92.9)))
                .andExpect(jsonPath("$.units[?(@.unitId == " + unitA + ")].categories.B").value(hasItem(100.0)))
                .andExpect(jsonPath("$.units[?(@.unitId == " + unitB + ")].findings.length()").value(hasItem(0)));
        conclude(inspector, id, " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("conclusion"));
        conclude(inspector, id, "甲单位总体良好。").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONCLUDED"))
                .andExpect(jsonPath("$.units[?(@.unitId == " + unitA + ")].findings[0].rectificationStatus")
                        .value(hasItem("OPEN")));
        addFinding(inspector, id, unitA, null, "太晚了").andExpect(status().isConflict());

        // The unit sees its rectification, named by the inspection, owned by its secrecy officer.
        String list = mvc.perform(get("/api/v1/rectifications").with(fixtures.as(officerA))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.inspectionId == " + id + ")].inspectionTitle").value(contains("年度保密检查")))
                .andExpect(jsonPath("$[?(@.inspectionId == " + id + ")].ownerId").value(contains((int) officerA.id())))
                .andReturn().getResponse().getContentAsString();
        long rect = Long.parseLong(list.replaceAll("(?s).*\"id\":(\\d+),[^{}]*\"inspectionId\":" + id + ".*", "$1"));
        mvc.perform(get("/rectifications/" + rect).with(fixtures.as(officerA))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/inspections/" + id)));
        mvc.perform(get("/rectifications").with(fixtures.as(officerA))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("年度保密检查")));
        for (String act : new String[] {"start", "complete"}) {
            mvc.perform(post("/api/v1/rectifications/" + rect + "/" + act).with(csrf()).with(fixtures.as(officerA))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已配备专职保密员\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/rectifications/" + rect + "/verify").with(csrf()).with(fixtures.as(officerA))
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/rectifications/" + rect + "/verify").with(csrf()).with(fixtures.as(headA))
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.status").value("VERIFIED"));
        // Unit B sees no rectification of unit A's finding.
        mvc.perform(get("/api/v1/rectifications").with(fixtures.as(officerB)))
                .andExpect(jsonPath("$[*].id").value(not(hasItem((int) rect))));
        for (String action : new String[] {"inspection.plan", "inspection.start", "inspection.score",
                "inspection.finding.add", "inspection.finding.remove", "inspection.conclude"}) {
            assertThat(fixtures.auditCount(action)).as(action).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void onlyUnitsUnderTheInspectingUnitAreInspectedAndOnlyItsInspectorsOrOfficersPlan() throws Exception {
        plan(inspector, "ROUTINE", Long.toString(outsider)).andExpect(status().isNotFound());
        plan(inspector, "ROUTINE", unitA + "," + outsider).andExpect(status().isNotFound());
        plan(inspector, "ROUTINE", Long.toString(superior)).andExpect(status().isNotFound());
        plan(inspector, "ROUTINE", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitIds"));
        plan(superiorOfficer, "SPOT", Long.toString(unitB)).andExpect(status().isCreated());
        plan(superiorCleared, "ROUTINE", Long.toString(unitA)).andExpect(status().isForbidden());
        plan(auditor, "ROUTINE", Long.toString(unitA)).andExpect(status().isForbidden());
        // A unit's own secrecy officer has the permission but not over his superior, nor over a sibling.
        mvc.perform(post("/api/v1/inspections").with(csrf()).with(fixtures.as(officerA))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"ROUTINE","inspectingUnitId":%d,"title":"x","unitIds":[%d],"plannedFrom":"%s",
                         "plannedTo":"%s","standardId":%d}""".formatted(superior, unitB, today(), today(), standardId)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inspections").with(csrf()).with(fixtures.as(inspector))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"ROUTINE","title":"x","unitIds":[%d],"plannedFrom":"%s","plannedTo":"%s",
                         "standardId":%d}""".formatted(unitA, today(), today().minusDays(1), standardId)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("plannedTo"));
        mvc.perform(post("/inspections").with(csrf()).with(fixtures.as(inspector)).param("kind", "ROUTINE")
                .param("title", "").param("unitIds", Long.toString(unitA)).param("plannedFrom", today().toString())
                .param("plannedTo", today().toString()).param("standardId", Long.toString(standardId)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("plan-problems")));
        assertThat(fixtures.auditCount("inspection.plan")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSurpriseInspectionIsHiddenFromTheInspectedUnitUntilItStarts() throws Exception {
        long id = planned("SURPRISE", unitA);
        long announced = planned("ROUTINE", unitA);
        mvc.perform(get("/api/v1/inspections").with(fixtures.as(officerA))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(not(hasItem((int) id))))
                .andExpect(jsonPath("$[*].id").value(hasItem((int) announced)));
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(officerA))).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/" + id).with(fixtures.as(officerA))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/inspections").with(fixtures.as(inspector)))
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
        start(inspector, id).andExpect(status().isOk());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(officerA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(1));
        mvc.perform(get("/api/v1/inspections").with(fixtures.as(officerA)))
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
    }

    @Test
    void anInspectedUnitReadsOnlyItsOwnResultsAndNobodyElseChangesAnything() throws Exception {
        long id = planned("ROUTINE", unitA, unitB);
        start(officerA, id).andExpect(status().isForbidden());
        start(outsiderOfficer, id).andExpect(status().isNotFound());
        start(superiorCleared, id).andExpect(status().isForbidden());
        start(inspector, id).andExpect(status().isOk());
        scoreA(id);
        scoreB(id);
        addFinding(inspector, id, unitB, null, "乙单位的问题").andExpect(status().isCreated());
        score(officerA, id, unitA, "A1", "NOT_COMPLIANT", null).andExpect(status().isForbidden());
        score(outsiderOfficer, id, unitA, "A1", "NOT_COMPLIANT", null).andExpect(status().isNotFound());
        addFinding(officerB, id, unitB, null, "x").andExpect(status().isForbidden());
        conclude(headA, id, "x").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(officerA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].unitId").value(unitA))
                .andExpect(jsonPath("$.units[0].findings.length()").value(0));
        mvc.perform(get("/inspections/" + id + "/units/" + unitB).with(fixtures.as(officerA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspections/" + id + "/units/" + unitA).with(fixtures.as(officerA)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(outsiderOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(superiorCleared))).andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(2));
        mvc.perform(get("/inspections/" + id).with(fixtures.as(inspector))).andExpect(status().isOk());
        assertThat(fixtures.auditCount("inspection.view")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theComparisonShowsApprovedSelfAssessmentsAndInspectionsPerUnitYearAndCategory() throws Exception {
        int lastYear = today().getYear() - 1;
        // Unit A's approved self-assessment of last year: 93.8, A 92.9, B 100.
        String json = mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(officerA))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"standardId\":" + standardId + ",\"unitId\":" + unitA + ",\"year\":" + lastYear + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long assessment = Long.parseLong(json.replaceAll("[^0-9]", ""));
        String[][] results = {{"A1", "COMPLIANT", null}, {"A2", "PARTLY", "25"}, {"B1", "NOT_APPLICABLE", null},
                {"B2", "COMPLIANT", null}};
        for (String[] r : results) {
            mvc.perform(put("/api/v1/assessments/" + assessment + "/items/" + r[0]).with(csrf())
                    .with(fixtures.as(officerA)).contentType(MediaType.APPLICATION_JSON).content("{\"finding\":\""
                            + r[1] + "\"" + (r[2] == null ? "" : ",\"points\":" + r[2]) + ",\"note\":\"兼职\"}"))
                    .andExpect(status().isOk());
        }
        // Unit B's self-assessment stays a draft: not compared.
        mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(officerB))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"standardId\":" + standardId + ",\"unitId\":" + unitB + ",\"year\":" + lastYear + "}"))
                .andExpect(status().isCreated());
        String submitted = mvc.perform(post("/api/v1/assessments/" + assessment + "/submit").with(csrf())
                .with(fixtures.as(officerA))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long request = Long.parseLong(submitted.replaceAll(".*\"approvalRequestId\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/approvals/" + request + "/decisions").with(csrf()).with(fixtures.as(headA))
                .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"APPROVE\",\"comment\":\"\"}"))
                .andExpect(status().isOk());
        long id = concluded();

        String base = "/api/v1/inspections/comparison?standard=" + code + "&from=" + lastYear + "&to="
                + today().getYear();
        mvc.perform(get(base).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andExpect(jsonPath("$.standard").value(code))
                .andExpect(jsonPath("$.categories[*].id").value(contains("A", "B")))
                .andExpect(jsonPath("$.rows.length()").value(3))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitA + " && @.source == 'SELF')].year").value(contains(lastYear)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitA + " && @.source == 'SELF')].score").value(contains(93.8)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitA + " && @.source == 'SELF')].categories.A").value(contains(92.9)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitA + " && @.source == 'INSPECTION')].score").value(contains(93.8)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitB + " && @.source == 'INSPECTION')].score").value(contains(65.0)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitB + " && @.source == 'INSPECTION')].categories.A").value(contains(57.1)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitB + " && @.source == 'INSPECTION')].categories.B").value(contains(83.3)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitB + " && @.source == 'INSPECTION')].label").value(contains("年度保密检查")));
        // Unit A's officer sees his own unit only; the year range filters.
        mvc.perform(get(base).with(fixtures.as(officerA))).andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[*].unitId").value(not(hasItem((int) unitB))));
        mvc.perform(get("/api/v1/inspections/comparison?standard=" + code + "&from=" + today().getYear() + "&to="
                + today().getYear()).with(fixtures.as(inspector))).andExpect(jsonPath("$.rows.length()").value(2));
        mvc.perform(get("/api/v1/inspections/comparison?standard=" + code + "&from=2030&to=2020")
                .with(fixtures.as(inspector))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/inspections/comparison?standard=nope").with(fixtures.as(inspector)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standard"));
        // The page draws a line per unit and source and colours the cells; the sheet holds the same rows.
        String page = mvc.perform(get("/inspections/comparison?standard=" + code + "&from=" + lastYear + "&to="
                + today().getYear()).with(fixtures.as(inspector))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("data-unit=\"" + unitA + "\" data-source=\"SELF\"")
                .contains("data-unit=\"" + unitB + "\" data-source=\"INSPECTION\"").contains("heat-bad")
                .contains("heat-good").contains("<polyline");
        byte[] sheet = mvc.perform(get("/inspections/comparison.xlsx?standard=" + code + "&from=" + lastYear + "&to="
                + today().getYear()).with(fixtures.as(inspector))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            StringBuilder all = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
            assertThat(all.toString()).contains(nameA).contains("93.8").contains("57.1");
        }
        assertThat(id).isPositive();
    }

    @Test
    void theSummaryOfAConcludedInspectionDownloadsAsDocxAndPdf() throws Exception {
        long open = planned("ROUTINE", unitA);
        mvc.perform(post("/api/v1/inspections/" + open + "/summary").with(csrf()).with(fixtures.as(inspector))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"PDF\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("inspection.reportNotConcluded"));
        long id = concluded();
        byte[] docx = mvc.perform(post("/api/v1/inspections/" + id + "/summary").with(csrf())
                        .with(fixtures.as(inspector)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"format\":\"DOCX\",\"marking\":\"内部\",\"nextSteps\":\"请乙单位于月底前报送整改情况。\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains(nameA).contains("93.8").contains("65").contains("不符合").contains("内部")
                    .contains("请乙单位于月底前报送整改情况。").contains("涉密计算机未粘贴密级标识");
        }
        byte[] pdf = mvc.perform(post("/inspections/" + id + "/summary").with(csrf()).with(fixtures.as(inspector))
                        .param("format", "PDF").param("nextSteps", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(nameA).contains("93.8").contains("保密员为兼职");
        }
        mvc.perform(post("/api/v1/inspections/" + id + "/summary").with(csrf()).with(fixtures.as(officerA))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"PDF\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inspections/" + id + "/summary").with(csrf()).with(fixtures.as(outsiderOfficer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"PDF\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/inspections/" + id + "/summary").with(csrf()).with(fixtures.as(inspector))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"PDF\",\"marking\":\""
                        + "密".repeat(41) + "\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("marking"));
        assertThat(fixtures.auditCount("inspection.report")).isGreaterThanOrEqualTo(2);
    }

    ResultActions mark(TestAccount who, long id, long unit, String path) throws Exception {
        return mvc.perform(put("/api/v1/inspections/" + id + "/units/" + unit + "/" + path).with(csrf())
                .with(fixtures.as(who)));
    }

    String unitJson(long id, long unit) {
        return "$.units[?(@.unitId == " + unit + ")].";
    }

    @Test
    void aVetoFoundMakesTheUnitNonCompliantInItsResultsTheSummaryAndTheComparison() throws Exception {
        long id = planned("ROUTINE", unitA, unitB);
        mark(inspector, id, unitA, "vetoes/V1?triggered=true").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("inspection.notUnderWay"));
        start(inspector, id).andExpect(status().isOk());
        scoreA(id);
        scoreB(id);
        long audited = fixtures.auditCount("inspection.deduction");
        // 93.8 less D1 three times (2 each, capped at 5): 88.8, basically compliant.
        mark(inspector, id, unitA, "deductions/D1?occurrences=3").andExpect(status().isOk())
                .andExpect(jsonPath(unitJson(id, unitA) + "score").value(hasItem(88.8)))
                .andExpect(jsonPath(unitJson(id, unitA) + "grade").value(hasItem("BASICALLY_COMPLIANT")))
                .andExpect(jsonPath(unitJson(id, unitA) + "deductions.D1").value(hasItem(3)));
        assertThat(fixtures.auditCount("inspection.deduction")).isEqualTo(audited + 1);
        // A classified computer on the Internet: the veto makes unit A non-compliant whatever its points.
        mark(inspector, id, unitA, "vetoes/V1?triggered=true").andExpect(status().isOk())
                .andExpect(jsonPath(unitJson(id, unitA) + "score").value(hasItem(88.8)))
                .andExpect(jsonPath(unitJson(id, unitA) + "grade").value(hasItem("NON_COMPLIANT")))
                .andExpect(jsonPath(unitJson(id, unitA) + "vetoed").value(hasItem(true)))
                .andExpect(jsonPath(unitJson(id, unitB) + "vetoed").value(hasItem(false)));
        // Refusals change nothing: unknown entries, bad counts, the inspected unit, others, units not inspected.
        long vetoes = fixtures.auditCount("inspection.veto");
        mark(inspector, id, unitA, "vetoes/V9?triggered=true").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.unknownItem"));
        mark(inspector, id, unitA, "deductions/D1?occurrences=-1").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.occurrencesInvalid"));
        mark(officerA, id, unitA, "vetoes/V1?triggered=false").andExpect(status().isForbidden());
        mark(superiorCleared, id, unitA, "vetoes/V1?triggered=false").andExpect(status().isForbidden());
        mark(outsiderOfficer, id, unitA, "vetoes/V1?triggered=false").andExpect(status().isNotFound());
        mark(inspector, id, outsider, "vetoes/V1?triggered=true").andExpect(status().isNotFound());
        assertThat(fixtures.auditCount("inspection.veto")).isEqualTo(vetoes);
        // The page: unit B's veto marked and cleared again through the buttons' forms.
        mvc.perform(post("/inspections/" + id + "/units/" + unitB + "/vetoes/V1").param("triggered", "true")
                .with(csrf()).with(fixtures.as(inspector))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(inspector)))
                .andExpect(jsonPath(unitJson(id, unitB) + "grade").value(hasItem("NON_COMPLIANT")));
        mvc.perform(post("/inspections/" + id + "/units/" + unitB + "/vetoes/V1").param("triggered", "false")
                .with(csrf()).with(fixtures.as(inspector))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/inspections/" + id + "/units/" + unitB + "/deductions/D1").param("occurrences", "1")
                .with(csrf()).with(fixtures.as(inspector))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(inspector)))
                .andExpect(jsonPath(unitJson(id, unitB) + "grade").value(hasItem("NON_COMPLIANT")))
                .andExpect(jsonPath(unitJson(id, unitB) + "score").value(hasItem(63.0)))
                .andExpect(jsonPath(unitJson(id, unitB) + "vetoed").value(hasItem(false)));
        String page = mvc.perform(get("/inspections/" + id + "/units/" + unitA).with(fixtures.as(inspector)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"vetoed\"").contains("id=\"veto-V1\"").contains("id=\"occ-D1\"");
        // The inspected unit reads its veto but has no buttons.
        String own = mvc.perform(get("/inspections/" + id + "/units/" + unitA).with(fixtures.as(officerA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("id=\"veto-found-V1\"").doesNotContain("id=\"veto-V1\"");
        conclude(inspector, id, "甲单位发现涉密计算机连接互联网。").andExpect(status().isOk());
        mark(inspector, id, unitA, "vetoes/V1?triggered=false").andExpect(status().isConflict());

        mvc.perform(get("/api/v1/inspections/comparison?standard=" + code + "&from=" + today().getYear() + "&to="
                + today().getYear()).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitA + ")].grade").value(contains("NON_COMPLIANT")))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitA + ")].score").value(contains(88.8)))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitA + ")].vetoes[0]").value(contains("V1")))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + unitB + ")].grade").value(contains("NON_COMPLIANT")));
        String comparison = mvc.perform(get("/inspections/comparison?standard=" + code).with(fixtures.as(inspector)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(comparison).contains("data-grade=\"NON_COMPLIANT\"").contains("一票否决");
        assertThat(comparison).as("a vetoed 88.8 is coloured as failed, not by its points")
                .contains("class=\"num score heat-bad\">88.8<");
        byte[] docx = mvc.perform(post("/api/v1/inspections/" + id + "/summary").with(csrf())
                        .with(fixtures.as(inspector)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"format\":\"DOCX\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            // The veto column says yes for unit A only; the problems name the veto.
            assertThat(all).contains(nameA + "：触发一票否决 V1 涉密计算机连接互联网").contains("88.8");
            assertThat(all.split("是", -1).length - 1).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aFindingMayNameItsRectificationsOwnerFromThePeopleOfTheUnit() throws Exception {
        TestAccount clerk = fixtures.account(unitA, Role.CLEARED_PERSON);
        long id = planned("ROUTINE", unitA, unitB);
        start(inspector, id).andExpect(status().isOk());
        String page = mvc.perform(get("/inspections/" + id + "/units/" + unitA).with(fixtures.as(inspector)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"finding-owner\"").contains("value=\"" + clerk.id() + "\"")
                .doesNotContain("value=\"" + officerB.id() + "\"");
        long added = fixtures.auditCount("inspection.finding.add");
        owned(id, unitA, officerB.id()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        owned(id, unitA, inspector.id()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        assertThat(fixtures.auditCount("inspection.finding.add")).isEqualTo(added);
        String json = owned(id, unitA, clerk.id()).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        long named = Long.parseLong(json.replaceAll("[^0-9]", ""));
        addFinding(inspector, id, unitA, null, "未命名责任人的问题").andExpect(status().isCreated());
        mvc.perform(post("/inspections/" + id + "/units/" + unitB + "/findings").with(csrf())
                .with(fixtures.as(inspector)).param("problem", "页面上命名责任人").param("severity", "MINOR")
                .param("deadline", today().plusDays(10).toString()).param("ownerId", Long.toString(officerB.id())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(inspector)))
                .andExpect(jsonPath(unitJson(id, unitA) + "findings[?(@.id == " + named + ")].ownerId")
                        .value(hasItem((int) clerk.id())))
                .andExpect(jsonPath(unitJson(id, unitB) + "findings[0].ownerId").value(hasItem((int) officerB.id())));
        conclude(inspector, id, "按期整改。").andExpect(status().isOk());
        mvc.perform(get("/api/v1/rectifications").with(fixtures.as(officerA))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.inspectionId == " + id + ")].ownerId")
                        .value(org.hamcrest.Matchers.containsInAnyOrder((int) clerk.id(), (int) officerA.id())));
        mvc.perform(get("/api/v1/rectifications").with(fixtures.as(officerB))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.inspectionId == " + id + ")].ownerId").value(contains((int) officerB.id())));
    }

    ResultActions owned(long id, long unit, long ownerId) throws Exception {
        return mvc.perform(post("/api/v1/inspections/" + id + "/units/" + unit + "/findings").with(csrf())
                .with(fixtures.as(inspector)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"problem":"保密员为兼职","severity":"MAJOR","deadline":"%s","ownerId":%d}"""
                        .formatted(today().plusDays(30), ownerId)));
    }

    @Test
    void theSummaryKeepsItsNextStepsAndMarkingForTheNextDownload() throws Exception {
        long id = concluded();
        String page = mvc.perform(get("/inspections/" + id).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请各单位对照检查发现的问题");
        mvc.perform(post("/inspections/" + id + "/summary").with(csrf()).with(fixtures.as(inspector))
                .param("format", "DOCX").param("marking", "内部").param("nextSteps", "请乙单位十二月底前报送整改报告。"))
                .andExpect(status().isOk());
        assertThat(fixtures.auditCount("inspection.report.texts")).isGreaterThanOrEqualTo(1);
        page = mvc.perform(get("/inspections/" + id).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">请乙单位十二月底前报送整改报告。</textarea>").contains("value=\"内部\"");
        // The API download without them uses the kept ones.
        byte[] docx = mvc.perform(post("/api/v1/inspections/" + id + "/summary").with(csrf())
                        .with(fixtures.as(inspector)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"format\":\"DOCX\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("请乙单位十二月底前报送整改报告。").contains("内部");
        }
        // A reader of the inspecting side downloads with his own texts; they are not kept.
        long kept = fixtures.auditCount("inspection.report.texts");
        mvc.perform(post("/api/v1/inspections/" + id + "/summary").with(csrf()).with(fixtures.as(superiorCleared))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"PDF\",\"nextSteps\":\"另一段\"}"))
                .andExpect(status().isOk());
        assertThat(fixtures.auditCount("inspection.report.texts")).isEqualTo(kept);
        // Saved without downloading; refusals.
        String body = "{\"marking\":\"秘密★1年\",\"nextSteps\":\"年底前复查。\"}";
        mvc.perform(put("/api/v1/inspections/" + id + "/summary/texts").with(csrf()).with(fixtures.as(superiorCleared))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/inspections/" + id + "/summary/texts").with(csrf()).with(fixtures.as(officerA))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/inspections/" + id + "/summary/texts").with(csrf()).with(fixtures.as(outsiderOfficer))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/inspections/" + id + "/summary/texts").with(csrf()).with(fixtures.as(inspector))
                .contentType(MediaType.APPLICATION_JSON).content("{\"marking\":\"" + "密".repeat(41) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("marking"));
        assertThat(fixtures.auditCount("inspection.report.texts")).isEqualTo(kept);
        mvc.perform(put("/api/v1/inspections/" + id + "/summary/texts").with(csrf()).with(fixtures.as(inspector))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.reportMarking").value("秘密★1年"))
                .andExpect(jsonPath("$.reportNextSteps").value("年底前复查。"));
        mvc.perform(post("/inspections/" + id + "/summary/texts").with(csrf()).with(fixtures.as(inspector))
                .param("marking", "内部").param("nextSteps", "页面保存。")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(inspector)))
                .andExpect(jsonPath("$.reportNextSteps").value("页面保存。"));
        // The inspected unit does not see them.
        mvc.perform(get("/api/v1/inspections/" + id).with(fixtures.as(officerA)))
                .andExpect(jsonPath("$.reportNextSteps").doesNotExist());
        long planned = planned("ROUTINE", unitA);
        mvc.perform(put("/api/v1/inspections/" + planned + "/summary/texts").with(csrf()).with(fixtures.as(inspector))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict());
    }
}
