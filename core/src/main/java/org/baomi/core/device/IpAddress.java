package org.baomi.core.device;

import java.util.Locale;

/** An IPv4 or IPv6 address as registered; checked for shape only, never resolved. */
public record IpAddress(String value) {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    public IpAddress {
        value = Ids.require(value, "IP address").toLowerCase(Locale.ROOT);
        boolean v4 = value.matches(OCTET + "(\\." + OCTET + "){3}");
        boolean v6 = value.contains(":") && value.matches("[0-9a-f:.]{2,45}");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
