package org.baomi.server.account;

import org.baomi.server.test.OnH2;

@OnH2
class RoleAssignmentOnH2Test extends RoleAssignmentTest {
}
