package org.baomi.server.carrier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.baomi.core.approval.Verdict;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A unit with its carrier people, made fresh for each test: the ledger keepers, the approvers, a
 * cleared reader in department A, people without clearance or outside the scope, an inspector at
 * the superior unit and the keeper of another unit.
 */
final class CarrierWorld {

    final Fixtures fixtures;
    final JdbcClient jdbc;
    final AccountUserDetailsService users;
    final ApprovalService approvals;
    final long parent;
    final long unit;
    final long otherUnit;
    final long deptA;
    final long deptB;
    /** 保密员, core (TOP SECRET). */
    final TestAccount keeper;
    /** 档案员, important (SECRET). */
    final TestAccount archivist;
    /** 保密员 without clearance: keeps the ledger but may not see details. */
    final TestAccount unclearedKeeper;
    final TestAccount leader;
    final TestAccount head;
    /** 涉密人员, important, in department A. */
    final TestAccount reader;
    /** 涉密人员, important, in department A too. */
    final TestAccount reader2;
    /** 涉密人员, general (CONFIDENTIAL only), in department A. */
    final TestAccount general;
    /** 涉密人员, important, in department B (not in a scope of department A). */
    final TestAccount outsider;
    /** 检查员 at the superior unit: reads, never writes. */
    final TestAccount inspector;
    /** 保密员 of another unit. */
    final TestAccount otherKeeper;
    final long otherPerson;

    CarrierWorld(Fixtures fixtures, JdbcClient jdbc, AccountUserDetailsService users, ApprovalService approvals) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.users = users;
        this.approvals = approvals;
        parent = fixtures.unit(Fixtures.unique("上级"), fixtures.rootUnit());
        unit = fixtures.unit(Fixtures.unique("单位"), parent);
        otherUnit = fixtures.unit(Fixtures.unique("他单位"), parent);
        deptA = fixtures.department(unit, Fixtures.unique("甲科"));
        deptB = fixtures.department(unit, Fixtures.unique("乙科"));
        keeper = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        archivist = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.ARCHIVIST);
        unclearedKeeper = fixtures.account(unit, SecretRelatedLevel.NONE, Role.SECRECY_OFFICER);
        leader = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.LEADER_IN_CHARGE);
        head = fixtures.account(unit, SecretRelatedLevel.CORE, Role.UNIT_HEAD);
        reader = inDepartment(fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON), deptA);
        reader2 = inDepartment(fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON), deptA);
        general = inDepartment(fixtures.account(unit, SecretRelatedLevel.GENERAL, Role.CLEARED_PERSON), deptA);
        outsider = inDepartment(fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON), deptB);
        inspector = fixtures.account(parent, SecretRelatedLevel.IMPORTANT, Role.INSPECTOR);
        otherKeeper = fixtures.account(otherUnit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        otherPerson = fixtures.person(otherUnit, Fixtures.unique("他人"), SecretRelatedLevel.CORE);
    }

    private TestAccount inDepartment(TestAccount a, long department) {
        jdbc.sql("update person set department_id = :d where id = :p").param("d", department).param("p", a.personId())
                .update();
        return a;
    }

    /** Runs {@code work} signed in as {@code who}. */
    <T> T as(TestAccount who, Callable<T> work) {
        var user = users.loadUserByUsername(who.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void run(TestAccount who, Runnable work) {
        as(who, () -> {
            work.run();
            return null;
        });
    }

    /** A SECRET document known to department A, kept by {@link #keeper}, in a combination-lock cabinet. */
    CarrierInput secret() {
        return input("机密★10年", List.of(), List.of(deptA), StoragePlace.Kind.COMBINATION_LOCK_CABINET);
    }

    CarrierInput input(String marking, List<Long> people, List<Long> departments, StoragePlace.Kind kind) {
        return new CarrierInput(unit, CarrierType.PAPER_DOCUMENT, Fixtures.unique("关于重点项目的通知"), "江发改〔2026〕1号",
                "江州市人民政府办公室", LocalDate.of(2026, 3, 1), 1, 1, marking, people, departments, keeper.personId(), kind,
                "机要室1号柜");
    }

    Registered register(CarrierInput input) {
        return as(keeper, () -> carriers().register(input));
    }

    /** Opens a request as {@code requester} through {@code open} and has {@code approver} decide it. */
    long approved(TestAccount approver, long requestId) {
        run(approver, () -> approvals.decide(requestId, Verdict.APPROVE, "同意"));
        return requestId;
    }

    long rejected(TestAccount approver, long requestId) {
        run(approver, () -> approvals.decide(requestId, Verdict.REJECT, "不同意"));
        return requestId;
    }

    private CarrierService service;

    CarrierWorld with(CarrierService service) {
        this.service = service;
        return this;
    }

    CarrierService carriers() {
        return service;
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CarrierService.ZONE));
    }
}
