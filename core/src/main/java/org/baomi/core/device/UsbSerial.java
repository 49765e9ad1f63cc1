package org.baomi.core.device;

import java.util.Locale;

/**
 * A USB serial number as the operating system reports it, normalised so that the ledger's
 * typed-in value and a terminal's report match: surrounding and inner whitespace and control
 * characters removed, letters upper-cased ({@code " aa04 0127 "} and {@code "AA040127"} are one
 * serial). Nothing else is changed: the agent must report the device's serial itself, not a
 * Windows instance path with its {@code &0} suffix.
 */
public record UsbSerial(String value) {

    public UsbSerial {
        if (value == null) {
            throw new IllegalArgumentException("USB serial must not be null");
        }
        value = normalise(value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("USB serial must not be blank");
        }
    }

    /** The normal form of {@code raw}, possibly empty. */
    public static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
