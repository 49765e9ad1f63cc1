package org.baomi.server.evidence;

import org.baomi.server.test.OnPostgres;

@OnPostgres
class EvidenceOnPostgresTest extends EvidenceTest {
}
