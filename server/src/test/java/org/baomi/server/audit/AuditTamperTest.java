package org.baomi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.baomi.core.audit.Verification;
import org.baomi.server.BaomiCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * Someone with database access rewrites, removes or forges audit entries with plain SQL; the
 * chain names exactly the entry touched and how. Every test puts the table back as it was, so
 * the other tests sharing this database see a whole chain again.
 */
abstract class AuditTamperTest {

    static final String COLUMNS = "seq, at, actor, actor_role, unit_id, action, object_type, object_id, before_state,"
            + " after_state, client_address, prev_hash, hash";

    @Autowired
    AuditLog auditLog;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.baomi.server.test.Fixtures fixtures;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${baomi.data-dir}")
    String dataDir;

    /** The first entry of this test's; the snapshot holds it and every entry after. */
    long first;
    long last;
    List<Object[]> snapshot;
    Object[] head;

    /** PostgreSQL only: lets this connection bypass the append-only trigger, as a superuser could. */
    abstract void bypassTrigger(Statement s) throws SQLException;

    abstract void restoreTrigger(Statement s) throws SQLException;

    @BeforeEach
    void sixEntriesThenSnapshot() throws SQLException {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < 6; i++) {
                auditLog.recordAs(new AuditLog.Actor("tamper-test", "SECRECY_OFFICER", null, "10.1.1." + i),
                        "login.success", "account", i, null, null);
            }
        });
        assertThat(verifier.verify()).isInstanceOf(Verification.Whole.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select max(seq) from audit_entry")) {
            rs.next();
            last = rs.getLong(1);
        }
        first = last - 5;
        snapshot = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from audit_entry where seq >= ? order by seq")) {
            ps.setLong(1, first);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[13];
                    for (int i = 0; i < 13; i++) {
                        row[i] = i == 1 ? rs.getObject(2, java.time.OffsetDateTime.class) : rs.getObject(i + 1);
                    }
                    snapshot.add(row);
                }
            }
        }
        assertThat(snapshot).hasSize(6);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select seq, hash, mac from audit_chain_head where id = 1")) {
            rs.next();
            head = new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)};
        }
    }

    @AfterEach
    void restore() throws SQLException {
        tamper("delete from audit_entry where seq >= " + first);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                bypassTrigger(s);
                try (PreparedStatement ps = c.prepareStatement("insert into audit_entry (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Object[] row : snapshot) {
                        for (int i = 0; i < 13; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.executeUpdate();
                    }
                } finally {
                    restoreTrigger(s);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update audit_chain_head set seq = ?, hash = ?, mac = ? where id = 1")) {
                for (int i = 0; i < 3; i++) {
                    ps.setObject(i + 1, head[i]);
                }
                ps.executeUpdate();
            }
        }
        assertThat(verifier.verify()).as("the table was put back").isInstanceOf(Verification.Whole.class);
    }

    @Test
    void anEntryWhoseActorWasRewrittenIsNamedAsChanged() throws SQLException {
        long k = first + 2;
        tamper("update audit_entry set actor = 'someone-else' where seq = " + k);
        assertBroken(k, Verification.Breach.CHANGED);
    }

    @Test
    void anEntryDeletedFromTheMiddleIsNamedAsRemoved() throws SQLException {
        long k = first + 3;
        tamper("delete from audit_entry where seq = " + k);
        assertBroken(k, Verification.Breach.REMOVED);
    }

    @Test
    void entriesCutOffTheEndAreNamedAsRemovedThanksToTheHead() throws SQLException {
        tamper("delete from audit_entry where seq >= " + (last - 1));
        assertBroken(last - 1, Verification.Breach.REMOVED);
    }

    @Test
    void aForgedEntryAppendedAtTheEndIsNamedAsInserted() throws SQLException {
        tamper("insert into audit_entry (" + COLUMNS + ") select seq + 1, at, 'forger', actor_role, unit_id, 'logout',"
                + " object_type, object_id, before_state, after_state, client_address, hash, '" + fakeHash()
                + "' from audit_entry where seq = " + last);
        assertBroken(last + 1, Verification.Breach.INSERTED);
    }

    @Test
    void aForgedEntrySlippedIntoTheMiddleByRenumberingIsNamedAsInserted() throws SQLException {
        long k = first + 2;
        tamper("update audit_entry set seq = seq + 1000000 where seq >= " + k);
        tamper("update audit_entry set seq = seq - 1000000 + 1 where seq >= 1000000");
        tamper("insert into audit_entry (" + COLUMNS + ") select " + k + ", at, 'forger', actor_role, unit_id,"
                + " 'account.create', object_type, object_id, before_state, after_state, client_address, hash, '"
                + fakeHash() + "' from audit_entry where seq = " + (k - 1));
        assertBroken(k, Verification.Breach.INSERTED);
    }

    @Test
    void theCommandLineExitsZeroOnAWholeChainAndOneNamingTheEntryOnABrokenOne() throws SQLException {
        assertThat(cli().code).isZero();
        long k = first + 1;
        tamper("update audit_entry set client_address = '6.6.6.6' where seq = " + k);
        Run broken = cli();
        assertThat(broken.code).isEqualTo(1);
        assertThat(broken.out).contains("BROKEN at entry #" + k + " (CHANGED)");
    }

    @Test
    void theAuditorSeesTheBreakNamedInRedOnThePageAndInTheApi() throws Exception {
        var auditor = fixtures.account(fixtures.rootUnit(), org.baomi.core.security.Role.SECURITY_AUDITOR);
        long k = first + 4;
        tamper("delete from audit_entry where seq = " + k);
        String fragment = mvc.perform(post("/audit/verify").header("HX-Request", "true").with(csrf())
                        .with(fixtures.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("verify-broken").contains("第 #" + k + " 条记录被删除").contains("upTo=" + k);
        mvc.perform(post("/api/v1/audit/verify").with(csrf()).with(fixtures.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.whole").value(false))
                .andExpect(jsonPath("$.seq").value(k))
                .andExpect(jsonPath("$.breach").value("REMOVED"))
                .andExpect(jsonPath("$.message").value("Entry #" + k + " was removed."));
    }

    record Run(int code, String out) {
    }

    Run cli() {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new BaomiCli()).execute(cliArguments());
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    abstract String[] cliArguments();

    private void assertBroken(long seq, Verification.Breach breach) {
        Verification result = verifier.verify();
        assertThat(result).isInstanceOf(Verification.Broken.class);
        var broken = (Verification.Broken) result;
        assertThat(broken.seq()).as(broken.message()).isEqualTo(seq);
        assertThat(broken.breach()).as(broken.message()).isEqualTo(breach);
    }

    /** Runs one statement as the intruder, committed at once. */
    void tamper(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                bypassTrigger(s);
                try {
                    s.executeUpdate(sql);
                } finally {
                    restoreTrigger(s);
                }
            }
        }
    }

    static String fakeHash() {
        byte[] b = new byte[32];
        new Random().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    void assertRefusedByTheTable(String sql) {
        assertThatThrownBy(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.executeUpdate(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
}
