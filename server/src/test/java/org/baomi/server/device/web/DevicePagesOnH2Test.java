package org.baomi.server.device.web;

import org.baomi.server.test.OnH2;

@OnH2
class DevicePagesOnH2Test extends DevicePagesTest {
}
