package org.baomi.server.carrier;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads the carrier sheet needs beyond the ledger search: serials taken, names to ids, scope names. */
@Repository
class CarrierSheetRepository {

    /** A person or department of the unit, by name. */
    record Named(long id, String name, String kind) {
    }

    private final JdbcClient jdbc;

    CarrierSheetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> existingSerials(long unitId, Collection<String> serials) {
        if (serials.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select serial from carrier where unit_id = :unit and serial in (:serials)")
                .param("unit", unitId).param("serials", serials).query(String.class).list());
    }

    /** The active people of the unit (kind P) and its departments (kind D). */
    List<Named> peopleAndDepartments(long unitId) {
        return jdbc.sql("""
                select id, name, 'P' as kind from person where unit_id = :unit and active = true
                union all
                select id, name, 'D' as kind from department where unit_id = :unit and active = true""")
                .param("unit", unitId).query((rs, i) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    Optional<String> unitName(long unitId) {
        return jdbc.sql("select name from unit where id = :id").param("id", unitId).query(String.class).optional();
    }

    /** The knowledge scope of each carrier, people then departments, as one text (张三、李四、办公室). */
    Map<Long, String> scopeNames(Collection<Long> carrierIds) {
        Map<Long, String> out = new HashMap<>();
        if (carrierIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select s.carrier_id, p.name, 0 as k from carrier_scope_person s join person p on p.id = s.person_id
                where s.carrier_id in (:ids)
                union all
                select s.carrier_id, d.name, 1 as k from carrier_scope_department s
                join department d on d.id = s.department_id where s.carrier_id in (:ids)
                order by 1, 3, 2""").param("ids", carrierIds)
                .query(rs -> {
                    out.merge(rs.getLong(1), rs.getString(2), (a, b) -> a + "、" + b);
                });
        return out;
    }
}
