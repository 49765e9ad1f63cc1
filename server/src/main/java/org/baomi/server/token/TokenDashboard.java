package org.baomi.server.token;

import java.time.Duration;
import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.home.DashboardCard;
import org.baomi.server.home.DashboardContributor;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;

/** Tells the security administrator which API tokens run out within 30 days, before a client breaks. */
@Component
class TokenDashboard implements DashboardContributor {

    private final TokenService tokens;

    TokenDashboard(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public List<DashboardCard> cardsFor(BaomiUser user) {
        if (!user.has(Permission.TOKEN_MANAGE)) {
            return List.of();
        }
        long expiring = tokens.expiringWithin(Duration.ofDays(30));
        return List.of(new DashboardCard(13, "token.card.expiring", expiring, expiring > 0 ? "attention" : "good", "/tokens"));
    }
}
