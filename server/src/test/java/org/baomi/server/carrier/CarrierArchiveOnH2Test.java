package org.baomi.server.carrier;

import org.baomi.server.test.OnH2;

@OnH2
class CarrierArchiveOnH2Test extends CarrierArchiveTest {
}
