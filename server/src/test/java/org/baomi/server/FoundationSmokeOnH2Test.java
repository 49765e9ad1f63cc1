package org.baomi.server;

import org.baomi.server.test.OnH2;

@OnH2
class FoundationSmokeOnH2Test extends FoundationSmokeTest {
}
