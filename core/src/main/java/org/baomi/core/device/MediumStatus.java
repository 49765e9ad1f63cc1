package org.baomi.core.device;

/** Where a medium stands; lost and destroyed media are out of service for the ledger rules. */
public enum MediumStatus {
    IN_STOCK, ISSUED, LOST, DESTROYED;

    public boolean inService() {
        return this == IN_STOCK || this == ISSUED;
    }
}
