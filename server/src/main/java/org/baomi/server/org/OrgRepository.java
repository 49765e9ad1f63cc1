package org.baomi.server.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Units, departments and people in SQL. Reads return records; scope filtering happens here for paging. */
@Repository
class OrgRepository {

    /** A unit row with its active department and people counts. */
    record UnitRow(Unit unit, long departments, long people) {
    }

    private static final String PERSON_SELECT = """
            select p.id, p.unit_id, u.name as unit_name, p.department_id, d.name as department_name, p.name,
                   p.employee_number, p.position, p.phone, p.secret_related_level, p.active
            from person p join unit u on u.id = p.unit_id left join department d on d.id = p.department_id""";

    private final JdbcClient jdbc;

    OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- units -------------------------------------------------------------------------------

    private static Unit unit(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getLong("id"), Db.nullableLong(rs, "parent_id"), rs.getString("code"), rs.getString("name"),
                UnitKind.stored(rs.getString("kind")), rs.getBoolean("active"));
    }

    List<UnitRow> unitsWithCounts() {
        return jdbc.sql("""
                select u.id, u.parent_id, u.code, u.name, u.kind, u.active,
                       (select count(*) from department d where d.unit_id = u.id and d.active = true) as departments,
                       (select count(*) from person p where p.unit_id = u.id and p.active = true) as people
                from unit u order by u.name, u.id""")
                .query((rs, i) -> new UnitRow(unit(rs, i), rs.getLong("departments"), rs.getLong("people"))).list();
    }

    List<Unit> units() {
        return jdbc.sql("select id, parent_id, code, name, kind, active from unit order by name, id").query(OrgRepository::unit)
                .list();
    }

    Optional<Unit> unit(long id) {
        return jdbc.sql("select id, parent_id, code, name, kind, active from unit where id = :id").param("id", id)
                .query(OrgRepository::unit).optional();
    }

    boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("select count(*) from unit where lower(code) = lower(:code) and id <> :except")
                .param("code", code).param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insertUnit(Long parentId, String code, String name, UnitKind kind, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into unit (parent_id, code, name, kind, active, created_at, updated_at)
                values (:parent, :code, :name, :kind, true, :now, :now)""")
                .param("parent", parentId).param("code", code).param("name", name).param("kind", kind.name())
                .param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateUnit(long id, Long parentId, String code, String name, UnitKind kind, Instant now) {
        jdbc.sql("""
                update unit set parent_id = :parent, code = :code, name = :name, kind = :kind, updated_at = :now
                where id = :id""")
                .param("parent", parentId).param("code", code).param("name", name).param("kind", kind.name())
                .param("now", Db.ts(now)).param("id", id).update();
    }

    void setUnitActive(long id, boolean active, Instant now) {
        jdbc.sql("update unit set active = :a, updated_at = :now where id = :id").param("a", active)
                .param("now", Db.ts(now)).param("id", id).update();
    }

    long activeChildren(long unitId) {
        return jdbc.sql("select count(*) from unit where parent_id = :id and active = true").param("id", unitId)
                .query(Long.class).single();
    }

    long activePeopleOfUnit(long unitId) {
        return jdbc.sql("select count(*) from person where unit_id = :id and active = true").param("id", unitId)
                .query(Long.class).single();
    }

    // --- departments -------------------------------------------------------------------------

    private static Department department(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
                rs.getBoolean("active"), rs.getLong("people"));
    }

    private static final String DEPARTMENT_SELECT = """
            select d.id, d.unit_id, u.name as unit_name, d.name, d.active,
                   (select count(*) from person p where p.department_id = d.id and p.active = true) as people
            from department d join unit u on u.id = d.unit_id""";

    List<Department> departmentsOf(long unitId) {
        return jdbc.sql(DEPARTMENT_SELECT + " where d.unit_id = :unit order by d.active desc, d.name")
                .param("unit", unitId).query(OrgRepository::department).list();
    }

    List<Department> activeDepartments() {
        return jdbc.sql(DEPARTMENT_SELECT + " where d.active = true and u.active = true order by u.name, d.name")
                .query(OrgRepository::department).list();
    }

    Optional<Department> department(long id) {
        return jdbc.sql(DEPARTMENT_SELECT + " where d.id = :id").param("id", id).query(OrgRepository::department)
                .optional();
    }

    boolean departmentNameTaken(long unitId, String name, Long exceptId) {
        return jdbc.sql("""
                select count(*) from department where unit_id = :unit and name = :name
                and id <> :except""")
                .param("unit", unitId).param("name", name).param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insertDepartment(long unitId, String name, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into department (unit_id, name, active, created_at, updated_at)
                values (:unit, :name, true, :now, :now)""")
                .param("unit", unitId).param("name", name).param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void renameDepartment(long id, String name, Instant now) {
        jdbc.sql("update department set name = :name, updated_at = :now where id = :id").param("name", name)
                .param("now", Db.ts(now)).param("id", id).update();
    }

    void setDepartmentActive(long id, boolean active, Instant now) {
        jdbc.sql("update department set active = :a, updated_at = :now where id = :id").param("a", active)
                .param("now", Db.ts(now)).param("id", id).update();
    }

    // --- people ------------------------------------------------------------------------------

    private static Person person(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                Db.nullableLong(rs, "department_id"), rs.getString("department_name"), rs.getString("name"),
                rs.getString("employee_number"), rs.getString("position"), rs.getString("phone"),
                SecretRelatedLevel.valueOf(rs.getString("secret_related_level")), rs.getBoolean("active"));
    }

    Optional<Person> person(long id) {
        return jdbc.sql(PERSON_SELECT + " where p.id = :id").param("id", id).query(OrgRepository::person).optional();
    }

    /** One page of people matching {@code search} within {@code scope}, ordered by name; limit/offset in SQL. */
    PageOf<Person> search(PersonSearch search, UnitScope scope) {
        if (scope.isEmpty()) {
            return new PageOf<>(List.of(), 0, search.page(), search.size());
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!scope.all()) {
            where.append(" and p.unit_id in (:scope)");
            params.put("scope", List.copyOf(scope.unitIds()));
        }
        if (search.q() != null) {
            where.append(" and (lower(p.name) like :q escape '\\' or lower(p.employee_number) like :q escape '\\')");
            params.put("q", Db.likePattern(search.q()));
        }
        if (search.unitId() != null) {
            where.append(" and p.unit_id = :unit");
            params.put("unit", search.unitId());
        }
        if (search.departmentId() != null) {
            where.append(" and p.department_id = :department");
            params.put("department", search.departmentId());
        }
        if (search.level() != null) {
            where.append(" and p.secret_related_level = :level");
            params.put("level", search.level().name());
        }
        if (search.active() != null) {
            where.append(" and p.active = :active");
            params.put("active", search.active());
        }
        long total = jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
        List<Person> items = total == 0 ? List.of()
                : jdbc.sql(PERSON_SELECT + where + " order by p.name, p.id limit :limit offset :offset").params(params)
                        .param("limit", search.size()).param("offset", search.offset()).query(OrgRepository::person)
                        .list();
        return new PageOf<>(items, total, search.page(), search.size());
    }

    Map<SecretRelatedLevel, Long> activePeopleByLevel(UnitScope scope) {
        Map<SecretRelatedLevel, Long> counts = new EnumMap<>(SecretRelatedLevel.class);
        for (SecretRelatedLevel level : SecretRelatedLevel.values()) {
            counts.put(level, 0L);
        }
        if (scope.isEmpty()) {
            return counts;
        }
        var spec = jdbc.sql("select secret_related_level, count(*) as n from person where active = true"
                + (scope.all() ? "" : " and unit_id in (:scope)") + " group by secret_related_level");
        if (!scope.all()) {
            spec = spec.param("scope", List.copyOf(scope.unitIds()));
        }
        spec.query((rs, i) -> Map.entry(SecretRelatedLevel.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    long insertPerson(long unitId, Long departmentId, String name, String employeeNumber, String position, String phone,
            SecretRelatedLevel level, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into person (unit_id, department_id, name, employee_number, position, phone, secret_related_level,
                    active, created_at, updated_at)
                values (:unit, :department, :name, :number, :position, :phone, :level, true, :now, :now)""")
                .param("unit", unitId).param("department", departmentId).param("name", name)
                .param("number", employeeNumber).param("position", position).param("phone", phone)
                .param("level", level.name()).param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updatePerson(long id, long unitId, Long departmentId, String name, String employeeNumber, String position,
            String phone, Instant now) {
        jdbc.sql("""
                update person set unit_id = :unit, department_id = :department, name = :name,
                    employee_number = :number, position = :position, phone = :phone, updated_at = :now
                where id = :id""")
                .param("unit", unitId).param("department", departmentId).param("name", name)
                .param("number", employeeNumber).param("position", position).param("phone", phone)
                .param("now", Db.ts(now)).param("id", id).update();
    }

    void setPersonActive(long id, boolean active, Instant now) {
        jdbc.sql("update person set active = :a, updated_at = :now where id = :id").param("a", active)
                .param("now", Db.ts(now)).param("id", id).update();
    }

    void setLevel(long id, SecretRelatedLevel level, Instant now) {
        jdbc.sql("update person set secret_related_level = :level, updated_at = :now where id = :id")
                .param("level", level.name()).param("now", Db.ts(now)).param("id", id).update();
    }

    long activePeopleOfDepartment(long departmentId) {
        return jdbc.sql("select count(*) from person where department_id = :id and active = true")
                .param("id", departmentId).query(Long.class).single();
    }

    List<LinkedAccount> accountsOf(long personId) {
        return jdbc.sql("select id, username, active from account where person_id = :id order by username")
                .param("id", personId)
                .query((rs, i) -> new LinkedAccount(rs.getLong("id"), rs.getString("username"), rs.getBoolean("active")))
                .list();
    }

}
