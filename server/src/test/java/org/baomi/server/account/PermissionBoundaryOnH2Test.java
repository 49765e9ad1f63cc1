package org.baomi.server.account;

import org.baomi.server.test.OnH2;

@OnH2
class PermissionBoundaryOnH2Test extends PermissionBoundaryTest {
}
