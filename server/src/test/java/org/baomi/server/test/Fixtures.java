package org.baomi.server.test;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.platform.Db;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.security.BaomiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * Test data written straight to the database (not through the services under test), with
 * unique names so tests sharing one application context never collide.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "Test#Passw0rd-2026";

    /** An account made for a test, with its known password. */
    public record TestAccount(long id, String username, String password, Long personId) {
    }

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AccountUserDetailsService users;
    private final Clock clock;
    private String encodedPassword;

    Fixtures(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder encoder, AccountUserDetailsService users,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.users = users;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public long unit(String name, Long parentId) {
        var keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into unit (parent_id, code, name, kind, active, created_at, updated_at)
                values (:parent, :code, :name, 'GOVERNMENT_ORGAN', true, :now, :now)""")
                .param("parent", parentId).param("code", unique("U-")).param("name", name)
                .param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public long department(long unitId, String name) {
        var keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into department (unit_id, name, active, created_at, updated_at)
                values (:unit, :name, true, :now, :now)""")
                .param("unit", unitId).param("name", name).param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public long person(long unitId, String name, SecretRelatedLevel level) {
        var keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into person (unit_id, name, secret_related_level, active, created_at, updated_at)
                values (:unit, :name, :level, true, :now, :now)""")
                .param("unit", unitId).param("name", name).param("level", level.name()).param("now", Db.ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** An account in {@code unitId} holding {@code roles} there, with a person of the given level. */
    public TestAccount account(long unitId, SecretRelatedLevel level, Role... roles) {
        String prefix = roles.length == 0 ? "noroles" : Arrays.stream(roles).map(r -> r.name().toLowerCase().replace("_", ""))
                .collect(Collectors.joining("-"));
        String username = unique(prefix.length() > 40 ? prefix.substring(0, 40) : prefix);
        long personId = person(unitId, username, level);
        if (encodedPassword == null) {
            encodedPassword = encoder.encode(PASSWORD);
        }
        long id = accounts.insert(username, personId, username, encodedPassword, false, "zh-CN", clock.instant());
        accounts.replaceGrants(id, Arrays.stream(roles).map(r -> new RoleGrant(r, unitId)).collect(Collectors.toSet()),
                "test", clock.instant());
        return new TestAccount(id, username, PASSWORD, personId);
    }

    public TestAccount account(long unitId, Role... roles) {
        return account(unitId, SecretRelatedLevel.NONE, roles);
    }

    public void grant(TestAccount account, Set<RoleGrant> grants) {
        accounts.replaceGrants(account.id(), grants, "test", clock.instant());
    }

    /** Signs the request in as {@code account} (the principal is rebuilt from the database). */
    public RequestPostProcessor as(TestAccount account) {
        BaomiUser user = users.loadUserByUsername(account.username());
        return SecurityMockMvcRequestPostProcessors.user(user);
    }

    public long rootUnit() {
        return jdbc.sql("select min(id) from unit where parent_id is null").query(Long.class).single();
    }

    public long auditCount() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    public long auditCount(String action) {
        return jdbc.sql("select count(*) from audit_entry where action = :a").param("a", action).query(Long.class).single();
    }
}
