package org.baomi.server.carrier.batch;

import org.baomi.server.test.OnH2;

@OnH2
class CarrierInventoryOnH2Test extends CarrierInventoryTest {
}
