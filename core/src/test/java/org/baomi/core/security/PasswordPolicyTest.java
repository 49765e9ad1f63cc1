package org.baomi.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.DEFAULT;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "Abcdefgh1;password.tooShort",           // 9 characters
            "abcdefghij;password.tooFewClasses",     // 1 class
            "abcdefghi1;password.tooFewClasses",     // 2 classes
            "Abcdefghi1;",                           // 10 characters, 3 classes
            "安全保密工作abc1A;",                      // CJK counts as other characters
            "zhangsan#Secure1;password.containsUsername",
    })
    void checksLengthClassesAndUserName(String password, String expected) {
        var problems = policy.check(password, "zhangsan", p -> false);
        if (expected == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(PasswordPolicy.Problem::code).containsExactly(expected);
        }
    }

    @Test
    void refusesAnyOfTheRememberedPasswords() {
        Set<String> lastFive = Set.of("Old#Password1", "Old#Password2");
        assertThat(policy.check("Old#Password2", "li", lastFive::contains))
                .extracting(PasswordPolicy.Problem::code).containsExactly("password.reused");
        assertThat(policy.check("New#Password3", "li", lastFive::contains)).isEmpty();
    }

    @Test
    void expiresAfterMaximumAge() {
        Instant changed = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.isExpired(changed, changed.plus(Duration.ofDays(29)))).isFalse();
        assertThat(policy.isExpired(changed, changed.plus(Duration.ofDays(30)))).isTrue();
        assertThat(policy.isExpired(null, changed)).as("never set means change now").isTrue();
    }

    @Test
    void refusesAWeakConfiguration() {
        assertThatThrownBy(() -> new PasswordPolicy(6, 3, Duration.ofDays(30), 5)).hasMessageContaining("minLength");
        assertThatThrownBy(() -> new PasswordPolicy(10, 5, Duration.ofDays(30), 5)).hasMessageContaining("minClasses");
    }

    @Test
    void locksAfterFiveFailuresForFifteenMinutes() {
        LockoutPolicy lockout = LockoutPolicy.DEFAULT;
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        assertThat(lockout.lockedUntilAfterFailure(4, now)).isNull();
        Instant until = lockout.lockedUntilAfterFailure(5, now);
        assertThat(until).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(lockout.isLocked(until, now.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(lockout.isLocked(until, now.plus(Duration.ofMinutes(15)))).isFalse();
    }
}
