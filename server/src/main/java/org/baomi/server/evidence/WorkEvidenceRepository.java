package org.baomi.server.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL behind {@link WorkEvidence}: people and roles, rectifications, self-assessments and
 * incidents of units the service has checked. Never writes; records name people, item ids and
 * serials, never a classified title.
 */
@Repository
class WorkEvidenceRepository {

    /** Someone as evidence names him: account or person id, name, and what is remarked (a role, a level). */
    record PersonRow(long id, String name, String remark) {
    }

    /** A rectification past its deadline and not done. */
    record RectificationRow(long id, String itemId, String problem, String ownerName, LocalDate deadline,
            String status) {
    }

    /** A department or person without a self-assessment of the year. */
    record Uncovered(String type, long id, String name) {
    }

    /** An incident not closed, with the subject's number. */
    record IncidentRow(long id, String kind, String subjectType, String subjectId, String subjectLabel,
            Instant reportedAt) {
    }

    /** A carrier still kept by a person who has left. */
    record LeftRow(long personId, String personName, long carrierId, String serial, String level) {
    }

    private final JdbcClient jdbc;

    WorkEvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active accounts holding {@code role} in the units. */
    List<PersonRow> holders(List<Long> units, String role) {
        return jdbc.sql("""
                select distinct a.id, a.display_name from account a join role_grant g on g.account_id = a.id
                where a.active = true and g.role = :role and g.unit_id in (:units)
                order by a.display_name, a.id""")
                .param("role", role).param("units", units)
                .query((rs, i) -> new PersonRow(rs.getLong(1), rs.getString(2), role)).list();
    }

    long people(List<Long> units) {
        return jdbc.sql("select count(*) from person where unit_id in (:units)").param("units", units)
                .query(Long.class).single();
    }

    /**
     * Active people of the units who hold a role that handles classified material (secrecy officer,
     * archivist, secret-related staff) but are on the roster as not secret-related.
     */
    List<PersonRow> handlersWithoutLevel(List<Long> units) {
        return jdbc.sql("""
                select distinct p.id, p.name, g.role from person p
                  join account a on a.person_id = p.id and a.active = true
                  join role_grant g on g.account_id = a.id and g.unit_id = p.unit_id
                where p.unit_id in (:units) and p.active = true and p.secret_related_level = 'NONE'
                  and g.role in ('SECRECY_OFFICER', 'ARCHIVIST', 'CLEARED_PERSON')
                order by p.name, p.id, g.role""")
                .param("units", units)
                .query((rs, i) -> new PersonRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    long peopleWhoLeft(List<Long> units) {
        return jdbc.sql("select count(*) from person where unit_id in (:units) and active = false")
                .param("units", units).query(Long.class).single();
    }

    /** Carriers on the ledger (not cleared, destroyed or lost) kept or held by a person who is no longer active. */
    List<LeftRow> carriersOfPeopleWhoLeft(List<Long> units) {
        return jdbc.sql("""
                select p.id, p.name, c.id, c.serial, c.level from carrier c
                  join person p on p.id = c.custodian_person_id or p.id = c.holder_person_id
                where c.unit_id in (:units) and p.active = false
                  and c.status not in ('CLEARED', 'DESTROYED', 'LOST')
                order by p.name, c.serial, c.id""")
                .param("units", units)
                .query((rs, i) -> new LeftRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    long rectifications(List<Long> units) {
        return jdbc.sql("select count(*) from rectification where unit_id in (:units)").param("units", units)
                .query(Long.class).single();
    }

    /** Rectifications whose deadline lies before {@code asOf} and that are still open or in progress. */
    List<RectificationRow> overdueRectifications(List<Long> units, LocalDate asOf) {
        return jdbc.sql("""
                select id, item_id, problem, owner_name, deadline, status from rectification
                where unit_id in (:units) and status in ('OPEN', 'IN_PROGRESS') and deadline < :asOf
                order by deadline, id""")
                .param("units", units).param("asOf", asOf)
                .query((rs, i) -> new RectificationRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }

    /** Active departments of the units with no department self-assessment for a year in {@code from..to}. */
    List<Uncovered> departmentsWithoutAssessment(List<Long> units, int from, int to) {
        return jdbc.sql("""
                select d.id, d.name from department d
                where d.unit_id in (:units) and d.active = true
                  and not exists (select 1 from self_assessment s where s.department_id = d.id
                                  and s.level = 'DEPARTMENT' and s.period_year between :from and :to)
                order by d.name, d.id""")
                .param("units", units).param("from", from).param("to", to)
                .query((rs, i) -> new Uncovered("department", rs.getLong(1), rs.getString(2))).list();
    }

    /** Active secret-related people of the units with no individual self-assessment for a year in {@code from..to}. */
    List<Uncovered> peopleWithoutAssessment(List<Long> units, int from, int to) {
        return jdbc.sql("""
                select p.id, p.name from person p
                where p.unit_id in (:units) and p.active = true and p.secret_related_level <> 'NONE'
                  and not exists (select 1 from self_assessment s where s.person_id = p.id
                                  and s.level = 'INDIVIDUAL' and s.period_year between :from and :to)
                order by p.name, p.id""")
                .param("units", units).param("from", from).param("to", to)
                .query((rs, i) -> new Uncovered("person", rs.getLong(1), rs.getString(2))).list();
    }

    long departments(List<Long> units) {
        return jdbc.sql("select count(*) from department where unit_id in (:units) and active = true")
                .param("units", units).query(Long.class).single();
    }

    /** Incidents of the units still open, reported before {@code toExclusive}. */
    List<IncidentRow> openIncidents(List<Long> units, Instant toExclusive) {
        return jdbc.sql("""
                select id, kind, subject_type, subject_id, subject_label, reported_at from incident
                where unit_id in (:units) and status = 'OPEN' and reported_at < :to
                order by reported_at, id""")
                .param("units", units).param("to", Db.ts(toExclusive))
                .query((rs, i) -> new IncidentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Db.instant(rs, "reported_at"))).list();
    }

    /** Carriers on the ledger (not cleared, destroyed or lost) with their level and the kind of place they are kept in. */
    List<String[]> storedCarriers(List<Long> units) {
        return jdbc.sql("""
                select id, serial, level, storage_kind, storage_name from carrier
                where unit_id in (:units) and status not in ('CLEARED', 'DESTROYED', 'LOST')
                  and level in ('TOP_SECRET', 'SECRET', 'CONFIDENTIAL')
                order by serial, id""")
                .param("units", units)
                .query((rs, i) -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)}).list();
    }
}
