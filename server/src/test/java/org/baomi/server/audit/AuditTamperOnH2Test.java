package org.baomi.server.audit;

import java.sql.Statement;
import org.baomi.server.test.OnH2;

@OnH2
class AuditTamperOnH2Test extends AuditTamperTest {

    @Override
    void bypassTrigger(Statement s) {
        // H2 has no append-only trigger: only the chain protects the log there
    }

    @Override
    void restoreTrigger(Statement s) {
    }

    @Override
    String[] cliArguments() {
        return new String[] {"audit", "verify", "--data", dataDir, "--db-url", url};
    }
}
