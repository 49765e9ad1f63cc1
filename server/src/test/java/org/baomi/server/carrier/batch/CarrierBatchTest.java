package org.baomi.server.carrier.batch;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Destruction batches through the API, the pages and the approval framework, on a real database. */
abstract class CarrierBatchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CarrierLedgerFixture ledger;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DestructionBatchService batches;

    long unit;
    TestAccount officer;
    TestAccount leader;
    long supervisorA;
    long supervisorB;
    long destroyer;

    @BeforeEach
    void aUnitWithItsKeeperAndLeader() {
        unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        leader = fixtures.account(unit, SecretRelatedLevel.CORE, Role.LEADER_IN_CHARGE);
        supervisorA = fixtures.person(unit, "监销人甲", SecretRelatedLevel.IMPORTANT);
        supervisorB = fixtures.person(unit, "监销人乙", SecretRelatedLevel.IMPORTANT);
        destroyer = fixtures.person(unit, "销毁人丙", SecretRelatedLevel.IMPORTANT);
    }

    // ------------------------------------------------------------ helpers

    ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            TestAccount who, String json) throws Exception {
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(csrf()).with(fixtures.as(who)));
    }

    long create(TestAccount who) throws Exception {
        String body = api(post("/api/v1/carrier-batches"), who, """
                {"unitId": %d, "method": "DESTRUCTION_CENTRE", "plannedDate": "%s", "place": "市国家保密局销毁中心"}"""
                .formatted(unit, ChinaTime.today().plusDays(3))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions add(long batch, String serial, TestAccount who) throws Exception {
        return api(post("/api/v1/carrier-batches/{id}/carriers", batch), who, "{\"serial\": \"" + serial + "\"}");
    }

    String batchStatus(long batch) {
        return jdbc.sql("select status from carrier_batch where id = :id").param("id", batch).query(String.class).single();
    }

    long requestOf(long batch) {
        return jdbc.sql("select request_id from carrier_batch where id = :id").param("id", batch).query(Long.class)
                .single();
    }

    void decide(long batch, String verdict, String comment) throws Exception {
        api(post("/api/v1/approvals/{id}/decisions", requestOf(batch)), leader,
                "{\"verdict\": \"" + verdict + "\", \"comment\": \"" + comment + "\"}").andExpect(status().isOk());
    }

    /** A batch of the given carriers, submitted and approved by the leader in charge. */
    long approvedBatch(Registered... list) throws Exception {
        long batch = create(officer);
        for (Registered r : list) {
            add(batch, r.serial(), officer).andExpect(status().isOk());
        }
        api(post("/api/v1/carrier-batches/{id}/submit", batch), officer, null).andExpect(status().isOk());
        decide(batch, "APPROVE", "同意销毁");
        assertThat(batchStatus(batch)).isEqualTo("APPROVED");
        return batch;
    }

    String execution(long... supervisors) {
        StringBuilder ids = new StringBuilder();
        for (long s : supervisors) {
            ids.append(ids.isEmpty() ? "" : ",").append(s);
        }
        return """
                {"executedOn": "%s", "supervisorIds": [%s], "destroyedById": %d}"""
                .formatted(LocalDate.now(ChinaTime.ZONE), ids, destroyer);
    }

    // ------------------------------------------------------------ numbering and the list

    @Test
    void batchesAreNumberedPerUnitAndYearWithoutGaps() throws Exception {
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        long first = create(officer);
        // A refused batch (no place) takes no number.
        api(post("/api/v1/carrier-batches"), officer, "{\"unitId\": " + unit + ", \"method\": \"IN_HOUSE_EQUIPMENT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'equipment')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'place')]").isNotEmpty());
        long second = create(officer);
        api(get("/api/v1/carrier-batches/{id}", first), officer, null)
                .andExpect(jsonPath("$.number").value("XH-" + year + "-001"))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        api(get("/api/v1/carrier-batches/{id}", second), officer, null)
                .andExpect(jsonPath("$.number").value("XH-" + year + "-002"));

        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount otherOfficer = fixtures.account(other, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        api(post("/api/v1/carrier-batches"), otherOfficer, """
                {"unitId": %d, "method": "DESTRUCTION_CENTRE", "plannedDate": "2030-01-01", "place": "销毁中心"}"""
                .formatted(other)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value("XH-" + year + "-001"));
        assertThat(fixtures.auditCount("carrierBatch.create")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void keepersDrawingUpBatchesAtTheSameMomentGetConsecutiveNumbers() throws Exception {
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        int n = 4;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Long>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(pool.submit(() -> {
                    start.await();
                    return ledger.as(officer, () -> batches.create(new BatchViews.BatchInput(unit,
                            org.baomi.core.carrier.DestructionRecord.Method.DESTRUCTION_CENTRE, null,
                            ChinaTime.today(), "销毁中心")));
                }));
            }
            start.countDown();
            for (var f : ids) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select number from carrier_batch where unit_id = :u order by number").param("u", unit)
                .query(String.class).list()).containsExactly("XH-" + year + "-001", "XH-" + year + "-002",
                "XH-" + year + "-003", "XH-" + year + "-004");
    }

    @Test
    void theListTakesCarriersInCustodyOrArchivedAndRefusesOthersWithTheReason() throws Exception {
        Registered kept = ledger.secret(officer, unit, "年度投资计划");
        Registered archived = ledger.secret(officer, unit, "会议纪要");
        Registered lent = ledger.secret(officer, unit, "测算报告", supervisorA);
        ledger.as(officer, () -> {
            carriers.archive(archived.id());
            carriers.lend(lent.id(), supervisorA, ChinaTime.today().plusDays(5));
        });
        long batch = create(officer);
        add(batch, kept.serial(), officer).andExpect(status().isOk()).andExpect(jsonPath("$.items[0].position").value(1));
        add(batch, " " + archived.serial().toLowerCase() + " ", officer).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[1].serial").value(archived.serial()))
                .andExpect(jsonPath("$.items[1].title").value("会议纪要"));
        add(batch, lent.serial(), officer).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("serial"))
                .andExpect(jsonPath("$.errors[0].code").value("carrierBatch.notDestroyable"))
                .andExpect(jsonPath("$.errors[0].message").value(lent.serial() + " 当前为“借出”，只有在管或已归档的载体才能销毁。"));
        add(batch, "NO-SUCH-1", officer).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrierBatch.serialUnknown"));
        add(batch, kept.serial(), officer).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrierBatch.alreadyListed"));
        long another = create(officer);
        add(another, kept.serial(), officer).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrierBatch.inOtherBatch"));

        api(delete("/api/v1/carrier-batches/{id}/carriers/{c}", batch, kept.id()), officer, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].position").value(1));
        add(another, kept.serial(), officer).andExpect(status().isOk());
    }

    @Test
    void anEmptyBatchCannotBeSubmitted() throws Exception {
        long batch = create(officer);
        api(post("/api/v1/carrier-batches/{id}/submit", batch), officer, null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("carrierBatch.empty"));
        assertThat(batchStatus(batch)).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select request_id from carrier_batch where id = :id").param("id", batch)
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void aSubmittedListIsFrozenAndCannotBeExecutedBeforeApproval() throws Exception {
        Registered a = ledger.secret(officer, unit, "甲");
        Registered b = ledger.secret(officer, unit, "乙");
        long batch = create(officer);
        add(batch, a.serial(), officer).andExpect(status().isOk());
        api(post("/api/v1/carrier-batches/{id}/submit", batch), officer, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.approval.status").value("PENDING"));
        assertThat(jdbc.sql("select type from approval_request where id = :r").param("r", requestOf(batch))
                .query(String.class).single()).isEqualTo(CarrierService.DESTROY);

        add(batch, b.serial(), officer).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrierBatch.frozen"));
        api(delete("/api/v1/carrier-batches/{id}/carriers/{c}", batch, a.id()), officer, null)
                .andExpect(status().isConflict());
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA, supervisorB))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrierBatch.notApproved"));
        assertThat(ledger.status(a.id())).isEqualTo("IN_CUSTODY");
    }

    @Test
    void aRejectedBatchIsEditedAndSubmittedAgainUnderANewRequest() throws Exception {
        Registered a = ledger.secret(officer, unit, "甲");
        Registered b = ledger.secret(officer, unit, "乙");
        long batch = create(officer);
        add(batch, a.serial(), officer).andExpect(status().isOk());
        api(post("/api/v1/carrier-batches/{id}/submit", batch), officer, null).andExpect(status().isOk());
        long firstRequest = requestOf(batch);
        decide(batch, "REJECT", "请补充乙件一并销毁");
        assertThat(batchStatus(batch)).isEqualTo("REJECTED");
        assertThat(fixtures.auditCount("carrierBatch.rejected")).isPositive();

        add(batch, b.serial(), officer).andExpect(status().isOk());
        api(post("/api/v1/carrier-batches/{id}/submit", batch), officer, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.items.length()").value(2));
        assertThat(requestOf(batch)).isNotEqualTo(firstRequest);
        decide(batch, "APPROVE", "同意");
        api(get("/api/v1/carrier-batches/{id}", batch), officer, null)
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approval.approverName").value(leader.username()))
                .andExpect(jsonPath("$.approval.comment").value("同意"));
    }

    @Test
    void aWithdrawnRequestPutsTheBatchBackToDraft() throws Exception {
        Registered a = ledger.secret(officer, unit, "甲");
        long batch = create(officer);
        add(batch, a.serial(), officer).andExpect(status().isOk());
        api(post("/api/v1/carrier-batches/{id}/submit", batch), officer, null).andExpect(status().isOk());
        api(post("/api/v1/approvals/{id}/withdraw", requestOf(batch)), officer, null).andExpect(status().isOk());
        assertThat(batchStatus(batch)).isEqualTo("DRAFT");
    }

    // ------------------------------------------------------------ execution

    @Test
    void supervisorsMustBeAtLeastTwoAndNotTheRequester() throws Exception {
        Registered a = ledger.secret(officer, unit, "甲");
        long batch = approvedBatch(a);
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supervisorIds"))
                .andExpect(jsonPath("$.errors[0].code").value("carrier.supervisorsTooFew"));
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA, supervisorA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrier.supervisorsTooFew"));
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA, officer.personId()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrier.supervisorIsRequester"));
        assertThat(ledger.status(a.id())).isEqualTo("IN_CUSTODY");
        assertThat(batchStatus(batch)).isEqualTo("APPROVED");

        // The page shows the refusal beside the supervisors.
        String page = mvc.perform(post("/carriers/batches/{id}/execute", batch).with(csrf()).with(fixtures.as(officer))
                        .param("executedOn", ChinaTime.today().toString()).param("supervisorIds", Long.toString(supervisorA))
                        .param("destroyedById", Long.toString(destroyer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"supervisorIds-error\"").contains("销毁须有至少两名不同的监销人");
    }

    @Test
    void executionDestroysEveryCarrierOnTheListAndRecordsWhoWatched() throws Exception {
        Registered a = ledger.secret(officer, unit, "甲");
        Registered b = ledger.secret(officer, unit, "乙");
        ledger.as(officer, () -> carriers.archive(b.id()));
        long batch = approvedBatch(a, b);
        long destroyAudits = fixtures.auditCount("carrier.destroy");
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA, supervisorB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXECUTED"))
                .andExpect(jsonPath("$.destroyedByName").value("销毁人丙"))
                .andExpect(jsonPath("$.supervisors[*].name").value(org.hamcrest.Matchers.contains("监销人甲", "监销人乙")));
        assertThat(ledger.status(a.id())).isEqualTo("DESTROYED");
        assertThat(ledger.status(b.id())).isEqualTo("DESTROYED");
        assertThat(fixtures.auditCount("carrier.destroy")).isEqualTo(destroyAudits + 2);
        assertThat(jdbc.sql("select count(*) from carrier_destruction_use where request_id = :r")
                .param("r", requestOf(batch)).query(Long.class).single()).isEqualTo(2);
        // The carrier's history names the batch.
        assertThat(jdbc.sql("select payload from carrier_event where carrier_id = :c and event_type = 'Destroyed'")
                .param("c", a.id()).query(String.class).single()).contains(
                jdbc.sql("select number from carrier_batch where id = :id").param("id", batch).query(String.class).single());
        // Executed once only.
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA, supervisorB))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("carrierBatch.notApproved"));
    }

    @Test
    void aCarrierLostInTheMeantimeStopsTheWholeBatch() throws Exception {
        Registered a = ledger.secret(officer, unit, "甲");
        Registered b = ledger.secret(officer, unit, "乙");
        long batch = approvedBatch(a, b);
        ledger.as(officer, () -> carriers.reportLost(b.id(), "清查时未找到"));
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA, supervisorB))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrierBatch.listChanged"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(b.serial() + " (已丢失)")));
        assertThat(ledger.status(a.id())).isEqualTo("IN_CUSTODY");
        assertThat(batchStatus(batch)).isEqualTo("APPROVED");
    }

    @Test
    void aRefusalHalfWayUndoesTheCarriersAlreadyDestroyed() throws Exception {
        Registered a = ledger.secret(officer, unit, "甲");
        Registered b = ledger.secret(officer, unit, "乙");
        Registered top = ledger.topSecret(officer, unit, "绝密方案");
        long batch = approvedBatch(a, b, top);
        // Another keeper of the ledger, cleared only up to SECRET, may not destroy the TOP SECRET one:
        // the model refuses the third carrier after the first two were destroyed in the same transaction.
        TestAccount archivist = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.ARCHIVIST);
        long destroyAudits = fixtures.auditCount("carrier.destroy");
        api(post("/api/v1/carrier-batches/{id}/execute", batch), archivist, execution(supervisorA, supervisorB))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrierBatch.carrierRefused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("未销毁任何载体：" + top.serial())));
        assertThat(List.of(ledger.status(a.id()), ledger.status(b.id()), ledger.status(top.id())))
                .containsOnly("IN_CUSTODY");
        assertThat(fixtures.auditCount("carrier.destroy")).isEqualTo(destroyAudits);
        assertThat(jdbc.sql("select count(*) from carrier_destruction_use where request_id = :r")
                .param("r", requestOf(batch)).query(Long.class).single()).isZero();
        assertThat(batchStatus(batch)).isEqualTo("APPROVED");
    }

    // ------------------------------------------------------------ who may do what

    @Test
    void rolesThatMustNotActAreRefused() throws Exception {
        Registered a = ledger.secret(officer, unit, "不可泄露的标题");
        long batch = create(officer);
        add(batch, a.serial(), officer).andExpect(status().isOk());
        TestAccount inspector = fixtures.account(unit, SecretRelatedLevel.CORE, Role.INSPECTOR);
        TestAccount cleared = fixtures.account(unit, SecretRelatedLevel.CORE, Role.CLEARED_PERSON);
        TestAccount auditor = fixtures.account(unit, Role.SECURITY_AUDITOR);
        for (TestAccount who : List.of(inspector, cleared, auditor)) {
            api(post("/api/v1/carrier-batches"), who, "{\"unitId\": " + unit + "}").andExpect(status().isForbidden());
            add(batch, a.serial(), who).andExpect(status().isForbidden());
            api(post("/api/v1/carrier-batches/{id}/submit", batch), who, null).andExpect(status().isForbidden());
            api(post("/api/v1/carrier-batches/{id}/execute", batch), who, execution(supervisorA, supervisorB))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/carriers/batches/{id}/print", batch).with(fixtures.as(who))).andExpect(status().isForbidden());
            mvc.perform(post("/carriers/batches/{id}/submit", batch).with(csrf()).with(fixtures.as(who)))
                    .andExpect(status().isForbidden());
        }
        api(get("/api/v1/carrier-batches/{id}", batch), auditor, null).andExpect(status().isForbidden());
        // The inspector reads the batch, but not the titles: he does not keep the ledger.
        api(get("/api/v1/carrier-batches/{id}", batch), inspector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].serial").value(a.serial()))
                .andExpect(jsonPath("$.items[0].title").doesNotExist())
                .andExpect(jsonPath("$.actions.edit").value(false));
        // A keeper of another unit does not see it at all.
        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount stranger = fixtures.account(other, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        api(get("/api/v1/carrier-batches/{id}", batch), stranger, null).andExpect(status().isNotFound());
        add(batch, a.serial(), stranger).andExpect(status().isNotFound());
        api(post("/api/v1/carrier-batches"), stranger, """
                {"unitId": %d, "method": "DESTRUCTION_CENTRE", "plannedDate": "2030-01-01", "place": "x"}"""
                .formatted(unit)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrierBatch.unitNotYours"));
        api(get("/api/v1/carrier-batches"), stranger, null)
                .andExpect(jsonPath("$.items[?(@.id == " + batch + ")]").isEmpty());
        assertThat(batchStatus(batch)).isEqualTo("DRAFT");
    }

    // ------------------------------------------------------------ pages and the printed record

    @Test
    void theKeeperDrawsUpABatchOnThePagesAndSeesRefusalsBesideTheField() throws Exception {
        Registered a = ledger.secret(officer, unit, "页面测试件");
        String location = mvc.perform(post("/carriers/batches").with(csrf()).with(fixtures.as(officer))
                        .param("unitId", Long.toString(unit)).param("method", "IN_HOUSE_EQUIPMENT")
                        .param("equipment", "SDS-3 碎纸机").param("plannedDate", ChinaTime.today().toString())
                        .param("place", "机要室"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "销毁批次已创建。"))
                .andReturn().getResponse().getRedirectedUrl();
        long batch = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String refused = mvc.perform(post("/carriers/batches/{id}/carriers", batch).with(csrf()).with(fixtures.as(officer))
                        .param("serial", "NO-SUCH"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"serial-error\"").contains("没有编号为 NO-SUCH 的载体");

        mvc.perform(post("/carriers/batches/{id}/carriers", batch).with(csrf()).with(fixtures.as(officer))
                        .param("serial", a.serial()))
                .andExpect(redirectedUrl("/carriers/batches/" + batch + "#batch-add"));
        String page = mvc.perform(get("/carriers/batches/{id}", batch).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(a.serial()).contains("页面测试件").contains("自行销毁").contains("SDS-3 碎纸机")
                .contains("id=\"batch-submit\"");
        String list = mvc.perform(get("/carriers/batches").with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("batch-" + batch);

        mvc.perform(post("/carriers/batches/{id}/submit", batch).with(csrf()).with(fixtures.as(officer)))
                .andExpect(redirectedUrl("/carriers/batches/" + batch))
                .andExpect(flash().attribute("flashSuccess", "已提交分管领导审批。"));
        String approval = mvc.perform(get("/approvals/{id}", requestOf(batch)).with(fixtures.as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(approval).contains("涉密载体销毁审批").contains("销毁涉密载体 1 件");
    }

    @Test
    void thePrintedRecordListsTheCarriersAndWithholdsTitlesTheKeeperIsNotClearedFor() throws Exception {
        Registered a = ledger.secret(officer, unit, "全市能源消费测算报告");
        Registered top = ledger.topSecret(officer, unit, "重要经济数据保障方案");
        long batch = approvedBatch(a, top);
        api(post("/api/v1/carrier-batches/{id}/execute", batch), officer, execution(supervisorA, supervisorB))
                .andExpect(status().isOk());
        long views = fixtures.auditCount("carrier_batch.view");
        String record = mvc.perform(get("/carriers/batches/{id}/print", batch).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String number = jdbc.sql("select number from carrier_batch where id = :id").param("id", batch)
                .query(String.class).single();
        assertThat(record).contains("涉密载体销毁登记表").contains(number).contains(a.serial()).contains(top.serial())
                .contains("全市能源消费测算报告").contains("重要经济数据保障方案").contains("合计 2 件")
                .contains("绝密 1 件").contains("监销人甲").contains("监销人乙").contains("销毁人丙")
                .contains(leader.username()).contains("同意销毁").doesNotContain("class=\"sidenav\"");
        assertThat(fixtures.auditCount("carrier_batch.view")).isGreaterThan(views);

        TestAccount archivist = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.ARCHIVIST);
        String limited = mvc.perform(get("/carriers/batches/{id}/print", batch).with(fixtures.as(archivist)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(limited).contains(top.serial()).contains("全市能源消费测算报告")
                .doesNotContain("重要经济数据保障方案").contains("（标题不予打印）");
    }
}
