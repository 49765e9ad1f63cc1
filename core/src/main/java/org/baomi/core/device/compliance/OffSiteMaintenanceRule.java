package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.Device;
import org.baomi.core.device.OpenMaintenance;

/**
 * A classified device goes off site for repair only with its storage removed and kept by the
 * unit.
 */
public final class OffSiteMaintenanceRule implements DeviceRule {

    public static final RuleId ID = new RuleId("device.maintenance.off-site-storage");

    @Override
    public RuleId id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> check(Device device, ComplianceFacts facts) {
        if (!device.isClassified()) {
            return List.of();
        }
        return device.maintenance()
                .filter(m -> m.site() == OpenMaintenance.Site.OFF_SITE && !m.storageRemoved())
                .map(m -> List.of(Violation.of(this, Subject.of(device.id()), List.of(), null,
                        "Classified device " + device.assetNumber() + " is under repair off site with its storage"
                                + " inside; have the storage removed and returned to the unit, or bring the device"
                                + " back for repair on site under supervision.",
                        device.assetNumber())))
                .orElse(List.of());
    }
}
