package org.baomi.server.org;

/** What a client sends to create or change a unit; the service validates every field. */
public record UnitInput(String code, String name, String kind, Long parentId) {
}
