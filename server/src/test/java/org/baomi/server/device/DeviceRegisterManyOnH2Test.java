package org.baomi.server.device;

import org.baomi.server.test.OnH2;

@OnH2
class DeviceRegisterManyOnH2Test extends DeviceRegisterManyTest {
}
