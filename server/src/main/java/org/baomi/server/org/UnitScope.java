package org.baomi.server.org;

import java.util.Set;

/**
 * The units a user may reach: either all of them ({@link #all()}) or the listed ones. Ask
 * {@link #includes(long)} rather than reading the set: "all" carries no ids.
 */
public record UnitScope(boolean all, Set<Long> unitIds) {

    public static final UnitScope ALL = new UnitScope(true, Set.of());
    public static final UnitScope NONE = new UnitScope(false, Set.of());

    public UnitScope {
        unitIds = Set.copyOf(unitIds);
    }

    public boolean includes(long unitId) {
        return all || unitIds.contains(unitId);
    }

    public boolean isEmpty() {
        return !all && unitIds.isEmpty();
    }
}
