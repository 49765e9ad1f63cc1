package org.baomi.server.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.baomi.core.security.LockoutPolicy;
import org.baomi.core.security.PasswordPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The password and lockout policy in force: the security administrator's settings (table
 * {@code setting}, names {@code policy.*}) over the defaults. Read from the database on each
 * use, so every server node applies the same policy.
 */
@Service
public class SecurityPolicy {

    public static final String MIN_LENGTH = "policy.password.minLength";
    public static final String MIN_CLASSES = "policy.password.minClasses";
    public static final String MAX_AGE_DAYS = "policy.password.maxAgeDays";
    public static final String HISTORY = "policy.password.history";
    public static final String MAX_FAILURES = "policy.lockout.maxFailures";
    public static final String LOCK_MINUTES = "policy.lockout.minutes";

    private final JdbcClient jdbc;

    public SecurityPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Both policies from one read of the settings (the principal is rebuilt on every request). */
    public record Snapshot(PasswordPolicy password, LockoutPolicy lockout) {
    }

    public Snapshot snapshot() {
        Map<String, String> s = settings();
        return new Snapshot(password(s), lockout(s));
    }

    public PasswordPolicy password() {
        return password(settings());
    }

    private static PasswordPolicy password(Map<String, String> s) {
        PasswordPolicy d = PasswordPolicy.DEFAULT;
        return new PasswordPolicy(
                intOr(s, MIN_LENGTH, d.minLength()),
                intOr(s, MIN_CLASSES, d.minClasses()),
                Duration.ofDays(intOr(s, MAX_AGE_DAYS, (int) d.maxAge().toDays())),
                intOr(s, HISTORY, d.historySize()));
    }

    public LockoutPolicy lockout() {
        return lockout(settings());
    }

    private static LockoutPolicy lockout(Map<String, String> s) {
        LockoutPolicy d = LockoutPolicy.DEFAULT;
        return new LockoutPolicy(intOr(s, MAX_FAILURES, d.maxFailures()),
                Duration.ofMinutes(intOr(s, LOCK_MINUTES, (int) d.lockDuration().toMinutes())));
    }

    private Map<String, String> settings() {
        return jdbc.sql("select name, setting_value from setting where name like 'policy.%'")
                .query(rs -> {
                    var m = new java.util.HashMap<String, String>();
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getString(2));
                    }
                    return m;
                });
    }

    private static int intOr(Map<String, String> s, String key, int fallback) {
        return Optional.ofNullable(s.get(key)).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }
}
