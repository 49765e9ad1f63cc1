package org.baomi.server.policy;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class PolicyOnPostgresTest extends PolicyTest {
}
