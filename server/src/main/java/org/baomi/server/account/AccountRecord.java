package org.baomi.server.account;

import java.time.Instant;

/** An account row as stored: the read model used by security and the account pages. */
public record AccountRecord(long id, String username, Long personId, String displayName, String passwordHash,
        Instant passwordChangedAt, boolean mustChangePassword, int failedLogins, Instant lockedUntil, boolean active,
        String locale, Instant createdAt, Instant lastLoginAt) {
}
