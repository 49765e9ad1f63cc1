package org.baomi.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.baomi.core.security.Permission;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.platform.Db;
import org.baomi.server.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on API requests. The token is looked up
 * by its SHA-256 (only the hash is stored); a revoked or expired token, an inactive account or
 * an officer's account is refused with a problem+json 401. The request then carries the
 * permissions both the token's scopes and the account's roles grant.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private record TokenRow(long id, long accountId, String scopes, Instant expiresAt, Instant revokedAt,
            Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;
    private final AccountUserDetailsService users;
    private final Clock clock;
    private final Problems problems;

    public BearerTokenFilter(JdbcClient jdbc, AccountUserDetailsService users, Clock clock, Problems problems) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.problems = problems;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(7).strip();
        Instant now = clock.instant();
        TokenRow row = jdbc.sql("""
                select id, account_id, scopes, expires_at, revoked_at, last_used_at from api_token where token_hash = :h""")
                .param("h", sha256(token))
                .query((rs, i) -> new TokenRow(rs.getLong("id"), rs.getLong("account_id"), rs.getString("scopes"),
                        Db.instant(rs, "expires_at"), Db.instant(rs, "revoked_at"), Db.instant(rs, "last_used_at")))
                .optional().orElse(null);
        if (row == null) {
            problems.write(request, response, 401, "token.unknown", "The bearer token is not known. Ask the security administrator for a valid token.");
            return;
        }
        if (row.revokedAt() != null) {
            problems.write(request, response, 401, "token.revoked", "The bearer token was revoked on " + row.revokedAt() + ".");
            return;
        }
        if (row.expiresAt() != null && !row.expiresAt().isAfter(now)) {
            problems.write(request, response, 401, "token.expired", "The bearer token expired on " + row.expiresAt() + ".");
            return;
        }
        var account = users.reload(row.accountId()).orElse(null);
        if (account == null || !account.isEnabled()) {
            problems.write(request, response, 401, "token.accountInactive", "The account this token belongs to is inactive.");
            return;
        }
        if (account.grants().stream().map(RoleGrant::role).anyMatch(r -> r.isOfficer())) {
            problems.write(request, response, 401, "token.officer", "Officer accounts act only in person; their tokens are refused.");
            return;
        }
        Set<Permission> scoped = EnumSet.noneOf(Permission.class);
        for (String code : row.scopes().split(",")) {
            TokenScope.fromCode(code.strip()).ifPresent(s -> scoped.addAll(s.permissions()));
        }
        scoped.retainAll(account.permissions());
        BaomiUser user = new BaomiUser(account.accountId(), account.getUsername(), account.displayName(),
                account.personId(), account.unitId(), account.grants(), scoped, false, false, true, account.locale(),
                null);
        if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
            jdbc.sql("update api_token set last_used_at = :now where id = :id").param("now", Db.ts(now))
                    .param("id", row.id()).update();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(user, row.id()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
