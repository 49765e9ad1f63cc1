package org.baomi.server.carrier.batch;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Inventories (清查) through the API and the pages, on a real database. */
abstract class CarrierInventoryTest {

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

    long unit;
    TestAccount officer;
    long borrower;
    Registered kept;
    Registered archived;
    Registered inSafe;
    Registered lent;
    Registered destroyedOrLost;

    @BeforeEach
    void aLedgerWithCarriersInEveryPlace() {
        unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        borrower = fixtures.person(unit, "借阅人王", SecretRelatedLevel.CORE);
        kept = ledger.secret(officer, unit, "在柜文件");
        archived = ledger.secret(officer, unit, "归档文件");
        inSafe = ledger.topSecret(officer, unit, "保险柜文件");
        lent = ledger.secret(officer, unit, "借出文件", borrower);
        destroyedOrLost = ledger.secret(officer, unit, "已丢失文件");
        ledger.as(officer, () -> {
            carriers.archive(archived.id());
            carriers.lend(lent.id(), borrower, ChinaTime.today().plusDays(4));
            carriers.reportLost(destroyedOrLost.id(), "早已报失");
        });
    }

    ResultActions api(MockHttpServletRequestBuilder request, TestAccount who, String json) throws Exception {
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(csrf()).with(fixtures.as(who)));
    }

    long start(String json) throws Exception {
        String body = api(post("/api/v1/carrier-inventories"), officer, json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions check(long id, String serial) throws Exception {
        return api(post("/api/v1/carrier-inventories/{id}/checks", id), officer, "{\"serial\": \"" + serial + "\"}");
    }

    @Test
    void theExpectedListIsSnapshottedAndCarriersOutAreListedApart() throws Exception {
        long id = start("{\"unitId\": " + unit + "}");
        api(get("/api/v1/carrier-inventories/{id}", id), officer, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.status").value("OPEN"))
                .andExpect(jsonPath("$.here[*].serial").value(org.hamcrest.Matchers.containsInAnyOrder(
                        kept.serial(), archived.serial(), inSafe.serial())))
                .andExpect(jsonPath("$.here[?(@.serial == '" + kept.serial() + "')].title").value("在柜文件"))
                .andExpect(jsonPath("$.out.length()").value(1))
                .andExpect(jsonPath("$.out[0].serial").value(lent.serial()))
                .andExpect(jsonPath("$.out[0].statusThen").value("ON_LOAN"))
                .andExpect(jsonPath("$.out[0].holder").value("借阅人王"))
                .andExpect(jsonPath("$.out[0].due").value(ChinaTime.today().plusDays(4).toString()));
        // Later changes to the ledger do not move the snapshot.
        ledger.as(officer, () -> carriers.returnLoan(lent.id()));
        api(get("/api/v1/carrier-inventories/{id}", id), officer, null)
                .andExpect(jsonPath("$.here.length()").value(3)).andExpect(jsonPath("$.out.length()").value(1));
        assertThat(fixtures.auditCount("carrierInventory.start")).isPositive();
    }

    @Test
    void oneStoragePlaceExpectsOnlyWhatIsKeptThere() throws Exception {
        long id = start("""
                {"unitId": %d, "storageKind": "COMBINATION_SAFE", "storageName": "%s"}"""
                .formatted(unit, CarrierLedgerFixture.SAFE));
        api(get("/api/v1/carrier-inventories/{id}", id), officer, null)
                .andExpect(jsonPath("$.here.length()").value(1))
                .andExpect(jsonPath("$.here[0].serial").value(inSafe.serial()));
        // A carrier of the unit kept elsewhere is found but not expected here, linked to the ledger.
        check(id, kept.serial()).andExpect(jsonPath("$.outcome").value("UNEXPECTED"));
        api(get("/api/v1/carrier-inventories/{id}", id), officer, null)
                .andExpect(jsonPath("$.unexpected[0].carrierId").value(kept.id()));
        api(post("/api/v1/carrier-inventories"), officer, "{\"unitId\": " + unit + ", \"storageName\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrierInventory.placeIncomplete"));
    }

    @Test
    void checkingBySerialTicksExpectedCarriersAndRecordsUnknownOnesAsUnexpected() throws Exception {
        long id = start("{\"unitId\": " + unit + "}");
        check(id, kept.serial()).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("TICKED")).andExpect(jsonPath("$.serial").value(kept.serial()));
        check(id, " " + kept.serial().toLowerCase()).andExpect(jsonPath("$.outcome").value("ALREADY_TICKED"));
        check(id, "JZ-UNKNOWN-77").andExpect(jsonPath("$.outcome").value("UNEXPECTED"));
        check(id, "JZ-UNKNOWN-77").andExpect(jsonPath("$.outcome").value("ALREADY_RECORDED"));
        // Lent, says the ledger, but here on the shelf: found but not expected, linked to the carrier.
        check(id, lent.serial()).andExpect(jsonPath("$.outcome").value("UNEXPECTED"));
        check(id, "  ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("serial"));
        api(post("/api/v1/carrier-inventories/{id}/unexpected", id), officer,
                "{\"text\": \"未编号的光盘一张\", \"note\": \"在2号柜底层发现\"}")
                .andExpect(jsonPath("$.outcome").value("UNEXPECTED"));
        api(post("/api/v1/carrier-inventories/{id}/unexpected", id), officer, "{\"text\": \"" + archived.serial() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("carrierInventory.expectedAfterAll"));
        api(get("/api/v1/carrier-inventories/{id}", id), officer, null)
                .andExpect(jsonPath("$.here[?(@.serial == '" + kept.serial() + "')].result").value("PRESENT"))
                .andExpect(jsonPath("$.unexpected.length()").value(3))
                .andExpect(jsonPath("$.unexpected[0].text").value("JZ-UNKNOWN-77"))
                .andExpect(jsonPath("$.unexpected[0].carrierId").doesNotExist())
                .andExpect(jsonPath("$.unexpected[1].carrierId").value(lent.id()))
                .andExpect(jsonPath("$.unexpected[2].note").value("在2号柜底层发现"));
    }

    @Test
    void aMissingCarrierNeedsANoteAndFinishingLocksTheResult() throws Exception {
        long id = start("{\"unitId\": " + unit + "}");
        check(id, kept.serial()).andExpect(status().isOk());
        api(post("/api/v1/carrier-inventories/{id}/items/{c}/missing", id, archived.id()), officer, "{\"note\": \" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        api(post("/api/v1/carrier-inventories/{id}/items/{c}/missing", id, archived.id()), officer,
                "{\"note\": \"档案室各柜均已查找\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.here[?(@.serial == '" + archived.serial() + "')].result").value("MISSING"))
                .andExpect(jsonPath("$.here[?(@.serial == '" + archived.serial() + "')].note").value("档案室各柜均已查找"));
        api(post("/api/v1/carrier-inventories/{id}/finish", id), officer, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.status").value("FINISHED"))
                .andExpect(jsonPath("$.summary.present").value(1))
                // the TOP SECRET one was never ticked: missing
                .andExpect(jsonPath("$.summary.missing").value(2))
                .andExpect(jsonPath("$.actions.check").value(false));
        check(id, inSafe.serial()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrierInventory.finished"));
        api(post("/api/v1/carrier-inventories/{id}/finish", id), officer, null).andExpect(status().isConflict());
        // Nothing was reported lost for the officer: the carriers are untouched.
        assertThat(ledger.status(archived.id())).isEqualTo("ARCHIVED");
        assertThat(ledger.status(inSafe.id())).isEqualTo("IN_CUSTODY");

        String record = mvc.perform(get("/carriers/inventories/{id}/print", id).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(record).contains("涉密载体清查登记表").contains("应在 3 件，在位 1 件，缺失 2 件")
                .contains(archived.serial()).contains("档案室各柜均已查找").contains(lent.serial()).contains("借阅人王")
                .doesNotContain("class=\"sidenav\"");
    }

    @Test
    void thePageChecksAScannedSerialThroughHtmx() throws Exception {
        String location = mvc.perform(post("/carriers/inventories").with(csrf()).with(fixtures.as(officer))
                        .param("scope", Long.toString(unit)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = mvc.perform(get("/carriers/inventories/{id}", id).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"check-serial\"").contains("hx-post=").contains(kept.serial())
                .contains("借阅人王");

        String fragment = mvc.perform(post("/carriers/inventories/{id}/check", id).with(csrf()).with(fixtures.as(officer))
                        .header("HX-Request", "true").param("serial", kept.serial()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).startsWith("<div id=\"inventory-body\"").contains(kept.serial() + " 在位，已清点。")
                .contains("id=\"count-present\">1<").doesNotContain("<html");

        mvc.perform(post("/carriers/inventories/{id}/items/{c}/missing", id, archived.id()).with(csrf())
                        .with(fixtures.as(officer)).param("note", "未找到"))
                .andExpect(redirectedUrl("/carriers/inventories/" + id + "#item-" + archived.id()));
        mvc.perform(post("/carriers/inventories/{id}/finish", id).with(csrf()).with(fixtures.as(officer)))
                .andExpect(redirectedUrl("/carriers/inventories/" + id));
        String done = mvc.perform(get("/carriers/inventories/{id}", id).with(fixtures.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(done).doesNotContain("id=\"check-serial\"").contains("前往载体页面报告丢失");
    }

    @Test
    void rolesThatMustNotActAreRefused() throws Exception {
        long id = start("{\"unitId\": " + unit + "}");
        TestAccount inspector = fixtures.account(unit, SecretRelatedLevel.CORE, Role.INSPECTOR);
        TestAccount cleared = fixtures.account(unit, SecretRelatedLevel.CORE, Role.CLEARED_PERSON);
        TestAccount auditor = fixtures.account(unit, Role.SECURITY_AUDITOR);
        for (TestAccount who : List.of(inspector, cleared, auditor)) {
            api(post("/api/v1/carrier-inventories"), who, "{\"unitId\": " + unit + "}").andExpect(status().isForbidden());
            api(post("/api/v1/carrier-inventories/{id}/checks", id), who, "{\"serial\": \"" + kept.serial() + "\"}")
                    .andExpect(status().isForbidden());
            api(post("/api/v1/carrier-inventories/{id}/finish", id), who, null).andExpect(status().isForbidden());
            mvc.perform(get("/carriers/inventories/{id}/print", id).with(fixtures.as(who))).andExpect(status().isForbidden());
        }
        api(get("/api/v1/carrier-inventories/{id}", id), auditor, null).andExpect(status().isForbidden());
        api(get("/api/v1/carrier-inventories/{id}", id), inspector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.here[0].title").doesNotExist())
                .andExpect(jsonPath("$.here[0].storageName").doesNotExist());
        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        TestAccount stranger = fixtures.account(other, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        api(get("/api/v1/carrier-inventories/{id}", id), stranger, null).andExpect(status().isNotFound());
        api(post("/api/v1/carrier-inventories/{id}/checks", id), stranger, "{\"serial\": \"x\"}")
                .andExpect(status().isNotFound());
        api(get("/api/v1/carrier-inventories"), stranger, null).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        assertThat(jdbc.sql("select count(*) from carrier_inventory_item where inventory_id = :id and result is not null")
                .param("id", id).query(Long.class).single()).isZero();
    }

}
