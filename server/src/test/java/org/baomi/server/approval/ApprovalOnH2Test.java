package org.baomi.server.approval;

import org.baomi.server.test.OnH2;

@OnH2
class ApprovalOnH2Test extends ApprovalTest {
}
