package org.baomi.server.token;

import java.time.Instant;
import java.util.List;

/** An API token as listed: its prefix identifies it; the token itself is never stored. */
public record TokenView(long id, String name, String prefix, long accountId, String username, List<String> scopes,
        String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, Status status) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }
}
