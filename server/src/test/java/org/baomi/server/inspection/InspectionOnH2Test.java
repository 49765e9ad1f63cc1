package org.baomi.server.inspection;

import org.baomi.server.test.OnH2;

@OnH2
class InspectionOnH2Test extends InspectionTest {
}
