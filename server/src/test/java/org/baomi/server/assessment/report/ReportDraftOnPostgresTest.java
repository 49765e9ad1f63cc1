package org.baomi.server.assessment.report;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class ReportDraftOnPostgresTest extends ReportDraftTest {
}
