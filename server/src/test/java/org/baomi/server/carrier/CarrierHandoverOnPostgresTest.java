package org.baomi.server.carrier;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class CarrierHandoverOnPostgresTest extends CarrierHandoverTest {
}
