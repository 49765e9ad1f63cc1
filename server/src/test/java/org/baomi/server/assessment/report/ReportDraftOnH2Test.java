package org.baomi.server.assessment.report;

import org.baomi.server.test.OnH2;

@OnH2
class ReportDraftOnH2Test extends ReportDraftTest {
}
