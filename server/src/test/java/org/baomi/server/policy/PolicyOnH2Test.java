package org.baomi.server.policy;

import org.baomi.server.test.OnH2;

@OnH2
class PolicyOnH2Test extends PolicyTest {
}
