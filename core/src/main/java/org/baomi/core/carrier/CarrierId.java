package org.baomi.core.carrier;

/** The identity of a carrier in the ledger, assigned by the server before registration. */
public record CarrierId(long value) {
    public CarrierId {
        if (value < 1) {
            throw new IllegalArgumentException("a carrier id is positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
