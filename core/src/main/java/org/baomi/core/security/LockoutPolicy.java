package org.baomi.core.security;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@link #maxFailures()} consecutive failed logins an account is locked for
 * {@link #lockDuration()}; a successful login resets the count.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("lockDuration must be positive");
        }
    }

    /** The instant until which the account stays locked after this failure, or null when it is not locked. */
    public Instant lockedUntilAfterFailure(int consecutiveFailures, Instant now) {
        return consecutiveFailures >= maxFailures ? now.plus(lockDuration) : null;
    }

    public boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
