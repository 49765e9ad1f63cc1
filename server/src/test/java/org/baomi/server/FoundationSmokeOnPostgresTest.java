package org.baomi.server;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class FoundationSmokeOnPostgresTest extends FoundationSmokeTest {
}
