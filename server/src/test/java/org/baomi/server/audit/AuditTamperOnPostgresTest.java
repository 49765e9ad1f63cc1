package org.baomi.server.audit;

import java.sql.SQLException;
import java.sql.Statement;
import org.baomi.server.test.OnPostgres;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;

@OnPostgres
class AuditTamperOnPostgresTest extends AuditTamperTest {

    @Test
    void theTableItselfRefusesUpdateAndDelete() {
        assertRefusedByTheTable("update audit_entry set actor = 'someone-else' where seq = " + first);
        assertRefusedByTheTable("delete from audit_entry where seq = " + last);
        assertRefusedByTheTable("truncate audit_entry");
    }

    /** What a rogue superuser would do: triggers do not fire for replication sessions. */
    @Override
    void bypassTrigger(Statement s) throws SQLException {
        s.execute("set session_replication_role = replica");
    }

    /** The connection goes back to the pool: it must obey the trigger again. */
    @Override
    void restoreTrigger(Statement s) throws SQLException {
        s.execute("reset session_replication_role");
    }

    @Override
    String[] cliArguments() {
        return new String[] {"audit", "verify", "--data", dataDir, "--db-url", url, "--db-user", TestDatabases.PG_USER};
    }
}
