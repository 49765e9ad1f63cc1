package org.baomi.server.audit;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class AuditPageOnPostgresTest extends AuditPageTest {
}
