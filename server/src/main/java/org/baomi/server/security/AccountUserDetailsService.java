package org.baomi.server.security;

import java.time.Clock;
import java.util.Comparator;
import java.util.Set;
import org.baomi.core.security.RoleGrant;
import org.baomi.core.security.RolePermissions;
import org.baomi.server.account.AccountRecord;
import org.baomi.server.account.AccountRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form login and rebuilds the principal on each request. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final SecurityPolicy policy;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, SecurityPolicy policy, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public BaomiUser loadUserByUsername(String username) {
        return accounts.findByUsername(username).map(this::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }

    public java.util.Optional<BaomiUser> reload(long accountId) {
        return accounts.findById(accountId).map(this::toUser);
    }

    BaomiUser toUser(AccountRecord a) {
        Set<RoleGrant> grants = accounts.grants(a.id());
        var now = clock.instant();
        var rules = policy.snapshot();
        boolean changeRequired = a.mustChangePassword() || rules.password().isExpired(a.passwordChangedAt(), now);
        boolean locked = rules.lockout().isLocked(a.lockedUntil(), now);
        return new BaomiUser(a.id(), a.username(), a.displayName(), a.personId(), unitOf(a, grants), grants,
                RolePermissions.of(grants.stream().map(RoleGrant::role).toList()), changeRequired, locked, a.active(),
                a.locale(), a.passwordHash());
    }

    private Long unitOf(AccountRecord a, Set<RoleGrant> grants) {
        if (a.personId() != null) {
            Long unit = jdbc.sql("select unit_id from person where id = :id").param("id", a.personId())
                    .query(Long.class).optional().orElse(null);
            if (unit != null) {
                return unit;
            }
        }
        return grants.stream().min(Comparator.comparing(RoleGrant::role)).map(RoleGrant::unitId).orElse(null);
    }
}
