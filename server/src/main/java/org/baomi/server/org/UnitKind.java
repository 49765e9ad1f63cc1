package org.baomi.server.org;

import java.util.Arrays;
import java.util.Optional;

/** What sort of body a unit is; a secrecy bureau supervises the units below it. */
public enum UnitKind {
    SECRECY_BUREAU,
    GOVERNMENT_ORGAN,
    PUBLIC_INSTITUTION,
    SCHOOL,
    HOSPITAL,
    ENTERPRISE,
    OTHER;

    /** The kind a client named, if it names one. */
    public static Optional<UnitKind> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    /**
     * Reads a stored kind. The first-start root unit is stored as {@code ORGAN} (written before
     * the kinds were defined), which is a government organ; anything unknown reads as {@link #OTHER}
     * rather than breaking the page.
     */
    static UnitKind stored(String value) {
        if ("ORGAN".equals(value)) {
            return GOVERNMENT_ORGAN;
        }
        return fromName(value).orElse(OTHER);
    }
}
