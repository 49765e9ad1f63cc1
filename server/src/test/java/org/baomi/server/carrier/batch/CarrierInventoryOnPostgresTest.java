package org.baomi.server.carrier.batch;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class CarrierInventoryOnPostgresTest extends CarrierInventoryTest {
}
