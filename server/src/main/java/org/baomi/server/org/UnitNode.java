package org.baomi.server.org;

/** A unit in the tree as the unit page shows it: its depth below the reader's top unit and its active counts. */
public record UnitNode(Unit unit, int depth, long departments, long people, String parentName) {
}
