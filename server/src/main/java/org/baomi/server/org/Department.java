package org.baomi.server.org;

/** A department (部门) of a unit; its name is unique within the unit. */
public record Department(long id, long unitId, String unitName, String name, boolean active, long people) {
}
