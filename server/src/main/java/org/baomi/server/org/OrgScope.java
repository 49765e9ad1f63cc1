package org.baomi.server.org;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baomi.core.security.Permission;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.security.BaomiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which units a user may see and manage. Later features (carrier ledger, devices, inspections)
 * use it to filter their lists by unit.
 *
 * <ul>
 * <li>Read ({@link #readScope}): the officers who run the system (system and security
 * administrator) see every unit — organisation data is what they administer, not business data.
 * Business users see each unit they hold any role in and all units below it; for an inspector
 * at a superior bureau that is every subordinate unit (he stays read-only because his role grants
 * no write permission). The auditor holds no org permission and sees none.</li>
 * <li>Manage people and departments ({@link #personManageScope}): the system administrator
 * everywhere; a secrecy officer in the units where he holds that role and below them.</li>
 * </ul>
 * The unit tree is walked with a recursive query, identical on H2 and PostgreSQL.
 */
@Service
public class OrgScope {

    private final JdbcClient jdbc;

    OrgScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The units whose organisation data (units, departments, people) {@code user} may read. */
    public UnitScope readScope(BaomiUser user) {
        if (!user.has(Permission.ORG_READ)) {
            return UnitScope.NONE;
        }
        if (user.hasRole(Role.SYSTEM_ADMIN) || user.hasRole(Role.SECURITY_ADMIN)) {
            return UnitScope.ALL;
        }
        return new UnitScope(false, selfAndDescendants(
                user.grants().stream().filter(g -> g.role().isBusiness()).map(RoleGrant::unitId).toList()));
    }

    /** The ids of the units {@code user} may read; every unit id for the administrators. */
    public Set<Long> visibleUnitIds(BaomiUser user) {
        UnitScope scope = readScope(user);
        if (scope.all()) {
            return Set.copyOf(jdbc.sql("select id from unit").query(Long.class).list());
        }
        return scope.unitIds();
    }

    /** The units in which {@code user} may create and edit people and departments. */
    public UnitScope personManageScope(BaomiUser user) {
        if (!user.has(Permission.PERSON_MANAGE)) {
            return UnitScope.NONE;
        }
        if (user.hasRole(Role.SYSTEM_ADMIN)) {
            return UnitScope.ALL;
        }
        return new UnitScope(false, selfAndDescendants(user.unitsWhere(Role.SECRECY_OFFICER)));
    }

    /** {@code unitIds} and every unit below them, at any depth. */
    public Set<Long> selfAndDescendants(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = jdbc.sql("""
                with recursive sub (id) as (
                    select id from unit where id in (:ids)
                    union all
                    select u.id from unit u join sub s on u.parent_id = s.id)
                select distinct id from sub""")
                .param("ids", List.copyOf(new HashSet<>(unitIds))).query(Long.class).list();
        return Set.copyOf(ids);
    }
}
