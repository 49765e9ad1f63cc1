package org.baomi.core.device;

/**
 * Where a device stands in its life, as far as the compliance rules care. The lifecycle and its
 * approvals live in the server; scrapped, destroyed and lost devices are out of service and no longer
 * checked against the ledger rules (what a terminal still reports about them is).
 */
public enum DeviceStatus {
    REGISTERED, IN_USE, IN_MAINTENANCE, REMOVED_FROM_NETWORK, SCRAPPED, DESTROYED,
    /** Reported lost or stolen; an incident follows it up. */
    LOST;

    public boolean inService() {
        return this != SCRAPPED && this != DESTROYED && this != LOST;
    }

    /** Nothing can happen to the device any more. */
    public boolean isTerminal() {
        return this == DESTROYED || this == LOST;
    }
}
