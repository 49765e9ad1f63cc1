package org.baomi.server.device;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class DeviceRegisterManyOnPostgresTest extends DeviceRegisterManyTest {
}
