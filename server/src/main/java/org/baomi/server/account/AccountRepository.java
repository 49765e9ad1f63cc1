package org.baomi.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts, their role grants and password history, in SQL. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = """
            id, username, person_id, display_name, password_hash, password_changed_at, must_change_password,
            failed_logins, locked_until, active, locale, created_at, last_login_at""";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static AccountRecord map(ResultSet rs, int row) throws SQLException {
        return new AccountRecord(rs.getLong("id"), rs.getString("username"), Db.nullableLong(rs, "person_id"),
                rs.getString("display_name"), rs.getString("password_hash"), Db.instant(rs, "password_changed_at"),
                rs.getBoolean("must_change_password"), rs.getInt("failed_logins"), Db.instant(rs, "locked_until"),
                rs.getBoolean("active"), rs.getString("locale"), Db.instant(rs, "created_at"),
                Db.instant(rs, "last_login_at"));
    }

    public Optional<AccountRecord> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from account where lower(username) = lower(:u)")
                .param("u", username).query(AccountRepository::map).optional();
    }

    public Optional<AccountRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id").param("id", id)
                .query(AccountRepository::map).optional();
    }

    public List<AccountRecord> findAll() {
        return jdbc.sql("select " + COLUMNS + " from account order by username").query(AccountRepository::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    public long insert(String username, Long personId, String displayName, String passwordHash, boolean mustChange,
            String locale, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (username, person_id, display_name, password_hash, password_changed_at,
                    must_change_password, failed_logins, active, locale, created_at, updated_at)
                values (:username, :personId, :displayName, :hash, :now, :mustChange, 0, true, :locale, :now, :now)""")
                .param("username", username).param("personId", personId).param("displayName", displayName)
                .param("hash", passwordHash).param("now", Db.ts(now)).param("mustChange", mustChange)
                .param("locale", locale).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("insert into password_history (account_id, password_hash, changed_at) values (:id, :hash, :now)")
                .param("id", id).param("hash", passwordHash).param("now", Db.ts(now)).update();
        return id;
    }

    public void updatePassword(long id, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("""
                update account set password_hash = :hash, password_changed_at = :now, must_change_password = :mustChange,
                    failed_logins = 0, locked_until = null, updated_at = :now where id = :id""")
                .param("hash", passwordHash).param("now", Db.ts(now)).param("mustChange", mustChange).param("id", id)
                .update();
        jdbc.sql("insert into password_history (account_id, password_hash, changed_at) values (:id, :hash, :now)")
                .param("id", id).param("hash", passwordHash).param("now", Db.ts(now)).update();
    }

    /** The hashes of the last {@code n} passwords, newest first. */
    public List<String> recentPasswordHashes(long id, int n) {
        return jdbc.sql("select password_hash from password_history where account_id = :id order by changed_at desc")
                .param("id", id).query(String.class).list().stream().limit(n).toList();
    }

    public void recordFailure(long id, int failures, Instant lockedUntil, Instant now) {
        jdbc.sql("update account set failed_logins = :f, locked_until = :l, updated_at = :now where id = :id")
                .param("f", failures).param("l", Db.ts(lockedUntil)).param("now", Db.ts(now)).param("id", id).update();
    }

    public void recordSuccess(long id, Instant now) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null, last_login_at = :now where id = :id")
                .param("now", Db.ts(now)).param("id", id).update();
    }

    public void updateLocale(long id, String locale, Instant now) {
        jdbc.sql("update account set locale = :l, updated_at = :now where id = :id").param("l", locale)
                .param("now", Db.ts(now)).param("id", id).update();
    }

    public void setActive(long id, boolean active, Instant now) {
        jdbc.sql("update account set active = :a, updated_at = :now where id = :id").param("a", active)
                .param("now", Db.ts(now)).param("id", id).update();
    }

    public void updateProfile(long id, String displayName, Long personId, Instant now) {
        jdbc.sql("update account set display_name = :d, person_id = :p, updated_at = :now where id = :id")
                .param("d", displayName).param("p", personId).param("now", Db.ts(now)).param("id", id).update();
    }

    public Set<RoleGrant> grants(long accountId) {
        return jdbc.sql("select role, unit_id from role_grant where account_id = :id").param("id", accountId)
                .query((rs, i) -> new RoleGrant(Role.valueOf(rs.getString("role")), rs.getLong("unit_id")))
                .set();
    }

    /** Replaces all grants of an account. The caller has checked separation of duties. */
    public void replaceGrants(long accountId, Set<RoleGrant> grants, String grantedBy, Instant now) {
        jdbc.sql("delete from role_grant where account_id = :id").param("id", accountId).update();
        for (RoleGrant g : grants) {
            jdbc.sql("""
                    insert into role_grant (account_id, role, unit_id, granted_at, granted_by)
                    values (:id, :role, :unit, :now, :by)""")
                    .param("id", accountId).param("role", g.role().name()).param("unit", g.unitId())
                    .param("now", Db.ts(now)).param("by", grantedBy).update();
        }
    }

    /** Accounts holding {@code role} in {@code unitId}: who can decide an approval step. */
    public List<Long> holdersOf(Role role, long unitId) {
        return jdbc.sql("""
                select g.account_id from role_grant g join account a on a.id = g.account_id
                where g.role = :role and g.unit_id = :unit and a.active = true""")
                .param("role", role.name()).param("unit", unitId).query(Long.class).list();
    }

    public static String describeGrants(Set<RoleGrant> grants) {
        return grants.stream().map(g -> g.role() + "@" + g.unitId()).sorted().collect(Collectors.joining(","));
    }
}
