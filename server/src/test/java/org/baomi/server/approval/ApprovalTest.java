package org.baomi.server.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baomi.core.DomainException;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.Verdict;
import org.baomi.core.security.Role;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The approval framework through the web, the API and the service, on a real database. */
@RecordApplicationEvents
abstract class ApprovalTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApprovalService approvals;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    ApplicationEvents events;

    long unit;
    TestAccount requester;
    TestAccount departmentHead;
    TestAccount unitHead;
    TestAccount otherUnitHead;

    @BeforeEach
    void aUnitWithItsApprovers() {
        unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        requester = fixtures.account(unit, Role.CLEARED_PERSON);
        departmentHead = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        unitHead = fixtures.account(unit, Role.UNIT_HEAD);
        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        otherUnitHead = fixtures.account(other, Role.UNIT_HEAD, Role.DEPARTMENT_HEAD);
    }

    long openAs(TestAccount who, String chain) throws Exception {
        String json = mvc.perform(post("/api/v1/approvals").with(csrf()).with(fixtures.as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"参加市局涉密会议\",\"details\":\"11月25日赴市局参加保密工作会议\",\"chain\":\"" + chain + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    String decide(long id, String verdict, String comment) {
        return "{\"verdict\":\"" + verdict + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}";
    }

    long decisions(long id) {
        return jdbc.sql("select count(*) from approval_decision where request_id = :id").param("id", id).query(Long.class).single();
    }

    String statusOf(long id) {
        return jdbc.sql("select status from approval_request where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void theRequesterNeverApprovesHisOwnRequestEvenHoldingTheStepRole() throws Exception {
        var headAsking = fixtures.account(unit, Role.DEPARTMENT_HEAD, Role.UNIT_HEAD);
        long id = openAs(headAsking, "DEPARTMENT_HEAD");
        mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(headAsking))
                        .contentType(MediaType.APPLICATION_JSON).content(decide(id, "APPROVE", "同意")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("approval.ownRequest"))
                .andExpect(jsonPath("$.detail").value("申请人不能审批自己的申请。"));
        mvc.perform(post("/approvals/{id}/decision", id).param("verdict", "APPROVE").with(csrf()).with(fixtures.as(headAsking)))
                .andExpect(redirectedUrl("/approvals/" + id))
                .andExpect(flash().attribute("flashError", "申请人不能审批自己的申请。"));
        assertThat(decisions(id)).isZero();
        assertThat(statusOf(id)).isEqualTo("PENDING");
        mvc.perform(get("/api/v1/approvals").param("box", "inbox").with(fixtures.as(headAsking)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
    }

    @Test
    void anApproverOfAnotherUnitIsRefusedNamingTheRoleNeeded() throws Exception {
        long id = openAs(requester, "DEPARTMENT_HEAD");
        mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(otherUnitHead))
                        .contentType(MediaType.APPLICATION_JSON).content(decide(id, "APPROVE", null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("approval.wrongRole"))
                .andExpect(jsonPath("$.detail").value("此审批环节须由该单位的部门负责人审批。"));
        assertThat(decisions(id)).isZero();
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedAndChangesNothing() throws Exception {
        long id = openAs(requester, "DEPARTMENT_HEAD");
        long rejections = fixtures.auditCount("approval.reject");
        mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(departmentHead))
                        .contentType(MediaType.APPLICATION_JSON).content(decide(id, "REJECT", "  ")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("approval.reasonRequired"));
        String page = mvc.perform(post("/approvals/{id}/decision", id).param("verdict", "REJECT").param("comment", "")
                        .with(csrf()).with(fixtures.as(departmentHead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"comment-error\"").contains("不同意时须填写理由");
        assertThat(decisions(id)).isZero();
        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(fixtures.auditCount("approval.reject")).isEqualTo(rejections);

        mvc.perform(post("/approvals/{id}/decision", id).param("verdict", "REJECT").param("comment", "时间冲突，请改派他人")
                        .with(csrf()).with(fixtures.as(departmentHead)))
                .andExpect(redirectedUrl("/approvals/" + id));
        assertThat(statusOf(id)).isEqualTo("REJECTED");
        assertThat(fixtures.auditCount("approval.reject")).isEqualTo(rejections + 1);
        assertThat(events.stream(ApprovalDecided.class).filter(e -> e.requestId() == id))
                .singleElement().extracting(ApprovalDecided::status).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void twoStepsAreDecidedInOrderAndEveryActIsAudited() throws Exception {
        long opened = fixtures.auditCount("approval.open");
        long approved = fixtures.auditCount("approval.approve");
        long id = openAs(requester, "DEPARTMENT_HEAD_THEN_UNIT_HEAD");
        assertThat(fixtures.auditCount("approval.open")).isEqualTo(opened + 1);

        inbox(departmentHead).andExpect(jsonPath("$[?(@.id == " + id + ")].currentRole").value("DEPARTMENT_HEAD"));
        inbox(unitHead).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(unitHead))
                        .contentType(MediaType.APPLICATION_JSON).content(decide(id, "APPROVE", null)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("approval.wrongRole"));

        mvc.perform(post("/approvals/{id}/decision", id).param("verdict", "APPROVE").param("comment", "同意")
                        .with(csrf()).with(fixtures.as(departmentHead)))
                .andExpect(redirectedUrl("/approvals/" + id));
        inbox(departmentHead).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        inbox(unitHead).andExpect(jsonPath("$[?(@.id == " + id + ")].currentRole").value("UNIT_HEAD"));
        assertThat(events.stream(ApprovalDecided.class).filter(e -> e.requestId() == id)).isEmpty();

        mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(unitHead))
                        .contentType(MediaType.APPLICATION_JSON).content(decide(id, "APPROVE", "同意，注意保密")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("APPROVED"))
                .andExpect(jsonPath("$.steps[0].decision.approverName").value(departmentHead.username()))
                .andExpect(jsonPath("$.steps[1].decision.comment").value("同意，注意保密"))
                .andExpect(jsonPath("$.steps[1].decision.role").value("UNIT_HEAD"));
        assertThat(fixtures.auditCount("approval.approve")).isEqualTo(approved + 2);
        assertThat(events.stream(ApprovalDecided.class).filter(e -> e.requestId() == id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(ApprovalStatus.APPROVED);
                    assertThat(e.type()).isEqualTo(ApprovalService.GENERAL);
                });

        String page = mvc.perform(get("/approvals/{id}", id).with(fixtures.as(requester)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已同意").contains("同意，注意保密").contains("部门负责人").contains("主要领导")
                .doesNotContain("id=\"approve\"");
        mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(unitHead))
                        .contentType(MediaType.APPLICATION_JSON).content(decide(id, "APPROVE", null)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("approval.closed"));
    }

    @Test
    void twoApproversRacingOnTheSameStepLeaveExactlyOneDecision() throws Exception {
        var secondHead = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        long id = openAs(requester, "DEPARTMENT_HEAD");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        List<Throwable> refusals = Collections.synchronizedList(new ArrayList<>());
        try {
            for (TestAccount head : List.of(departmentHead, secondHead)) {
                var user = users.loadUserByUsername(head.username());
                outcomes.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                    try {
                        start.await();
                        approvals.decide(id, Verdict.APPROVE, "同意");
                        return "decided";
                    } catch (DomainException e) {
                        refusals.add(e);
                        return e.code();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce("decided");
            assertThat(refusals).hasSize(1);
            assertThat(((DomainException) refusals.get(0)).code()).isIn("approval.concurrent", "approval.closed");
        } finally {
            pool.shutdownNow();
        }
        assertThat(decisions(id)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("APPROVED");
    }

    @Test
    void aDecisionOnAStalePageIsRefused() throws Exception {
        var secondHead = fixtures.account(unit, Role.DEPARTMENT_HEAD);
        long id = openAs(requester, "DEPARTMENT_HEAD_THEN_UNIT_HEAD");
        mvc.perform(post("/approvals/{id}/decision", id).param("verdict", "APPROVE").param("version", "0")
                .with(csrf()).with(fixtures.as(departmentHead))).andExpect(redirectedUrl("/approvals/" + id));
        mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(secondHead))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"REJECT\",\"comment\":\"不同意\",\"version\":0}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("approval.concurrent"));
        assertThat(decisions(id)).isEqualTo(1);
    }

    @Test
    void inboxesHoldWhatEachRoleMayDecideAndMineHoldsMyOwn() throws Exception {
        long id = openAs(requester, "UNIT_HEAD");
        inbox(unitHead).andExpect(jsonPath("$[?(@.id == " + id + ")].requesterName").value(requester.username()));
        inbox(departmentHead).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        inbox(otherUnitHead).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        inbox(requester).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/v1/approvals").param("box", "mine").with(fixtures.as(requester)))
                .andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].status").value("PENDING"));
        mvc.perform(get("/api/v1/approvals").param("box", "everything").with(fixtures.as(requester)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("box"));

        String page = mvc.perform(get("/approvals").with(fixtures.as(unitHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("request-" + id).contains("参加市局涉密会议");
        String home = mvc.perform(get("/").with(fixtures.as(unitHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("待我审批");
        assertThat(approvals.inboxCount(users.loadUserByUsername(unitHead.username()))).isPositive();
    }

    @Test
    void theAuditorAndTheSystemAdministratorCannotDecideOrOpen() throws Exception {
        long id = openAs(requester, "UNIT_HEAD");
        for (Role officer : List.of(Role.SECURITY_AUDITOR, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            var account = fixtures.account(unit, officer);
            mvc.perform(post("/api/v1/approvals/{id}/decisions", id).with(csrf()).with(fixtures.as(account))
                            .contentType(MediaType.APPLICATION_JSON).content(decide(id, "APPROVE", null)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/approvals/{id}/decision", id).param("verdict", "APPROVE").with(csrf()).with(fixtures.as(account)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/approvals/{id}", id).with(fixtures.as(account))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/approvals").with(csrf()).with(fixtures.as(account))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"chain\":\"UNIT_HEAD\"}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(decisions(id)).isZero();
    }

    @Test
    void onlyTheRequesterWithdrawsAndOnlyWhilePending() throws Exception {
        long id = openAs(requester, "UNIT_HEAD");
        long withdrawals = fixtures.auditCount("approval.withdraw");
        var colleague = fixtures.account(unit, Role.CLEARED_PERSON);
        mvc.perform(post("/api/v1/approvals/{id}/withdraw", id).with(csrf()).with(fixtures.as(colleague)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("approval.withdrawOthers"));
        mvc.perform(post("/approvals/{id}/withdraw", id).with(csrf()).with(fixtures.as(requester)))
                .andExpect(redirectedUrl("/approvals/" + id));
        assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
        assertThat(fixtures.auditCount("approval.withdraw")).isEqualTo(withdrawals + 1);
        mvc.perform(post("/api/v1/approvals/{id}/withdraw", id).with(csrf()).with(fixtures.as(requester)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("approval.closed"));
        inbox(unitHead).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
    }

    @Test
    void aRequestIsVisibleToItsPartiesAndHiddenFromOtherUnits() throws Exception {
        long id = openAs(requester, "UNIT_HEAD");
        mvc.perform(get("/api/v1/approvals/{id}", id).with(fixtures.as(requester))).andExpect(status().isOk())
                .andExpect(jsonPath("$.canWithdraw").value(true)).andExpect(jsonPath("$.canDecide").value(false));
        mvc.perform(get("/api/v1/approvals/{id}", id).with(fixtures.as(unitHead))).andExpect(status().isOk())
                .andExpect(jsonPath("$.canDecide").value(true));
        mvc.perform(get("/api/v1/approvals/{id}", id).with(fixtures.as(otherUnitHead))).andExpect(status().isNotFound());
        mvc.perform(get("/approvals/{id}", id).with(fixtures.as(otherUnitHead))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/approvals/{id}", 987654321L).with(fixtures.as(requester))).andExpect(status().isNotFound());
    }

    @Test
    void aGeneralRequestNeedsAMatterAndSomeoneElseToApproveIt() throws Exception {
        mvc.perform(post("/api/v1/approvals").with(csrf()).with(fixtures.as(requester))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\" \",\"chain\":\"UNIT_HEAD\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
        String page = mvc.perform(post("/approvals").param("title", "").param("chain", "UNIT_HEAD")
                        .with(csrf()).with(fixtures.as(requester)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("此项必填");
        long lonely = fixtures.unit(Fixtures.unique("小单位"), fixtures.rootUnit());
        var alone = fixtures.account(lonely, Role.UNIT_HEAD);
        mvc.perform(post("/api/v1/approvals").with(csrf()).with(fixtures.as(alone))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"调阅档案\",\"chain\":\"UNIT_HEAD\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("approval.general.noHolder"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("主要领导")));
        mvc.perform(post("/approvals").param("title", "调阅档案").param("details", "查阅2019年文书档案")
                        .param("chain", "DEPARTMENT_HEAD_THEN_UNIT_HEAD").with(csrf()).with(fixtures.as(requester)))
                .andExpect(status().is3xxRedirection());
        String form = mvc.perform(get("/approvals/new").with(fixtures.as(requester))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("其他事项审批").contains("部门负责人 → 主要领导");
    }

    @Test
    void theServiceRefusesAUnitTheRequesterDoesNotBelongTo() {
        var user = users.loadUserByUsername(requester.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            long other = fixtures.unit(Fixtures.unique("别处"), fixtures.rootUnit());
            assertThatThrownBy(() -> approvals.open("carrier.copy", "carrier", "42", "复制", other,
                    List.of(new org.baomi.core.approval.ApprovalStep(Role.UNIT_HEAD, other))))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private org.springframework.test.web.servlet.ResultActions inbox(TestAccount who) throws Exception {
        return mvc.perform(get("/api/v1/approvals").param("box", "inbox").with(fixtures.as(who))).andExpect(status().isOk());
    }
}
