package org.baomi.server.assessment;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class AssessmentOnPostgresTest extends AssessmentTest {
}
