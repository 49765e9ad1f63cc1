package org.baomi.core.device;

/**
 * Where a device stands in its life, as far as the compliance rules care. The lifecycle and its
 * approvals live in the server; scrapped and destroyed devices are out of service and no longer
 * checked against the ledger rules (what a terminal still reports about them is).
 */
public enum DeviceStatus {
    REGISTERED, IN_USE, IN_MAINTENANCE, REMOVED_FROM_NETWORK, SCRAPPED, DESTROYED;

    public boolean inService() {
        return this != SCRAPPED && this != DESTROYED;
    }
}
