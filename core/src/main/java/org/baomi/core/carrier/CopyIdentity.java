package org.baomi.core.carrier;

import java.util.Objects;

/** The id and serial number the server allocated for one copy about to be made. */
public record CopyIdentity(CarrierId id, SerialNumber serial) {
    public CopyIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serial, "serial");
    }
}
