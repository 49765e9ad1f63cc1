package org.baomi.server.incident;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class IncidentOnPostgresTest extends IncidentTest {
}
