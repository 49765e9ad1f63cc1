package org.baomi.core.device.compliance;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable limits of the rules.
 *
 * @param maintenanceLimit how long a maintenance may stay open before it is reported (30 days by default)
 */
public record ComplianceSettings(Duration maintenanceLimit) {

    public static final Duration DEFAULT_MAINTENANCE_LIMIT = Duration.ofDays(30);

    public ComplianceSettings {
        Objects.requireNonNull(maintenanceLimit, "maintenanceLimit");
        if (maintenanceLimit.isNegative() || maintenanceLimit.isZero()) {
            throw new IllegalArgumentException("the maintenance limit must be positive, not " + maintenanceLimit);
        }
    }

    public static ComplianceSettings defaults() {
        return new ComplianceSettings(DEFAULT_MAINTENANCE_LIMIT);
    }
}
