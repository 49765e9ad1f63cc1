package org.baomi.server.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.security.BearerTokenFilter;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Units, departments and people: permissions, scope, validation, audit, paging — on both databases. */
abstract class OrgTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    private TestAccount sysadmin() {
        return fixtures.account(fixtures.rootUnit(), Role.SYSTEM_ADMIN);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
    }

    private String level(long personId) {
        return jdbc.sql("select secret_related_level from person where id = :id").param("id", personId)
                .query(String.class).single();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    // --- units -------------------------------------------------------------------------------

    @Test
    void theSystemAdministratorCreatesAUnitTreeButNoUnitBecomesItsOwnAncestor() throws Exception {
        TestAccount admin = sysadmin();
        long before = fixtures.auditCount("unit.create");
        String codeA = Fixtures.unique("A-");
        mvc.perform(post("/units").with(fixtures.as(admin)).with(csrf()).param("code", codeA).param("name", "上级单位")
                .param("kind", "SECRECY_BUREAU").param("parentId", String.valueOf(fixtures.rootUnit())))
                .andExpect(status().is3xxRedirection());
        long a = jdbc.sql("select id from unit where code = :c").param("c", codeA).query(Long.class).single();
        String body = mvc.perform(json(post("/api/v1/units"), """
                {"code":"%s","name":"下级单位","kind":"GOVERNMENT_ORGAN","parentId":%d}""".formatted(Fixtures.unique("B-"), a))
                .with(fixtures.as(admin))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long b = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(fixtures.auditCount("unit.create")).isEqualTo(before + 2);

        mvc.perform(json(patch("/api/v1/units/" + a), "{\"parentId\":" + b + "}").with(fixtures.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].code").value("unit.cycle"));
        mvc.perform(post("/units/" + a).with(fixtures.as(admin)).with(csrf()).param("code", codeA).param("name", "上级单位")
                .param("kind", "SECRECY_BUREAU").param("parentId", String.valueOf(a)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("field-error")));
        assertThat(count("select parent_id from unit where id = :p", a)).isEqualTo(fixtures.rootUnit());

        mvc.perform(post("/api/v1/units/" + a + "/deactivate").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("unit.hasActiveSubUnits"));
        mvc.perform(post("/api/v1/units/" + b + "/deactivate").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        fixtures.person(a, "在岗人员", SecretRelatedLevel.NONE);
        mvc.perform(post("/units/" + a + "/deactivate").with(fixtures.as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from unit where id = :p and active = true", a)).isEqualTo(1);

        mvc.perform(get("/units").with(fixtures.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(codeA)));
    }

    @Test
    void badUnitInputIsAProblemNamingEachFieldAndStoresNothing() throws Exception {
        TestAccount admin = sysadmin();
        long units = count("select count(*) from unit where 1 = :p", 1);
        mvc.perform(json(post("/api/v1/units"), "{\"code\":\"\",\"name\":\"x\",\"kind\":\"CASTLE\",\"parentId\":999999999}")
                .with(fixtures.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("code", "kind", "parentId")));
        assertThat(count("select count(*) from unit where 1 = :p", 1)).isEqualTo(units);
    }

    @Test
    void onlyTheSystemAdministratorManagesUnits() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        for (Role role : new Role[] {Role.SECURITY_ADMIN, Role.SECRECY_OFFICER, Role.INSPECTOR, Role.UNIT_HEAD}) {
            TestAccount who = fixtures.account(unit, role);
            mvc.perform(json(post("/api/v1/units"), "{\"code\":\"%s\",\"name\":\"x\",\"kind\":\"OTHER\"}"
                    .formatted(Fixtures.unique("X-"))).with(fixtures.as(who))).andExpect(status().isForbidden());
            mvc.perform(post("/units/" + unit + "/deactivate").with(fixtures.as(who)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(count("select count(*) from unit where id = :p and active = true", unit)).isEqualTo(1);
    }

    // --- departments -------------------------------------------------------------------------

    @Test
    void aSecrecyOfficerManagesTheDepartmentsOfHisUnitsOnly() throws Exception {
        long mine = fixtures.unit(Fixtures.unique("本单位"), fixtures.rootUnit());
        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount officer = fixtures.account(mine, Role.SECRECY_OFFICER);
        String body = mvc.perform(json(post("/api/v1/units/" + mine + "/departments"), "{\"name\":\"机要室\"}")
                .with(fixtures.as(officer))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long dept = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(json(post("/api/v1/units/" + mine + "/departments"), "{\"name\":\"机要室\"}").with(fixtures.as(officer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("department.nameTaken"));
        mvc.perform(json(post("/api/v1/units/" + other + "/departments"), "{\"name\":\"办公室\"}").with(fixtures.as(officer)))
                .andExpect(status().isNotFound());
        assertThat(count("select count(*) from department where unit_id = :p", other)).isZero();

        long clerk = fixtures.person(mine, "科员甲", SecretRelatedLevel.GENERAL);
        jdbc.sql("update person set department_id = :d where id = :id").param("d", dept).param("id", clerk).update();
        mvc.perform(post("/departments/" + dept + "/deactivate").with(fixtures.as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from department where id = :p and active = true", dept)).isEqualTo(1);
        mvc.perform(json(patch("/api/v1/departments/" + dept), "{\"name\":\"机要科\"}").with(fixtures.as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("机要科"));
        assertThat(fixtures.auditCount("department.rename")).isPositive();

        TestAccount staff = fixtures.account(mine, Role.CLEARED_PERSON);
        mvc.perform(json(post("/api/v1/units/" + mine + "/departments"), "{\"name\":\"人事科\"}").with(fixtures.as(staff)))
                .andExpect(status().isForbidden());
    }

    // --- people ------------------------------------------------------------------------------

    @Test
    void personInputIsValidatedFieldByFieldAndNothingIsStored() throws Exception {
        TestAccount admin = sysadmin();
        long unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        long otherUnit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        long foreignDept = fixtures.department(otherUnit, "外单位部门");
        String name = Fixtures.unique("无效");
        long people = count("select count(*) from person where 1 = :p", 1);

        mvc.perform(json(post("/api/v1/people"), "{\"name\":\"\",\"unitId\":999999999}").with(fixtures.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "unitId")))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("person.nameRequired", "person.unitUnknown")));
        mvc.perform(json(post("/api/v1/people"), "{\"name\":\"%s\",\"unitId\":%d,\"departmentId\":%d}"
                .formatted(name, unit, foreignDept)).with(fixtures.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"))
                .andExpect(jsonPath("$.errors[0].code").value("person.departmentNotInUnit"));
        mvc.perform(post("/people").with(fixtures.as(admin)).with(csrf()).param("name", "").param("unitId", String.valueOf(unit))
                .param("phone", "call me"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("field-error")));
        assertThat(count("select count(*) from person where 1 = :p", 1)).isEqualTo(people);
        assertThat(count("select count(*) from person where name = :p", name)).isZero();
    }

    @Test
    void aPersonCreatedByOthersIsNotSecretRelatedAndOnlyTheSecurityAdministratorSetsTheLevel() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        TestAccount officer = fixtures.account(unit, Role.SECRECY_OFFICER);
        String body = mvc.perform(json(post("/api/v1/people"), "{\"name\":\"新同志\",\"unitId\":%d,\"level\":\"CORE\",\"secretRelatedLevel\":\"CORE\"}"
                .formatted(unit)).with(fixtures.as(officer))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("NONE")).andReturn().getResponse().getContentAsString();
        long person = ((Number) JsonPath.read(body, "$.id")).longValue();

        long audits = fixtures.auditCount("person.clearance");
        for (TestAccount who : new TestAccount[] {sysadmin(), officer, fixtures.account(fixtures.rootUnit(), Role.SECURITY_AUDITOR),
                fixtures.account(unit, Role.UNIT_HEAD)}) {
            mvc.perform(post("/people/" + person + "/clearance").with(fixtures.as(who)).with(csrf()).param("level", "CORE"))
                    .andExpect(status().isForbidden());
            mvc.perform(json(put("/api/v1/people/" + person + "/clearance"), "{\"level\":\"CORE\"}").with(fixtures.as(who)))
                    .andExpect(status().isForbidden());
            mvc.perform(json(patch("/api/v1/people/" + person), "{\"level\":\"CORE\"}").with(fixtures.as(who)));
        }
        assertThat(level(person)).isEqualTo("NONE");
        assertThat(fixtures.auditCount("person.clearance")).isEqualTo(audits);

        TestAccount secadmin = fixtures.account(fixtures.rootUnit(), Role.SECURITY_ADMIN);
        mvc.perform(post("/people/" + person + "/clearance").with(fixtures.as(secadmin)).with(csrf()).param("level", "IMPORTANT"))
                .andExpect(status().is3xxRedirection());
        assertThat(level(person)).isEqualTo("IMPORTANT");
        mvc.perform(json(put("/api/v1/people/" + person + "/clearance"), "{\"level\":\"TOP\"}").with(fixtures.as(secadmin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
        mvc.perform(json(put("/api/v1/people/" + person + "/clearance"), "{\"level\":\"CORE\"}").with(fixtures.as(secadmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("CORE"));
        assertThat(level(person)).isEqualTo("CORE");
        assertThat(fixtures.auditCount("person.clearance")).isEqualTo(audits + 2);
        String after = jdbc.sql("""
                select after_state from audit_entry where action = 'person.clearance' and object_id = :id order by seq desc""")
                .param("id", String.valueOf(person)).query(String.class).list().get(0);
        assertThat(after).contains("CORE");
        mvc.perform(get("/api/v1/people/" + person).with(fixtures.as(secadmin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.person.highestLevel").value("TOP_SECRET"));
        mvc.perform(get("/people/" + person).with(fixtures.as(secadmin))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("set-clearance")));
    }

    @Test
    void aSecrecyOfficerOfOneUnitNeitherSeesNorEditsThePeopleOfAnother() throws Exception {
        long a = fixtures.unit(Fixtures.unique("甲单位"), fixtures.rootUnit());
        long b = fixtures.unit(Fixtures.unique("乙单位"), fixtures.rootUnit());
        String name = Fixtures.unique("乙员工");
        long personOfB = fixtures.person(b, name, SecretRelatedLevel.GENERAL);
        TestAccount officerOfA = fixtures.account(a, Role.SECRECY_OFFICER);

        mvc.perform(get("/people/" + personOfB).with(fixtures.as(officerOfA))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people/" + personOfB).with(fixtures.as(officerOfA))).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/people/" + personOfB), "{\"name\":\"改名\"}").with(fixtures.as(officerOfA)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/people/" + personOfB + "/deactivate").with(fixtures.as(officerOfA)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/people/" + personOfB).with(fixtures.as(officerOfA)).with(csrf()).param("name", "改名")
                .param("unitId", String.valueOf(a))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people").param("q", name).with(fixtures.as(officerOfA)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(json(post("/api/v1/people"), "{\"name\":\"插入\",\"unitId\":%d}".formatted(b)).with(fixtures.as(officerOfA)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitId"));
        long deptOfB = fixtures.department(b, "乙部门");
        mvc.perform(json(post("/api/v1/people"), "{\"name\":\"插入\",\"unitId\":%d,\"departmentId\":%d}".formatted(a, deptOfB))
                .with(fixtures.as(officerOfA)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("person.departmentUnknown"));
        var stored = jdbc.sql("select name, active from person where id = :id").param("id", personOfB)
                .query((rs, i) -> rs.getString(1) + "/" + rs.getBoolean(2)).single();
        assertThat(stored).isEqualTo(name + "/true");
        assertThat(count("select count(*) from person where unit_id = :p", b)).isEqualTo(1);

        long personOfA = fixtures.person(a, Fixtures.unique("甲员工"), SecretRelatedLevel.NONE);
        mvc.perform(post("/people/" + personOfA + "/deactivate").with(fixtures.as(officerOfA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from person where id = :p and active = false", personOfA)).isEqualTo(1);
        mvc.perform(json(post("/api/v1/people/" + personOfA + "/reactivate"), "").with(fixtures.as(officerOfA)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        assertThat(fixtures.auditCount("person.deactivate")).isPositive();
    }

    @Test
    void anInspectorReadsHisSubordinateUnitsButChangesNothing() throws Exception {
        long bureau = fixtures.unit(Fixtures.unique("保密局"), fixtures.rootUnit());
        long subordinate = fixtures.unit(Fixtures.unique("下级"), bureau);
        long grandchild = fixtures.unit(Fixtures.unique("再下级"), subordinate);
        long elsewhere = fixtures.unit(Fixtures.unique("他处"), fixtures.rootUnit());
        long person = fixtures.person(grandchild, Fixtures.unique("员工"), SecretRelatedLevel.IMPORTANT);
        TestAccount inspector = fixtures.account(bureau, Role.INSPECTOR);

        mvc.perform(get("/api/v1/units").with(fixtures.as(inspector))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unit.id", containsInAnyOrder((int) bureau, (int) subordinate, (int) grandchild)))
                .andExpect(jsonPath("$[*].unit.id", not(hasItem((int) elsewhere))));
        mvc.perform(get("/api/v1/units/" + elsewhere).with(fixtures.as(inspector))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people").param("unitId", String.valueOf(grandchild)).with(fixtures.as(inspector)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/people/" + person).with(fixtures.as(inspector))).andExpect(status().isOk());
        mvc.perform(get("/units").with(fixtures.as(inspector))).andExpect(status().isOk());

        mvc.perform(json(post("/api/v1/people"), "{\"name\":\"检查员加人\",\"unitId\":%d}".formatted(subordinate))
                .with(fixtures.as(inspector))).andExpect(status().isForbidden());
        mvc.perform(get("/people/new").with(fixtures.as(inspector))).andExpect(status().isForbidden());
        mvc.perform(post("/people/" + person + "/deactivate").with(fixtures.as(inspector)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/units/" + subordinate + "/departments"), "{\"name\":\"检查科\"}")
                .with(fixtures.as(inspector))).andExpect(status().isForbidden());
        assertThat(count("select count(*) from person where unit_id = :p", subordinate)).isZero();
        assertThat(count("select count(*) from person where id = :p and active = true", person)).isEqualTo(1);
    }

    @Test
    void theAuditorCannotReadOrganisationData() throws Exception {
        TestAccount auditor = fixtures.account(fixtures.rootUnit(), Role.SECURITY_AUDITOR);
        mvc.perform(get("/units").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/people").with(fixtures.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/people").with(fixtures.as(auditor))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/units").with(fixtures.as(auditor))).andExpect(status().isForbidden());
    }

    @Test
    void searchFiltersAndPagesOnTheServer() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("分页单位"), fixtures.rootUnit());
        long dept = fixtures.department(unit, "投资科");
        String prefix = Fixtures.unique("页");
        for (int i = 0; i < 7; i++) {
            long id = fixtures.person(unit, prefix + i, i < 2 ? SecretRelatedLevel.CORE : SecretRelatedLevel.NONE);
            jdbc.sql("update person set employee_number = :n, department_id = :d where id = :id")
                    .param("n", "EMP-" + prefix + "-" + i).param("d", i % 2 == 0 ? dept : null).param("id", id).update();
        }
        TestAccount head = fixtures.account(unit, Role.UNIT_HEAD);
        mvc.perform(get("/api/v1/people").param("q", prefix).param("size", "3").with(fixtures.as(head)))
                .andExpect(jsonPath("$.total").value(7)).andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].name").value(prefix + 0));
        mvc.perform(get("/api/v1/people").param("q", prefix).param("size", "3").param("page", "3").with(fixtures.as(head)))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].name").value(prefix + 6));
        mvc.perform(get("/api/v1/people").param("q", "emp-" + prefix + "-4").with(fixtures.as(head)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].name").value(prefix + 4));
        mvc.perform(get("/api/v1/people").param("unitId", String.valueOf(unit)).param("level", "CORE").with(fixtures.as(head)))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/people").param("departmentId", String.valueOf(dept)).with(fixtures.as(head)))
                .andExpect(jsonPath("$.total").value(4));
        jdbc.sql("update person set active = false where name = :n").param("n", prefix + 3).update();
        mvc.perform(get("/api/v1/people").param("q", prefix).param("active", "false").with(fixtures.as(head)))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/people").param("q", "%").param("unitId", String.valueOf(unit)).with(fixtures.as(head)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/people").param("level", "SUPREME").with(fixtures.as(head)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
        mvc.perform(get("/people").param("q", prefix).with(fixtures.as(head))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(prefix + 6)));
        mvc.perform(get("/people").param("q", prefix).header("HX-Request", "true").with(fixtures.as(head)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("<html"))));
    }

    @Test
    void aMachineClientWithAnOrgWriteTokenCreatesPeopleAndAReadTokenDoesNot() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("令牌单位"), fixtures.rootUnit());
        TestAccount officer = fixtures.account(unit, Role.SECRECY_OFFICER);
        String write = token(officer, "org:write");
        String read = token(officer, "org:read");
        mvc.perform(json(post("/api/v1/people"), "{\"name\":\"接口新增\",\"unitId\":%d}".formatted(unit))
                .header("Authorization", "Bearer " + read)).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/people"), "{\"name\":\"接口新增\",\"unitId\":%d}".formatted(unit))
                .header("Authorization", "Bearer " + write)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/people").param("unitId", String.valueOf(unit)).header("Authorization", "Bearer " + read))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void businessUsersSeeTheirSecretRelatedStaffOnTheDashboard() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("看板单位"), fixtures.rootUnit());
        fixtures.person(unit, "核心甲", SecretRelatedLevel.CORE);
        TestAccount leader = fixtures.account(unit, Role.LEADER_IN_CHARGE);
        mvc.perform(get("/").with(fixtures.as(leader))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/people?level=CORE")));
        mvc.perform(get("/").with(fixtures.as(sysadmin()))).andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("/people?level=CORE"))));
    }

    private String token(TestAccount account, String scopes) {
        String token = Fixtures.unique("bm_test_") + Fixtures.unique("");
        jdbc.sql("""
                insert into api_token (account_id, name, token_prefix, token_hash, scopes, created_by, created_at)
                values (:a, 'test', :prefix, :hash, :scopes, 'test', :now)""")
                .param("a", account.id()).param("prefix", token.substring(0, 8)).param("hash", BearerTokenFilter.sha256(token))
                .param("scopes", scopes).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return token;
    }
}
