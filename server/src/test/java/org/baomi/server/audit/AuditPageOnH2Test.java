package org.baomi.server.audit;

import org.baomi.server.test.OnH2;

@OnH2
class AuditPageOnH2Test extends AuditPageTest {
}
