package org.baomi.core.device.lifecycle;

/**
 * Who performed an act, as the history keeps it: the account that acted and its display name at
 * the time (a later rename must not rewrite the history).
 */
public record Actor(long accountId, String name) {
    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
        name = name.strip();
    }
}
