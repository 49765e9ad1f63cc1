package org.baomi.server.token;

/** An account a token may be issued for (an active, non-officer account). */
public record TokenAccount(long id, String username, String displayName) {
}
