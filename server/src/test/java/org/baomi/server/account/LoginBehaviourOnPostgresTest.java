package org.baomi.server.account;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class LoginBehaviourOnPostgresTest extends LoginBehaviourTest {
}
