package org.baomi.server.inspection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.Inspection;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.Person;
import org.baomi.core.assessment.Results;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The inspection tables (V45, V57, V58): the inspection, its units, the item results and marks per unit and the
 * findings; and
 * the reads of approved self-assessments the comparison page needs. Reads return records.
 */
@Repository
class InspectionRepository {

    record InspectionRow(long id, String kind, long inspectingUnitId, String inspectingUnitName, String title,
            LocalDate plannedFrom, LocalDate plannedTo, long standardId, String standardCode, int standardVersion,
            String status, String conclusion, Instant startedAt, Instant concludedAt, Instant createdAt,
            String createdBy, String reportMarking, String reportNextSteps) {
    }

    record UnitRow(long id, String name) {
    }

    record FindingRow(long id, long inspectionId, long unitId, String unitName, String itemId, String problem,
            String severity, LocalDate deadline, Instant createdAt, String createdBy, Long rectificationId,
            String rectificationStatus, Long ownerId, String ownerName) {
    }

    /** A scored self-assessment of a unit: the year, the standard body and its id. */
    record SelfRow(long id, long unitId, String unitName, int periodYear, long standardId, String status) {
    }

    /** A concluded inspection's unit, for the comparison. */
    record InspectedRow(long inspectionId, String title, long unitId, String unitName, LocalDate plannedFrom,
            long standardId) {
    }

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Inspection i, long standardId, Instant at, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into inspection (kind, inspecting_unit_id, title, planned_from, planned_to, standard_id, status,
                    conclusion, created_at, created_by)
                values (:kind, :unit, :title, :from, :to, :standard, 'PLANNED', '', :at, :by)""")
                .param("kind", i.kind().name()).param("unit", i.inspectingUnitId()).param("title", i.title())
                .param("from", i.plannedFrom()).param("to", i.plannedTo()).param("standard", standardId)
                .param("at", Timestamp.from(at)).param("by", by).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (long unit : i.plannedUnits()) {
            jdbc.sql("insert into inspection_unit (inspection_id, unit_id) values (:i, :u)").param("i", id)
                    .param("u", unit).update();
        }
        return id;
    }

    void storeStatus(Inspection i) {
        jdbc.sql("""
                update inspection set status = :status, conclusion = :conclusion, started_at = :started,
                    concluded_at = :concluded where id = :id""")
                .param("status", i.status().name()).param("conclusion", i.conclusion())
                .param("started", i.startedAt().map(Timestamp::from).orElse(null))
                .param("concluded", i.concludedAt().map(Timestamp::from).orElse(null)).param("id", i.id()).update();
    }

    private static final String SELECT = """
            select i.id, i.kind, i.inspecting_unit_id, u.name as inspecting_unit_name, i.title, i.planned_from,
                   i.planned_to, i.standard_id, s.code as standard_code, s.version as standard_version, i.status,
                   i.conclusion, i.started_at, i.concluded_at, i.created_at, i.created_by, i.report_marking,
                   i.report_next_steps
            from inspection i join unit u on u.id = i.inspecting_unit_id
            join assessment_standard s on s.id = i.standard_id
            """;

    Optional<InspectionRow> find(long id, boolean forUpdate) {
        Optional<InspectionRow> row = jdbc.sql(SELECT + " where i.id = :id").param("id", id)
                .query(InspectionRow.class).optional();
        if (forUpdate && row.isPresent()) {
            jdbc.sql("select id from inspection where id = :id for update").param("id", id).query(Long.class).single();
        }
        return row;
    }

    /** Inspections made by {@code inspecting} units or of {@code inspected} units, newest first. */
    List<InspectionRow> list(Collection<Long> inspecting, Collection<Long> inspected) {
        if (inspecting.isEmpty() && inspected.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 where i.inspecting_unit_id in (:inspecting)
                    or i.id in (select inspection_id from inspection_unit where unit_id in (:inspected))
                order by i.planned_from desc, i.id desc""")
                .param("inspecting", inspecting.isEmpty() ? List.of(-1L) : inspecting)
                .param("inspected", inspected.isEmpty() ? List.of(-1L) : inspected)
                .query(InspectionRow.class).list();
    }

    /** The inspected units, by name. */
    List<UnitRow> units(long inspectionId) {
        return jdbc.sql("""
                select u.id, u.name from inspection_unit iu join unit u on u.id = iu.unit_id
                where iu.inspection_id = :i order by u.name, u.id""").param("i", inspectionId)
                .query(UnitRow.class).list();
    }

    List<UnitRow> unitsNamed(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name from unit where id in (:ids) and active order by name, id")
                .param("ids", ids).query(UnitRow.class).list();
    }

    /** The item results recorded for one inspected unit, by item id. */
    Map<String, ItemResult> results(long inspectionId, long unitId) {
        Map<String, ItemResult> results = new LinkedHashMap<>();
        jdbc.sql("""
                select item_id, finding, earned, note from inspection_result
                where inspection_id = :i and unit_id = :u order by item_id""")
                .param("i", inspectionId).param("u", unitId)
                .query((rs, n) -> new ItemResult(rs.getString(1), Finding.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getString(4)))
                .list().forEach(r -> results.put(r.itemId(), r));
        return results;
    }

    /** The item results with the aggravated deductions and vetoes recorded for one inspected unit. */
    Results scored(long inspectionId, long unitId) {
        Map<String, Integer> deductions = new HashMap<>();
        Set<String> vetoes = new TreeSet<>();
        jdbc.sql("select kind, entry_id, occurrences from inspection_mark where inspection_id = :i and unit_id = :u")
                .param("i", inspectionId).param("u", unitId).query(rs -> {
                    if ("D".equals(rs.getString(1))) {
                        deductions.put(rs.getString(2), rs.getInt(3));
                    } else {
                        vetoes.add(rs.getString(2));
                    }
                });
        return new Results(results(inspectionId, unitId), deductions, vetoes);
    }

    /** Stores the unit's marks as {@code results} has them: the deductions counted and the vetoes found. */
    void storeMarks(long inspectionId, long unitId, Results results) {
        jdbc.sql("delete from inspection_mark where inspection_id = :i and unit_id = :u").param("i", inspectionId)
                .param("u", unitId).update();
        results.deductions().forEach((d, n) -> mark(inspectionId, unitId, "D", d, n));
        results.vetoes().forEach(v -> mark(inspectionId, unitId, "V", v, 1));
    }

    private void mark(long inspectionId, long unitId, String kind, String entryId, int occurrences) {
        jdbc.sql("""
                insert into inspection_mark (inspection_id, unit_id, kind, entry_id, occurrences)
                values (:i, :u, :kind, :entry, :n)""").param("i", inspectionId).param("u", unitId)
                .param("kind", kind).param("entry", entryId).param("n", occurrences).update();
    }

    void storeResult(long inspectionId, long unitId, ItemResult r) {
        jdbc.sql("delete from inspection_result where inspection_id = :i and unit_id = :u and item_id = :item")
                .param("i", inspectionId).param("u", unitId).param("item", r.itemId()).update();
        jdbc.sql("""
                insert into inspection_result (inspection_id, unit_id, item_id, finding, earned, note)
                values (:i, :u, :item, :finding, :earned, :note)""")
                .param("i", inspectionId).param("u", unitId).param("item", r.itemId())
                .param("finding", r.finding().name()).param("earned", r.earned()).param("note", r.note()).update();
    }

    long insertFinding(long inspectionId, long unitId, String itemId, String problem, String severity,
            LocalDate deadline, Long ownerId, Instant at, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into inspection_finding (inspection_id, unit_id, item_id, problem, severity, deadline, owner_id,
                    created_at, created_by)
                values (:i, :u, :item, :problem, :severity, :deadline, :owner, :at, :by)""")
                .param("i", inspectionId).param("u", unitId).param("item", itemId).param("problem", problem)
                .param("severity", severity).param("deadline", deadline).param("owner", ownerId)
                .param("at", Timestamp.from(at)).param("by", by).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void deleteFinding(long findingId) {
        jdbc.sql("delete from inspection_finding where id = :id").param("id", findingId).update();
    }

    /** The findings of an inspection, of the given units only (null: all), by unit then time. */
    List<FindingRow> findings(long inspectionId, Set<Long> units) {
        return jdbc.sql("""
                select f.id, f.inspection_id, f.unit_id, u.name as unit_name, f.item_id, f.problem, f.severity,
                       f.deadline, f.created_at, f.created_by, r.id as rectification_id, r.status as rectification_status,
                       f.owner_id, o.display_name as owner_name
                from inspection_finding f join unit u on u.id = f.unit_id
                left join rectification r on r.inspection_finding_id = f.id
                left join account o on o.id = f.owner_id
                where f.inspection_id = :i
                order by u.name, f.unit_id, f.id""").param("i", inspectionId).query(FindingRow.class).list()
                .stream().filter(f -> units == null || units.contains(f.unitId())).toList();
    }

    /**
     * Who owns the rectifications of a unit's findings: its secrecy officer, else its unit head (the active
     * account with the lowest id); empty when it has neither.
     */
    Optional<Person> rectificationOwner(long unitId) {
        return jdbc.sql("""
                select a.id, a.display_name from account a join role_grant g on g.account_id = a.id
                where g.unit_id = :u and a.active and g.role in ('SECRECY_OFFICER', 'UNIT_HEAD')
                order by case g.role when 'SECRECY_OFFICER' then 0 else 1 end, a.id""")
                .param("u", unitId).query((rs, n) -> new Person(rs.getLong(1), rs.getString(2))).list().stream()
                .findFirst();
    }

    /**
     * The people who may own a rectification of {@code unitId}: active accounts of active people of the unit, by
     * name.
     */
    List<Person> unitPeople(long unitId) {
        return jdbc.sql("""
                select a.id, a.display_name from account a join person p on p.id = a.person_id
                where a.active = true and p.active = true and p.unit_id = :u
                order by a.display_name, a.id""").param("u", unitId)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2))).list();
    }

    /** Keeps the summary report's marking and next steps on the inspection. */
    void storeReportTexts(long inspectionId, String marking, String nextSteps) {
        jdbc.sql("update inspection set report_marking = :m, report_next_steps = :n where id = :id")
                .param("m", marking).param("n", nextSteps).param("id", inspectionId).update();
    }

    /** The stored standard's YAML body. */
    Optional<String> standardBody(long standardId) {
        return jdbc.sql("select body from assessment_standard where id = :id").param("id", standardId)
                .query(String.class).optional();
    }

    // ------------------------------------------------------------------ comparison reads

    /** The standard codes used by unit self-assessments or inspections, ordered. */
    List<String> comparableStandardCodes() {
        return jdbc.sql("""
                select distinct s.code from assessment_standard s where s.level = 'UNIT'
                  and (exists (select 1 from self_assessment a where a.standard_id = s.id)
                       or exists (select 1 from inspection i where i.standard_id = s.id))
                order by s.code""").query(String.class).list();
    }

    /** Approved (and locked) unit self-assessments of {@code units} against standard {@code code}. */
    List<SelfRow> approvedSelfAssessments(Collection<Long> units, String code, int fromYear, int toYear) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.id, a.unit_id, u.name as unit_name, a.period_year, a.standard_id, a.status
                from self_assessment a join unit u on u.id = a.unit_id
                join assessment_standard s on s.id = a.standard_id
                where a.level = 'UNIT' and a.status in ('APPROVED', 'LOCKED') and s.code = :code
                  and a.unit_id in (:units) and a.period_year between :from and :to
                order by a.period_year, u.name""")
                .param("code", code).param("units", units).param("from", fromYear).param("to", toYear)
                .query(SelfRow.class).list();
    }

    /** The self-assessment's item results, by item id. */
    Map<String, ItemResult> selfResults(long assessmentId) {
        Map<String, ItemResult> results = new HashMap<>();
        jdbc.sql("select item_id, finding, earned, note from assessment_result where assessment_id = :a")
                .param("a", assessmentId)
                .query((rs, n) -> new ItemResult(rs.getString(1), Finding.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getString(4)))
                .list().forEach(r -> results.put(r.itemId(), r));
        return results;
    }

    /** A submission of an assessment: its score and grade. */
    record Submitted(BigDecimal score, String grade) {
    }

    /** The score and grade submitted last for an assessment (what was approved). */
    Optional<Submitted> submitted(long assessmentId) {
        return jdbc.sql("""
                select score, grade from assessment_event where assessment_id = :a and kind = 'SUBMITTED'
                order by idx desc""").param("a", assessmentId).query(Submitted.class).list().stream().findFirst();
    }

    /** The units of concluded inspections against standard {@code code} among {@code units}. */
    List<InspectedRow> concludedInspections(Collection<Long> units, String code, int fromYear, int toYear) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select i.id as inspection_id, i.title, iu.unit_id, u.name as unit_name, i.planned_from, i.standard_id
                from inspection i join inspection_unit iu on iu.inspection_id = i.id
                join unit u on u.id = iu.unit_id join assessment_standard s on s.id = i.standard_id
                where i.status = 'CONCLUDED' and s.code = :code and iu.unit_id in (:units)
                order by i.planned_from, u.name""")
                .param("code", code).param("units", units).query(InspectedRow.class).list().stream()
                .filter(r -> r.plannedFrom().getYear() >= fromYear && r.plannedFrom().getYear() <= toYear).toList();
    }
}
