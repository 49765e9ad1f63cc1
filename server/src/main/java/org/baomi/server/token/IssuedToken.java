package org.baomi.server.token;

/** A token just issued: {@code token} is shown this once and cannot be recovered afterwards. */
public record IssuedToken(long id, String name, String prefix, String token) {
}
