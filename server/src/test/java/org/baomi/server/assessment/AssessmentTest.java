package org.baomi.server.assessment;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.carrier.CarrierInput;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Self-assessments through the API and pages on a real database: scoring, approval, locking, rectification, access. */
abstract class AssessmentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CarrierService carriers;
    @Autowired
    AccountUserDetailsService users;

    long unit;
    TestAccount officer;
    TestAccount unitHead;
    TestAccount cleared;
    TestAccount inspector;
    TestAccount auditor;
    TestAccount otherOfficer;
    long standardId;

    static String standardYaml(String code) {
        return AssessmentTestStandard.yaml(code);
    }

    @BeforeEach
    void aUnitWithItsPeopleAndAStandard() throws Exception {
        unit = fixtures.unit(Fixtures.unique("自查单位"), fixtures.rootUnit());
        officer = fixtures.account(unit, Role.SECRECY_OFFICER);
        unitHead = fixtures.account(unit, Role.UNIT_HEAD);
        cleared = fixtures.account(unit, Role.CLEARED_PERSON);
        inspector = fixtures.account(fixtures.rootUnit(), Role.INSPECTOR);
        auditor = fixtures.account(fixtures.rootUnit(), Role.SECURITY_AUDITOR);
        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        otherOfficer = fixtures.account(other, Role.SECRECY_OFFICER);
        MockMultipartFile file = new MockMultipartFile("file", "std.yaml", "application/yaml",
                standardYaml("t" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        String json = mvc.perform(multipart("/api/v1/standards").file(file).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        standardId = Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    long open(TestAccount who, int year) throws Exception {
        String json = mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standardId\":" + standardId + ",\"unitId\":" + unit + ",\"year\":" + year + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    ResultActions score(TestAccount who, long id, String item, String finding, String points, String note) throws Exception {
        return mvc.perform(put("/api/v1/assessments/" + id + "/items/" + item).with(csrf()).with(fixtures.as(who))
                .contentType(MediaType.APPLICATION_JSON).content("{\"finding\":\"" + finding + "\""
                        + (points == null ? "" : ",\"points\":" + points) + ",\"note\":\"" + note + "\"}"));
    }

    /** A1 compliant 40, A2 partly 25, B1 not applicable, B2 compliant 10: 75 of 80 applicable = 93.8. */
    long scored(int year) throws Exception {
        long id = open(officer, year);
        score(officer, id, "A1", "COMPLIANT", null, "").andExpect(status().isOk());
        score(officer, id, "A2", "PARTLY", "25", "兼职保密员").andExpect(status().isOk());
        score(officer, id, "B1", "NOT_APPLICABLE", null, "").andExpect(status().isOk());
        score(officer, id, "B2", "COMPLIANT", null, "").andExpect(status().isOk());
        return id;
    }

    long decide(TestAccount who, long request, String verdict, String comment) throws Exception {
        mvc.perform(post("/api/v1/approvals/" + request + "/decisions").with(csrf()).with(fixtures.as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"" + verdict + "\",\"comment\":\"" + comment + "\"}"))
                .andExpect(status().isOk());
        return request;
    }

    long submit(long id) throws Exception {
        String json = mvc.perform(post("/api/v1/assessments/" + id + "/submit").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll(".*\"approvalRequestId\":(\\d+).*", "$1"));
    }

    @Test
    void scoresWithNotApplicablePartlyDeductionAndVeto() throws Exception {
        long id = open(officer, 2025);
        score(officer, id, "A1", "COMPLIANT", null, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluation.kind").value("Incomplete"));
        score(officer, id, "A2", "PARTLY", "30", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.partlyPointsInvalid"));
        score(officer, id, "A2", "PARTLY", "25", "兼职").andExpect(status().isOk());
        score(officer, id, "B1", "NOT_APPLICABLE", null, "").andExpect(status().isOk());
        score(officer, id, "B2", "COMPLIANT", null, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluation.value.score").value(93.8))
                .andExpect(jsonPath("$.evaluation.value.grade").value("COMPLIANT"));
        mvc.perform(put("/api/v1/assessments/" + id + "/deductions/D1?occurrences=3").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluation.value.deducted").value(5.0))
                .andExpect(jsonPath("$.evaluation.value.score").value(88.8))
                .andExpect(jsonPath("$.evaluation.value.grade").value("BASICALLY_COMPLIANT"));
        mvc.perform(put("/api/v1/assessments/" + id + "/vetoes/V1?triggered=true").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.evaluation.value.score").value(88.8))
                .andExpect(jsonPath("$.evaluation.value.grade").value("NON_COMPLIANT"));
        assertThat(fixtures.auditCount("assess.score")).isGreaterThanOrEqualTo(4);
        assertThat(fixtures.auditCount("assess.veto")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void submitApproveLockReopenKeepsHistoryAndOpensRectifications() throws Exception {
        long id = open(officer, 2025);
        score(officer, id, "A1", "COMPLIANT", null, "").andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessments/" + id + "/submit").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("assessment.incomplete"));
        score(officer, id, "A2", "PARTLY", "25", "兼职保密员").andExpect(status().isOk());
        score(officer, id, "B1", "NOT_COMPLIANT", null, "").andExpect(status().isOk());
        score(officer, id, "B2", "NOT_APPLICABLE", null, "").andExpect(status().isOk());
        long request = submit(id);
        score(officer, id, "A1", "NOT_COMPLIANT", null, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.notEditable"));
        decide(unitHead, request, "APPROVE", "");
        mvc.perform(get("/api/v1/assessments/" + id).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOCKED"))
                .andExpect(jsonPath("$.rectifications.length()").value(2));
        score(officer, id, "A1", "NOT_COMPLIANT", null, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.notEditable"));
        mvc.perform(post("/api/v1/assessments/" + id + "/reopen").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/assessments/" + id + "/reopen").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"B1 评分有误\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REOPENED"))
                .andExpect(jsonPath("$.history[*].kind").value(org.hamcrest.Matchers.contains("STARTED", "SUBMITTED",
                        "APPROVED", "LOCKED", "REOPENED")))
                .andExpect(jsonPath("$.history[1].score").value(72.2))
                .andExpect(jsonPath("$.history[4].reason").value("B1 评分有误"));
        score(officer, id, "B1", "COMPLIANT", null, "").andExpect(status().isOk());
        long again = submit(id);
        decide(unitHead, again, "APPROVE", "");
        mvc.perform(get("/api/v1/assessments/" + id).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.status").value("LOCKED"))
                .andExpect(jsonPath("$.history.length()").value(8))
                .andExpect(jsonPath("$.rectifications.length()").value(2));
        assertThat(fixtures.auditCount("assess.approve")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRejectionSendsItBackWithTheReason() throws Exception {
        long id = scored(2025);
        long request = submit(id);
        decide(unitHead, request, "REJECT", "A2 证据不足");
        mvc.perform(get("/api/v1/assessments/" + id).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.status").value("REOPENED"))
                .andExpect(jsonPath("$.history[2].reason").value("A2 证据不足"));
        score(officer, id, "A2", "COMPLIANT", null, "").andExpect(status().isOk());
    }

    @Test
    void rectificationsAreVerifiedByAnotherAndListedWhenOverdue() throws Exception {
        long id = scored(2025);
        decide(unitHead, submit(id), "APPROVE", "");
        long rect = jdbc.sql("select id from rectification where assessment_id = :a and item_id = 'A2'").param("a", id)
                .query(Long.class).single();
        mvc.perform(post("/api/v1/rectifications/" + rect + "/start").with(csrf()).with(fixtures.as(cleared)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/rectifications/" + rect + "/start").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.summary.status").value("IN_PROGRESS"));
        jdbc.sql("update rectification set deadline = :d where id = :id").param("d", ChinaTime.today().minusDays(3))
                .param("id", rect).update();
        mvc.perform(get("/api/v1/rectifications?overdue=true").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + rect + ")].overdue").value(org.hamcrest.Matchers.contains(true)));
        mvc.perform(get("/rectifications?overdue=true").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("rectification-" + rect)));
        mvc.perform(post("/api/v1/rectifications/" + rect + "/complete").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已配备专职保密员\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.summary.status").value("DONE"))
                .andExpect(jsonPath("$.summary.overdue").value(false));
        mvc.perform(post("/api/v1/rectifications/" + rect + "/verify").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("assessment.ownerVerifies"));
        mvc.perform(post("/api/v1/rectifications/" + rect + "/verify").with(csrf()).with(fixtures.as(unitHead))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"现场核实\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.summary.status").value("VERIFIED"));
        // The next year's assessment shows what the previous one found and that it was fixed.
        long next = open(officer, 2026);
        mvc.perform(get("/assessments/" + next).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("previous-A2")));
        assertThat(fixtures.auditCount("rectification.verify")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void evidenceIsStoredWithItsHashAndServedOnlyInScope() throws Exception {
        long id = open(officer, 2025);
        byte[] bytes = "委员会成立文件".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String json = mvc.perform(multipart("/api/v1/assessments/" + id + "/items/A1/evidence")
                        .file(new MockMultipartFile("file", "委员会.pdf", "application/pdf", bytes))
                        .with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sha256").value(sha))
                .andReturn().getResponse().getContentAsString();
        long evidence = Long.parseLong(json.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/assessments/" + id + "/evidence/" + evidence).with(fixtures.as(inspector)))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-SHA256", sha))
                .andExpect(content().bytes(bytes));
        mvc.perform(get("/assessments/" + id + "/evidence/" + evidence).with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessments/" + id).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(sha)));
    }

    @Test
    void rolesThatMustNotWriteAreRefused() throws Exception {
        long id = open(officer, 2025);
        String body = "{\"standardId\":" + standardId + ",\"unitId\":" + unit + ",\"year\":2024}";
        mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(inspector))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(cleared))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(otherOfficer))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        score(cleared, id, "A1", "COMPLIANT", null, "").andExpect(status().isForbidden());
        score(inspector, id, "A1", "COMPLIANT", null, "").andExpect(status().isForbidden());
        score(unitHead, id, "A1", "COMPLIANT", null, "").andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assessments/" + id + "/submit").with(csrf()).with(fixtures.as(cleared)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessments").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessments/" + id).with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/standards").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rectifications").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessments/" + id).with(fixtures.as(otherOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments").with(fixtures.as(otherOfficer))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        mvc.perform(get("/api/v1/assessments/" + id).with(fixtures.as(inspector))).andExpect(status().isOk());
        MockMultipartFile file = new MockMultipartFile("file", "std.yaml", "application/yaml",
                standardYaml("x" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/standards").file(file).with(csrf()).with(fixtures.as(cleared)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/standards").file(file).with(csrf()).with(fixtures.as(inspector)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBrokenStandardFileIsRefusedNamingEachProblem() throws Exception {
        String broken = standardYaml("b" + System.nanoTime()).replace("points: 40", "points: 45")
                .replace("cap: 5", "cap: 1");
        mvc.perform(multipart("/standards").file(new MockMultipartFile("file", "broken.yaml", "application/yaml",
                        broken.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("standard-problems")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("D1")));
        mvc.perform(get("/standards").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("unit-default")));
        mvc.perform(get("/standards/" + standardId).with(fixtures.as(cleared))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A2")));
    }

    @Test
    void pagesShowTheAssessmentAndTakeResults() throws Exception {
        long id = open(officer, 2025);
        mvc.perform(get("/assessments").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("assessment-" + id)));
        mvc.perform(post("/assessments/" + id + "/items/A2").with(csrf()).with(fixtures.as(officer))
                        .param("finding", "PARTLY").param("points", "12.5").param("note", "兼职").param("category", "A"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/assessments/" + id).param("category", "A").with(fixtures.as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("result-A2")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("f-A1-COMPLIANT")));
        mvc.perform(get("/assessments/" + id).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("f-A1-COMPLIANT"))));
        assertThat(fixtures.auditCount("self_assessment.view")).isGreaterThanOrEqualTo(2);
    }

    long defaultStandard(String code) {
        return jdbc.sql("select id from assessment_standard where code = :c and version = 1").param("c", code)
                .query(Long.class).single();
    }

    ResultActions openFor(TestAccount who, long standard, String extra) throws Exception {
        return mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"standardId\":" + standard + ",\"unitId\":" + unit + ",\"year\":2025" + extra + "}"));
    }

    @Test
    void departmentHeadsRunTheirDepartmentsAndAPersonHisOwn() throws Exception {
        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        long archive = fixtures.department(unit, Fixtures.unique("档案室"));
        TestAccount head = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        jdbc.sql("update person set department_id = :d where id = :p").param("d", office).param("p", head.personId()).update();
        long department = defaultStandard("department-default");
        openFor(head, department, ",\"departmentId\":" + office).andExpect(status().isCreated());
        openFor(head, department, ",\"departmentId\":" + archive).andExpect(status().isForbidden());
        openFor(cleared, department, ",\"departmentId\":" + archive).andExpect(status().isForbidden());
        openFor(officer, department, ",\"departmentId\":" + archive).andExpect(status().isCreated());
        long individual = defaultStandard("individual-default");
        openFor(cleared, individual, "").andExpect(status().isCreated());
        openFor(cleared, individual, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("assess.yearTaken"));
        openFor(cleared, individual, ",\"personId\":" + head.personId()).andExpect(status().isForbidden());
        openFor(cleared, standardId, "").andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------ ledger suggestions

    static final ZoneId ZONE = ChinaTime.ZONE;

    /** A carrier of the unit lent to {@code borrower} and due ten days ago, registered as {@code keeper}. */
    Registered overdueLoan(TestAccount keeper, TestAccount borrower) {
        LocalDate today = LocalDate.now(ZONE);
        var user = users.loadUserByUsername(keeper.username());
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            Registered r = carriers.register(new CarrierInput(unit, CarrierType.PAPER_DOCUMENT,
                    "不应出现的标题" + Fixtures.unique(""), "江发改〔2026〕1号", "江州市发展和改革委员会",
                    today.minusDays(30), 1, 1, "机密★10年", List.of(keeper.personId(), borrower.personId()), List.of(),
                    keeper.personId(), StoragePlace.Kind.COMBINATION_LOCK_CABINET, "机要室 2号密码柜"));
            carriers.lend(r.id(), borrower.personId(), today.plusDays(3));
            jdbc.sql("update carrier set due_date = :d where id = :id").param("d", today.minusDays(10))
                    .param("id", r.id()).update();
            return r;
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /** A standard whose E1 names the overdue-loan query and E2 an id no registry knows; an assessment of this year. */
    long assessmentWithLedgerItems() throws Exception {
        String yaml = """
                standard: %s
                version: 1
                level: UNIT
                title: {zh: 台账建议标准, en: Ledger standard}
                total: 100
                categories:
                  - id: E
                    title: {zh: 载体, en: Carriers}
                    items:
                      - id: E1
                        text: {zh: 借阅载体按期归还, en: Loans returned on time}
                        points: 60
                        evidence: carrier.loan.overdue
                      - id: E2
                        text: {zh: 尚无台账的检查项, en: An item without ledgers yet}
                        points: 40
                        evidence: ledger.notYetKnown
                """.formatted("e" + System.nanoTime());
        MockMultipartFile file = new MockMultipartFile("file", "std.yaml", "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
        String json = mvc.perform(multipart("/api/v1/standards").file(file).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long std = Long.parseLong(json.replaceAll("[^0-9]", ""));
        json = mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"standardId\":" + std + ",\"unitId\":" + unit
                                + ",\"year\":" + LocalDate.now(ZONE).getYear() + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    @Test
    void theItemPageShowsWhatTheLedgersSuggestWithSerialsNeverTitles() throws Exception {
        TestAccount keeper = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        TestAccount borrower = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        Registered lent = overdueLoan(keeper, borrower);
        long id = assessmentWithLedgerItems();

        String page = mvc.perform(get("/assessments/" + id).param("category", "E").with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"suggestion-E1\"").contains("data-suggestion=\"NOT_COMPLIANT\"")
                .contains("不符合").contains(lent.serial()).contains("/carriers/" + lent.id())
                .doesNotContain("不应出现的标题");
        assertThat(page).contains("id=\"suggest-unknown-E2\"").contains("此项暂无系统数据")
                .doesNotContain("id=\"suggestion-E2\"");
        String english = mvc.perform(get("/assessments/" + id).param("category", "E").param("lang", "en")
                .with(fixtures.as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("The ledgers suggest").contains("No ledger data for this item yet");
    }

    @Test
    void overridingTheLedgersNeedsAReasonWhichBecomesTheNote() throws Exception {
        TestAccount keeper = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        TestAccount borrower = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        overdueLoan(keeper, borrower);
        long id = assessmentWithLedgerItems();
        long audited = fixtures.auditCount("assess.score");

        score(officer, id, "E1", "COMPLIANT", null, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].code").value("assess.overrideReasonRequired"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("E1")));
        score(officer, id, "E1", "PARTLY", "30", " ").andExpect(status().isBadRequest());
        assertThat(fixtures.auditCount("assess.score")).isEqualTo(audited);
        mvc.perform(post("/assessments/" + id + "/items/E1").param("finding", "COMPLIANT").param("note", "")
                        .param("category", "E").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("itemProblem"));

        score(officer, id, "E1", "COMPLIANT", null, "借阅人已于检查当日归还").andExpect(status().isOk());
        assertThat(jdbc.sql("select note from assessment_result where assessment_id = :a and item_id = 'E1'")
                .param("a", id).query(String.class).single()).isEqualTo("借阅人已于检查当日归还");
        // Agreeing with the ledgers, or an item whose query is unknown, needs no reason.
        score(officer, id, "E1", "NOT_COMPLIANT", null, "").andExpect(status().isOk());
        score(officer, id, "E2", "COMPLIANT", null, "").andExpect(status().isOk());
        assertThat(fixtures.auditCount("assess.score")).isEqualTo(audited + 3);
    }

    // ------------------------------------------------------------------ accepting suggestions (ADR 0060)

    /** E1 overdue loans (NOT_COMPLIANT here), E2 secrecy officer (COMPLIANT), E3 training (NO_DATA), E4 none, E5 overdue carriers. */
    long assessmentToAccept() throws Exception {
        String yaml = """
                standard: %s
                version: 1
                level: UNIT
                title: {zh: 采用建议标准, en: Accepting standard}
                total: 100
                categories:
                  - id: E
                    title: {zh: 台账, en: Ledgers}
                    items:
                      - id: E1
                        text: {zh: 借阅载体按期归还, en: Loans returned on time}
                        points: 30
                        evidence: carrier.loan.overdue
                      - id: E2
                        text: {zh: 配备保密员, en: A secrecy officer}
                        points: 20
                        evidence: org.secrecyOfficer
                      - id: E3
                        text: {zh: 培训学时, en: Training hours}
                        points: 20
                        evidence: person.trainingHours
                      - id: E4
                        text: {zh: 制度健全, en: Rules in place}
                        points: 10
                      - id: E5
                        text: {zh: 载体无超期, en: No carrier overdue}
                        points: 20
                        evidence: carrier.overdue
                """.formatted("s" + System.nanoTime());
        String json = mvc.perform(multipart("/api/v1/standards").file(new MockMultipartFile("file", "std.yaml",
                        "application/yaml", yaml.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long std = Long.parseLong(json.replaceAll("[^0-9]", ""));
        json = mvc.perform(post("/api/v1/assessments").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"standardId\":" + std + ",\"unitId\":" + unit
                                + ",\"year\":" + LocalDate.now(ZONE).getYear() + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    @Test
    void acceptingTheSuggestionsFillsOnlyUnansweredItemsTheLedgersDecide() throws Exception {
        TestAccount keeper = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        TestAccount borrower = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        overdueLoan(keeper, borrower);
        long id = assessmentToAccept();
        score(officer, id, "E5", "COMPLIANT", null, "借阅人已当日归还").andExpect(status().isOk());
        mvc.perform(get("/assessments/" + id).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"accept-suggestions\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("系统数据可直接回答 2 个")));
        long audited = fixtures.auditCount("assess.suggestions.accept");

        mvc.perform(post("/api/v1/assessments/" + id + "/suggestions/accept").with(csrf()).with(fixtures.as(cleared)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assessments/" + id + "/suggestions/accept").with(csrf()).with(fixtures.as(inspector)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assessments/" + id + "/suggestions/accept").with(csrf()).with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        assertThat(fixtures.auditCount("assess.suggestions.accept")).isEqualTo(audited);

        mvc.perform(post("/api/v1/assessments/" + id + "/suggestions/accept").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filled").value(org.hamcrest.Matchers.contains("E1", "E2")))
                .andExpect(jsonPath("$.results[?(@.itemId == 'E1')].finding").value(org.hamcrest.Matchers.contains("NOT_COMPLIANT")))
                .andExpect(jsonPath("$.results[?(@.itemId == 'E2')].finding").value(org.hamcrest.Matchers.contains("COMPLIANT")))
                .andExpect(jsonPath("$.results[?(@.itemId == 'E5')].note").value(org.hamcrest.Matchers.contains("借阅人已当日归还")))
                .andExpect(jsonPath("$.results[?(@.itemId == 'E3')]").isEmpty())
                .andExpect(jsonPath("$.results[?(@.itemId == 'E4')]").isEmpty());
        assertThat(jdbc.sql("select note from assessment_result where assessment_id = :a and item_id = 'E1'")
                .param("a", id).query(String.class).single()).startsWith("依据系统数据：").contains("1 条记录");
        assertThat(jdbc.sql("select earned from assessment_result where assessment_id = :a and item_id in ('E1', 'E2')"
                + " order by item_id").param("a", id).query(java.math.BigDecimal.class).list())
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(20));
        assertThat(fixtures.auditCount("assess.suggestions.accept")).isEqualTo(audited + 1);
        assertThat(jdbc.sql("select after_state from audit_entry where action = 'assess.suggestions.accept' and object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single()).contains("E1").contains("E2").doesNotContain("E5");

        // Nothing left to fill: nothing changes and nothing is audited; the page no longer offers it.
        mvc.perform(post("/assessments/" + id + "/suggestions/accept").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashSuccess", "没有可依据系统数据填写的未评分项。"));
        assertThat(fixtures.auditCount("assess.suggestions.accept")).isEqualTo(audited + 1);
        mvc.perform(get("/assessments/" + id).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"accept-suggestions\""))));
    }

    @Test
    void aLockedAssessmentTakesNoSuggestions() throws Exception {
        long id = scored(2025);
        decide(unitHead, submit(id), "APPROVE", "");
        mvc.perform(post("/api/v1/assessments/" + id + "/suggestions/accept").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("assessment.notEditable"));
    }

    // ------------------------------------------------------------------ who approves (ADR 0061)

    List<String> chain(long request) {
        return jdbc.sql("select role from approval_step where request_id = :r order by idx").param("r", request)
                .query(String.class).list();
    }

    /** Scores every item of a default standard compliant (with a note, as ledger suggestions may differ) and submits. */
    long scoredAndSubmitted(TestAccount who, long id, String resource) throws Exception {
        for (var item : org.baomi.server.assessment.standard.DefaultStandards.load(resource).items()) {
            score(who, id, item.id(), "COMPLIANT", null, "已核实").andExpect(status().isOk());
        }
        String json = mvc.perform(post("/api/v1/assessments/" + id + "/submit").with(csrf()).with(fixtures.as(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll(".*\"approvalRequestId\":(\\d+).*", "$1"));
    }

    ResultActions decideAs(TestAccount who, long request, String verdict) throws Exception {
        return mvc.perform(post("/api/v1/approvals/" + request + "/decisions").with(csrf()).with(fixtures.as(who))
                .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"" + verdict + "\",\"comment\":\"同意\"}"));
    }

    String statusOf(long id) {
        return jdbc.sql("select status from self_assessment where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aDepartmentAssessmentIsApprovedByTheDepartmentHeadThenTheUnitHead() throws Exception {
        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        TestAccount head = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        jdbc.sql("update person set department_id = :d where id = :p").param("d", office).param("p", head.personId()).update();
        TestAccount otherUnitsHead = fixtures.account(fixtures.unit(Fixtures.unique("他"), fixtures.rootUnit()), Role.UNIT_HEAD);
        long department = defaultStandard("department-default");
        String json = openFor(officer, department, ",\"departmentId\":" + office).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(json.replaceAll("[^0-9]", ""));
        long request = scoredAndSubmitted(officer, id, "standards/department.yaml");
        assertThat(chain(request)).containsExactly("DEPARTMENT_HEAD", "UNIT_HEAD");

        decideAs(unitHead, request, "APPROVE").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("approval.wrongRole"));
        decideAs(cleared, request, "APPROVE").andExpect(status().isForbidden());
        decideAs(officer, request, "APPROVE").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("approval.ownRequest"));
        decideAs(otherUnitsHead, request, "APPROVE").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("approval.wrongRole"));
        // the head of another department of the same unit neither sees it waiting nor may decide it
        long finance = fixtures.department(unit, Fixtures.unique("财务科"));
        TestAccount financeHead = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        jdbc.sql("update person set department_id = :d where id = :p").param("d", finance)
                .param("p", financeHead.personId()).update();
        TestAccount unplacedHead = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        for (TestAccount wrong : List.of(financeHead, unplacedHead)) {
            decideAs(wrong, request, "APPROVE").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("approval.wrongDepartment"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("办公室")));
            mvc.perform(get("/api/v1/approvals").with(fixtures.as(wrong))).andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == " + request + ")]").isEmpty());
        }
        mvc.perform(get("/api/v1/approvals").with(fixtures.as(head)))
                .andExpect(jsonPath("$[?(@.id == " + request + ")]").isNotEmpty());
        decideAs(head, request, "APPROVE").andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        decideAs(head, request, "APPROVE").andExpect(status().isConflict());
        decideAs(unitHead, request, "APPROVE").andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("LOCKED");

        // The department head who submits his own department's assessment cannot approve it: the unit head does.
        long archive = fixtures.department(unit, Fixtures.unique("档案室"));
        jdbc.sql("update person set department_id = :d where id = :p").param("d", archive).param("p", head.personId()).update();
        json = openFor(head, department, ",\"departmentId\":" + archive).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long own = Long.parseLong(json.replaceAll("[^0-9]", ""));
        assertThat(chain(scoredAndSubmitted(head, own, "standards/department.yaml"))).containsExactly("UNIT_HEAD");
    }

    @Test
    void aPersonsAssessmentIsApprovedByHisDepartmentHeadOrWithoutOneByTheUnitHead() throws Exception {
        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        TestAccount head = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        jdbc.sql("update person set department_id = :d where person.id in (:p)").param("d", office)
                .param("p", List.of(head.personId(), cleared.personId())).update();
        long individual = defaultStandard("individual-default");
        String json = openFor(cleared, individual, "").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        long id = Long.parseLong(json.replaceAll("[^0-9]", ""));
        long request = scoredAndSubmitted(cleared, id, "standards/individual.yaml");
        assertThat(chain(request)).containsExactly("DEPARTMENT_HEAD");
        decideAs(cleared, request, "APPROVE").andExpect(status().isForbidden());
        decideAs(unitHead, request, "APPROVE").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("approval.wrongRole"));
        decideAs(head, request, "APPROVE").andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("LOCKED");

        TestAccount loner = fixtures.account(unit, Role.CLEARED_PERSON);
        json = openFor(loner, individual, "").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long alone = Long.parseLong(json.replaceAll("[^0-9]", ""));
        long second = scoredAndSubmitted(loner, alone, "standards/individual.yaml");
        assertThat(chain(second)).containsExactly("UNIT_HEAD");
        decideAs(head, second, "APPROVE").andExpect(status().isConflict());
        decideAs(unitHead, second, "APPROVE").andExpect(status().isOk());
        assertThat(statusOf(alone)).isEqualTo("LOCKED");
    }

    // ------------------------------------------------------------------ assigning rectifications (ADR 0062)

    ResultActions plan(TestAccount who, long rect, Long owner, String measures, LocalDate deadline) throws Exception {
        return mvc.perform(put("/api/v1/rectifications/" + rect + "/plan").with(csrf()).with(fixtures.as(who))
                .contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":" + owner + ",\"measures\":"
                        + (measures == null ? "null" : "\"" + measures + "\"") + ",\"deadline\":"
                        + (deadline == null ? "null" : "\"" + deadline + "\"") + "}"));
    }

    @Test
    void theSecrecyOfficerAssignsOwnerMeasuresAndDeadlineWhileTheWorkIsToBeDone() throws Exception {
        long id = scored(2025);
        decide(unitHead, submit(id), "APPROVE", "");
        long rect = jdbc.sql("select id from rectification where assessment_id = :a and item_id = 'A2'").param("a", id)
                .query(Long.class).single();
        LocalDate due = ChinaTime.today().plusDays(20);
        long audited = fixtures.auditCount("rectification.replan");

        plan(cleared, rect, cleared.id(), "配备专职保密员", due).andExpect(status().isForbidden());
        plan(unitHead, rect, cleared.id(), "配备专职保密员", due).andExpect(status().isForbidden());
        plan(otherOfficer, rect, cleared.id(), "配备专职保密员", due).andExpect(status().isNotFound());
        plan(officer, rect, otherOfficer.id(), "配备专职保密员", due).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        plan(officer, rect, cleared.id(), " ", ChinaTime.today().minusDays(1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("measures", "deadline")));
        assertThat(fixtures.auditCount("rectification.replan")).isEqualTo(audited);

        plan(officer, rect, cleared.id(), "配备专职保密员", due).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.ownerId").value(cleared.id()))
                .andExpect(jsonPath("$.summary.measures").value("配备专职保密员"))
                .andExpect(jsonPath("$.summary.deadline").value(due.toString()));
        assertThat(fixtures.auditCount("rectification.replan")).isEqualTo(audited + 1);
        String after = jdbc.sql("select before_state || '|' || after_state from audit_entry where action = 'rectification.replan'"
                + " and object_id = :id").param("id", Long.toString(rect)).query(String.class).single();
        assertThat(after).contains("兼职保密员").contains("配备专职保密员").contains(due.toString());

        // The new owner works on it; the officer, no longer the owner, may verify it.
        mvc.perform(post("/api/v1/rectifications/" + rect + "/start").with(csrf()).with(fixtures.as(cleared)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/rectifications/" + rect + "/complete").with(csrf()).with(fixtures.as(cleared))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已配备\"}"))
                .andExpect(status().isOk());
        plan(officer, rect, officer.id(), "再查", due).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.rectificationWrongStatus"));
        mvc.perform(post("/api/v1/rectifications/" + rect + "/verify").with(csrf()).with(fixtures.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"核实\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.summary.status").value("VERIFIED"));
    }

    @Test
    void theAssessmentPageListsNewRectificationsForInlineAssignment() throws Exception {
        long id = scored(2025);
        decide(unitHead, submit(id), "APPROVE", "");
        long rect = jdbc.sql("select id from rectification where assessment_id = :a and item_id = 'A2'").param("a", id)
                .query(Long.class).single();
        mvc.perform(get("/assessments/" + id).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"plan-" + rect + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"owner-" + rect + "\"")));
        mvc.perform(get("/assessments/" + id).with(fixtures.as(inspector))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"plan-" + rect + "\""))));
        String row = mvc.perform(post("/rectifications/" + rect + "/plan").header("HX-Request", "true").with(csrf())
                        .with(fixtures.as(officer)).param("ownerId", Long.toString(cleared.id()))
                        .param("measures", "配备专职保密员").param("deadline", "2020-01-01")
                        .param("back", "/assessments/" + id))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row).contains("plan-error-deadline-" + rect).doesNotContain("<html").doesNotContain("plan-saved-");
        row = mvc.perform(post("/rectifications/" + rect + "/plan").header("HX-Request", "true").with(csrf())
                        .with(fixtures.as(officer)).param("ownerId", Long.toString(cleared.id()))
                        .param("measures", "配备专职保密员").param("deadline", ChinaTime.today().plusDays(9).toString())
                        .param("back", "/assessments/" + id))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row).contains("plan-saved-" + rect).contains("配备专职保密员");
        mvc.perform(post("/rectifications/" + rect + "/plan").with(csrf()).with(fixtures.as(officer))
                        .param("ownerId", Long.toString(cleared.id())).param("measures", "x").param("deadline", "soon")
                        .param("back", "/assessments/" + id))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/assessments/" + id));
        // The next year's page sums up what the last one found and how much of it was fixed.
        long next = open(officer, 2026);
        mvc.perform(get("/assessments/" + next).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"previous-summary\"")));
    }
}
