package org.baomi.server.inspection;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class InspectionOnPostgresTest extends InspectionTest {
}
