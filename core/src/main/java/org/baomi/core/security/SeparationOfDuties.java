package org.baomi.core.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The separation-of-duties rule for one account's roles: the three officer roles exclude one
 * another, and an officer holds no business role at all. A system administrator who could
 * also be a secrecy officer would read the records he administers; an auditor who held any
 * other role would audit himself.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    /** The outcome of checking a set of roles. */
    public sealed interface Check permits Allowed, Refused {
    }

    public record Allowed() implements Check {
    }

    /** Refused, with a message key, English text and the roles in conflict. */
    public record Refused(String code, String message, Set<Role> conflicting) implements Check {
    }

    public static Check check(Collection<Role> roles) {
        Set<Role> set = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Set<Role> officers = set.stream().filter(Role::isOfficer).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (officers.size() > 1) {
            return new Refused("roles.officersExclusive",
                    "The three officer roles are mutually exclusive; an account may hold only one of " + officers + ".",
                    officers);
        }
        if (officers.size() == 1 && set.size() > 1) {
            Role officer = officers.iterator().next();
            Set<Role> business = EnumSet.copyOf(set);
            business.remove(officer);
            return new Refused("roles.officerNoBusiness",
                    "An account holding " + officer + " may hold no business role, but " + business + " was asked for.",
                    set);
        }
        return new Allowed();
    }

    /** Throws {@link org.baomi.core.DomainException} when {@code roles} break the rule. */
    public static void require(Collection<Role> roles) {
        if (check(roles) instanceof Refused refused) {
            throw new org.baomi.core.DomainException(refused.code(), refused.message(), refused.conflicting().toString());
        }
    }
}
