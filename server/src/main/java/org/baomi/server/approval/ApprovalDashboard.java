package org.baomi.server.approval;

import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.home.DashboardCard;
import org.baomi.server.home.DashboardContributor;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;

/** Puts "waiting for my approval" on the dashboard of everyone who decides approvals. */
@Component
class ApprovalDashboard implements DashboardContributor {

    private final ApprovalService approvals;

    ApprovalDashboard(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public List<DashboardCard> cardsFor(BaomiUser user) {
        if (!user.has(Permission.APPROVAL_DECIDE)) {
            return List.of();
        }
        long waiting = approvals.inboxCount(user);
        return List.of(new DashboardCard(10, "approval.card.inbox", waiting, waiting > 0 ? "attention" : "good",
                "/approvals?box=inbox"));
    }
}
