package org.baomi.server.token;

import org.baomi.core.ChinaTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.baomi.core.DomainException;
import org.baomi.core.security.Role;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.Db;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BearerTokenFilter;
import org.baomi.server.security.TokenScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients, issued and revoked by the security administrator. A token is
 * {@code bm_} followed by 32 random bytes (base64url); only its SHA-256 and a short prefix are
 * stored, so a leaked database does not leak working tokens. Officer accounts get none: the
 * three officers act in person only.
 */
@Service
public class TokenService {

    static final String PREFIX = "bm_";
    static final int SHOWN_PREFIX_LENGTH = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    TokenService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every token, newest first. */
    public List<TokenView> list() {
        Instant now = clock.instant();
        return jdbc.sql("""
                select t.id, t.name, t.token_prefix, t.account_id, a.username, t.scopes, t.created_by, t.created_at,
                    t.expires_at, t.revoked_at, t.last_used_at
                from api_token t join account a on a.id = t.account_id order by t.created_at desc, t.id desc""")
                .query((rs, i) -> {
                    Instant expires = Db.instant(rs, "expires_at");
                    Instant revoked = Db.instant(rs, "revoked_at");
                    TokenView.Status status = revoked != null ? TokenView.Status.REVOKED
                            : expires != null && !expires.isAfter(now) ? TokenView.Status.EXPIRED : TokenView.Status.ACTIVE;
                    return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                            rs.getLong("account_id"), rs.getString("username"),
                            Arrays.stream(rs.getString("scopes").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                            rs.getString("created_by"), Db.instant(rs, "created_at"), expires, revoked,
                            Db.instant(rs, "last_used_at"), status);
                }).list();
    }

    public TokenView get(long id) {
        return list().stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("token.notFound", "There is no API token with id " + id + "."));
    }

    /** Active accounts that hold no officer role. */
    public List<TokenAccount> eligibleAccounts() {
        return jdbc.sql("""
                select a.id, a.username, a.display_name from account a where a.active = true
                and not exists (select 1 from role_grant g where g.account_id = a.id and g.role in (:officers))
                order by a.username""")
                .param("officers", officerRoles())
                .query((rs, i) -> new TokenAccount(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Issues a token. {@code expiresOn}, when given, is the last day the token works.
     *
     * @throws ValidationException naming {@code accountId}, {@code name}, {@code scopes} or {@code expiresOn}
     */
    @Transactional
    public IssuedToken issue(Long accountId, String name, Collection<TokenScope> scopes, LocalDate expiresOn,
            String issuedBy) {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        String username = null;
        if (accountId == null) {
            problems.add(new ValidationException.FieldProblem("accountId", "token.account.required",
                    "Choose the account the token acts for."));
        } else {
            username = jdbc.sql("select username from account where id = :id and active = true").param("id", accountId)
                    .query(String.class).optional().orElse(null);
            if (username == null) {
                problems.add(new ValidationException.FieldProblem("accountId", "token.account.unknown",
                        "There is no active account with id " + accountId + ".", accountId));
            } else if (jdbc.sql("select count(*) from role_grant where account_id = :id and role in (:officers)")
                    .param("id", accountId).param("officers", officerRoles()).query(Long.class).single() > 0) {
                problems.add(new ValidationException.FieldProblem("accountId", "token.account.officer",
                        "The account " + username + " belongs to an officer; officers act in person and get no API tokens.",
                        username));
            }
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            problems.add(new ValidationException.FieldProblem("name", "token.name.invalid",
                    "Name the token (at most 100 characters), e.g. after the system that uses it."));
        }
        if (scopes == null || scopes.isEmpty()) {
            problems.add(new ValidationException.FieldProblem("scopes", "token.scopes.required",
                    "Choose at least one scope."));
        }
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (expiresOn != null) {
            expiresAt = expiresOn.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
            if (!expiresOn.isAfter(ChinaTime.today(clock))) {
                problems.add(new ValidationException.FieldProblem("expiresOn", "token.expiry.past",
                        "The expiry date must be after today.", expiresOn.toString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = token.substring(0, SHOWN_PREFIX_LENGTH);
        String scopeCodes = String.join(",", new TreeSet<>(scopes.stream().map(TokenScope::code).toList()));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (account_id, name, token_prefix, token_hash, scopes, created_by, created_at, expires_at)
                values (:account, :name, :prefix, :hash, :scopes, :by, :now, :expires)""")
                .param("account", accountId).param("name", label).param("prefix", prefix)
                .param("hash", BearerTokenFilter.sha256(token)).param("scopes", scopeCodes).param("by", issuedBy)
                .param("now", Db.ts(now)).param("expires", Db.ts(expiresAt)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", label);
        after.put("prefix", prefix);
        after.put("account", username);
        after.put("scopes", scopeCodes);
        after.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        audit.record("token.create", "api_token", id, null, after);
        return new IssuedToken(id, label, prefix, token);
    }

    /** Revokes a token at once; a revoked token is refused from its next request on. */
    @Transactional
    public TokenView revoke(long id) {
        TokenView before = get(id);
        if (before.revokedAt() != null) {
            throw new DomainException("token.alreadyRevoked", "The token " + before.prefix() + "… is already revoked.",
                    before.prefix());
        }
        jdbc.sql("update api_token set revoked_at = :now where id = :id").param("now", Db.ts(clock.instant()))
                .param("id", id).update();
        audit.record("token.revoke", "api_token", id, Map.of("prefix", before.prefix(), "status", before.status().name()),
                Map.of("prefix", before.prefix(), "status", TokenView.Status.REVOKED.name()));
        return get(id);
    }

    /** Active tokens whose expiry falls within {@code window} from now. */
    public long expiringWithin(Duration window) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select count(*) from api_token where revoked_at is null and expires_at > :now and expires_at <= :until""")
                .param("now", Db.ts(now)).param("until", Db.ts(now.plus(window))).query(Long.class).single();
    }

    private static List<String> officerRoles() {
        return Arrays.stream(Role.values()).filter(Role::isOfficer).map(Enum::name).toList();
    }

    /** Parses scope codes, naming the first unknown one. */
    public static Set<TokenScope> parseScopes(Collection<String> codes) {
        Set<TokenScope> scopes = new java.util.LinkedHashSet<>();
        if (codes == null) {
            return scopes;
        }
        for (String code : codes) {
            scopes.add(TokenScope.fromCode(code).or(() -> Arrays.stream(TokenScope.values())
                    .filter(s -> s.name().equals(code)).findFirst())
                    .orElseThrow(() -> ValidationException.of("scopes", "token.scopes.unknown",
                            "Unknown scope '" + code + "'; known scopes: "
                                    + Arrays.stream(TokenScope.values()).map(TokenScope::code).toList() + ".", code)));
        }
        return scopes;
    }
}
