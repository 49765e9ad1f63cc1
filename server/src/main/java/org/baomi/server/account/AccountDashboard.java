package org.baomi.server.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.home.DashboardCard;
import org.baomi.server.home.DashboardContributor;
import org.baomi.server.platform.Db;
import org.baomi.server.security.BaomiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The officers' account figures: the system administrator sees active and locked accounts, the
 * security administrator the active accounts still waiting for a role.
 */
@Component
class AccountDashboard implements DashboardContributor {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountDashboard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<DashboardCard> cardsFor(BaomiUser user) {
        List<DashboardCard> cards = new ArrayList<>();
        if (user.has(Permission.ACCOUNT_MANAGE)) {
            long active = jdbc.sql("select count(*) from account where active = true").query(Long.class).single();
            long locked = jdbc.sql("select count(*) from account where active = true and locked_until > :now")
                    .param("now", Db.ts(clock.instant())).query(Long.class).single();
            cards.add(new DashboardCard(10, "account.card.active", active, "", "/accounts"));
            cards.add(new DashboardCard(11, "account.card.locked", locked, locked > 0 ? "alarm" : "good",
                    "/accounts?status=locked"));
        }
        if (user.has(Permission.ROLE_ASSIGN)) {
            long withoutRoles = jdbc.sql("""
                    select count(*) from account a where a.active = true
                    and not exists (select 1 from role_grant g where g.account_id = a.id)""").query(Long.class).single();
            cards.add(new DashboardCard(12, "account.card.withoutRoles", withoutRoles,
                    withoutRoles > 0 ? "attention" : "good", "/accounts?status=noroles"));
        }
        return cards;
    }
}
