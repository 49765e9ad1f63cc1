package org.baomi.server.carrier;

import org.baomi.server.test.OnH2;

@OnH2
class CarrierServiceOnH2Test extends CarrierServiceTest {
}
