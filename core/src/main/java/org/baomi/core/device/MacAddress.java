package org.baomi.core.device;

import java.util.Locale;

/**
 * A MAC address, normalised to upper-case pairs joined by colons ({@code 00:1A:2B:3C:4D:5E}) so
 * that the forms Windows ({@code 00-1A-...}), Linux ({@code 00:1a:...}) and switches
 * ({@code 001a.2b3c.4d5e}) print compare equal.
 */
public record MacAddress(String value) {

    public MacAddress {
        String hex = Ids.require(value, "MAC address").replaceAll("[:\\-.\\s]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{12}")) {
            throw new IllegalArgumentException("not a MAC address: " + value);
        }
        StringBuilder normal = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                normal.append(':');
            }
            normal.append(hex, i, i + 2);
        }
        value = normal.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
