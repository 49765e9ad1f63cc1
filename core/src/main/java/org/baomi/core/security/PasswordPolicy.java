package org.baomi.core.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Password rules for accounts: minimum length, minimum number of character classes (lower
 * case, upper case, digits, other), maximum age, and how many previous passwords may not be
 * reused. Defaults follow the issue: 10 characters of 3 classes, 30 days, last 5.
 */
public record PasswordPolicy(int minLength, int minClasses, Duration maxAge, int historySize) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(10, 3, Duration.ofDays(30), 5);

    public PasswordPolicy {
        if (minLength < 8) {
            throw new IllegalArgumentException("minLength must be at least 8, was " + minLength);
        }
        if (minClasses < 1 || minClasses > 4) {
            throw new IllegalArgumentException("minClasses must be between 1 and 4, was " + minClasses);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (historySize < 0) {
            throw new IllegalArgumentException("historySize must not be negative");
        }
    }

    /** One broken rule: a message key, its arguments and an English sentence. */
    public record Problem(String code, String message, Object... args) {
    }

    /**
     * Checks a proposed password.
     *
     * @param password        the new password
     * @param username        the account's user name, which the password may not contain
     * @param matchesPrevious tells whether the password equals one of the last
     *                        {@link #historySize()} passwords (the caller holds their hashes)
     * @return the broken rules; empty when the password is acceptable
     */
    public List<Problem> check(String password, String username, Predicate<String> matchesPrevious) {
        List<Problem> problems = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            problems.add(new Problem("password.tooShort",
                    "The password must have at least " + minLength + " characters.", minLength));
        }
        String pw = password == null ? "" : password;
        if (classes(pw) < minClasses) {
            problems.add(new Problem("password.tooFewClasses",
                    "The password must mix at least " + minClasses
                            + " of: lower-case letters, upper-case letters, digits, other characters.", minClasses));
        }
        if (username != null && !username.isBlank() && pw.toLowerCase().contains(username.toLowerCase())) {
            problems.add(new Problem("password.containsUsername", "The password must not contain the user name."));
        }
        if (!pw.isEmpty() && matchesPrevious.test(pw)) {
            problems.add(new Problem("password.reused",
                    "The password must differ from the last " + historySize + " passwords.", historySize));
        }
        return List.copyOf(problems);
    }

    /** Whether a password set at {@code changedAt} must be changed at {@code now}. */
    public boolean isExpired(Instant changedAt, Instant now) {
        return changedAt == null || !changedAt.plus(maxAge).isAfter(now);
    }

    static int classes(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
