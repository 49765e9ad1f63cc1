package org.baomi.server.org;

import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Permission;
import org.baomi.server.home.DashboardCard;
import org.baomi.server.home.DashboardContributor;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;

/**
 * Secret-related staff in the reader's units, by level, for business users. The officers run
 * the system and get no such figures.
 */
@Component
class OrgDashboard implements DashboardContributor {

    private final PersonService people;

    OrgDashboard(PersonService people) {
        this.people = people;
    }

    @Override
    public List<DashboardCard> cardsFor(BaomiUser user) {
        if (!user.has(Permission.ORG_READ) || user.roles().stream().noneMatch(r -> r.isBusiness())) {
            return List.of();
        }
        var counts = people.countByLevel(user);
        return List.of(card(10, SecretRelatedLevel.CORE, counts.get(SecretRelatedLevel.CORE)),
                card(11, SecretRelatedLevel.IMPORTANT, counts.get(SecretRelatedLevel.IMPORTANT)),
                card(12, SecretRelatedLevel.GENERAL, counts.get(SecretRelatedLevel.GENERAL)));
    }

    private static DashboardCard card(int order, SecretRelatedLevel level, long count) {
        return new DashboardCard(order, "org.dashboard." + level.name(), count, "",
                "/people?level=" + level.name() + "&active=true");
    }
}
