package org.baomi.server.evidence;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.carrier.CarrierInput;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.platform.Db;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Evidence and figures over a ledger built through the real services and APIs: carriers
 * registered, lent, circulated and destroyed under an approved batch, an inventory, devices and
 * media breaking rules. Where only time could make a record overdue, the test moves its date back
 * in the projection (as the ledger pages' tests do); one destruction's approval is tampered with.
 */
abstract class EvidenceTest {

    static final ZoneId ZONE = ChinaTime.ZONE;

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

    LocalDate today;
    long parent;
    long unit;
    long child;
    long otherUnit;
    TestAccount officer;
    TestAccount leader;
    TestAccount reader;
    TestAccount inspector;
    TestAccount childOfficer;
    TestAccount otherOfficer;
    TestAccount auditor;
    long clearedPerson;

    @BeforeEach
    void units() {
        today = LocalDate.now(ZONE);
        parent = fixtures.unit(Fixtures.unique("上级"), fixtures.rootUnit());
        unit = fixtures.unit(Fixtures.unique("单位"), parent);
        child = fixtures.unit(Fixtures.unique("下级"), unit);
        otherUnit = fixtures.unit(Fixtures.unique("他单位"), parent);
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        leader = fixtures.account(unit, SecretRelatedLevel.CORE, Role.LEADER_IN_CHARGE);
        reader = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        inspector = fixtures.account(parent, SecretRelatedLevel.IMPORTANT, Role.INSPECTOR);
        childOfficer = fixtures.account(child, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        otherOfficer = fixtures.account(otherUnit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        auditor = fixtures.account(fixtures.rootUnit(), SecretRelatedLevel.NONE, Role.SECURITY_AUDITOR);
        clearedPerson = fixtures.person(unit, "张涉密", SecretRelatedLevel.IMPORTANT);
    }

    // ------------------------------------------------------------------ helpers

    <T> T as(TestAccount who, Supplier<T> act) {
        var user = users.loadUserByUsername(who.username());
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return act.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    Registered carrier(long unitId, TestAccount keeper, String marking, LocalDate dated) {
        return as(keeper, () -> carriers.register(new CarrierInput(unitId, CarrierType.PAPER_DOCUMENT,
                "不应出现的标题" + Fixtures.unique(""), "江发改〔2026〕1号", "江州市发展和改革委员会", dated, 1, 1, marking,
                unitId == unit ? List.of(keeper.personId(), reader.personId()) : List.of(keeper.personId()), List.of(),
                keeper.personId(),
                marking.startsWith("绝密") ? StoragePlace.Kind.COMBINATION_SAFE : StoragePlace.Kind.COMBINATION_LOCK_CABINET,
                "机要室 2号密码柜")));
    }

    Registered carrier() {
        return carrier(unit, officer, "机密★10年", today.minusDays(30));
    }

    ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            TestAccount who, String json) throws Exception {
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(csrf()).with(fixtures.as(who)));
    }

    static long id(ResultActions result, String path) throws Exception {
        Number n = JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
        return n.longValue();
    }

    ResultActions evidence(String query, TestAccount who, long unitId, String... params) throws Exception {
        var request = get("/api/v1/evidence/{q}", query).param("unitId", Long.toString(unitId));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(fixtures.as(who)));
    }

    void moveDueDateBack(long carrierId, int days) {
        jdbc.sql("update carrier set due_date = :d where id = :id").param("d", today.minusDays(days))
                .param("id", carrierId).update();
    }

    /** Destroys {@code r} under a batch approved by the leader in charge; returns the approval request. */
    long destroyUnderApprovedBatch(Registered r) throws Exception {
        long batch = id(call(post("/api/v1/carrier-batches"), officer, """
                {"unitId": %d, "method": "DESTRUCTION_CENTRE", "plannedDate": "%s", "place": "市国家保密局销毁中心"}"""
                .formatted(unit, today.plusDays(1))).andExpect(status().isCreated()), "$.id");
        call(post("/api/v1/carrier-batches/{id}/carriers", batch), officer, "{\"serial\": \"" + r.serial() + "\"}")
                .andExpect(status().isOk());
        call(post("/api/v1/carrier-batches/{id}/submit", batch), officer, null).andExpect(status().isOk());
        long request = jdbc.sql("select request_id from carrier_batch where id = :id").param("id", batch)
                .query(Long.class).single();
        call(post("/api/v1/approvals/{id}/decisions", request), leader,
                "{\"verdict\": \"APPROVE\", \"comment\": \"同意销毁\"}").andExpect(status().isOk());
        long supervisor = fixtures.person(unit, "监销人", SecretRelatedLevel.IMPORTANT);
        long supervisor2 = fixtures.person(unit, "监销人", SecretRelatedLevel.IMPORTANT);
        long destroyer = fixtures.person(unit, "销毁人", SecretRelatedLevel.IMPORTANT);
        call(post("/api/v1/carrier-batches/{id}/execute", batch), officer, """
                {"executedOn": "%s", "supervisorIds": [%d, %d], "destroyedById": %d}"""
                .formatted(today, supervisor, supervisor2, destroyer)).andExpect(status().isOk());
        return request;
    }

    long network(String json) throws Exception {
        return id(call(post("/api/v1/networks?unitId=" + unit), officer, json).andExpect(status().isCreated()), "$.id");
    }

    static String device(String asset, String type, String designation, String level, boolean bootPassword,
            boolean bluetooth) {
        return """
                {"assetNumber":"%s","type":"%s","designation":"%s",%s"brandModel":"联想 昭阳 K4e",
                 "serialNumber":"PF2X1","diskSerials":["S4EVNF0M"],"macAddresses":[],
                 "ipAddresses":[],"operatingSystem":"银河麒麟 V10","purpose":"文件处理",
                 "security":{"bootPassword":%s,"usbStorageBlocked":true,"wirelessRemoved":true,
                   "opticalDriveDisabled":true,"terminalControlSuite":true,"antivirus":true,"auditEnabled":true},
                 "hardware":{"wirelessCard":false,"bluetooth":%s,"modem":false}}"""
                .formatted(asset, type, designation, level == null ? "" : "\"level\":\"" + level + "\",", bootPassword,
                        bluetooth);
    }

    long register(String details) throws Exception {
        String body = "{\"unitId\":%d,\"details\":%s,\"placement\":{\"responsiblePersonId\":%d,\"location\":\"3楼301\"}}"
                .formatted(unit, details, clearedPerson);
        return id(call(post("/api/v1/devices"), officer, body).andExpect(status().isCreated()), "$.device.id");
    }

    // ------------------------------------------------------------------ the queries

    @Test
    void theQueriesAreListedByTheirStableIdsAndAnUnknownIdIsNamed() throws Exception {
        mvc.perform(get("/api/v1/evidence/queries").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(containsInAnyOrder("device.compliance.critical",
                        "device.compliance.high", "device.classified.security-settings", "medium.compliance",
                        "carrier.circulation.overdue", "carrier.loan.overdue", "carrier.carryOut.overdue",
                        "carrier.yearEndHeld", "carrier.term.expiring", "carrier.destroyedWithoutApproval",
                        "carrier.inventory.missing", "medium.unregistered", "carrier.overdue", "carrier.lost",
                        "device.internetConnected", "rectification.overdue", "incident.unreported",
                        "assessment.coverage", "org.secrecyOfficer", "person.roster", "person.leftHoldingCarriers",
                        "carrier.storage", "person.trainingHours", "person.commitmentSigned",
                        "disclosure.publishedWithoutReview", "device.classified.registration", "device.maintenance",
                        "device.internet.registration", "medium.crossUse", "equipment.classified.compliance")))
                .andExpect(jsonPath("$[?(@.id == 'carrier.loan.overdue')].description").value(hasItem("借阅超期未归还的涉密载体")));
        evidence("carrier.nonsense", officer, unit).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("evidence.unknownQuery"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("carrier.nonsense")));
    }

    @Test
    void anEmptyLedgerGivesNoDataAndTerminalObservationsAreNotStoredYet() throws Exception {
        for (String q : List.of("carrier.loan.overdue", "carrier.destroyedWithoutApproval", "device.compliance.critical",
                "medium.compliance", "carrier.inventory.missing", "medium.unregistered")) {
            evidence(q, officer, unit).andExpect(status().isOk())
                    .andExpect(jsonPath("$.queryId").value(q))
                    .andExpect(jsonPath("$.suggestion").value("NO_DATA"))
                    .andExpect(jsonPath("$.records").isEmpty());
        }
        evidence("medium.unregistered", officer, unit)
                .andExpect(jsonPath("$.summaryKey").value("evidence.summary.medium.unregistered.noObservations"))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("终端")));
    }

    @Test
    void ledgersBaomiDoesNotKeepYetAnswerNoDataNamingTheMissingLedger() throws Exception {
        evidence("person.trainingHours", officer, unit).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestion").value("NO_DATA"))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("培训台账")));
        evidence("person.commitmentSigned", officer, unit).andExpect(jsonPath("$.suggestion").value("NO_DATA"))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("承诺书台账")));
        mvc.perform(get("/api/v1/evidence/{q}", "disclosure.publishedWithoutReview").param("unitId", Long.toString(unit))
                        .param("lang", "en").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestion").value("NO_DATA"))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("disclosure-review ledger")));
        evidence("person.trainingHours", otherOfficer, unit).andExpect(status().isNotFound());
    }

    @Test
    void overdueRectificationsAndOpenIncidentsAreFound() throws Exception {
        evidence("rectification.overdue", officer, unit).andExpect(jsonPath("$.suggestion").value("NO_DATA"));
        long account = officer.id();
        long late = rectification("C16.2 整改未按期完成", account, today.minusDays(5), "IN_PROGRESS");
        rectification("C07.2 已按期完成", account, today.minusDays(5), "DONE");
        rectification("C09.2 期限未到", account, today.plusDays(5), "OPEN");
        evidence("rectification.overdue", officer, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.records[0].link").value("/rectifications/" + late))
                .andExpect(jsonPath("$.records[0].detail").value(org.hamcrest.Matchers.containsString("5 天")));
        evidence("rectification.overdue", otherOfficer, otherUnit).andExpect(jsonPath("$.suggestion").value("NO_DATA"));

        evidence("incident.unreported", officer, unit).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        Registered lost = carrier();
        as(officer, () -> carriers.reportLost(lost.id(), "会后遗失"));
        evidence("incident.unreported", officer, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[0].label").value(lost.serial()))
                .andExpect(jsonPath("$.records[0].link").value("/carriers/" + lost.id()))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("向上级报告")));
    }

    long rectification(String problem, long ownerAccount, LocalDate deadline, String status) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into rectification (unit_id, problem, owner_id, owner_name, measures, deadline, status, created_at)
                values (:unit, :problem, :owner, '王保密', '整改', :deadline, :status, current_timestamp)""")
                .param("unit", unit).param("problem", problem).param("owner", ownerAccount).param("deadline", deadline)
                .param("status", status).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Test
    void theRosterOfficersStorageAndCoverageAreReadFromTheOrganisation() throws Exception {
        evidence("org.secrecyOfficer", officer, unit).andExpect(jsonPath("$.suggestion").value("COMPLIANT"))
                .andExpect(jsonPath("$.count").value(1));
        long empty = fixtures.unit(Fixtures.unique("无保密员"), parent);
        TestAccount emptyHead = fixtures.account(empty, SecretRelatedLevel.CORE, Role.UNIT_HEAD);
        evidence("org.secrecyOfficer", emptyHead, empty).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"));

        evidence("person.roster", officer, unit).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        TestAccount unlisted = fixtures.account(unit, SecretRelatedLevel.NONE, Role.CLEARED_PERSON);
        evidence("person.roster", officer, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[0].id").value(Long.toString(unlisted.personId())));

        Registered kept = carrier();
        evidence("carrier.storage", officer, unit).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        jdbc.sql("update carrier set level = 'TOP_SECRET' where id = :id").param("id", kept.id()).update();
        evidence("carrier.storage", officer, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[0].label").value(kept.serial()));

        evidence("person.leftHoldingCarriers", officer, unit).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        jdbc.sql("update person set active = false where id = :id").param("id", officer.personId()).update();
        evidence("person.leftHoldingCarriers", leader, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[0].label").value(kept.serial()));

        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        evidence("assessment.coverage", leader, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[?(@.type == 'department')].id").value(hasItem(Long.toString(office))))
                .andExpect(jsonPath("$.records[?(@.type == 'person')].id").value(hasItem(Long.toString(clearedPerson))));
    }

    @Test
    void overdueLoansCirculationsAndYearEndHoldingsAreFoundWithSerialsNeverTitles() throws Exception {
        Registered lent = carrier();
        Registered circulating = carrier();
        Registered heldAcrossNewYear = carrier();
        Registered onTime = carrier();
        as(officer, () -> {
            carriers.lend(lent.id(), reader.personId(), today.plusDays(3));
            carriers.lend(heldAcrossNewYear.id(), reader.personId(), today.plusDays(30));
            carriers.lend(onTime.id(), reader.personId(), today);
            carriers.circulate(circulating.id(), List.of(reader.personId()), today.plusDays(2), false);
            return null;
        });
        moveDueDateBack(lent.id(), 10);
        moveDueDateBack(circulating.id(), 1);
        Instant lastYear = LocalDate.of(today.getYear() - 1, 12, 1).atStartOfDay(ZONE).toInstant();
        jdbc.sql("update carrier set held_since = :t where id = :id").param("t", Db.ts(lastYear))
                .param("id", heldAcrossNewYear.id()).update();

        String body = evidence("carrier.loan.overdue", officer, unit).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.records[0].type").value("carrier"))
                .andExpect(jsonPath("$.records[0].id").value(Long.toString(lent.id())))
                .andExpect(jsonPath("$.records[0].label").value(lent.serial()))
                .andExpect(jsonPath("$.records[0].link").value("/carriers/" + lent.id()))
                .andExpect(jsonPath("$.records[0].detail").value(org.hamcrest.Matchers.containsString("已超期 10 天")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("不应出现的标题");
        evidence("carrier.circulation.overdue", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(circulating.serial())));
        evidence("carrier.overdue", officer, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(lent.serial(), circulating.serial())));
        evidence("carrier.carryOut.overdue", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("COMPLIANT")).andExpect(jsonPath("$.count").value(0));
        evidence("carrier.yearEndHeld", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(heldAcrossNewYear.serial())));
        // Judged at the end of a past period, the loan overdue today was not overdue yet.
        evidence("carrier.loan.overdue", officer, unit, "from", today.minusDays(60).toString(),
                "to", today.minusDays(20).toString())
                .andExpect(jsonPath("$.suggestion").value("COMPLIANT"))
                .andExpect(jsonPath("$.asOf").value(today.minusDays(20).toString()));
        evidence("carrier.loan.overdue", officer, unit)
                .andExpect(jsonPath("$.summary").value("有 1 件载体借阅超期未归还。"));
    }

    @Test
    void termsThatEndedAreFindingsAndTermsAboutToEndAreListedForReview() throws Exception {
        Registered ended = carrier(unit, officer, "秘密★1年", today.minusYears(1).minusDays(5));
        Registered ending = carrier(unit, officer, "秘密★1年", today.minusYears(1).plusDays(20));
        Registered far = carrier(unit, officer, "秘密★10年", today.minusDays(5));
        evidence("carrier.term.expiring", officer, unit).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(ended.serial(), ending.serial())))
                .andExpect(jsonPath("$.summaryArgs[0]").value(1))
                .andExpect(jsonPath("$.summaryArgs[1]").value(1));
        assertThat(far.serial()).isNotBlank();
    }

    @Test
    void aDestructionUnderAnApprovedRequestIsCompliantAndATamperedApprovalIsFound() throws Exception {
        Registered kept = carrier();
        Registered destroyed = carrier();
        long request = destroyUnderApprovedBatch(destroyed);
        evidence("carrier.destroyedWithoutApproval", officer, unit).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestion").value("COMPLIANT")).andExpect(jsonPath("$.count").value(0));

        // Someone changes the approval's row behind the application's back: the evidence shows it.
        jdbc.sql("update approval_request set status = 'REJECTED' where id = :id").param("id", request).update();
        evidence("carrier.destroyedWithoutApproval", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(destroyed.serial())))
                .andExpect(jsonPath("$.records[0].detail").value(org.hamcrest.Matchers.containsString("REJECTED")));
        // Outside the period the destruction is not looked at.
        evidence("carrier.destroyedWithoutApproval", officer, unit, "from", today.minusDays(40).toString(),
                "to", today.minusDays(10).toString()).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        // A carrier marked destroyed without a destruction in its history is found too.
        jdbc.sql("update carrier set status = 'DESTROYED' where id = :id").param("id", kept.id()).update();
        evidence("carrier.destroyedWithoutApproval", officer, unit)
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(destroyed.serial(), kept.serial())));
    }

    @Test
    void carriersReportedLostInThePeriodAreFound() throws Exception {
        Registered lost = carrier();
        carrier();
        evidence("carrier.lost", officer, unit).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        as(officer, () -> carriers.reportLost(lost.id(), "出差途中遗失"));
        evidence("carrier.lost", officer, unit).andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(lost.serial())));
        evidence("carrier.lost", officer, unit, "from", today.minusDays(40).toString(),
                "to", today.minusDays(10).toString()).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
    }

    @Test
    void theLastFinishedInventorysMissingCarriersAreFound() throws Exception {
        Registered missing = carrier();
        evidence("carrier.inventory.missing", officer, unit).andExpect(jsonPath("$.suggestion").value("NO_DATA"));
        long inventory = id(call(post("/api/v1/carrier-inventories"), officer, "{\"unitId\": " + unit + "}")
                .andExpect(status().isCreated()), "$.id");
        call(post("/api/v1/carrier-inventories/{id}/finish", inventory), officer, null).andExpect(status().isOk());
        evidence("carrier.inventory.missing", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(missing.serial())));
    }

    @Test
    void classifiedOfficeEquipmentIsJudgedOnItsOwnAndNotByTheComputersBesideIt() throws Exception {
        evidence("equipment.classified.compliance", officer, unit).andExpect(jsonPath("$.suggestion").value("NO_DATA"));
        register(device(Fixtures.unique("ZC-"), "LAPTOP", "CLASSIFIED", "SECRET", true, true));
        // a laptop's Bluetooth is not the printers' business; none is registered yet
        evidence("equipment.classified.compliance", officer, unit).andExpect(jsonPath("$.suggestion").value("NO_DATA"));
        String printer = Fixtures.unique("DY-");
        long printerId = register(device(printer, "PRINTER", "CLASSIFIED", "SECRET", true, false));
        evidence("equipment.classified.compliance", officer, unit).andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        jdbc.sql("update device set has_wireless_card = true where id = :id").param("id", printerId).update();
        evidence("equipment.classified.compliance", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(printer)));
    }

    @Test
    void devicesAndMediaBreakingRulesAreFoundBySeverityAndRule() throws Exception {
        long intranet = network("{\"name\":\"政务内网\",\"kind\":\"GOVERNMENT_INTRANET\"}");
        network("{\"name\":\"机要网\",\"kind\":\"CLASSIFIED\",\"level\":\"SECRET\",\"approvalReference\":\"江保〔2024〕7号\"}");
        String critical = Fixtures.unique("ZC-");
        long onIntranet = register(device(critical, "DESKTOP", "CLASSIFIED", "SECRET", true, false));
        String noBootPassword = Fixtures.unique("ZC-");
        register(device(noBootPassword, "LAPTOP", "CLASSIFIED", "SECRET", false, true));
        register(device(Fixtures.unique("ZC-"), "DESKTOP", "NON_CLASSIFIED", null, true, false));
        evidence("device.compliance.critical", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("COMPLIANT"));
        // The services refuse to put a classified computer on the intranet; a ledger row that says
        // so (as an old ledger might) is what the veto item is about.
        jdbc.sql("update device set network_id = :n, status = 'IN_USE' where id = :id").param("n", intranet)
                .param("id", onIntranet).update();

        evidence("device.compliance.critical", officer, unit).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[0].type").value("device"))
                .andExpect(jsonPath("$.records[0].label").value(critical))
                .andExpect(jsonPath("$.records[0].link").value("/devices/" + onIntranet));
        evidence("device.internetConnected", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(critical)));
        evidence("device.compliance.high", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(hasItem(noBootPassword)));
        evidence("device.classified.security-settings", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[*].label").value(containsInAnyOrder(noBootPassword)));
        evidence("medium.compliance", officer, unit).andExpect(jsonPath("$.suggestion").value("NO_DATA"));
        call(post("/api/v1/media?unitId=" + unit), officer,
                "{\"type\":\"USB_FLASH_DRIVE\",\"level\":\"SECRET\",\"brandModel\":\"朗科 U208\",\"capacity\":\"32GB\"}")
                .andExpect(status().isCreated());
        evidence("medium.compliance", officer, unit)
                .andExpect(jsonPath("$.suggestion").value("NOT_COMPLIANT"))
                .andExpect(jsonPath("$.records[0].type").value("medium"));
    }

    // ------------------------------------------------------------------ figures

    @Test
    void theFiguresCountTheLedgersForReports() throws Exception {
        fixtures.person(unit, "王核心", SecretRelatedLevel.CORE);
        long secretNet = network("{\"name\":\"机要网\",\"kind\":\"CLASSIFIED\",\"level\":\"SECRET\",\"approvalReference\":\"江保〔2024〕7号\"}");
        register(device(Fixtures.unique("ZC-"), "DESKTOP", "CLASSIFIED", "SECRET", true, false));
        register(device(Fixtures.unique("ZC-"), "DESKTOP", "CLASSIFIED", "SECRET", true, false));
        register(device(Fixtures.unique("ZC-"), "LAPTOP", "INTERNET", null, true, false));
        carrier();
        carrier(unit, officer, "绝密★长期", today.minusDays(3));
        destroyUnderApprovedBatch(carrier());
        carrier(child, childOfficer, "机密★10年", today.minusDays(3));
        call(post("/api/v1/media?unitId=" + unit), officer,
                "{\"type\":\"OPTICAL_DISC\",\"level\":\"CONFIDENTIAL\"}").andExpect(status().isCreated());

        mvc.perform(get("/api/v1/units/{u}/figures", unit).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitIds").value(containsInAnyOrder((int) unit)))
                .andExpect(jsonPath("$.peopleBySecretRelatedLevel.CORE").value(3))
                .andExpect(jsonPath("$.peopleBySecretRelatedLevel.IMPORTANT").value(5))
                .andExpect(jsonPath("$.carriersByLevel.SECRET").value(2))
                .andExpect(jsonPath("$.carriersByLevel.TOP_SECRET").value(1))
                .andExpect(jsonPath("$.carriersByLevel.CONFIDENTIAL").value(0))
                .andExpect(jsonPath("$.carriersHeldByLevel.SECRET").value(1))
                .andExpect(jsonPath("$.carriersHeldByLevel.TOP_SECRET").value(1))
                .andExpect(jsonPath("$.carriersByStatus.IN_CUSTODY").value(2))
                .andExpect(jsonPath("$.carriersByStatus.DESTROYED").value(1))
                .andExpect(jsonPath("$.carriersRegistered").value(3))
                .andExpect(jsonPath("$.copiesMade").value(0))
                .andExpect(jsonPath("$.carriersDestroyed").value(1))
                .andExpect(jsonPath("$.devicesByDesignation.CLASSIFIED").value(2))
                .andExpect(jsonPath("$.devicesByDesignation.INTERNET").value(1))
                .andExpect(jsonPath("$.devicesByDesignation.NON_CLASSIFIED").value(0))
                .andExpect(jsonPath("$.devicesByDesignationAndType.CLASSIFIED.DESKTOP").value(2))
                .andExpect(jsonPath("$.devicesByDesignationAndType.INTERNET.LAPTOP").value(1))
                .andExpect(jsonPath("$.networks[0].id").value(secretNet))
                .andExpect(jsonPath("$.networks[0].devices").value(0))
                .andExpect(jsonPath("$.mediaByType.OPTICAL_DISC").value(1))
                .andExpect(jsonPath("$.mediaByLevel.CONFIDENTIAL").value(1))
                .andExpect(jsonPath("$.openMaintenance").value(0))
                .andExpect(jsonPath("$.violationsBySeverity.CRITICAL").value(0));
        // With the subordinate unit, its carrier and its officer count too.
        mvc.perform(get("/api/v1/units/{u}/figures", unit).param("includeSubordinates", "true")
                        .with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitIds").value(containsInAnyOrder((int) unit, (int) child)))
                .andExpect(jsonPath("$.carriersByLevel.SECRET").value(3))
                .andExpect(jsonPath("$.peopleBySecretRelatedLevel.CORE").value(4));
    }

    // ------------------------------------------------------------------ scope

    @Test
    void anotherUnitsOfficerSeesNothingAndRolesWithoutBusinessReadAreRefused() throws Exception {
        carrier();
        evidence("carrier.loan.overdue", otherOfficer, unit).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/{u}/figures", unit).with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        // The subordinate unit's officer does not read the unit above him.
        evidence("carrier.loan.overdue", childOfficer, unit).andExpect(status().isNotFound());
        evidence("carrier.loan.overdue", auditor, unit).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/units/{u}/figures", unit).with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evidence/queries").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evidence/queries")).andExpect(status().isUnauthorized());
        // The inspector above reads the unit and, asked to, everything below it that he may read.
        evidence("carrier.loan.overdue", inspector, unit, "includeSubordinates", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.unitIds").value(containsInAnyOrder((int) unit, (int) child)));
        // A cleared person of the unit reads its evidence too (business read), never another unit's.
        evidence("carrier.loan.overdue", reader, unit).andExpect(status().isOk());
        evidence("carrier.loan.overdue", reader, otherUnit).andExpect(status().isNotFound());
    }

    @Test
    void aPeriodThatEndsBeforeItStartsNamesTheField() throws Exception {
        evidence("carrier.loan.overdue", officer, unit, "from", "2026-05-01", "to", "2026-04-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].code").value("evidence.period.order"));
        evidence("carrier.loan.overdue", officer, unit, "from", "nonsense").andExpect(status().isBadRequest());
    }

    @Test
    void theOpenApiDocumentDescribesTheEvidenceApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/evidence/queries']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evidence/{queryId}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/units/{unitId}/figures']").exists());
    }
}
