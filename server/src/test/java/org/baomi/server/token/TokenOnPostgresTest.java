package org.baomi.server.token;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class TokenOnPostgresTest extends TokenTest {
}
