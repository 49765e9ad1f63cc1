package org.baomi.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.platform.sheet.Sheets;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The device and medium ledgers' import and export, on a real database. */
abstract class DeviceSheetTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    long unit;
    TestAccount officer;
    String person;
    String department;
    String network;

    @BeforeEach
    void aUnitWithAnOfficerStaffAndANetwork() throws Exception {
        unit = fixtures.unit(Fixtures.unique("发改委"), fixtures.rootUnit());
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        person = Fixtures.unique("赵");
        department = Fixtures.unique("综合处");
        fixtures.person(unit, person, SecretRelatedLevel.IMPORTANT);
        fixtures.department(unit, department);
        network = Fixtures.unique("涉密内网");
        mvc.perform(post("/api/v1/networks").param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + network + "\",\"kind\":\"CLASSIFIED\",\"level\":\"SECRET\","
                        + "\"approvalReference\":\"江保审〔2025〕1号\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    static final List<String> HEADER = List.of("序号", "资产编号", "设备类型", "品牌型号", "序列号", "硬盘序列号", "MAC", "IP", "密级",
            "所属网络", "责任人", "部门", "存放地点", "用途", "状态", "入网审批单号");

    List<List<?>> register(String a1, String a2) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(Arrays.asList(1, a1, "台式计算机", "联想 启天M430", "PC1X2Y3Z", "WD-123456", "00-1A-2B-3C-4D-5E",
                "10.1.2.3", "机密", network, person, department, "机要室", "公文处理", "在用", "江保审〔2025〕7号"));
        rows.add(Arrays.asList(2, a2, "打印机", "惠普 M403", "CNB1234", null, null, null, "内部", null, person, department,
                "办公室", "打印", null, null));
        return rows;
    }

    long devicesIn(long u) {
        return jdbc.sql("select count(*) from device where unit_id = :u").param("u", u).query(Long.class).single();
    }

    @Test
    void aGoodDeviceRegisterImportsAndExportsBack() throws Exception {
        String a1 = Fixtures.unique("ZC-");
        long imports = fixtures.auditCount("device.import");
        mvc.perform(multipart("/devices/import").file(Sheets.upload("设备.xlsx", Sheets.xlsx(register(a1, Fixtures.unique("ZC-")))))
                        .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/devices"))
                .andExpect(flash().attribute("flashSuccess", "已导入 2 行。"));
        assertThat(devicesIn(unit)).isEqualTo(2);
        assertThat(jdbc.sql("select designation || ' ' || level from device where asset_number = :a").param("a", a1)
                .query(String.class).single()).isEqualTo("CLASSIFIED SECRET");
        assertThat(fixtures.auditCount("device.import")).isEqualTo(imports + 1);

        String csv = mvc.perform(get("/devices/export.csv").param("unitId", Long.toString(unit))
                        .with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("序号,资产编号,设备类型,品牌型号,序列号,硬盘序列号,MAC,IP,密级,所属网络,责任人,部门,存放地点,用途,状态")
                .contains(a1 + ",台式计算机,联想 启天M430,PC1X2Y3Z").contains(network).contains("公文处理");
        byte[] xlsx = mvc.perform(get("/api/v1/devices/export").param("unitId", Long.toString(unit))
                .with(fixtures.as(officer))).andExpect(status().isOk()).andExpect(content().contentType(Sheets.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsx).isNotEmpty();
        assertThat(fixtures.auditCount("device.export")).isGreaterThanOrEqualTo(2);
    }

    long idOf(String table, long u, String name) {
        return jdbc.sql("select id from " + table + " where unit_id = :u and name = :n").param("u", u).param("n", name)
                .query(Long.class).single();
    }

    String admissionOf(String asset) {
        return jdbc.sql("select coalesce(admission_reference, '-') || '/' || coalesce(cast(admission_request_id as varchar(20)), '-')"
                + " from device where unit_id = :u and asset_number = :a").param("u", unit).param("a", asset)
                .query(String.class).single();
    }

    org.springframework.test.web.servlet.ResultActions json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, TestAccount as,
            String body) throws Exception {
        return mvc.perform(request.with(csrf()).with(fixtures.as(as)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anExportedRegisterImportsIntoAnotherUnitWithBothKindsOfAdmissionReference() throws Exception {
        String onPaper = Fixtures.unique("ZC-");
        String printer = Fixtures.unique("ZC-");
        String approved = Fixtures.unique("ZC-");
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("d.xlsx", Sheets.xlsx(register(onPaper, printer))))
                .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
        assertThat(admissionOf(onPaper)).isEqualTo("江保审〔2025〕7号/-");
        assertThat(admissionOf(printer)).isEqualTo("-/-");

        // a third device admitted to the network on an approval
        TestAccount leader = fixtures.account(unit, SecretRelatedLevel.CORE, Role.LEADER_IN_CHARGE);
        long device = DeviceLedgerTest.id(json(post("/api/v1/devices"), officer, """
                {"unitId":%d,"details":%s,"placement":{"responsiblePersonId":%d,"departmentId":%d,"location":"3楼301"}}"""
                .formatted(unit, DeviceLedgerTest.details(approved, "CLASSIFIED", "SECRET", false),
                        idOf("person", unit, person), idOf("department", unit, department)))
                .andExpect(status().isCreated()), "$.device.id");
        long request = DeviceLedgerTest.id(json(post("/api/v1/devices/{id}/requests/admission", device), officer,
                "{\"networkId\":%d,\"reason\":\"新购入网\"}".formatted(idOf("network", unit, network)))
                .andExpect(status().isCreated()), "$.requestId");
        json(post("/api/v1/approvals/{id}/decisions", request), leader, "{\"verdict\":\"APPROVE\",\"comment\":\"同意\"}")
                .andExpect(status().isOk());
        json(post("/api/v1/devices/{id}/admission", device), officer, "{\"requestId\":" + request + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.device.admissionRequestId").value(request))
                .andExpect(jsonPath("$.device.admissionReference").doesNotExist());
        assertThat(admissionOf(approved)).isEqualTo("-/" + request);
        mvc.perform(get("/devices/{id}", device).with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("审批单 " + request)));
        mvc.perform(get("/devices/{id}", device).param("lang", "en").with(fixtures.as(officer)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("approval " + request)));

        String csv = mvc.perform(get("/devices/export.csv").param("unitId", Long.toString(unit)).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(onPaper))).singleElement().asString().contains(",江保审〔2025〕7号,");
        assertThat(csv.lines().filter(l -> l.contains(approved))).singleElement().asString()
                .contains(",审批单 " + request + ",");
        byte[] xlsx = mvc.perform(get("/api/v1/devices/export").param("unitId", Long.toString(unit))
                .with(fixtures.as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        // another unit with a network, a person and a department of the same names takes the file back whole
        long other = fixtures.unit(Fixtures.unique("发改委"), fixtures.rootUnit());
        TestAccount otherOfficer = fixtures.account(other, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        fixtures.person(other, person, SecretRelatedLevel.IMPORTANT);
        fixtures.department(other, department);
        json(post("/api/v1/networks").param("unitId", Long.toString(other)), otherOfficer,
                "{\"name\":\"" + network + "\",\"kind\":\"CLASSIFIED\",\"level\":\"SECRET\","
                        + "\"approvalReference\":\"江保审〔2025〕2号\"}").andExpect(status().is2xxSuccessful());
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("台账.xlsx", xlsx)).param("unitId", Long.toString(other))
                .with(csrf()).with(fixtures.as(otherOfficer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));
        assertThat(devicesIn(other)).isEqualTo(3);
        String inOther = "select coalesce(admission_reference, '-') || '/' || coalesce(cast(network_id as varchar(20)), '-')"
                + " from device where unit_id = :u and asset_number = :a";
        long otherNet = idOf("network", other, network);
        assertThat(jdbc.sql(inOther).param("u", other).param("a", approved).query(String.class).single())
                .isEqualTo("审批单 " + request + "/" + otherNet);
        assertThat(jdbc.sql(inOther).param("u", other).param("a", onPaper).query(String.class).single())
                .isEqualTo("江保审〔2025〕7号/" + otherNet);

        // taken off the network, the device carries no admission; its export cell is blank
        json(post("/api/v1/devices/{id}/removal", device), officer, "{\"text\":\"退网\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.device.admissionRequestId").doesNotExist());
        assertThat(admissionOf(approved)).isEqualTo("-/-");
        String after = mvc.perform(get("/devices/export.csv").param("unitId", Long.toString(unit))
                .with(fixtures.as(officer))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("审批单 " + request);
    }

    @Test
    void aBadDeviceRowImportsNothingAndNamesRowAndColumn() throws Exception {
        List<List<?>> rows = register(Fixtures.unique("ZC-"), Fixtures.unique("ZC-"));
        List<Object> bad = new ArrayList<>(rows.get(2));
        bad.set(2, "游戏机");
        rows.set(2, bad);
        List<Object> noNetwork = new ArrayList<>(rows.get(1));
        noNetwork.set(9, "不存在的网络");
        rows.set(1, noNetwork);
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("d.xlsx", Sheets.xlsx(rows)))
                        .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.report.problems.length()").value(2))
                .andExpect(jsonPath("$.report.problems[0].row").value(2))
                .andExpect(jsonPath("$.report.problems[0].column").value("J"))
                .andExpect(jsonPath("$.report.problems[0].code").value("sheet.device.networkUnknown"))
                .andExpect(jsonPath("$.report.problems[1].row").value(3))
                .andExpect(jsonPath("$.report.problems[1].column").value("C"))
                .andExpect(jsonPath("$.report.problems[1].code").value("sheet.device.type"));
        assertThat(devicesIn(unit)).isZero();
    }

    @Test
    void aDuplicateAssetNumberWithinTheFileOrInTheLedgerIsRefused() throws Exception {
        String a1 = Fixtures.unique("ZC-");
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("d.xlsx", Sheets.xlsx(register(a1, a1))))
                        .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.report.problems[0].code").value("sheet.cell.duplicate"));
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("d.xlsx", Sheets.xlsx(register(a1,
                        Fixtures.unique("ZC-"))))).param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("d.xlsx", Sheets.xlsx(register(a1.toLowerCase(),
                        Fixtures.unique("ZC-"))))).param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.report.problems[0].code").value("sheet.cell.exists"));
    }

    @Test
    void mediaImportIssuesToTheHolderAndExport() throws Exception {
        String asset = Fixtures.unique("ZC-");
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("d.xlsx", Sheets.xlsx(register(asset,
                        Fixtures.unique("ZC-"))))).param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk());
        String usb = Fixtures.unique("AA");
        String csv = "编号,类型,密级,容量,序列号(USB),持有人,可用设备\r\n"
                + ",U盘,机密,32GB," + usb + "," + person + "," + asset + "\r\n"
                + ",光盘,秘密,700MB,,,\r\n";
        mvc.perform(multipart("/api/v1/media/import").file(new MockMultipartFile("file", "介质.csv", "text/csv",
                        csv.getBytes("GBK"))).param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
        assertThat(jdbc.sql("select status from medium where usb_serial = :s").param("s", usb.toUpperCase()).query(String.class)
                .single()).isEqualTo("ISSUED");
        String export = mvc.perform(get("/media/export.csv").param("unitId", Long.toString(unit)).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains("序号,编号,类型,密级,容量,序列号(USB),持有人,可用设备,状态").contains(usb.toUpperCase()).contains(asset)
                .contains(person);
        mvc.perform(multipart("/api/v1/media/import").file(new MockMultipartFile("file", "介质.csv", "text/csv",
                        csv.getBytes("GBK"))).param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.report.problems[0].code").value("sheet.cell.exists"));
    }

    @Test
    void inspectorsMayNotImportAuditorsMayNotExportAndOtherUnitsAreNotFound() throws Exception {
        byte[] bytes = Sheets.xlsx(register(Fixtures.unique("ZC-"), Fixtures.unique("ZC-")));
        TestAccount inspector = fixtures.account(unit, Role.INSPECTOR);
        mvc.perform(multipart("/devices/import").file(Sheets.upload("a.xlsx", bytes)).with(csrf()).with(fixtures.as(inspector)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/media/import").file(Sheets.upload("a.xlsx", bytes)).with(csrf()).with(fixtures.as(inspector)))
                .andExpect(status().isForbidden());
        TestAccount auditor = fixtures.account(unit, Role.SECURITY_AUDITOR);
        mvc.perform(get("/devices/export.xlsx").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/media/export").with(fixtures.as(auditor))).andExpect(status().isForbidden());

        long elsewhere = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount stranger = fixtures.account(elsewhere, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/v1/devices/export").param("unitId", Long.toString(unit)).with(fixtures.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/devices/import").file(Sheets.upload("a.xlsx", bytes)).param("unitId", Long.toString(unit))
                .with(csrf()).with(fixtures.as(stranger))).andExpect(status().isNotFound());
        assertThat(devicesIn(unit)).isZero();
    }
}
