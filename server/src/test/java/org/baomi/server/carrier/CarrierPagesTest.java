package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.security.Role;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The carrier pages (helper U) on a real database: each page renders, filters, shows refusals
 * beside the field, hides what need-to-know hides, audits each view, and refuses the roles that
 * must not see or act.
 */
abstract class CarrierPagesTest extends WithCarrierWorld {

    @Autowired
    MockMvc mvc;

    ResultActions get(TestAccount who, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(fixtures.as(who)));
    }

    ResultActions post(TestAccount who, String url, String... params) throws Exception {
        MockHttpServletRequestBuilder b = MockMvcRequestBuilders.post(url).with(csrf()).with(fixtures.as(who));
        for (int i = 0; i + 1 < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
        }
        return mvc.perform(b);
    }

    String html(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    long carriersOf(long unit) {
        return jdbc.sql("select count(*) from carrier where unit_id = :u").param("u", unit).query(Long.class).single();
    }

    /** The register form as a secrecy officer fills it in. */
    String[] registerForm(String title, String level, String term, String storageKind) {
        return new String[] {"unitId", Long.toString(w.unit), "type", "PAPER_DOCUMENT", "title", title,
                "documentNumber", "江发改〔2026〕7号", "issuer", "江州市人民政府办公室", "dated", "2026-03-01",
                "copyNumber", "1", "copyTotal", "1", "level", level, "term", term, "marking", "",
                "scopeDepartmentIds", Long.toString(w.deptA), "custodianId", Long.toString(w.keeper.personId()),
                "storageKind", storageKind, "storageName", "机要室1号柜"};
    }

    // ------------------------------------------------------------ the ledger

    @Test
    void theLedgerFindsByTextAndHtmxGetsOnlyTheResults() throws Exception {
        Registered a = w.register(w.secret());
        Registered b = w.register(w.input("秘密★5年", List.of(), List.of(w.deptA), StoragePlace.Kind.COMBINATION_SAFE));
        String titleA = w.as(w.keeper, () -> ((CarrierView.Full) carriers.get(a.id())).detail().title());

        String page = html(get(w.keeper, "/carriers?unitId=" + w.unit + "&q=" + titleA).andExpect(status().isOk()));
        assertThat(page).contains("<html").contains(a.serial()).doesNotContain(b.serial()).contains(titleA);

        String fragment = html(mvc.perform(MockMvcRequestBuilders.get("/carriers").param("unitId", Long.toString(w.unit))
                .param("level", "CONFIDENTIAL").header("HX-Request", "true").with(fixtures.as(w.keeper))));
        assertThat(fragment).doesNotContain("<html").contains("carrier-results").contains(b.serial())
                .doesNotContain(a.serial());
    }

    @Test
    void sortHeadersAndThePagerKeepTheFiltersInTheUrl() throws Exception {
        for (int i = 0; i < 3; i++) {
            w.register(w.secret());
        }
        String page = html(get(w.keeper, "/carriers?unitId=" + w.unit + "&level=SECRET&size=2&sort=SERIAL&descending=false"));
        assertThat(page).contains("/carriers?unitId=" + w.unit + "&amp;level=SECRET&amp;sort=SERIAL&amp;descending=false&amp;page=2&amp;size=2")
                .contains("/carriers?unitId=" + w.unit + "&amp;level=SECRET&amp;sort=SERIAL&amp;descending=true&amp;size=2");
    }

    @Test
    void myCarriersAreThoseIKeep() throws Exception {
        Registered mine = w.register(w.secret());
        var other = w.input("机密★10年", List.of(), List.of(w.deptA), StoragePlace.Kind.COMBINATION_SAFE);
        Registered theirs = w.register(new CarrierInput(other.unitId(), other.type(), other.title(), null, other.issuer(),
                other.dated(), 1, 1, other.marking(), List.of(), List.of(w.deptA), w.head.personId(),
                other.storageKind(), other.storageName()));
        String page = html(get(w.keeper, "/carriers?mine=true&unitId=" + w.unit));
        assertThat(page).contains(mine.serial()).doesNotContain(theirs.serial());

        w.run(w.keeper, () -> carriers.circulate(mine.id(), List.of(w.reader.personId()), today, false));
        String toSign = html(get(w.reader, "/carriers?held=true"));
        assertThat(toSign).as("what waits for his signature").contains(mine.serial()).doesNotContain(theirs.serial());
        assertThat(html(get(w.reader2, "/carriers?held=true"))).doesNotContain(mine.serial());
    }

    @Test
    void overdueOnlyShowsWhatIsPastItsDueDate() throws Exception {
        Registered late = w.register(w.secret());
        Registered onTime = w.register(w.secret());
        w.run(w.keeper, () -> carriers.lend(late.id(), w.reader.personId(), today.plusDays(1)));
        w.run(w.keeper, () -> carriers.lend(onTime.id(), w.reader2.personId(), today.plusDays(1)));
        jdbc.sql("update carrier set due_date = :d where id = :id").param("d", today.minusDays(1)).param("id", late.id())
                .update();
        String page = html(get(w.keeper, "/carriers?overdue=true&unitId=" + w.unit));
        assertThat(page).contains(late.serial()).doesNotContain(onTime.serial()).contains("逾期");
    }

    @Test
    void aRowTheViewerMayNotKnowShowsSerialAndLevelButNeverTheTitle() throws Exception {
        Registered r = w.register(w.secret());
        String title = w.as(w.keeper, () -> ((CarrierView.Full) carriers.get(r.id())).detail().title());
        String ledger = html(get(w.outsider, "/carriers?unitId=" + w.unit).andExpect(status().isOk()));
        assertThat(ledger).contains(r.serial()).doesNotContain(title).contains("您无权知悉此载体的详情");

        long views = fixtures.auditCount("carrier.view");
        String detail = html(get(w.outsider, "/carriers/" + r.id()).andExpect(status().isOk()));
        assertThat(detail).contains(r.serial()).doesNotContain(title).contains("您不在此载体的知悉范围内")
                .doesNotContain("act-circulate");
        assertThat(fixtures.auditCount("carrier.view")).as("a restricted view shows nothing to audit").isEqualTo(views);
    }

    @Test
    void theDetailPageIsAuditedAndShowsTheMarkingTheTimelineAndTheKeepersActs() throws Exception {
        Registered r = w.register(w.secret());
        long views = fixtures.auditCount("carrier.view");
        String page = html(get(w.keeper, "/carriers/" + r.id()).andExpect(status().isOk()));
        assertThat(fixtures.auditCount("carrier.view")).isEqualTo(views + 1);
        assertThat(page).contains("机密★10年").contains("第1份/共1份").contains("carrier-timeline").contains("登记")
                .contains("act-circulate").contains("act-lend").contains("act-copy").contains("carrier-disclosure");

        String asReader = html(get(w.reader, "/carriers/" + r.id()).andExpect(status().isOk()));
        assertThat(asReader).contains("机密★10年").doesNotContain("act-circulate").doesNotContain("carrier-disclosure");
    }

    @Test
    void aCarrierOfAnotherUnitIsNotFound() throws Exception {
        Registered r = w.register(w.secret());
        get(w.otherKeeper, "/carriers/" + r.id()).andExpect(status().isNotFound());
        assertThat(html(get(w.otherKeeper, "/carriers"))).doesNotContain(r.serial());
    }

    // ------------------------------------------------------------ who may not

    @Test
    void rolesThatMustNotKeepTheLedgerAreRefused() throws Exception {
        Registered r = w.register(w.secret());
        get(w.reader, "/carriers/new").andExpect(status().isForbidden());
        get(w.reader, "/carriers/receive").andExpect(status().isForbidden());
        get(w.reader, "/carriers/settings").andExpect(status().isForbidden());
        long before = carriersOf(w.unit);
        post(w.reader, "/carriers", registerForm("不该登记", "SECRET", "10年", "COMBINATION_SAFE"))
                .andExpect(status().isForbidden());
        post(w.inspector, "/carriers", registerForm("不该登记", "SECRET", "10年", "COMBINATION_SAFE"))
                .andExpect(status().isForbidden());
        post(w.otherKeeper, "/carriers", registerForm("不该登记", "SECRET", "10年", "COMBINATION_SAFE"))
                .andExpect(status().isForbidden());
        assertThat(carriersOf(w.unit)).isEqualTo(before);
        post(w.reader, "/carriers/" + r.id() + "/archive").andExpect(status().isForbidden());
        post(w.inspector, "/carriers/" + r.id() + "/lend", "personId", Long.toString(w.reader.personId()), "due",
                today.plusDays(3).toString()).andExpect(status().isForbidden());
        post(w.otherKeeper, "/carriers/" + r.id() + "/archive").andExpect(status().isNotFound());
        TestAccount auditor = fixtures.account(w.unit, Role.SECURITY_AUDITOR);
        get(auditor, "/carriers").andExpect(status().isForbidden());
        get(auditor, "/carriers/" + r.id()).andExpect(status().isForbidden());
        assertThat(html(get(w.keeper, "/carriers/" + r.id()))).contains("在管");
    }

    /** Every ledger act refuses a cleared person (no CARRIER_MANAGE) and changes nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"circulate", "end-circulation", "recall", "lend", "copy/request", "copy", "reclassify/request",
            "reclassify", "declassify/request", "declassify", "move", "archive", "clear"})
    void aClearedPersonMayNotPerformALedgerAct(String act) throws Exception {
        Registered r = w.register(w.secret());
        long events = jdbc.sql("select count(*) from carrier_event where carrier_id = :id").param("id", r.id())
                .query(Long.class).single();
        post(w.reader, "/carriers/" + r.id() + "/" + act, "reason", "试试", "requestId", "1", "receipt", "回执",
                "storageKind", "COMBINATION_SAFE", "storageName", "柜").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from carrier_event where carrier_id = :id").param("id", r.id())
                .query(Long.class).single()).isEqualTo(events);
    }

    /** The inspector reads subordinate units but never writes: not even the acts open to every handler. */
    @ParameterizedTest
    @ValueSource(strings = {"sign", "return", "carry-out/request", "carry-out", "bring-back", "lost"})
    void theInspectorMayNotHandleACarrier(String act) throws Exception {
        Registered r = w.register(w.secret());
        post(w.inspector, "/carriers/" + r.id() + "/" + act, "note", "丢了", "requestId", "1")
                .andExpect(status().isForbidden());
        assertThat(html(get(w.inspector, "/carriers?unitId=" + w.unit).andExpect(status().isOk()))).contains(r.serial());
    }

    @Test
    void pagesForLedgerKeepersRefuseOthersAndTheAuditorSeesNoLedger() throws Exception {
        post(w.reader, "/carriers/receive", registerForm("收文", "SECRET", "10年", "COMBINATION_SAFE"))
                .andExpect(status().isForbidden());
        post(w.reader, "/carriers/settings", "unitId", Long.toString(w.unit), "serialPattern", "{seq}",
                "circulationDays", "2", "termWarningDays", "90", "yearEndWindowDays", "30").andExpect(status().isForbidden());
        post(w.otherKeeper, "/carriers/settings", "unitId", Long.toString(w.unit), "serialPattern", "{seq}",
                "circulationDays", "2", "termWarningDays", "90", "yearEndWindowDays", "30").andExpect(status().isForbidden());
        TestAccount auditor = fixtures.account(w.unit, Role.SECURITY_AUDITOR);
        get(auditor, "/carriers/reminders").andExpect(status().isForbidden());
        get(auditor, "/carriers/new").andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------ registering

    @Test
    void registeringRedirectsToTheNewCarrier() throws Exception {
        String title = Fixtures.unique("年度预算");
        String location = post(w.keeper, "/carriers", registerForm(title, "SECRET", "5年", "COMBINATION_LOCK_CABINET"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", containsString("已登记")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(html(get(w.keeper, location))).contains(title).contains("机密★5年");
    }

    @Test
    void badInputIsShownBesideEachFieldAndRegistersNothing() throws Exception {
        long before = carriersOf(w.unit);
        String untitled = html(post(w.keeper, "/carriers", registerForm("", "SECRET", "", "COMBINATION_SAFE"))
                .andExpect(status().isOk()));
        assertThat(untitled).contains("id=\"title-error\"");
        String cabinet = html(post(w.keeper, "/carriers", registerForm("绝密文件", "TOP_SECRET", "", "COMBINATION_LOCK_CABINET"))
                .andExpect(status().isOk()));
        assertThat(cabinet).contains("id=\"storageKind-error\"").contains("密码保险柜");
        assertThat(carriersOf(w.unit)).isEqualTo(before);

        String marking = html(post(w.keeper, "/carriers", "unitId", Long.toString(w.unit), "type", "PAPER_DOCUMENT",
                "title", "标题", "issuer", "机关", "dated", "2026-03-01", "marking", "机密★99年", "custodianId",
                Long.toString(w.keeper.personId()), "storageKind", "COMBINATION_SAFE", "storageName", "柜",
                "scopeDepartmentIds", Long.toString(w.deptA)));
        assertThat(marking).contains("id=\"marking-error\"").contains("99");
        String date = html(post(w.keeper, "/carriers", "unitId", Long.toString(w.unit), "dated", "2026-13-45"));
        assertThat(date).contains("id=\"dated-error\"");
        assertThat(carriersOf(w.unit)).isEqualTo(before);
    }

    @Test
    void aBatchMakesOneEntryPerCopyAndAnUnreadableListIsShownBesideTheField() throws Exception {
        long before = carriersOf(w.unit);
        String[] batch = registerForm("收文", "SECRET", "10年", "COMBINATION_SAFE");
        int copies = java.util.Arrays.asList(batch).indexOf("copyNumber");
        batch[copies] = "copyNumbers";
        batch[copies + 1] = "3-5, 9";
        batch[copies + 3] = "10";
        post(w.keeper, "/carriers/receive", batch).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", containsString("4")));
        assertThat(carriersOf(w.unit)).isEqualTo(before + 4);
        assertThat(jdbc.sql("select copy_number from carrier where unit_id = :u order by copy_number")
                .param("u", w.unit).query(Integer.class).list()).containsExactly(3, 4, 5, 9);

        batch[copies + 1] = "3-x";
        assertThat(html(post(w.keeper, "/carriers/receive", batch).andExpect(status().isOk())))
                .contains("id=\"copyNumbers-error\"").contains("3-x");
        batch[copies + 1] = "9-12";
        assertThat(html(post(w.keeper, "/carriers/receive", batch))).contains("id=\"copyNumbers-error\"");
        assertThat(carriersOf(w.unit)).isEqualTo(before + 4);
    }

    // ------------------------------------------------------------ acts

    @Test
    void circulationRunsThroughThePagesAndARefusalIsReadable() throws Exception {
        Registered r = w.register(w.secret());
        String url = "/carriers/" + r.id();
        String empty = html(post(w.keeper, url + "/circulate", "due", today.plusDays(1).toString())
                .andExpect(status().isOk()));
        assertThat(empty).contains("传阅").contains("field-error").contains("open");

        post(w.keeper, url + "/circulate", "route", Long.toString(w.reader.personId()), "route",
                Long.toString(w.reader2.personId()), "due", today.plusDays(1).toString())
                .andExpect(redirectedUrl(url)).andExpect(flash().attribute("flashSuccess", "已开始传阅。"));

        assertThat(html(get(w.reader2, url))).doesNotContain("id=\"sign\"");
        post(w.reader2, url + "/sign").andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("flashError", containsString("应由")));
        assertThat(html(get(w.reader, url))).contains("id=\"sign\"");
        post(w.reader, url + "/sign").andExpect(redirectedUrl(url)).andExpect(flash().attribute("flashSuccess", "已签阅。"));
        post(w.reader2, url + "/sign").andExpect(redirectedUrl(url));
        String done = html(get(w.keeper, url));
        assertThat(done).contains("id=\"end-circulation\"").contains("已签阅");
        post(w.outsider, url + "/sign").andExpect(status().isNotFound());
    }

    @Test
    void aLoanDueInThePastIsShownBesideTheDate() throws Exception {
        Registered r = w.register(w.secret());
        String page = html(post(w.keeper, "/carriers/" + r.id() + "/lend", "personId",
                Long.toString(w.reader.personId()), "due", today.minusDays(1).toString()).andExpect(status().isOk()));
        assertThat(page).contains("field-error").contains(today.minusDays(1).toString());
        String missing = html(post(w.keeper, "/carriers/" + r.id() + "/lend", "due", today.plusDays(1).toString()));
        assertThat(missing).contains("field-error").contains("必填");
    }

    @Test
    void aCopyRequestLinksToItsApprovalAndTheApprovedCopyIsMadeFromThePage() throws Exception {
        Registered r = w.register(w.secret());
        String url = "/carriers/" + r.id();
        post(w.keeper, url + "/copy/request", "copies", "2", "chain", "LEADER_IN_CHARGE", "reason", "分送两个科室")
                .andExpect(redirectedUrl(url));
        long request = jdbc.sql("select max(id) from approval_request where subject_type = 'carrier' and subject_id = :s")
                .param("s", Long.toString(r.id())).query(Long.class).single();
        assertThat(html(get(w.keeper, url))).contains("/approvals/" + request);
        w.approved(w.leader, request);
        assertThat(html(get(w.keeper, url))).contains("id=\"use-" + request + "\"");
        post(w.keeper, url + "/copy", "requestId", Long.toString(request)).andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("flashSuccess", containsString("已复制 2 份")));
        String after = html(get(w.keeper, url));
        assertThat(after).contains("carrier-copies").doesNotContain("id=\"use-" + request + "\"");
        post(w.keeper, url + "/copy", "requestId", Long.toString(request)).andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("flashError", containsString("已经使用过")));
    }

    // ------------------------------------------------------------ reminders and settings

    @Test
    void remindersGroupOverdueCarriersAndLinkThem() throws Exception {
        Registered r = w.register(w.secret());
        w.run(w.keeper, () -> carriers.lend(r.id(), w.reader.personId(), today.plusDays(1)));
        // Three days later: the loan is two days overdue (only the projection's due date moves).
        jdbc.sql("update carrier set due_date = :d where id = :id").param("d", today.minusDays(2)).param("id", r.id())
                .update();
        String page = html(get(w.keeper, "/carriers/reminders").andExpect(status().isOk()));
        assertThat(page).contains("reminders-LOAN_OVERDUE").contains("/carriers/" + r.id()).contains(r.serial())
                .contains("逾期 2 天");
        String borrower = html(get(w.reader, "/carriers/reminders").andExpect(status().isOk()));
        assertThat(borrower).as("the borrower is reminded of what he holds").contains(r.serial());
    }

    @Test
    void settingsShowAnExampleSerialAndRefuseABadPatternBesideTheField() throws Exception {
        w.register(w.secret());
        String page = html(get(w.keeper, "/carriers/settings?unitId=" + w.unit).andExpect(status().isOk()));
        assertThat(page).as("the next serial, after the one registered").contains("serial-example").contains("-PD-00002");
        String bad = html(post(w.keeper, "/carriers/settings", "unitId", Long.toString(w.unit), "serialPattern",
                "{unit}-{year}", "circulationDays", "2", "termWarningDays", "90", "yearEndWindowDays", "30")
                .andExpect(status().isOk()));
        assertThat(bad).contains("id=\"serialPattern-error\"").contains("{seq}");
        post(w.keeper, "/carriers/settings", "unitId", Long.toString(w.unit), "serialPattern", "JZ{year}-{seq:4}",
                "circulationDays", "3", "termWarningDays", "60", "yearEndWindowDays", "20")
                .andExpect(redirectedUrl("/carriers/settings?unitId=" + w.unit));
        assertThat(html(get(w.keeper, "/carriers/settings?unitId=" + w.unit))).contains("-0001").contains("value=\"3\"");
        get(w.otherKeeper, "/carriers/settings?unitId=" + w.unit).andExpect(status().isForbidden());
    }
}
