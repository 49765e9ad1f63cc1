package org.baomi.server.device;

import org.baomi.server.test.OnH2;

@OnH2
class DeviceLedgerOnH2Test extends DeviceLedgerTest {
}
