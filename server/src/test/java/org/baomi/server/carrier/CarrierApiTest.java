package org.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Every act of the ledger through /api/v1/carriers, and who is refused: 403, 404, problem+json naming the field. */
abstract class CarrierApiTest extends WithCarrierWorld {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    ResultActions post(TestAccount who, String url, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).with(csrf())
                .with(fixtures.as(who)).contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "{}" : json.writeValueAsString(body)));
    }

    ResultActions get(TestAccount who, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(fixtures.as(who)));
    }

    long id(ResultActions r, String field) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString()).get(field).asLong();
    }

    long registered() throws Exception {
        return id(post(w.keeper, "/api/v1/carriers", w.secret()).andExpect(status().isCreated()), "id");
    }

    void approve(TestAccount approver, long requestId) throws Exception {
        post(approver, "/api/v1/approvals/" + requestId + "/decisions", java.util.Map.of("verdict", "APPROVE"))
                .andExpect(status().isOk());
    }

    @Test
    void registrationReturnsTheSerialAndBadInputIsProblemJsonNamingTheField() throws Exception {
        post(w.keeper, "/api/v1/carriers", w.secret()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.serial").value(startsWith(jdbc.sql("select code from unit where id = :u")
                        .param("u", w.unit).query(String.class).single())));
        CarrierInput s = w.secret();
        CarrierInput bad = new CarrierInput(w.unit, s.type(), s.title(), s.documentNumber(), s.issuer(), s.dated(), 1, 1,
                "机密★99年", s.scopePersonIds(), s.scopeDepartmentIds(), s.custodianId(), s.storageKind(), s.storageName());
        post(w.keeper, "/api/v1/carriers", bad).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("marking"))
                .andExpect(jsonPath("$.errors[0].code").value("marking.termTooLong"))
                .andExpect(jsonPath("$.errors[0].message").value("该密级的保密期限最长 20 年，而不是 99 年。"));
        CarrierInput of5 = new CarrierInput(w.unit, s.type(), s.title(), s.documentNumber(), s.issuer(), s.dated(), null,
                5, s.marking(), s.scopePersonIds(), s.scopeDepartmentIds(), s.custodianId(), s.storageKind(),
                s.storageName());
        post(w.keeper, "/api/v1/carriers/batch", java.util.Map.of("input", of5, "copyNumbers", List.of(1, 2)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void retrievalFromTheArchiveThroughTheApiGoesBackToTheArchive() throws Exception {
        long id = registered();
        String c = "/api/v1/carriers/" + id;
        post(w.keeper, c + "/archive", null).andExpect(status().isOk());
        var body = java.util.Map.of("personId", w.reader.personId(), "due", today.plusDays(3).toString());
        post(w.reader, c + "/retrieval", body).andExpect(status().isForbidden());
        post(w.otherKeeper, c + "/retrieval", body).andExpect(status().isNotFound());
        post(w.keeper, c + "/retrieval", java.util.Map.of("due", today.toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        post(w.keeper, c + "/retrieval", java.util.Map.of("personId", w.outsider.personId(), "due",
                today.toString())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrier.borrowerNotInScope"));
        post(w.keeper, c + "/retrieval", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.detail.status").value("ON_LOAN"))
                .andExpect(jsonPath("$.detail.loan.fromArchive").value(true));
        post(w.keeper, c + "/loan", body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrier.onLoan"));
        post(w.reader, c + "/loan/return", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.detail.status").value("ARCHIVED"));
        get(w.keeper, "/v3/api-docs").andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/carriers/{id}/retrieval'].post.summary").isNotEmpty());
    }

    @Test
    void everyActWorksThroughTheApi() throws Exception {
        long id = registered();
        String c = "/api/v1/carriers/" + id;
        post(w.keeper, c + "/circulation", java.util.Map.of("route", List.of(w.reader.personId()), "due",
                today.toString(), "urgent", true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.detail.status").value("CIRCULATING"));
        post(w.reader, c + "/circulation/sign", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.detail.circulation.route[0].signedAt").isNotEmpty());
        post(w.keeper, c + "/circulation/end", null).andExpect(jsonPath("$.detail.status").value("IN_CUSTODY"));
        post(w.keeper, c + "/circulation", java.util.Map.of("route", List.of(w.reader.personId()), "due",
                today.toString())).andExpect(status().isOk());
        post(w.keeper, c + "/circulation/recall", java.util.Map.of("reason", "急用")).andExpect(status().isOk());
        post(w.keeper, c + "/loan", java.util.Map.of("personId", w.reader.personId(), "due", today.plusDays(3).toString()))
                .andExpect(jsonPath("$.detail.loan.personId").value(w.reader.personId()));
        post(w.reader, c + "/loan/return", null).andExpect(jsonPath("$.detail.status").value("IN_CUSTODY"));

        long carryOut = id(post(w.reader, c + "/carry-out/requests", java.util.Map.of("returnBy",
                today.plusDays(1).toString(), "reason", "汇报")).andExpect(status().isCreated()), "requestId");
        post(w.reader, c + "/carry-out", java.util.Map.of("requestId", carryOut)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestId"))
                .andExpect(jsonPath("$.errors[0].code").value("carrier.approvalNotApproved"));
        approve(w.leader, carryOut);
        post(w.reader, c + "/carry-out", java.util.Map.of("requestId", carryOut))
                .andExpect(jsonPath("$.detail.status").value("CARRIED_OUT"));
        post(w.reader, c + "/bring-back", null).andExpect(jsonPath("$.detail.status").value("IN_CUSTODY"));

        long copy = id(post(w.keeper, c + "/copy/requests", java.util.Map.of("copies", 1, "chain", "LEADER_IN_CHARGE",
                "reason", "传达")).andExpect(status().isCreated()), "requestId");
        approve(w.leader, copy);
        post(w.keeper, c + "/copy", java.util.Map.of("requestId", copy)).andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].serial").isNotEmpty());

        long reclassify = id(post(w.keeper, c + "/reclassify/requests", java.util.Map.of("marking", "秘密★5年",
                "reason", "复核")), "requestId");
        approve(w.head, reclassify);
        post(w.keeper, c + "/reclassify", java.util.Map.of("requestId", reclassify))
                .andExpect(jsonPath("$.detail.markingText").value("秘密★5年"));
        long declassify = id(post(w.keeper, c + "/declassify/requests", java.util.Map.of("reason", "期满")), "requestId");
        approve(w.head, declassify);
        post(w.keeper, c + "/declassify", java.util.Map.of("requestId", declassify))
                .andExpect(jsonPath("$.detail.markingText").value("解密"));

        post(w.keeper, c + "/move", java.util.Map.of("storageKind", "COMBINATION_SAFE", "storageName", "2号柜"))
                .andExpect(jsonPath("$.detail.storage.name").value("2号柜"));
        post(w.keeper, c + "/archive", null).andExpect(jsonPath("$.detail.status").value("ARCHIVED"));
        post(w.keeper, c + "/clear", java.util.Map.of("receipt", "签收单 7号"))
                .andExpect(jsonPath("$.detail.status").value("CLEARED"));
        post(w.keeper, c + "/archive", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("carrier.closed"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已清退")));

        get(w.keeper, c + "/timeline").andExpect(status().isOk()).andExpect(jsonPath("$[0].kind").value("Registered"))
                .andExpect(jsonPath("$.length()").value(16));
        get(w.keeper, c + "/disclosure").andExpect(jsonPath("$[*].username").value(hasItem(w.reader.username())));
        get(w.keeper, c + "/requests").andExpect(jsonPath("$.length()").value(4));

        long lost = registered();
        post(w.keeper, "/api/v1/carriers/" + lost + "/lost", java.util.Map.of("note", "遗失"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.incidentId").isNumber());
        get(w.keeper, "/api/v1/carriers?unitId=" + w.unit + "&status=LOST")
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(lost));
        get(w.keeper, "/api/v1/carriers/reminders?unitId=" + w.unit).andExpect(status().isOk());
        get(w.keeper, "/api/v1/carriers/settings/" + w.unit).andExpect(jsonPath("$.circulationDays").value(2));
        mvc.perform(put("/api/v1/carriers/settings/" + w.unit).with(csrf()).with(fixtures.as(w.keeper))
                .contentType(MediaType.APPLICATION_JSON).content("{\"circulationDays\":3}"))
                .andExpect(jsonPath("$.circulationDays").value(3));
        mvc.perform(put("/api/v1/carriers/settings/" + w.unit).with(csrf()).with(fixtures.as(w.keeper))
                .contentType(MediaType.APPLICATION_JSON).content("{\"serialPattern\":\"{seq}{seq}\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("serialPattern"));
    }

    @Test
    void theLedgerFiltersByWhoHoldsACarrierAndWhetherItIsOverdue() throws Exception {
        long lent = registered();
        long kept = registered();
        post(w.keeper, "/api/v1/carriers/" + lent + "/loan", java.util.Map.of("personId", w.reader.personId(), "due",
                today.plusDays(3).toString())).andExpect(status().isOk());
        String ledger = "/api/v1/carriers?unitId=" + w.unit;
        get(w.keeper, ledger + "&holderId=" + w.reader.personId()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(lent));
        get(w.keeper, ledger + "&overdue=true").andExpect(jsonPath("$.total").value(0));
        get(w.keeper, ledger + "&overdue=false&sort=LEVEL&descending=false").andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains((int) lent, (int) kept)));
        get(w.outsider, ledger).andExpect(jsonPath("$.total").value(2));
        get(w.outsider, ledger + "&holderId=" + w.reader.personId()).andExpect(jsonPath("$.total").value(0));
        get(w.keeper, ledger + "&overdue=soon").andExpect(status().isBadRequest());
    }

    @Test
    void rolesThatMustNotActAreRefusedAndOtherUnitsSeeNothing() throws Exception {
        long id = registered();
        String c = "/api/v1/carriers/" + id;
        TestAccount auditor = fixtures.account(w.parent, Role.SECURITY_AUDITOR);
        TestAccount sysadmin = fixtures.account(w.parent, Role.SYSTEM_ADMIN);
        List<String> ledgerActs = List.of("/circulation", "/circulation/end", "/circulation/recall", "/loan",
                "/copy/requests", "/copy", "/reclassify/requests", "/reclassify", "/declassify/requests", "/declassify",
                "/move", "/archive", "/clear");
        for (TestAccount who : List.of(w.reader, w.leader, w.head, w.inspector, auditor, sysadmin)) {
            for (String act : ledgerActs) {
                post(who, c + act, java.util.Map.of("requestId", 1, "reason", "x")).andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.code").value("forbidden"));
            }
            post(who, "/api/v1/carriers", w.secret()).andExpect(status().isForbidden());
            get(who, c + "/disclosure").andExpect(status().isForbidden());
            get(who, "/api/v1/carriers/settings/" + w.unit).andExpect(status().isForbidden());
        }
        for (TestAccount who : List.of(w.inspector, auditor, sysadmin)) {
            for (String act : List.of("/circulation/sign", "/loan/return", "/carry-out/requests", "/carry-out",
                    "/bring-back", "/lost")) {
                post(who, c + act, java.util.Map.of("requestId", 1, "note", "x")).andExpect(status().isForbidden());
            }
        }
        for (TestAccount who : List.of(auditor, sysadmin)) {
            get(who, c).andExpect(status().isForbidden());
            get(who, "/api/v1/carriers").andExpect(status().isForbidden());
        }
        post(w.outsider, c + "/lost", java.util.Map.of("note", "x")).andExpect(status().isForbidden());
        post(w.outsider, c + "/loan/return", null).andExpect(status().isForbidden());
        post(w.outsider, c + "/carry-out/requests", java.util.Map.of("returnBy", today.toString(), "reason", "x"))
                .andExpect(status().isForbidden());
        get(w.inspector, c).andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("NOT_IN_SCOPE"))
                .andExpect(jsonPath("$.title").doesNotExist());
        get(w.otherKeeper, c).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("carrier.notFound"));
        post(w.otherKeeper, c + "/archive", null).andExpect(status().isNotFound());
        get(w.otherKeeper, c + "/disclosure").andExpect(status().isNotFound());
        TestAccount stranger = fixtures.account(w.otherUnit, SecretRelatedLevel.CORE, Role.CLEARED_PERSON);
        post(stranger, c + "/circulation/sign", null).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from carrier where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("IN_CUSTODY");
    }

    @Test
    void handOverScopeChangeAndBulkHandOverThroughTheApi() throws Exception {
        long id = registered();
        String c = "/api/v1/carriers/" + id;
        post(w.reader, c + "/handover", java.util.Map.of("toPersonId", w.head.personId(), "reason", "调离"))
                .andExpect(status().isForbidden());
        post(w.otherKeeper, c + "/handover", java.util.Map.of("toPersonId", w.head.personId(), "reason", "调离"))
                .andExpect(status().isNotFound());
        post(w.keeper, c + "/handover", java.util.Map.of("toPersonId", w.keeper.personId(), "reason", "调离"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("toPersonId"))
                .andExpect(jsonPath("$.errors[0].code").value("carrier.sameCustodian"));
        long list = id(post(w.keeper, c + "/handover", java.util.Map.of("toPersonId", w.head.personId(),
                "reason", "调离")).andExpect(status().isOk())
                .andExpect(jsonPath("$.carrier.detail.custodian.id").value(w.head.personId())), "handoverId");
        get(w.keeper, "/api/v1/carriers/handovers/" + list).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].carrierId").value(id));
        get(w.otherKeeper, "/api/v1/carriers/handovers/" + list).andExpect(status().isNotFound());

        post(w.keeper, c + "/scope", java.util.Map.of("scopeDepartmentIds", List.of(w.deptB), "reason", "调整"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.detail.scopeDepartments[0].id").value(w.deptB));
        get(w.reader, c).andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("NOT_IN_SCOPE"));
        post(w.keeper, c + "/scope", java.util.Map.of("scopeDepartmentIds", List.of(w.deptB), "reason", "调整"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("carrier.scopeUnchanged"));

        long top = id(post(w.keeper, "/api/v1/carriers", w.input("绝密★长期", List.of(), List.of(w.deptA),
                org.baomi.core.carrier.StoragePlace.Kind.COMBINATION_SAFE)).andExpect(status().isCreated()), "id");
        get(w.keeper, "/api/v1/carriers/handover?unitId=" + w.unit + "&fromPersonId=" + w.keeper.personId()
                + "&toPersonId=" + w.archivist.personId()).andExpect(status().isOk())
                .andExpect(jsonPath("$.allCanGo").value(false))
                .andExpect(jsonPath("$.items[0].problemCode").value("carrier.custodianNotCleared"));
        java.util.Map<String, Object> bulk = java.util.Map.of("unitId", w.unit, "fromPersonId", w.keeper.personId(),
                "toPersonId", w.archivist.personId(), "reason", "调离");
        post(w.keeper, "/api/v1/carriers/handover", bulk).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("carriers"));
        post(w.reader, "/api/v1/carriers/handover", bulk).andExpect(status().isForbidden());
        post(w.keeper, "/api/v1/carriers/handover", java.util.Map.of("unitId", w.unit, "fromPersonId",
                w.keeper.personId(), "toPersonId", w.head.personId(), "reason", "调离")).andExpect(status().isCreated());
        get(w.keeper, "/api/v1/carriers/" + top).andExpect(jsonPath("$.detail.custodian.id").value(w.head.personId()));
    }
}
