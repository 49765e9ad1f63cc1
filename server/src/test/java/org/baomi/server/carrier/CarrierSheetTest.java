package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.platform.sheet.Sheets;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The carrier ledger's import and export through the pages and the API, on a real database. */
abstract class CarrierSheetTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    long unit;
    TestAccount officer;
    String custodian;
    String reader;
    String office;

    @BeforeEach
    void aUnitWithItsSecrecyOfficerAndStaff() {
        unit = fixtures.unit(Fixtures.unique("发改委"), fixtures.rootUnit());
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        custodian = Fixtures.unique("王");
        reader = Fixtures.unique("李");
        office = Fixtures.unique("办公室");
        staff(unit);
    }

    void staff(long u) {
        fixtures.person(u, custodian, SecretRelatedLevel.CORE);
        fixtures.person(u, reader, SecretRelatedLevel.IMPORTANT);
        fixtures.department(u, office);
    }

    static final List<String> HEADER = List.of("序号", "编号", "标题", "文号", "密级", "保密期限", "来文单位", "日期", "份数/份号",
            "知悉范围", "责任人", "存放位置", "状态");

    List<List<?>> register(String... serials) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("江州市发展和改革委员会 涉密载体台账"));
        rows.add(HEADER);
        rows.add(Arrays.asList(1, serials[0], "关于做好年度保密自查自评工作的通知", "江保发〔2026〕3号", "秘密", "1年", "江州市保密局",
                LocalDate.of(2026, 3, 5), "第3份/共20份", reader + "、" + office, custodian, "密码文件柜 机要室2号", "在管"));
        rows.add(Arrays.asList(2, serials[1], "会议纪要", "", "机密★10年", null, "江州市委办公室", "2026/3/6", "1/1",
                reader, custodian, "机要室密码保险柜A-3", null));
        rows.add(Arrays.asList(3, serials.length > 2 ? serials[2] : null, "内部通报", null, "内部", null, "本单位", "2026年3月7日",
                null, null, custodian, "办公室文件柜", null));
        return rows;
    }

    long carriersIn(long u) {
        return jdbc.sql("select count(*) from carrier where unit_id = :u").param("u", u).query(Long.class).single();
    }

    @Test
    void aGoodRegisterImportsEveryRowKeepingItsSerialsAndIsAudited() throws Exception {
        long imports = fixtures.auditCount("carrier.import");
        String s1 = Fixtures.unique("JZ-");
        String s2 = Fixtures.unique("JZ-");
        mvc.perform(multipart("/carriers/import").file(Sheets.upload("台账.xlsx", Sheets.xlsx(register(s1, s2))))
                        .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/carriers"))
                .andExpect(flash().attribute("flashSuccess", "已导入 3 行。"));
        assertThat(carriersIn(unit)).isEqualTo(3);
        assertThat(jdbc.sql("select serial from carrier where unit_id = :u order by id").param("u", unit)
                .query(String.class).list()).startsWith(s1, s2).hasSize(3);
        var first = jdbc.sql("""
                select title, document_number, marking_text, copy_number, copy_total, storage_kind, storage_name, dated
                from carrier where serial = :s and unit_id = :u""").param("s", s1).param("u", unit)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class))).single();
        assertThat(first).containsExactly("关于做好年度保密自查自评工作的通知", "江保发〔2026〕3号", "秘密★1年", 3, 20,
                "COMBINATION_LOCK_CABINET", "机要室2号", LocalDate.of(2026, 3, 5));
        assertThat(jdbc.sql("select storage_kind from carrier where serial = :s").param("s", s2).query(String.class)
                .single()).isEqualTo("COMBINATION_SAFE");
        assertThat(jdbc.sql("select count(*) from carrier_scope_person sp join carrier c on c.id = sp.carrier_id"
                + " where c.serial = :s").param("s", s1).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from carrier_scope_department sd join carrier c on c.id = sd.carrier_id"
                + " where c.serial = :s").param("s", s1).query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.auditCount("carrier.import")).isEqualTo(imports + 1);
    }

    @Test
    void oneBadCellImportsNothingAndTheResultNamesRowAndColumn() throws Exception {
        List<List<?>> rows = register(Fixtures.unique("JZ-"), Fixtures.unique("JZ-"));
        List<Object> bad = new ArrayList<>(rows.get(3));
        bad.set(7, "2026-02-30");
        rows.set(3, bad);
        String html = mvc.perform(multipart("/carriers/import").file(Sheets.upload("台账.xlsx", Sheets.xlsx(rows)))
                        .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"sheet-problems\"").contains("未导入任何数据").contains(">4<").contains(">H<")
                .contains("2026-02-30").contains("不是日期");
        assertThat(carriersIn(unit)).isZero();
    }

    @Test
    void namesThatAreNobodyAndSerialsAlreadyInTheLedgerAreRefusedBeforeAnythingIsWritten() throws Exception {
        String taken = Fixtures.unique("JZ-");
        mvc.perform(multipart("/carriers/import").file(Sheets.upload("a.xlsx", Sheets.xlsx(register(taken, Fixtures.unique("JZ-")))))
                .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection());
        List<List<?>> rows = register(taken, Fixtures.unique("JZ-"));
        List<Object> nobody = new ArrayList<>(rows.get(3));
        nobody.set(10, "查无此人");
        rows.set(3, nobody);
        mvc.perform(multipart("/api/v1/carriers/import").file(Sheets.upload("b.xlsx", Sheets.xlsx(rows)))
                        .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("sheet.rejected"))
                .andExpect(jsonPath("$.report.imported").value(0))
                .andExpect(jsonPath("$.report.problems[0].row").value(3))
                .andExpect(jsonPath("$.report.problems[0].column").value("B"))
                .andExpect(jsonPath("$.report.problems[0].code").value("sheet.cell.exists"))
                .andExpect(jsonPath("$.report.problems[1].row").value(4))
                .andExpect(jsonPath("$.report.problems[1].column").value("K"))
                .andExpect(jsonPath("$.report.problems[1].code").value("sheet.carrier.personUnknown"));
        assertThat(carriersIn(unit)).isEqualTo(3);
    }

    @Test
    void aTopSecretCarrierOutsideASafeNamesTheStorageColumn() throws Exception {
        List<List<?>> rows = register(Fixtures.unique("JZ-"), Fixtures.unique("JZ-"));
        List<Object> ts = new ArrayList<>(rows.get(2));
        ts.set(4, "绝密");
        rows.set(2, ts);
        mvc.perform(multipart("/api/v1/carriers/import").file(Sheets.upload("c.xlsx", Sheets.xlsx(rows)))
                        .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.report.problems[0].row").value(3))
                .andExpect(jsonPath("$.report.problems[0].column").value("L"));
    }

    @Test
    void aClassifiedRowWithoutAScopeIsRefusedInTheFirstPassEvenWithoutTheColumn() throws Exception {
        String csv = "标题,密级,来文单位,日期,责任人,存放位置\r\n"
                + "通知,秘密,市保密局,2026/3/5," + custodian + ",密码文件柜 1号\r\n"
                + "通报,内部,市保密局,2026/3/6," + custodian + ",书柜\r\n"
                + "纪要,机密,市保密局,2026/3/6," + custodian + ",密码文件柜 1号\r\n";
        mvc.perform(multipart("/api/v1/carriers/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.report.problems.length()").value(2))
                .andExpect(jsonPath("$.report.problems[0].row").value(2))
                .andExpect(jsonPath("$.report.problems[0].header").value("知悉范围"))
                .andExpect(jsonPath("$.report.problems[1].row").value(4));
    }

    @Test
    void theApiImportsAGbkCsvAndReportsWhatItDid() throws Exception {
        String csv = "编号,标题,密级,来文单位,日期,责任人,存放位置,知悉范围\r\n"
                + Fixtures.unique("C-") + ",通知,秘密,市保密局,2026/3/5," + custodian + ",密码文件柜 1号," + reader + "\r\n\r\n"
                + ",通报,秘密,市保密局,2026/3/6," + custodian + ",密码文件柜 1号," + office + "\r\n";
        mvc.perform(multipart("/api/v1/carriers/import")
                        .file(new MockMultipartFile("file", "台账.csv", "text/csv", csv.getBytes("GBK")))
                        .with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skippedEmpty").value(1))
                .andExpect(jsonPath("$.encoding").value("GB18030"));
        assertThat(carriersIn(unit)).isEqualTo(2);
    }

    @Test
    void anExportReadsBackIntoAnotherUnitAsTheSameRegister() throws Exception {
        mvc.perform(multipart("/carriers/import").file(Sheets.upload("a.xlsx", Sheets.xlsx(register(Fixtures.unique("JZ-"),
                        Fixtures.unique("JZ-"), Fixtures.unique("JZ-")))))
                .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection());
        byte[] first = mvc.perform(get("/carriers/export.xlsx").param("unitId", Long.toString(unit))
                        .with(fixtures.as(officer)))
                .andExpect(status().isOk()).andExpect(content().contentType(Sheets.XLSX))
                .andReturn().getResponse().getContentAsByteArray();

        long other = fixtures.unit(Fixtures.unique("发改委"), fixtures.rootUnit());
        staff(other);
        TestAccount otherOfficer = fixtures.account(other, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        mvc.perform(multipart("/carriers/import").file(Sheets.upload("export.xlsx", first))
                        .with(csrf()).with(fixtures.as(otherOfficer)))
                .andExpect(status().is3xxRedirection());
        byte[] second = mvc.perform(get("/carriers/export.xlsx").param("unitId", Long.toString(other))
                .with(fixtures.as(otherOfficer))).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(second)).isEqualTo(cells(first)).hasSize(4);
        assertThat(cells(first).get(0)).startsWith("序号", "编号", "标题", "文号", "密级", "保密期限", "来文单位", "日期", "份数/份号");
        assertThat(cells(first)).anySatisfy(row -> assertThat(row).contains("秘密", "1年", "2026-03-05", "第3份/共20份",
                custodian, reader + "、" + office, "密码文件柜 机要室2号"));

        String csv = mvc.perform(get("/carriers/export.csv").param("unitId", Long.toString(unit))
                .with(fixtures.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("关于做好年度保密自查自评工作的通知");
    }

    /** Every cell below the title row, as Excel shows it. */
    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                List<String> row = new ArrayList<>();
                for (var c : sheet.getRow(r)) {
                    row.add(c.getColumnIndex() == 0 || c.getColumnIndex() == 7 ? f.formatCellValue(c)
                            .replaceAll("^(\\d+)/(\\d+)/(\\d+)$", "20$3-$1-$2") : f.formatCellValue(c));
                }
                out.add(row);
            }
        }
        for (List<String> row : out) {
            if (row.size() > 7 && row.get(7).matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                var p = row.get(7).split("-");
                row.set(7, String.format("%s-%02d-%02d", p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2])));
            }
        }
        return out;
    }

    @Test
    void anExportShowsOnlySerialAndLevelOfWhatTheReaderMayNotSeeAndIsAudited() throws Exception {
        String s1 = Fixtures.unique("JZ-");
        mvc.perform(multipart("/carriers/import").file(Sheets.upload("a.xlsx", Sheets.xlsx(register(s1, Fixtures.unique("JZ-")))))
                .param("unitId", Long.toString(unit)).with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection());
        TestAccount staffMember = fixtures.account(unit, SecretRelatedLevel.GENERAL, Role.CLEARED_PERSON);
        long exports = fixtures.auditCount("carrier.export");
        String csv = mvc.perform(get("/carriers/export.csv").param("unitId", Long.toString(unit))
                .with(fixtures.as(staffMember))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(s1 + ",,,秘密").doesNotContain("关于做好年度保密自查自评工作的通知").doesNotContain("会议纪要");
        assertThat(fixtures.auditCount("carrier.export")).isEqualTo(exports + 1);
        String after = jdbc.sql("select after_state from audit_entry where action = 'carrier.export' order by seq desc"
                + " limit 1").query(String.class).single();
        assertThat(after).contains("\"restrictedRows\":3");
    }

    @Test
    void inspectorsMayNotImportAuditorsMayNotExportAndOtherUnitsAreNotFound() throws Exception {
        TestAccount inspector = fixtures.account(unit, Role.INSPECTOR);
        byte[] bytes = Sheets.xlsx(register(Fixtures.unique("JZ-"), Fixtures.unique("JZ-")));
        mvc.perform(multipart("/carriers/import").file(Sheets.upload("a.xlsx", bytes)).param("unitId", Long.toString(unit))
                .with(csrf()).with(fixtures.as(inspector))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/carriers/import").file(Sheets.upload("a.xlsx", bytes)).param("unitId", Long.toString(unit))
                .with(csrf()).with(fixtures.as(inspector))).andExpect(status().isForbidden());
        mvc.perform(get("/carriers/import").with(fixtures.as(inspector))).andExpect(status().isForbidden());

        TestAccount auditor = fixtures.account(unit, Role.SECURITY_AUDITOR);
        mvc.perform(get("/carriers/export.xlsx").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/carriers/export").with(fixtures.as(auditor))).andExpect(status().isForbidden());

        long elsewhere = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount stranger = fixtures.account(elsewhere, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/v1/carriers/export").param("unitId", Long.toString(unit)).with(fixtures.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/carriers/import").file(Sheets.upload("a.xlsx", bytes)).param("unitId", Long.toString(unit))
                .with(csrf()).with(fixtures.as(stranger))).andExpect(status().isForbidden());
        assertThat(carriersIn(unit)).isZero();
    }

    @Test
    void theImportPageListsTheColumnsAndAMissingFileIsNamedBesideTheField() throws Exception {
        String html = mvc.perform(get("/carriers/import").with(fixtures.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"sheet-form\"").contains("存放位置").contains("/carriers/import/template.xlsx");
        String refused = mvc.perform(multipart("/carriers/import").param("unitId", Long.toString(unit)).with(csrf())
                .with(fixtures.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"sheet-file-error\"").contains("请选择要上传的文件");
        mvc.perform(get("/carriers/import/template.xlsx").with(fixtures.as(officer))).andExpect(status().isOk())
                .andExpect(content().contentType(Sheets.XLSX));
    }
}
