package org.baomi.core.carrier;

import org.baomi.core.DomainException;

/**
 * 编号 — the serial number under which a carrier stands in the unit's ledger, e.g.
 * {@code FGW-2026-PD-00042}. Assigned by the server (see {@link SerialNumberPattern}), or taken
 * over from an imported register.
 */
public record SerialNumber(String value) {

    /** Longest serial accepted; registers in use keep them well under this. */
    public static final int MAX_LENGTH = 64;

    public SerialNumber {
        if (value == null || value.isBlank()) {
            throw new DomainException("carrier.serialEmpty", "The serial number is empty.");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new DomainException("carrier.serialTooLong",
                    "The serial number '" + value + "' is longer than " + MAX_LENGTH + " characters.", value, MAX_LENGTH);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException("carrier.serialControlCharacter",
                    "The serial number contains a control character (a line break or tab?).", value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
