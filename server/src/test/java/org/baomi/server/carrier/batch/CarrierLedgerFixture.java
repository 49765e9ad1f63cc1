package org.baomi.server.carrier.batch;

import org.baomi.core.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.server.carrier.CarrierInput;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures.TestAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Carriers registered through A's service, as the named keeper, for batch and inventory tests. */
@Component
class CarrierLedgerFixture {

    static final String CABINET = "机要室 2号密码文件柜";
    static final String SAFE = "机要室 1号密码保险柜";

    private final CarrierService carriers;
    private final AccountUserDetailsService users;
    private final JdbcClient jdbc;

    CarrierLedgerFixture(CarrierService carriers, AccountUserDetailsService users, JdbcClient jdbc) {
        this.carriers = carriers;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** Runs {@code act} signed in as {@code who} (for service calls outside MockMvc). */
    <T> T as(TestAccount who, Supplier<T> act) {
        var user = users.loadUserByUsername(who.username());
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return act.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    void as(TestAccount who, Runnable act) {
        as(who, () -> {
            act.run();
            return null;
        });
    }

    /** A SECRET paper document kept in the cabinet, custodian and scope the keeper himself. */
    Registered secret(TestAccount keeper, long unit, String title, Long... alsoInScope) {
        return register(keeper, unit, title, "机密★10年", StoragePlace.Kind.COMBINATION_LOCK_CABINET, CABINET,
                alsoInScope);
    }

    Registered topSecret(TestAccount keeper, long unit, String title) {
        return register(keeper, unit, title, "绝密★长期", StoragePlace.Kind.COMBINATION_SAFE, SAFE);
    }

    Registered register(TestAccount keeper, long unit, String title, String marking, StoragePlace.Kind kind,
            String place, Long... alsoInScope) {
        List<Long> scope = new java.util.ArrayList<>(List.of(alsoInScope));
        scope.add(0, keeper.personId());
        return as(keeper, () -> carriers.register(new CarrierInput(unit, CarrierType.PAPER_DOCUMENT, title,
                "江发改〔2026〕1号", "江州市发展和改革委员会", ChinaTime.today().minusDays(30), 1, 1, marking,
                scope, List.of(), keeper.personId(), kind, place)));
    }

    String status(long carrierId) {
        return jdbc.sql("select status from carrier where id = :id").param("id", carrierId).query(String.class).single();
    }
}
