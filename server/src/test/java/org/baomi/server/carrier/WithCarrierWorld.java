package org.baomi.server.carrier;

import java.time.Clock;
import java.time.LocalDate;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the carrier ledger tests share: the services a {@link CarrierWorld} is made with, a fresh
 * world for each test, and the ledger's today when the test starts.
 */
abstract class WithCarrierWorld {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    ApprovalService approvals;
    @Autowired
    CarrierService carriers;
    @Autowired
    Clock clock;

    CarrierWorld w;
    LocalDate today;

    @BeforeEach
    void aFreshWorld() {
        w = new CarrierWorld(fixtures, jdbc, users, approvals).with(carriers);
        today = CarrierWorld.today(clock);
    }
}
