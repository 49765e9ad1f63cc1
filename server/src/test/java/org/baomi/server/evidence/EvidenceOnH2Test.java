package org.baomi.server.evidence;

import org.baomi.server.test.OnH2;

@OnH2
class EvidenceOnH2Test extends EvidenceTest {
}
