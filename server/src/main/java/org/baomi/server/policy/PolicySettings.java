package org.baomi.server.policy;

/**
 * The password and lockout policy as the security administrator edits it. Boxed so that a
 * missing value is reported as such instead of silently becoming zero.
 */
public record PolicySettings(Integer minLength, Integer minClasses, Integer maxAgeDays, Integer history,
        Integer maxFailures, Integer lockMinutes) {
}
