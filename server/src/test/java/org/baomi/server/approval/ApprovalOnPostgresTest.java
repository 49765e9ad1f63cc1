package org.baomi.server.approval;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class ApprovalOnPostgresTest extends ApprovalTest {
}
