package org.baomi.core.device;

/** The ledger's identifier of a device, as text so the server's numeric ids and the agent's references both fit. */
public record DeviceId(String value) {
    public DeviceId {
        value = Ids.require(value, "device id");
    }

    public static DeviceId of(Object value) {
        return new DeviceId(String.valueOf(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
