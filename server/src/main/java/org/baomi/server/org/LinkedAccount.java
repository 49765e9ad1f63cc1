package org.baomi.server.org;

/** An account that signs in as a person. */
public record LinkedAccount(long id, String username, boolean active) {
}
