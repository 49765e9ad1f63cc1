package org.baomi.server.org;

import org.baomi.server.test.OnH2;

@OnH2
class OrgOnH2Test extends OrgTest {
}
