package org.baomi.server.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.Db;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.SecurityPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the security policy kept in table {@code setting} under the names of
 * {@link SecurityPolicy}. Every node reads the table on each use, so a change applies at once
 * everywhere.
 */
@Service
public class PolicyService {

    /** One setting's allowed range, so form, API and message agree. */
    record Range(String field, String setting, int min, int max) {
    }

    static final List<Range> RANGES = List.of(
            new Range("minLength", SecurityPolicy.MIN_LENGTH, 8, 128),
            new Range("minClasses", SecurityPolicy.MIN_CLASSES, 1, 4),
            new Range("maxAgeDays", SecurityPolicy.MAX_AGE_DAYS, 1, 365),
            new Range("history", SecurityPolicy.HISTORY, 0, 24),
            new Range("maxFailures", SecurityPolicy.MAX_FAILURES, 1, 20),
            new Range("lockMinutes", SecurityPolicy.LOCK_MINUTES, 1, 1440));

    private final SecurityPolicy policy;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PolicyService(SecurityPolicy policy, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy in force (stored settings over the defaults). */
    public PolicySettings current() {
        var password = policy.password();
        var lockout = policy.lockout();
        return new PolicySettings(password.minLength(), password.minClasses(), (int) password.maxAge().toDays(),
                password.historySize(), lockout.maxFailures(), (int) lockout.lockDuration().toMinutes());
    }

    /**
     * Stores a new policy; every value is required and within its range, or nothing changes.
     *
     * @throws ValidationException naming each field out of range
     */
    @Transactional
    public PolicySettings update(PolicySettings next, String updatedBy) {
        Map<String, Integer> values = asMap(next);
        List<ValidationException.FieldProblem> problems = problems(next);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        PolicySettings before = current();
        if (before.equals(next)) {
            return before;
        }
        Instant now = clock.instant();
        for (Range r : RANGES) {
            String value = String.valueOf(values.get(r.field()));
            int updated = jdbc.sql("""
                    update setting set setting_value = :v, updated_at = :now, updated_by = :by where name = :n""")
                    .param("v", value).param("now", Db.ts(now)).param("by", updatedBy).param("n", r.setting()).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into setting (name, setting_value, updated_at, updated_by) values (:n, :v, :now, :by)""")
                        .param("n", r.setting()).param("v", value).param("now", Db.ts(now)).param("by", updatedBy)
                        .update();
            }
        }
        audit.record("policy.update", "setting", "policy", before, next);
        return current();
    }

    /** Each field missing or out of its range, in form order. */
    public List<ValidationException.FieldProblem> problems(PolicySettings next) {
        Map<String, Integer> values = asMap(next);
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        for (Range r : RANGES) {
            Integer v = values.get(r.field());
            if (v == null || v < r.min() || v > r.max()) {
                problems.add(new ValidationException.FieldProblem(r.field(), "policy.range",
                        "Enter a whole number from " + r.min() + " to " + r.max() + ".", r.min(), r.max()));
            }
        }
        return problems;
    }

    private static Map<String, Integer> asMap(PolicySettings s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("minLength", s.minLength());
        m.put("minClasses", s.minClasses());
        m.put("maxAgeDays", s.maxAgeDays());
        m.put("history", s.history());
        m.put("maxFailures", s.maxFailures());
        m.put("lockMinutes", s.lockMinutes());
        return m;
    }
}
