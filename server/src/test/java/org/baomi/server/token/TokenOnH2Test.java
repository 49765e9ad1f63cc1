package org.baomi.server.token;

import org.baomi.server.test.OnH2;

@OnH2
class TokenOnH2Test extends TokenTest {
}
