package org.baomi.core.device;

/** The ledger's identifier of a network, as text so the server's numeric ids and the agent's references both fit. */
public record NetworkId(String value) {
    public NetworkId {
        value = Ids.require(value, "network id");
    }

    public static NetworkId of(Object value) {
        return new NetworkId(String.valueOf(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
