package org.baomi.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The device ledger through the REST API on a real database: every lifecycle act, the refusals
 * the rules demand, approvals that cannot be skipped, compliance computed from what is stored.
 */
abstract class DeviceLedgerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeviceService devices;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    MessageSource messages;

    long unit;
    TestAccount officer;
    TestAccount leader;
    TestAccount head;
    long cleared;
    long uncleared;
    long secretNet;
    long intranet;

    @BeforeEach
    void aUnitWithItsOfficerApproversAndNetworks() throws Exception {
        unit = fixtures.unit(Fixtures.unique("发改委"), fixtures.rootUnit());
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        leader = fixtures.account(unit, SecretRelatedLevel.CORE, Role.LEADER_IN_CHARGE);
        head = fixtures.account(unit, SecretRelatedLevel.CORE, Role.UNIT_HEAD);
        cleared = fixtures.person(unit, "张涉密", SecretRelatedLevel.IMPORTANT);
        uncleared = fixtures.person(unit, "李一般", SecretRelatedLevel.NONE);
        secretNet = network("""
                {"name":"机要网","kind":"CLASSIFIED","level":"SECRET","approvalReference":"江保〔2024〕7号"}""");
        intranet = network("""
                {"name":"政务内网","kind":"GOVERNMENT_INTRANET"}""");
    }

    // ------------------------------------------------------------------ helpers

    long network(String json) throws Exception {
        return id(call(post("/api/v1/networks?unitId=" + unit), officer, json).andExpect(status().isCreated()), "$.id");
    }

    ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            TestAccount as, String json) throws Exception {
        return mvc.perform(request.with(csrf()).with(fixtures.as(as)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    static long id(ResultActions result, String path) throws Exception {
        Number n = JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
        return n.longValue();
    }

    static String details(String asset, String designation, String level, boolean bluetooth) {
        return """
                {"assetNumber":"%s","type":"LAPTOP","designation":"%s",%s"brandModel":"联想 昭阳 K4e",
                 "serialNumber":"PF2X1","diskSerials":["S4EVNF0M"],"macAddresses":["00-1A-2B-3C-4D-5E"],
                 "ipAddresses":["10.1.2.3"],"operatingSystem":"银河麒麟 V10","purpose":"机要文件处理",
                 "security":{"bootPassword":true,"usbStorageBlocked":true,"wirelessRemoved":true,
                   "opticalDriveDisabled":true,"terminalControlSuite":true,"antivirus":true,"auditEnabled":true},
                 "hardware":{"wirelessCard":false,"bluetooth":%s,"modem":false}}"""
                .formatted(asset, designation, level == null ? "" : "\"level\":\"" + level + "\",", bluetooth);
    }

    /** A SECRET laptop registered off the network, its responsible person cleared. */
    long secretLaptop() throws Exception {
        String asset = Fixtures.unique("ZC-");
        String body = """
                {"unitId":%d,"details":%s,"placement":{"responsiblePersonId":%d,"location":"3楼301"}}"""
                .formatted(unit, details(asset, "CLASSIFIED", "SECRET", false), cleared);
        return id(call(post("/api/v1/devices"), officer, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.device.status").value("REGISTERED")), "$.device.id");
    }

    long ask(long device, String act, String json) throws Exception {
        return id(call(post("/api/v1/devices/{id}/requests/" + act, device), officer, json)
                .andExpect(status().isCreated()), "$.requestId");
    }

    void decide(long request, TestAccount who, String verdict) throws Exception {
        call(post("/api/v1/approvals/{id}/decisions", request), who,
                "{\"verdict\":\"" + verdict + "\",\"comment\":\"意见\"}").andExpect(status().isOk());
    }

    ResultActions act(long device, String act, String json) throws Exception {
        return call(post("/api/v1/devices/{id}/" + act, device), officer, json);
    }

    long approvedAdmission(long device, long network) throws Exception {
        long request = ask(device, "admission", "{\"networkId\":%d,\"reason\":\"新购入网\"}".formatted(network));
        decide(request, leader, "APPROVE");
        return request;
    }

    static void refused(ResultActions result, String code) throws Exception {
        result.andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value(code));
    }

    // ------------------------------------------------------------------ the lifecycle

    @Test
    void aDeviceLivesItsWholeLifeThroughTheApiWithEveryApprovalAndAHistory() throws Exception {
        long device = secretLaptop();
        long admission = approvedAdmission(device, secretNet);
        act(device, "admission", "{\"requestId\":" + admission + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.device.status").value("IN_USE"))
                .andExpect(jsonPath("$.device.networkName").value("机要网"))
                .andExpect(jsonPath("$.device.admissionRequestId").value(admission))
                .andExpect(jsonPath("$.device.possibleActs").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "REASSIGN", "START_MAINTENANCE", "REINSTALL", "REMOVE_FROM_NETWORK", "REPORT_LOST")))
                .andExpect(jsonPath("$.compliance.violations").isEmpty());

        long change = ask(device, "change", "{\"location\":\"5楼502\",\"reason\":\"搬迁\"}");
        decide(change, leader, "APPROVE");
        act(device, "change", "{\"requestId\":" + change + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.device.location").value("5楼502"));

        long repair = ask(device, "maintenance",
                "{\"site\":\"OFF_SITE\",\"provider\":\"联想服务站\",\"fault\":\"主板故障\"}");
        decide(repair, leader, "APPROVE");
        refused(act(device, "maintenance", "{\"requestId\":%d,\"storageRemoved\":false}".formatted(repair)),
                "device.maintenance.storageInside");
        // the refusal used nothing up: the same approval still covers the hand-over done right
        act(device, "maintenance", """
                {"requestId":%d,"storageRemoved":true,"storageKeeperId":%d,"storageNote":"硬盘 S4EVNF0M 存保密柜"}"""
                .formatted(repair, cleared)).andExpect(status().isOk())
                .andExpect(jsonPath("$.device.status").value("IN_MAINTENANCE"))
                .andExpect(jsonPath("$.device.openMaintenance.storageRemoved").value(true));
        act(device, "maintenance/close", "{\"text\":\"更换主板，硬盘已装回\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.device.status").value("IN_USE"));
        mvc.perform(get("/api/v1/devices/{id}/maintenance", device).with(fixtures.as(officer)))
                .andExpect(jsonPath("$[0].workDone").value("更换主板，硬盘已装回"))
                .andExpect(jsonPath("$[0].storageKeeper.id").value(cleared));

        act(device, "reinstall", "{\"operatingSystem\":\"统信 UOS 20\",\"installedOn\":\"2026-11-20\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.device.details.operatingSystem").value("统信 UOS 20"));
        act(device, "removal", "{\"text\":\"报废前退网\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.device.status").value("REMOVED_FROM_NETWORK"))
                .andExpect(jsonPath("$.device.admissionRequestId").doesNotExist());

        long scrapping = ask(device, "scrapping", "{\"reason\":\"超过使用年限\"}");
        decide(scrapping, leader, "APPROVE");
        refused(act(device, "scrapping", """
                {"requestId":%d,"storageItems":"硬盘 S4EVNF0M","storageDestination":"市保密局销毁中心"}"""
                .formatted(scrapping)), "device.request.notApproved");
        decide(scrapping, head, "APPROVE");
        act(device, "scrapping", """
                {"requestId":%d,"storageItems":"硬盘 S4EVNF0M","storageDestination":"市保密局销毁中心","reference":"XH-2026-11"}"""
                .formatted(scrapping)).andExpect(status().isOk())
                .andExpect(jsonPath("$.device.status").value("SCRAPPED"));
        act(device, "destruction", "{\"place\":\"市保密局销毁中心\",\"certificate\":\"ZS-88\",\"supervisorIds\":[%d]}"
                .formatted(cleared)).andExpect(status().isOk())
                .andExpect(jsonPath("$.device.status").value("DESTROYED"));

        mvc.perform(get("/api/v1/devices/{id}/history", device).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.length()").value(9))
                .andExpect(jsonPath("$[0].kind").value("Registered"))
                .andExpect(jsonPath("$[1].kind").value("AdmittedToNetwork"))
                .andExpect(jsonPath("$[1].approvalRequestId").value(admission))
                .andExpect(jsonPath("$[7].kind").value("Scrapped"))
                .andExpect(jsonPath("$[7].details.storage.destination").value("市保密局销毁中心"))
                .andExpect(jsonPath("$[8].kind").value("Destroyed"));
        assertThat(audited(device)).contains("device.register", "device.admit", "device.change",
                "device.maintenance.start", "device.maintenance.close", "device.reinstall", "device.remove",
                "device.scrap", "device.destroy");
        refused(act(device, "loss", "{\"text\":\"不见了\"}"), "device.closed");
    }

    List<String> audited(long device) {
        return jdbc.sql("select action from audit_entry where object_type = 'device' and object_id = :id order by seq")
                .param("id", String.valueOf(device)).query(String.class).list();
    }

    @Test
    void scrappingWithoutApprovalOrWhileOnANetworkIsRefusedAndChangesNothing() throws Exception {
        long device = secretLaptop();
        String storage = "\"storageItems\":\"硬盘\",\"storageDestination\":\"销毁中心\"";
        refused(act(device, "scrapping", "{" + storage + "}"), "device.approvalRequired");
        act(device, "admission", "{\"requestId\":" + approvedAdmission(device, secretNet) + "}")
                .andExpect(status().isOk());
        long scrapping = ask(device, "scrapping", "{\"reason\":\"损坏\"}");
        decide(scrapping, leader, "APPROVE");
        decide(scrapping, head, "APPROVE");
        refused(act(device, "scrapping", "{\"requestId\":%d,%s}".formatted(scrapping, storage)),
                "device.scrap.onNetwork");
        mvc.perform(get("/api/v1/devices/{id}", device).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.status").value("IN_USE"));
        mvc.perform(get("/api/v1/devices/{id}/requests", device).with(fixtures.as(officer)))
                .andExpect(jsonPath("$[0].requestId").value(scrapping))
                .andExpect(jsonPath("$[0].usable").value(true));
    }

    @Test
    void approvalsCannotBeSkippedPendingRejectedWrongTypeOtherSubjectOrReused() throws Exception {
        long device = secretLaptop();
        long other = secretLaptop();
        long pending = ask(device, "admission", "{\"networkId\":%d,\"reason\":\"入网\"}".formatted(secretNet));
        refused(act(device, "admission", "{\"requestId\":" + pending + "}"), "device.request.notApproved");
        decide(pending, leader, "REJECT");
        refused(act(device, "admission", "{\"requestId\":" + pending + "}"), "device.request.notApproved");

        long maintenance = ask(device, "maintenance", "{\"site\":\"ON_SITE\",\"supervisorPersonId\":%d,"
                .formatted(cleared) + "\"provider\":\"服务站\",\"fault\":\"风扇\"}");
        decide(maintenance, leader, "APPROVE");
        refused(act(device, "admission", "{\"requestId\":" + maintenance + "}"), "device.request.wrongType");

        long forOther = approvedAdmission(other, secretNet);
        refused(act(device, "admission", "{\"requestId\":" + forOther + "}"), "device.request.otherSubject");

        long admission = approvedAdmission(device, secretNet);
        act(device, "admission", "{\"requestId\":" + admission + "}").andExpect(status().isOk());
        act(device, "removal", "{\"text\":\"调整\"}").andExpect(status().isOk());
        refused(act(device, "admission", "{\"requestId\":" + admission + "}"), "device.request.used");
        refused(act(device, "admission", "{\"requestId\":999999999}"), "device.request.unknown");
        refused(act(device, "admission", "{}"), "device.approvalRequired");
    }

    @Test
    void aScrappedDeviceAcceptsNothingButDestructionOrLoss() throws Exception {
        long device = secretLaptop();
        long scrapping = ask(device, "scrapping", "{\"reason\":\"损坏\"}");
        decide(scrapping, leader, "APPROVE");
        decide(scrapping, head, "APPROVE");
        act(device, "scrapping", """
                {"requestId":%d,"storageItems":"硬盘","storageDestination":"销毁中心"}""".formatted(scrapping))
                .andExpect(status().isOk());
        refused(call(post("/api/v1/devices/{id}/requests/admission", device), officer,
                "{\"networkId\":%d,\"reason\":\"x\"}".formatted(secretNet)), "device.scrapped");
        refused(act(device, "reinstall", "{\"operatingSystem\":\"UOS\",\"installedOn\":\"2026-11-20\"}"),
                "device.scrapped");
        refused(act(device, "maintenance", "{\"requestId\":1}"), "device.scrapped");
        refused(act(device, "removal", "{\"text\":\"x\"}"), "device.scrapped");
        act(device, "destruction", "{\"place\":\"销毁中心\",\"supervisorIds\":[%d]}".formatted(cleared))
                .andExpect(status().isOk()).andExpect(jsonPath("$.device.status").value("DESTROYED"));
        refused(act(device, "loss", "{\"text\":\"x\"}"), "device.closed");
    }

    @Test
    void aMediumIsNumberedIssuedOnlyToTheClearedReturnedAndItsLossOpensAnIncident() throws Exception {
        long device = secretLaptop();
        String medium = call(post("/api/v1/media?unitId=" + unit), officer, """
                {"type":"USB_FLASH_DRIVE","level":"SECRET","brandModel":"朗科 U208","capacity":"32GB",
                 "serialNumber":"NK-1","usbSerial":" aa04 0127 ","allowedDeviceIds":[%d]}""".formatted(device))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.medium.details.usbSerial").value("AA040127"))
                .andExpect(jsonPath("$.medium.allowedDevices[0].id").value(device))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(medium, "$.medium.id")).longValue();
        assertThat((String) JsonPath.read(medium, "$.medium.number")).endsWith("-HP-0001");

        refused(call(post("/api/v1/media/{id}/issue", id), officer, "{\"holderPersonId\":" + uncleared + "}"),
                "medium.holderNotCleared");
        call(post("/api/v1/media/{id}/issue", id), officer, "{\"holderPersonId\":" + cleared + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.medium.status").value("ISSUED"))
                .andExpect(jsonPath("$.medium.holder.id").value(cleared));
        call(post("/api/v1/media/{id}/return", id), officer, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.medium.status").value("IN_STOCK"));
        call(post("/api/v1/media/{id}/loss", id), officer, "{\"text\":\"11月20日出差途中遗失\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.medium.status").value("LOST"));
        assertThat(jdbc.sql("select kind from incident where subject_type = 'medium' and subject_id = :id")
                .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("MEDIUM_LOST");
        mvc.perform(get("/api/v1/media/{id}/history", id).with(fixtures.as(officer)))
                .andExpect(jsonPath("$[*].kind").value(org.hamcrest.Matchers.contains("Registered", "Issued",
                        "Returned", "ReportedLost")));
    }

    @Test
    void aMediumIsDestroyedOnlyOnAnApprovedRequest() throws Exception {
        long id = id(call(post("/api/v1/media?unitId=" + unit), officer,
                "{\"type\":\"OPTICAL_DISC\",\"level\":\"CONFIDENTIAL\"}").andExpect(status().isCreated()), "$.medium.id");
        String destruction = "\"place\":\"销毁中心\",\"supervisorIds\":[%d]".formatted(cleared);
        refused(call(post("/api/v1/media/{id}/destruction", id), officer, "{" + destruction + "}"),
                "device.approvalRequired");
        long request = id(call(post("/api/v1/media/{id}/requests/destruction", id), officer, "{\"reason\":\"损坏\"}")
                .andExpect(status().isCreated()), "$.requestId");
        decide(request, leader, "APPROVE");
        call(post("/api/v1/media/{id}/destruction", id), officer,
                "{\"requestId\":%d,%s}".formatted(request, destruction)).andExpect(status().isOk())
                .andExpect(jsonPath("$.medium.status").value("DESTROYED"));
    }

    // ------------------------------------------------------------------ compliance

    @Test
    void complianceIsEvaluatedFromStoredDataBreakingAndFixingARuleByAnEdit() throws Exception {
        long device = secretLaptop();
        act(device, "admission", "{\"requestId\":" + approvedAdmission(device, secretNet) + "}")
                .andExpect(jsonPath("$.compliance.violations").isEmpty());
        String asset = JsonPath.read(mvc.perform(get("/api/v1/devices/{id}", device).with(fixtures.as(officer)))
                .andReturn().getResponse().getContentAsString(), "$.details.assetNumber");

        call(put("/api/v1/devices/{id}", device), officer,
                "{\"details\":" + details(asset, "CLASSIFIED", "SECRET", true) + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.compliance.worst").value("HIGH"))
                .andExpect(jsonPath("$.compliance.violations[0].ruleId").value("device.classified.radio-hardware"))
                .andExpect(jsonPath("$.compliance.violations[0].args[1]").value("BLUETOOTH"))
                .andExpect(jsonPath("$.compliance.violations[0].text").value(
                        "涉密设备 " + asset + " 含有 蓝牙：物理拆除并登记拆除情况。"));
        mvc.perform(get("/api/v1/compliance/units/{unit}", unit).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.rules[?(@.ruleId == 'device.classified.radio-hardware')].count").value(1))
                .andExpect(jsonPath("$.bySeverity.HIGH").value(1))
                .andExpect(jsonPath("$.violations[0].subject.label").value(asset));

        call(put("/api/v1/devices/{id}", device), officer,
                "{\"details\":" + details(asset, "CLASSIFIED", "SECRET", false) + "}")
                .andExpect(jsonPath("$.compliance.violations").isEmpty());
        mvc.perform(get("/api/v1/compliance/units/{unit}", unit).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.violations").isEmpty())
                .andExpect(jsonPath("$.rules.length()").value(18));
    }

    @Test
    void loweringANetworksLevelShowsTheDevicesNowAboveIt() throws Exception {
        long device = secretLaptop();
        act(device, "admission", "{\"requestId\":" + approvedAdmission(device, secretNet) + "}")
                .andExpect(status().isOk());
        call(put("/api/v1/networks/{id}", secretNet), officer,
                "{\"name\":\"机要网\",\"kind\":\"CLASSIFIED\",\"level\":\"CONFIDENTIAL\",\"approvalReference\":\"江保〔2024〕7号\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("CONFIDENTIAL"));
        mvc.perform(get("/api/v1/devices/{id}/compliance", device).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.violations[0].ruleId").value("device.network-level-exceeded"))
                .andExpect(jsonPath("$.violations[0].related[0].label").value("机要网"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'network.update' and object_id = :id")
                .param("id", String.valueOf(secretNet)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNetworkIsTakenOutOfUseOnlyWhenNoDeviceInServiceIsOnItAndThenAdmitsNone() throws Exception {
        long device = secretLaptop();
        act(device, "admission", "{\"requestId\":" + approvedAdmission(device, secretNet) + "}")
                .andExpect(status().isOk());
        call(post("/api/v1/networks/{id}/deactivate", secretNet), officer, "{\"reason\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        refused(call(post("/api/v1/networks/{id}/deactivate", secretNet), officer, "{\"reason\":\"网络整合\"}"),
                "network.deactivate.devicesOn");
        for (TestAccount who : List.of(leader, head)) {
            call(post("/api/v1/networks/{id}/deactivate", secretNet), who, "{\"reason\":\"网络整合\"}")
                    .andExpect(status().isForbidden());
        }
        long otherUnit = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount stranger = fixtures.account(otherUnit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        call(post("/api/v1/networks/{id}/deactivate", intranet), stranger, "{\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select active from network where id = :id").param("id", secretNet)
                .query(Boolean.class).single()).as("refusals change nothing").isTrue();

        act(device, "removal", "{\"text\":\"退网\"}").andExpect(status().isOk());
        call(post("/api/v1/networks/{id}/deactivate", secretNet), officer, "{\"reason\":\"网络整合\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        refused(call(post("/api/v1/networks/{id}/deactivate", secretNet), officer, "{\"reason\":\"再停\"}"),
                "network.alreadyInactive");
        call(post("/api/v1/devices/{id}/requests/admission", device), officer,
                "{\"networkId\":%d,\"reason\":\"重新入网\"}".formatted(secretNet))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("device.network.unknown"));

        call(post("/api/v1/networks/{id}/reactivate", secretNet), officer, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('network.deactivate', 'network.reactivate')"
                + " and object_id = :id").param("id", String.valueOf(secretNet)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aMediumHolderWhoseClearanceWasLoweredShowsAsAViolation() throws Exception {
        long id = id(call(post("/api/v1/media?unitId=" + unit), officer,
                "{\"type\":\"USB_FLASH_DRIVE\",\"level\":\"SECRET\",\"usbSerial\":\"X1\"}"), "$.medium.id");
        call(post("/api/v1/media/{id}/issue", id), officer, "{\"holderPersonId\":" + cleared + "}")
                .andExpect(jsonPath("$.compliance").isEmpty());
        jdbc.sql("update person set secret_related_level = 'GENERAL' where id = :id").param("id", cleared).update();
        mvc.perform(get("/api/v1/media/{id}/compliance", id).with(fixtures.as(officer)))
                .andExpect(jsonPath("$[0].ruleId").value("medium.holder.clearance"))
                .andExpect(jsonPath("$[0].related[0].label").value("张涉密"));
    }

    @Test
    void theLedgerIsSearchedByTextStatusAndNetworkAndExportedInItsUsualColumns() throws Exception {
        long device = secretLaptop();
        act(device, "admission", "{\"requestId\":" + approvedAdmission(device, secretNet) + "}")
                .andExpect(status().isOk());
        long other = secretLaptop();
        mvc.perform(get("/api/v1/devices").param("unitId", String.valueOf(unit)).param("text", "张涉")
                        .with(fixtures.as(officer)))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/devices").param("unitId", String.valueOf(unit)).param("status", "IN_USE")
                        .param("networkId", String.valueOf(secretNet)).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(device))
                .andExpect(jsonPath("$.items[0].responsibleName").value("张涉密"));
        mvc.perform(get("/api/v1/devices").param("unitId", String.valueOf(unit)).param("text", "100%_")
                        .with(fixtures.as(officer)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/networks").param("unitId", String.valueOf(unit)).with(fixtures.as(officer)))
                .andExpect(jsonPath("$[?(@.id == " + secretNet + ")].deviceCount").value(1));
        assertThat(other).isNotEqualTo(device);
    }

    /** Registers a device in the unit; returns its id. */
    long register(String asset, String designation, String level, boolean bluetooth, String placement)
            throws Exception {
        String body = "{\"unitId\":%d,\"details\":%s,\"placement\":%s}".formatted(unit,
                details(asset, designation, level, bluetooth), placement);
        return id(call(post("/api/v1/devices"), officer, body).andExpect(status().isCreated()), "$.device.id");
    }

    List<Long> ids(String... params) throws Exception {
        var request = get("/api/v1/devices").param("unitId", String.valueOf(unit)).param("size", "200");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        List<Number> found = JsonPath.read(mvc.perform(request.with(fixtures.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.items[*].id");
        return found.stream().map(Number::longValue).toList();
    }

    @Test
    void theLedgerIsFilteredByResponsibleDepartmentLevelAndViolationsAndSortedInTheDatabase() throws Exception {
        long department = fixtures.department(unit, Fixtures.unique("办公室"));
        long a = register("A-" + Fixtures.unique(""), "CLASSIFIED", "SECRET", false,
                "{\"responsiblePersonId\":%d}".formatted(cleared));
        act(a, "admission", "{\"requestId\":" + approvedAdmission(a, secretNet) + "}").andExpect(status().isOk());
        long b = register("B-" + Fixtures.unique(""), "CLASSIFIED", "CONFIDENTIAL", true,
                "{\"responsiblePersonId\":%d,\"departmentId\":%d}".formatted(cleared, department));
        long c = register("C-" + Fixtures.unique(""), "NON_CLASSIFIED", null, false, "{\"location\":\"前台\"}");

        assertThat(ids("responsiblePersonId", String.valueOf(cleared))).containsExactlyInAnyOrder(a, b);
        assertThat(ids("departmentId", String.valueOf(department))).containsExactly(b);
        assertThat(ids("level", "SECRET")).containsExactly(a);
        assertThat(ids("level", "CONFIDENTIAL")).containsExactly(b);
        assertThat(ids("level", "INTERNAL")).isEmpty();

        // the devices in breach are those whose own compliance shows a violation, no more, no fewer
        List<Long> inBreach = new java.util.ArrayList<>();
        for (long d : List.of(a, b, c)) {
            List<?> violations = JsonPath.read(mvc.perform(get("/api/v1/devices/{id}/compliance", d)
                    .with(fixtures.as(officer))).andReturn().getResponse().getContentAsString(), "$.violations");
            if (!violations.isEmpty()) {
                inBreach.add(d);
            }
        }
        assertThat(inBreach).contains(b);
        assertThat(ids("withViolations", "true")).containsExactlyInAnyOrderElementsOf(inBreach);
        assertThat(ids("withViolations", "false")).containsExactlyInAnyOrderElementsOf(
                List.of(a, b, c).stream().filter(d -> !inBreach.contains(d)).toList());
        assertThat(ids("withViolations", "true", "level", "SECRET", "responsiblePersonId", String.valueOf(cleared)))
                .containsExactlyInAnyOrderElementsOf(inBreach.stream().filter(d -> d == a).toList());
        mvc.perform(get("/api/v1/devices").param("unitId", String.valueOf(unit)).param("withViolations", "true")
                        .param("size", "1").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.total").value(inBreach.size()))
                .andExpect(jsonPath("$.items.length()").value(1));

        assertThat(ids("sort", "ASSET_NUMBER")).containsExactly(a, b, c);
        assertThat(ids("sort", "ASSET_NUMBER", "descending", "true")).containsExactly(c, b, a);
        assertThat(ids("sort", "STATUS")).containsExactly(b, c, a);
        assertThat(ids("sort", "STATUS", "descending", "true")).containsExactly(a, c, b);
        assertThat(ids("sort", "RESPONSIBLE").get(2)).isEqualTo(c);
        assertThat(ids("sort", "RESPONSIBLE", "descending", "true").get(2)).isEqualTo(c);
        assertThat(ids("sort", "TYPE")).hasSize(3);
        jdbc.sql("update device set updated_at = updated_at + interval '1' day where id = :id").param("id", b).update();
        assertThat(ids("sort", "UPDATED", "descending", "true").get(0)).isEqualTo(b);
        mvc.perform(get("/api/v1/devices").param("unitId", String.valueOf(unit)).param("sort", "ASSET_NUMBER")
                        .param("page", "2").param("size", "1").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].id").value(b));
        mvc.perform(get("/api/v1/devices").param("sort", "name; drop table device").with(fixtures.as(officer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void mediaAreFilteredByLevelAndSorted() throws Exception {
        long secret = id(call(post("/api/v1/media?unitId=" + unit), officer,
                "{\"type\":\"USB_FLASH_DRIVE\",\"level\":\"SECRET\",\"usbSerial\":\"L1\"}"), "$.medium.id");
        long confidential = id(call(post("/api/v1/media?unitId=" + unit), officer,
                "{\"type\":\"USB_FLASH_DRIVE\",\"level\":\"CONFIDENTIAL\",\"usbSerial\":\"L2\"}"),
                "$.medium.id");
        mvc.perform(get("/api/v1/media").param("unitId", String.valueOf(unit)).param("level", "CONFIDENTIAL")
                        .with(fixtures.as(officer)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(confidential));
        mvc.perform(get("/api/v1/media").param("unitId", String.valueOf(unit)).param("sort", "NUMBER")
                        .param("descending", "true").with(fixtures.as(officer)))
                .andExpect(jsonPath("$.items[0].id").value(confidential))
                .andExpect(jsonPath("$.items[1].id").value(secret));
        mvc.perform(get("/api/v1/media").param("unitId", String.valueOf(unit)).param("sort", "LEVEL")
                        .with(fixtures.as(officer)))
                .andExpect(jsonPath("$.items[0].id").value(secret))
                .andExpect(jsonPath("$.items[1].id").value(confidential));
    }

    @Test
    void mayManageIsTrueExactlyWhereTheActsSucceed() throws Exception {
        long parent = jdbc.sql("select parent_id from unit where id = :id").param("id", unit).query(Long.class).single();
        long bureau = fixtures.unit(Fixtures.unique("保密局"), parent);
        jdbc.sql("update unit set parent_id = :b where id = :u").param("b", bureau).param("u", unit).update();
        TestAccount bureauOfficer = fixtures.account(bureau, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        TestAccount inspector = fixtures.account(bureau, Role.INSPECTOR);
        TestAccount archivist = fixtures.account(unit, Role.ARCHIVIST);
        long otherUnit = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount otherOfficer = fixtures.account(otherUnit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        int n = 0;
        for (TestAccount who : List.of(officer, bureauOfficer, leader, head, inspector, archivist, otherOfficer)) {
            var user = users.loadUserByUsername(who.username());
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user, null,
                            user.getAuthorities()));
            boolean may;
            try {
                may = devices.mayManage(unit);
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
            int got = call(post("/api/v1/networks?unitId=" + unit), who,
                    "{\"name\":\"%s\",\"kind\":\"INTERNET\"}".formatted(Fixtures.unique("网")))
                    .andReturn().getResponse().getStatus();
            assertThat(got).as(who.username()).isIn(201, 403, 404);
            assertThat(may).as(who.username()).isEqualTo(got == 201);
            n += may ? 1 : 0;
        }
        assertThat(n).isEqualTo(2);
        assertThat(devices.mayManage(unit)).as("no one signed in").isFalse();
    }

    @Test
    void refusalsNameStatusesInTheReadersLanguage() throws Exception {
        long device = secretLaptop();
        act(device, "admission", "{\"requestId\":" + approvedAdmission(device, secretNet) + "}")
                .andExpect(status().isOk());
        String asset = JsonPath.read(mvc.perform(get("/api/v1/devices/{id}", device).with(fixtures.as(officer)))
                .andReturn().getResponse().getContentAsString(), "$.details.assetNumber");
        String admission = "{\"networkId\":%d,\"reason\":\"x\"}".formatted(secretNet);
        call(post("/api/v1/devices/{id}/requests/admission", device), officer, admission)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("设备 " + asset + " 当前状态为 在用，不能办理此事项（须处于：已登记或已退网）。"));
        mvc.perform(post("/api/v1/devices/{id}/requests/admission", device).with(csrf()).with(fixtures.as(officer))
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(admission))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Device " + asset
                        + " has the status In use; this act needs the status Registered or Removed from network."));

        act(device, "loss", "{\"text\":\"遗失\"}").andExpect(status().isOk());
        act(device, "reinstall", "{\"operatingSystem\":\"UOS\",\"installedOn\":\"2026-11-20\"}")
                .andExpect(jsonPath("$.detail").value("设备 " + asset + " 已丢失，不能再办理任何事项。"));
        mvc.perform(post("/api/v1/devices/{id}/removal", device).with(csrf()).with(fixtures.as(officer))
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"x\"}"))
                .andExpect(jsonPath("$.detail").value("Device " + asset
                        + " has the status Lost; nothing more can be recorded for it."));

        var three = Refusals.readable(new org.baomi.core.DomainException("device.wrongStatus", "x", "PC-9",
                org.baomi.core.device.DeviceStatus.SCRAPPED, "REGISTERED,IN_USE,REMOVED_FROM_NETWORK"));
        assertThat(messages.getMessage(three.code(), three.args(), java.util.Locale.ENGLISH)).isEqualTo(
                "Device PC-9 has the status Scrapped; this act needs the status Registered, In use or Removed from network.");
        assertThat(messages.getMessage(three.code(), three.args(), java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                "设备 PC-9 当前状态为 已报废，不能办理此事项（须处于：已登记、在用或已退网）。");
    }

    @Test
    void eachUnitSetsHowLongAMaintenanceMayStayOpen() throws Exception {
        long device = secretLaptop();
        long request = ask(device, "maintenance", "{\"site\":\"ON_SITE\",\"supervisorPersonId\":%d,"
                .formatted(cleared) + "\"provider\":\"服务站\",\"fault\":\"风扇\"}");
        decide(request, leader, "APPROVE");
        act(device, "maintenance", "{\"requestId\":" + request + "}").andExpect(status().isOk());
        jdbc.sql("update device set maintenance_since = maintenance_since - interval '10' day where id = :id")
                .param("id", device).update();
        String overdue = "$.violations[?(@.ruleId == 'device.maintenance.overdue')]";
        mvc.perform(get("/api/v1/compliance/units/{u}/settings", unit).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.maintenanceLimitDays").value(30));
        mvc.perform(get("/api/v1/devices/{id}/compliance", device).with(fixtures.as(officer)))
                .andExpect(jsonPath(overdue).isEmpty());

        long audited = fixtures.auditCount("device.settings");
        call(put("/api/v1/compliance/units/{u}/settings", unit), officer, "{\"maintenanceLimitDays\":5}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.maintenanceLimitDays").value(5));
        assertThat(fixtures.auditCount("device.settings")).isEqualTo(audited + 1);
        mvc.perform(get("/api/v1/devices/{id}/compliance", device).with(fixtures.as(officer)))
                .andExpect(jsonPath(overdue + ".args[2]").value("5"));

        for (String bad : List.of("0", "366", "null")) {
            call(put("/api/v1/compliance/units/{u}/settings", unit), officer, "{\"maintenanceLimitDays\":" + bad + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("maintenanceLimitDays"));
        }
        call(put("/api/v1/compliance/units/{u}/settings", unit), leader, "{\"maintenanceLimitDays\":60}")
                .andExpect(status().isForbidden());
        long otherUnit = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount otherOfficer = fixtures.account(otherUnit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/v1/compliance/units/{u}/settings", unit).with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        call(put("/api/v1/compliance/units/{u}/settings", unit), otherOfficer, "{\"maintenanceLimitDays\":60}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/compliance/units/{u}/settings", unit).with(fixtures.as(officer)))
                .andExpect(jsonPath("$.maintenanceLimitDays").value(5));
        assertThat(fixtures.auditCount("device.settings")).isEqualTo(audited + 1);
    }

    @Test
    void nobodyIsAskedToApproveWhatTheRulesForbidAnyway() throws Exception {
        long device = secretLaptop();
        refused(call(post("/api/v1/devices/{id}/requests/admission", device), officer,
                "{\"networkId\":%d,\"reason\":\"x\"}".formatted(intranet)), "device.network.classifiedOnOpen");
        refused(call(post("/api/v1/devices/{id}/requests/change", device), officer,
                "{\"networkId\":%d,\"reason\":\"x\"}".formatted(secretNet)), "device.change.notOnNetwork");
        refused(call(post("/api/v1/devices/{id}/requests/change", device), officer,
                "{\"responsiblePersonId\":%d,\"reason\":\"x\"}".formatted(uncleared)), "device.responsibleNotCleared");
        call(post("/api/v1/devices/{id}/requests/maintenance", device), officer,
                "{\"site\":\"ON_SITE\",\"supervisorPersonId\":%d,\"provider\":\"p\",\"fault\":\"f\"}"
                        .formatted(uncleared)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supervisorPersonId"))
                .andExpect(jsonPath("$.errors[0].code").value("device.maintenance.supervisorNotCleared"));
        assertThat(jdbc.sql("select count(*) from device_request where subject_id = :id").param("id", device)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLostDeviceOpensAnIncidentAndAcceptsNothingMore() throws Exception {
        long device = secretLaptop();
        act(device, "loss", "{\"text\":\"11月19日会后在会议室遗失\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.device.status").value("LOST"))
                .andExpect(jsonPath("$.device.possibleActs").isEmpty());
        assertThat(jdbc.sql("select kind from incident where subject_type = 'device' and subject_id = :id")
                .param("id", String.valueOf(device)).query(String.class).list()).containsExactly("DEVICE_LOST");
        refused(act(device, "reinstall", "{\"operatingSystem\":\"UOS\",\"installedOn\":\"2026-11-20\"}"),
                "device.closed");
        refused(call(put("/api/v1/devices/{id}", device), officer, "{\"details\":"
                + details("ZZ-1", "CLASSIFIED", "SECRET", false) + "}"), "device.closed");
    }

    @Test
    void theOpenApiDocumentDescribesTheDeviceApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").with(fixtures.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/v1/networks", "/api/v1/devices/{id}/admission", "/api/v1/media/{id}/issue",
                "/api/v1/compliance/units/{unitId}", "/api/v1/devices/{id}/requests/scrapping");
    }

    // ------------------------------------------------------------------ input

    @Test
    void badInputNamesTheFieldAndChangesNothing() throws Exception {
        call(post("/api/v1/networks?unitId=" + unit), officer, "{\"name\":\"涉密网二\",\"kind\":\"CLASSIFIED\",\"level\":\"SECRET\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("approvalReference"))
                .andExpect(jsonPath("$.errors[0].code").value("network.approvalReference.required"));
        call(post("/api/v1/devices"), officer, """
                {"unitId":%d,"details":%s}""".formatted(unit, details("X-1", "CLASSIFIED", null, false)
                        .replace("00-1A-2B-3C-4D-5E", "00-1A"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "details.level", "details.macAddresses")));
        assertThat(jdbc.sql("select count(*) from device where unit_id = :u").param("u", unit).query(Long.class)
                .single()).isZero();
        refused(call(post("/api/v1/devices"), officer, """
                {"unitId":%d,"details":%s,"placement":{"responsiblePersonId":%d}}"""
                .formatted(unit, details("X-2", "CLASSIFIED", "SECRET", false), uncleared)),
                "device.responsibleNotCleared");
    }

    // ------------------------------------------------------------------ who may

    @Test
    void rolesThatMustNotKeepTheLedgerAreRefusedAndOtherUnitsSeeNothing() throws Exception {
        long device = secretLaptop();
        long parent = jdbc.sql("select parent_id from unit where id = :id").param("id", unit).query(Long.class).single();
        long bureau = fixtures.unit(Fixtures.unique("保密局"), parent);
        jdbc.sql("update unit set parent_id = :b where id = :u").param("b", bureau).param("u", unit).update();
        TestAccount inspector = fixtures.account(bureau, Role.INSPECTOR);
        TestAccount auditor = fixtures.account(unit, Role.SECURITY_AUDITOR);
        TestAccount sysadmin = fixtures.account(unit, Role.SYSTEM_ADMIN);
        TestAccount clearedPerson = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        long otherUnit = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount otherOfficer = fixtures.account(otherUnit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        String body = "{\"unitId\":%d,\"details\":%s}".formatted(unit, details("Y-1", "NON_CLASSIFIED", null, false));

        mvc.perform(get("/api/v1/devices/{id}", device).with(fixtures.as(inspector))).andExpect(status().isOk());
        for (TestAccount who : List.of(inspector, clearedPerson, leader)) {
            call(post("/api/v1/devices"), who, body).andExpect(status().isForbidden());
            call(post("/api/v1/devices/{id}/removal", device), who, "{\"text\":\"x\"}").andExpect(status().isForbidden());
            call(post("/api/v1/networks?unitId=" + unit), who, "{\"name\":\"n\",\"kind\":\"INTERNET\"}")
                    .andExpect(status().isForbidden());
        }
        for (TestAccount who : List.of(auditor, sysadmin)) {
            mvc.perform(get("/api/v1/devices/{id}", device).with(fixtures.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/compliance/units/{u}", unit).with(fixtures.as(who)))
                    .andExpect(status().isForbidden());
            call(post("/api/v1/devices"), who, body).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/devices/{id}", device).with(fixtures.as(otherOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/compliance/units/{u}", unit).with(fixtures.as(otherOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/devices").with(fixtures.as(otherOfficer)))
                .andExpect(jsonPath("$.items[?(@.id == " + device + ")]").isEmpty());
        call(post("/api/v1/devices/{id}/removal", device), otherOfficer, "{\"text\":\"x\"}")
                .andExpect(status().isNotFound());
        call(post("/api/v1/devices"), otherOfficer, body).andExpect(status().isNotFound());
    }
}
