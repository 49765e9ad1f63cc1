package org.baomi.server.home;

import java.util.List;
import org.baomi.server.security.BaomiUser;

/**
 * A feature's figures for the home dashboard. Each feature module contributes its own cards for
 * what the signed-in user may see; the dashboard knows no feature.
 */
public interface DashboardContributor {
    List<DashboardCard> cardsFor(BaomiUser user);
}
