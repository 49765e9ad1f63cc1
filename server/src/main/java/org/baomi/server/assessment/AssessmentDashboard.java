package org.baomi.server.assessment;

import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.home.DashboardCard;
import org.baomi.server.home.DashboardContributor;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;

/** Rectification reminders: how many are overdue and how many are not yet verified in the user's units. */
@Component
class AssessmentDashboard implements DashboardContributor {

    private final AssessmentService assessments;

    AssessmentDashboard(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public List<DashboardCard> cardsFor(BaomiUser user) {
        if (!user.has(Permission.BUSINESS_READ)) {
            return List.of();
        }
        long[] counts = assessments.reminderCounts(user);
        return List.of(
                new DashboardCard(40, "assess.card.overdue", counts[0], counts[0] > 0 ? "alarm" : "good",
                        "/rectifications?overdue=true"),
                new DashboardCard(41, "assess.card.open", counts[1], counts[1] > 0 ? "attention" : "good",
                        "/rectifications"));
    }
}
