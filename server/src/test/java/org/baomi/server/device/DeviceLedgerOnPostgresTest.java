package org.baomi.server.device;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class DeviceLedgerOnPostgresTest extends DeviceLedgerTest {
}
