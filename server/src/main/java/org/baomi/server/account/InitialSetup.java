package org.baomi.server.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.BaomiProperties;
import org.baomi.server.platform.DataDirectory;
import org.baomi.server.platform.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start on an empty database: creates the root unit and the three officer accounts with
 * random one-time passwords, printed once and written to {@code <data>/initial-credentials.txt}
 * (owner-only). Each officer must change his password at first login. With {@code --demo} the
 * demo seeder runs instead.
 */
@Component
@Order(10)
class InitialSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialSetup.class);
    static final String CREDENTIALS_FILE = "initial-credentials.txt";

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final DataDirectory data;
    private final BaomiProperties properties;
    private final Clock clock;

    InitialSetup(AccountRepository accounts, JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit,
            DataDirectory data, BaomiProperties properties, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.data = data;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.serving() || properties.demo() || accounts.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        long root = createRootUnit(now);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("sysadmin", create("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, root, now));
        credentials.put("secadmin", create("secadmin", "安全保密管理员", Role.SECURITY_ADMIN, root, now));
        credentials.put("auditor", create("auditor", "安全审计员", Role.SECURITY_AUDITOR, root, now));
        StringBuilder text = new StringBuilder("""
                Baomi initial credentials — one-time passwords for the three officers.
                Each must be changed at first login. Hand them over in person, then delete this file.

                """);
        credentials.forEach((user, password) -> text.append(String.format("%-10s %s%n", user, password)));
        var file = data.writeSecret(CREDENTIALS_FILE, text.toString().getBytes(StandardCharsets.UTF_8));
        audit.recordAs(AuditLog.Actor.system(), "system.initialise", "unit", root, null,
                Map.of("accounts", credentials.keySet()));
        System.out.println();
        System.out.println("=".repeat(72));
        System.out.print(text);
        System.out.println("(also written to " + file + ", readable by its owner only)");
        System.out.println("=".repeat(72));
        log.info("Created the three officer accounts; credentials in {}", file);
    }

    private long createRootUnit(Instant now) {
        Long existing = jdbc.sql("select min(id) from unit where parent_id is null").query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into unit (parent_id, code, name, kind, active, created_at, updated_at)
                values (null, 'ROOT', '本单位', 'GOVERNMENT_ORGAN', true, :now, :now)""")
                .param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** @return the one-time password */
    private String create(String username, String displayName, Role role, long unit, Instant now) {
        String password = PasswordService.generate(16);
        long id = accounts.insert(username, null, displayName, encoder.encode(password), true, "zh-CN", now);
        accounts.replaceGrants(id, Set.of(new RoleGrant(role, unit)), "system", now);
        return password;
    }
}
