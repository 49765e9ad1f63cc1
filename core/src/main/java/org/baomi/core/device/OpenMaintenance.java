package org.baomi.core.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A maintenance of a device that has not been closed yet.
 *
 * @param since          when the device went into maintenance
 * @param site           on site under supervision, or taken off site
 * @param storageRemoved whether the storage was taken out and kept by the unit
 */
public record OpenMaintenance(Instant since, Site site, boolean storageRemoved) {

    public enum Site { ON_SITE, OFF_SITE }

    public OpenMaintenance {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(site, "site");
    }
}
