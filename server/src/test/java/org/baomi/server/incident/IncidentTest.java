package org.baomi.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.baomi.core.security.Role;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Incidents opened by the ledgers: in the caller's transaction, audited, by a signed-in person. */
abstract class IncidentTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aReportedLossIsOnRecordAndAudited() {
        long unit = fixtures.unit(Fixtures.unique("失物单位"), fixtures.rootUnit());
        TestAccount officer = fixtures.account(unit, Role.SECRECY_OFFICER);
        signIn(officer);
        long auditsBefore = fixtures.auditCount("incident.open");

        long id = tx.execute(s -> incidents.open(IncidentKind.CARRIER_LOST, unit, "carrier", "42", "JZ-2026-01-00042",
                "  在会场遗失  "));

        assertThat(incidents.openIn(Set.of(unit), 10)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.kind()).isEqualTo(IncidentKind.CARRIER_LOST);
            assertThat(i.summary()).isEqualTo("在会场遗失");
            assertThat(i.reportedBy()).isEqualTo(officer.username());
        });
        assertThat(incidents.about("carrier", "42")).extracting(IncidentService.Incident::id).contains(id);
        assertThat(fixtures.auditCount("incident.open")).isEqualTo(auditsBefore + 1);
    }

    @Test
    void aRolledBackLossLeavesNoIncident() {
        long unit = fixtures.unit(Fixtures.unique("回滚单位"), fixtures.rootUnit());
        signIn(fixtures.account(unit, Role.SECRECY_OFFICER));

        tx.executeWithoutResult(s -> {
            incidents.open(IncidentKind.MEDIUM_LOST, unit, "medium", "7", "红盘-007", "丢失");
            s.setRollbackOnly();
        });

        assertThat(incidents.openIn(Set.of(unit), 10)).isEmpty();
    }

    @Test
    void anIncidentIsOnlyOpenedInsideTheLedgersTransactionAndBySomeone() {
        long unit = fixtures.unit(Fixtures.unique("无事务单位"), fixtures.rootUnit());
        signIn(fixtures.account(unit, Role.SECRECY_OFFICER));
        assertThatThrownBy(() -> incidents.open(IncidentKind.DEVICE_LOST, unit, "device", "1", "ZC-1", "x"))
                .isInstanceOf(IllegalTransactionStateException.class);

        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> tx.execute(s -> incidents.open(IncidentKind.DEVICE_LOST, unit, "device", "1", "ZC-1",
                "x"))).isInstanceOf(AccessDeniedException.class);
    }

    private void signIn(TestAccount account) {
        var user = users.loadUserByUsername(account.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
