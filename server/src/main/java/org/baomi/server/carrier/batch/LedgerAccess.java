package org.baomi.server.carrier.batch;

import java.util.LinkedHashSet;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Permission;
import org.baomi.core.security.RolePermissions;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.security.BaomiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is asking, as batches and inventories need it: the units he may read (OrgScope), the
 * units whose carrier ledger he keeps (a role granting CARRIER_MANAGE there), and his person.
 * The need-to-know rule for lists and printed records is one line: a title is shown only to a
 * keeper of the unit's ledger whose secret-related level allows the carrier's level.
 */
@Component
class LedgerAccess {

    /** The signed-in person as batches and inventories see him. */
    record Caller(BaomiUser user, Set<Long> readUnits, Set<Long> ledgerUnits, Long personId, String personName,
            SecretRelatedLevel level) {

        boolean keeps(long unitId) {
            return ledgerUnits.contains(unitId);
        }

        /** Whether a carrier's title may be shown to him (ADR 0015). */
        boolean mayReadTitle(long unitId, ClassificationLevel carrierLevel) {
            return keeps(unitId) && level.maySee(carrierLevel);
        }

        /** Refuses a unit he may not read as if the record did not exist. */
        void requireReadable(long unitId, NotFoundException otherwise) {
            if (!readUnits.contains(unitId)) {
                throw otherwise;
            }
        }

        void requireKeeper(long unitId) {
            if (!keeps(unitId)) {
                throw new AccessDeniedException("not the keeper of unit " + unitId + "'s carrier ledger");
            }
        }

        long requirePerson() {
            if (personId == null) {
                throw new DomainException("carrierBatch.noPerson",
                        "Your account is not linked to a person; the record is signed by name, so ask the administrator to link it.");
            }
            return personId;
        }
    }

    private final OrgScope orgScope;
    private final JdbcClient jdbc;

    LedgerAccess(OrgScope orgScope, JdbcClient jdbc) {
        this.orgScope = orgScope;
        this.jdbc = jdbc;
    }

    /** The signed-in user, who must hold {@code permission}. */
    Caller caller(Permission permission) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("no signed-in user");
        }
        if (!user.has(permission)) {
            throw new AccessDeniedException("the user lacks " + permission);
        }
        Set<Long> read = user.has(Permission.BUSINESS_READ) ? orgScope.visibleUnitIds(user) : Set.of();
        Set<Long> ledger = new LinkedHashSet<>();
        user.grants().stream().filter(g -> RolePermissions.of(g.role()).contains(Permission.CARRIER_MANAGE))
                .forEach(g -> ledger.add(g.unitId()));
        String name = null;
        SecretRelatedLevel level = SecretRelatedLevel.NONE;
        if (user.personId() != null) {
            var row = jdbc.sql("select name, secret_related_level from person where id = :id")
                    .param("id", user.personId())
                    .query((rs, i) -> new Object[] {rs.getString(1), SecretRelatedLevel.valueOf(rs.getString(2))})
                    .optional();
            if (row.isPresent()) {
                name = (String) row.get()[0];
                level = (SecretRelatedLevel) row.get()[1];
            }
        }
        return new Caller(user, read, ledger, name == null ? null : user.personId(), name, level);
    }
}
