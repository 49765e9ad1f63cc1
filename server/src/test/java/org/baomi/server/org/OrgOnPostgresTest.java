package org.baomi.server.org;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class OrgOnPostgresTest extends OrgTest {
}
