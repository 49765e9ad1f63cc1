package org.baomi.core.device;

/** The ledger's identifier of a medium, as text so the server's numeric ids and the agent's references both fit. */
public record MediumId(String value) {
    public MediumId {
        value = Ids.require(value, "medium id");
    }

    public static MediumId of(Object value) {
        return new MediumId(String.valueOf(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
