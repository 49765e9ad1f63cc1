package org.baomi.server.incident;

import org.baomi.server.test.OnH2;

@OnH2
class IncidentOnH2Test extends IncidentTest {
}
