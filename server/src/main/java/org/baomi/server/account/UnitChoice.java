package org.baomi.server.account;

/** A unit a role may be granted in; {@code root} marks the unit officers' grants live on. */
public record UnitChoice(long id, String name, boolean root) {
}
