package org.baomi.server.device.web;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class DevicePagesOnPostgresTest extends DevicePagesTest {
}
