package org.baomi.server.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baomi.core.device.compliance.Severity;
import org.baomi.core.security.Permission;
import org.baomi.server.home.DashboardCard;
import org.baomi.server.home.DashboardContributor;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the device compliance on the dashboard of everyone who reads a unit with a device ledger:
 * one card per severity, the critical one in alarm when not zero. Computed from the ledger on
 * each visit (ADR 0022): a unit holds hundreds of devices, and a stored figure could be stale.
 */
@Component
class DeviceDashboard implements DashboardContributor {

    private final DeviceComplianceService compliance;

    DeviceDashboard(DeviceComplianceService compliance) {
        this.compliance = compliance;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardCard> cardsFor(BaomiUser user) {
        if (!user.has(Permission.BUSINESS_READ) || !compliance.hasLedger(user)) {
            return List.of();
        }
        Map<Severity, Integer> counts = compliance.severityCounts(user);
        List<DashboardCard> cards = new ArrayList<>();
        int order = 40;
        for (Severity s : Severity.values()) {
            int n = counts.get(s);
            String tone = n == 0 ? "good" : s == Severity.CRITICAL ? "alarm" : s == Severity.LOW ? "" : "attention";
            cards.add(new DashboardCard(order++, "device.card.violations." + s.name(), n, tone,
                    "/compliance?severity=" + s.name()));
        }
        return cards;
    }
}
