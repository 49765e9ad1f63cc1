package org.baomi.server.account;

import org.baomi.server.test.OnH2;

@OnH2
class LoginBehaviourOnH2Test extends LoginBehaviourTest {
}
