package org.baomi.core.carrier;

import java.util.Collection;
import java.util.Set;

/**
 * 知悉范围 — who may know a carrier's content: named people and whole departments. Kept as small
 * as possible; the determiner sets it. Being in the scope is necessary, not sufficient: the person
 * must also be cleared for the level ({@link PersonRef#cleared}).
 */
public record KnowledgeScope(Set<Long> personIds, Set<Long> departmentIds) {

    public KnowledgeScope {
        personIds = Set.copyOf(personIds);
        departmentIds = Set.copyOf(departmentIds);
    }

    public static KnowledgeScope of(Collection<Long> personIds, Collection<Long> departmentIds) {
        return new KnowledgeScope(Set.copyOf(personIds), Set.copyOf(departmentIds));
    }

    /** Whether the person, a member of {@code departmentIds}, is named or belongs to a named department. */
    public boolean includes(long personId, Collection<Long> departmentIds) {
        return personIds.contains(personId) || departmentIds.stream().anyMatch(this.departmentIds::contains);
    }

    public boolean includes(PersonRef person) {
        return includes(person.id(), person.departmentIds());
    }

    public boolean isEmpty() {
        return personIds.isEmpty() && departmentIds.isEmpty();
    }
}
