package org.baomi.server.account;

/** A person an account may be linked to, with his unit's name and whether an account already uses him. */
public record PersonChoice(long id, String name, String unitName, String linkedUsername) {
}
