package org.baomi.server.account;

/** A new account and its one-time password, which is shown once and stored only hashed. */
public record AccountCreated(long id, String username, String oneTimePassword) {
}
