package org.baomi.server.carrier;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class CarrierArchiveOnPostgresTest extends CarrierArchiveTest {
}
