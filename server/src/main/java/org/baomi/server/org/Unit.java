package org.baomi.server.org;

/** A unit (单位): a body with its own secrecy work, placed under its superior ({@code parentId}). */
public record Unit(long id, Long parentId, String code, String name, UnitKind kind, boolean active) {
}
