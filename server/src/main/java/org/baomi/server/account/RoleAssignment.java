package org.baomi.server.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.security.RoleGrant;
import org.baomi.core.security.SeparationOfDuties;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's duty: which roles an account holds in which unit. Grants are per
 * unit because an approval step is addressed to a role in a unit. Officer roles are system-wide
 * and always held on the root unit.
 */
@Service
public class RoleAssignment {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    RoleAssignment(AccountRepository accounts, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Active units, the root first. */
    public List<UnitChoice> units() {
        long root = rootUnit();
        return jdbc.sql("select id, name from unit where active = true order by case when parent_id is null then 0 else 1 end, name")
                .query((rs, i) -> new UnitChoice(rs.getLong(1), rs.getString(2), rs.getLong(1) == root)).list();
    }

    public long rootUnit() {
        return jdbc.sql("select min(id) from unit where parent_id is null").query(Long.class).single();
    }

    public Set<RoleGrant> grants(long accountId) {
        find(accountId);
        return accounts.grants(accountId);
    }

    /**
     * Replaces the account's grants with {@code requested}. Officer grants move to the root unit.
     * Refused, with nothing changed, when the result breaks separation of duties, names an unknown
     * unit, or the security administrator asks to change his own roles.
     *
     * @return the grants now in force
     */
    @Transactional
    public Set<RoleGrant> assign(long accountId, Collection<RoleGrant> requested, long actingAccountId,
            String actingUsername) {
        AccountRecord account = find(accountId);
        if (accountId == actingAccountId) {
            throw new DomainException("roles.self", "Nobody may change his own roles; ask another security administrator.");
        }
        long root = rootUnit();
        Set<RoleGrant> grants = new LinkedHashSet<>();
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        for (RoleGrant g : requested) {
            RoleGrant normalised = g.role().isOfficer() ? new RoleGrant(g.role(), root) : g;
            Boolean active = jdbc.sql("select active from unit where id = :id").param("id", normalised.unitId())
                    .query(Boolean.class).optional().orElse(null);
            if (active == null || !active) {
                problems.add(new ValidationException.FieldProblem("grants", "roles.unitUnknown",
                        "There is no active unit with id " + normalised.unitId() + ".", normalised.unitId()));
            }
            grants.add(normalised);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        SeparationOfDuties.require(grants.stream().map(RoleGrant::role).toList());
        Set<RoleGrant> before = accounts.grants(accountId);
        if (before.equals(grants)) {
            return before;
        }
        accounts.replaceGrants(accountId, grants, actingUsername, clock.instant());
        audit.record("role.assign", "account", accountId,
                Map.of("username", account.username(), "grants", AccountRepository.describeGrants(before)),
                Map.of("username", account.username(), "grants", AccountRepository.describeGrants(grants)));
        return accounts.grants(accountId);
    }

    private AccountRecord find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.notFound",
                "There is no account with id " + id + "."));
    }
}
