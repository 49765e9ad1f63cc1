package org.baomi.server.assessment;

import org.baomi.server.test.OnH2;

@OnH2
class AssessmentOnH2Test extends AssessmentTest {
}
