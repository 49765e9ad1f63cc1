package org.baomi.core.device;

/** The ledger's identifier of a person, as text so the server's numeric ids and the agent's references both fit. */
public record PersonId(String value) {
    public PersonId {
        value = Ids.require(value, "person id");
    }

    public static PersonId of(Object value) {
        return new PersonId(String.valueOf(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
