package org.baomi.core.carrier;

import org.baomi.core.DomainException;

/**
 * Who did something, as the history keeps it: the person's id and full name at the time (a
 * signature for circulation is the full name, and a later change of name must not rewrite it).
 */
public record Actor(long personId, String name) {
    public Actor {
        if (name == null || name.isBlank()) {
            throw new DomainException("carrier.nameMissing", "A full name is required: the ledger is signed by name.");
        }
        name = name.strip();
    }
}
