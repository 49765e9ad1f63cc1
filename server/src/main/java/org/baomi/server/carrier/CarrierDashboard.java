package org.baomi.server.carrier;

import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierViews.ReminderCounts;
import org.baomi.server.home.DashboardCard;
import org.baomi.server.home.DashboardContributor;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;

/**
 * The ledger keeper's reminders on the dashboard: what is overdue, which terms end soon
 * (declassification review due) and what must be cleared by the year end; each opens
 * /carriers/reminders.
 */
@Component
class CarrierDashboard implements DashboardContributor {

    static final String LINK = "/carriers/reminders";

    private final CarrierService carriers;

    CarrierDashboard(CarrierService carriers) {
        this.carriers = carriers;
    }

    @Override
    public List<DashboardCard> cardsFor(BaomiUser user) {
        if (!user.has(Permission.CARRIER_MANAGE) || !user.has(Permission.BUSINESS_READ)) {
            return List.of();
        }
        ReminderCounts counts = carriers.reminderCounts();
        return List.of(
                new DashboardCard(20, "carrier.card.overdue", counts.overdue(), counts.overdue() > 0 ? "alarm" : "good",
                        LINK),
                new DashboardCard(21, "carrier.card.termExpiring", counts.termExpiring(),
                        counts.termExpiring() > 0 ? "attention" : "good", LINK),
                new DashboardCard(22, "carrier.card.yearEnd", counts.yearEndClearing(),
                        counts.yearEndClearing() > 0 ? "attention" : "good", LINK));
    }
}
