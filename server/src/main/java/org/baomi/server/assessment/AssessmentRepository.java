package org.baomi.server.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.baomi.core.assessment.AssessmentEvent;
import org.baomi.core.assessment.AssessmentEvent.Approved;
import org.baomi.core.assessment.AssessmentEvent.Locked;
import org.baomi.core.assessment.AssessmentEvent.Reopened;
import org.baomi.core.assessment.AssessmentEvent.Started;
import org.baomi.core.assessment.AssessmentEvent.Submitted;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.Grade;
import org.baomi.core.assessment.ItemResult;
import org.baomi.core.assessment.Person;
import org.baomi.core.assessment.Rectification;
import org.baomi.core.assessment.RectificationStatus;
import org.baomi.core.assessment.Results;
import org.baomi.core.assessment.SelfAssessment;
import org.baomi.core.assessment.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The self-inspection tables: standards as stored, assessments (row, results, marks, history),
 * evidence and rectifications. Writes store what the core aggregates hold; reads return records.
 */
@Repository
class AssessmentRepository {

    record StandardRow(long id, String code, int version, String level, String titleZh, String titleEn,
            BigDecimal total, String body, Instant importedAt, String importedBy) {
    }

    record AssessmentRow(long id, long standardId, String level, long unitId, Long departmentId, Long personId,
            int periodYear, String status, Long approvalRequestId, Instant createdAt, Instant updatedAt) {
    }

    /** One line of the assessment list. */
    record AssessmentLine(long id, String standardCode, int standardVersion, String titleZh, String titleEn,
            String level, long unitId, String unitName, String departmentName, String personName, int periodYear,
            String status, BigDecimal score, String grade) {
    }

    record EvidenceRow(long id, long assessmentId, String itemId, String fileName, String contentType, long sizeBytes,
            String sha256, String uploadedBy, Instant uploadedAt) {
    }

    record RectificationRow(long id, Long assessmentId, String itemId, long unitId, String unitName, String problem,
            long ownerId, String ownerName, String measures, LocalDate deadline, String status, Instant createdAt,
            Integer periodYear, Long inspectionId, String inspectionTitle) {
    }

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ standards

    long insertStandard(String code, int version, String level, String titleZh, String titleEn, BigDecimal total,
            String body, Instant at, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_standard (code, version, level, title_zh, title_en, total, body, imported_at, imported_by)
                values (:code, :version, :level, :zh, :en, :total, :body, :at, :by)""")
                .param("code", code).param("version", version).param("level", level).param("zh", titleZh)
                .param("en", titleEn).param("total", total).param("body", body).param("at", Timestamp.from(at))
                .param("by", by).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean standardExists(String code, int version) {
        return jdbc.sql("select count(*) from assessment_standard where code = :code and version = :version")
                .param("code", code).param("version", version).query(Long.class).single() > 0;
    }

    List<StandardRow> standards() {
        return jdbc.sql("""
                select id, code, version, level, title_zh, title_en, total, '' as body, imported_at, imported_by
                from assessment_standard order by level, code, version desc""").query(StandardRow.class).list();
    }

    Optional<StandardRow> standard(long id) {
        return jdbc.sql("""
                select id, code, version, level, title_zh, title_en, total, body, imported_at, imported_by
                from assessment_standard where id = :id""").param("id", id).query(StandardRow.class).optional();
    }

    // ------------------------------------------------------------------ assessments

    long insertAssessment(long standardId, Subject subject, int year, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into self_assessment (standard_id, level, unit_id, department_id, person_id, period_year, status, created_at, updated_at)
                values (:standard, :level, :unit, :department, :person, :year, 'DRAFT', :at, :at)""")
                .param("standard", standardId).param("level", subject.level().name()).param("unit", subject.unitId())
                .param("department", subject.departmentId()).param("person", subject.personId()).param("year", year)
                .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<AssessmentRow> assessment(long id, boolean forUpdate) {
        return jdbc.sql("""
                select id, standard_id, level, unit_id, department_id, person_id, period_year, status, approval_request_id,
                       created_at, updated_at
                from self_assessment where id = :id""" + (forUpdate ? " for update" : ""))
                .param("id", id).query(AssessmentRow.class).optional();
    }

    Optional<Long> assessmentOfRequest(long requestId) {
        return jdbc.sql("select id from self_assessment where approval_request_id = :r").param("r", requestId)
                .query(Long.class).optional();
    }

    boolean subjectHasYear(Subject subject, long standardId, int year) {
        return jdbc.sql("""
                select count(*) from self_assessment where level = :level and unit_id = :unit
                  and coalesce(department_id, -1) = :department and coalesce(person_id, -1) = :person and period_year = :year""")
                .param("level", subject.level().name()).param("unit", subject.unitId())
                .param("department", subject.departmentId() == null ? -1L : subject.departmentId())
                .param("person", subject.personId() == null ? -1L : subject.personId()).param("year", year)
                .query(Long.class).single() > 0;
    }

    Results results(long id) {
        Map<String, ItemResult> items = new HashMap<>();
        jdbc.sql("select item_id, finding, earned, note from assessment_result where assessment_id = :id")
                .param("id", id).query((rs, n) -> new ItemResult(rs.getString(1), Finding.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getString(4)))
                .list().forEach(r -> items.put(r.itemId(), r));
        Map<String, Integer> deductions = new HashMap<>();
        Set<String> vetoes = new TreeSet<>();
        jdbc.sql("select kind, entry_id, occurrences from assessment_mark where assessment_id = :id").param("id", id)
                .query(rs -> {
                    if ("D".equals(rs.getString(1))) {
                        deductions.put(rs.getString(2), rs.getInt(3));
                    } else {
                        vetoes.add(rs.getString(2));
                    }
                });
        return new Results(items, deductions, vetoes);
    }

    List<AssessmentEvent> history(long id) {
        return jdbc.sql("""
                select kind, by_id, by_name, at, score, grade, reason from assessment_event
                where assessment_id = :id order by idx""").param("id", id).query((rs, n) -> {
                    Person by = new Person(rs.getLong(2), rs.getString(3));
                    Instant at = rs.getTimestamp(4).toInstant();
                    return (AssessmentEvent) switch (rs.getString(1)) {
                        case "STARTED" -> new Started(by, at);
                        case "SUBMITTED" -> new Submitted(by, at, rs.getBigDecimal(5), Grade.valueOf(rs.getString(6)));
                        case "APPROVED" -> new Approved(by, at);
                        case "LOCKED" -> new Locked(by, at);
                        case "REOPENED" -> new Reopened(by, at, rs.getString(7));
                        default -> throw new IllegalStateException("unknown assessment event " + rs.getString(1));
                    };
                }).list();
    }

    /** Stores the aggregate: status, the results and marks as they are now, the history entries not yet stored. */
    void store(SelfAssessment a, Instant at) {
        jdbc.sql("update self_assessment set status = :status, updated_at = :at where id = :id")
                .param("status", a.status().name()).param("at", Timestamp.from(at)).param("id", a.id()).update();
        jdbc.sql("delete from assessment_result where assessment_id = :id").param("id", a.id()).update();
        for (ItemResult r : a.results().items().values()) {
            jdbc.sql("insert into assessment_result (assessment_id, item_id, finding, earned, note) values (:id, :item, :f, :e, :n)")
                    .param("id", a.id()).param("item", r.itemId()).param("f", r.finding().name()).param("e", r.earned())
                    .param("n", r.note()).update();
        }
        jdbc.sql("delete from assessment_mark where assessment_id = :id").param("id", a.id()).update();
        a.results().deductions().forEach((d, n) -> mark(a.id(), "D", d, n));
        a.results().vetoes().forEach(v -> mark(a.id(), "V", v, 1));
        int stored = jdbc.sql("select count(*) from assessment_event where assessment_id = :id").param("id", a.id())
                .query(Integer.class).single();
        List<AssessmentEvent> history = a.history();
        for (int i = stored; i < history.size(); i++) {
            AssessmentEvent e = history.get(i);
            jdbc.sql("""
                    insert into assessment_event (assessment_id, idx, kind, by_id, by_name, at, score, grade, reason)
                    values (:id, :idx, :kind, :by, :name, :at, :score, :grade, :reason)""")
                    .param("id", a.id()).param("idx", i).param("kind", kind(e)).param("by", e.by().id())
                    .param("name", e.by().name()).param("at", Timestamp.from(e.at()))
                    .param("score", e instanceof Submitted s ? s.score() : null)
                    .param("grade", e instanceof Submitted s ? s.grade().name() : null)
                    .param("reason", e instanceof Reopened r ? r.reason() : null).update();
        }
    }

    private void mark(long id, String kind, String entry, int occurrences) {
        jdbc.sql("insert into assessment_mark (assessment_id, kind, entry_id, occurrences) values (:id, :k, :e, :n)")
                .param("id", id).param("k", kind).param("e", entry).param("n", occurrences).update();
    }

    private static String kind(AssessmentEvent e) {
        if (e instanceof Started) {
            return "STARTED";
        }
        if (e instanceof Submitted) {
            return "SUBMITTED";
        }
        if (e instanceof Approved) {
            return "APPROVED";
        }
        return e instanceof Locked ? "LOCKED" : "REOPENED";
    }

    void linkRequest(long id, long requestId) {
        jdbc.sql("update self_assessment set approval_request_id = :r where id = :id").param("r", requestId)
                .param("id", id).update();
    }

    List<AssessmentLine> lines(Collection<Long> unitIds, Integer year, String status) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.id, s.code as standard_code, s.version as standard_version, s.title_zh, s.title_en, a.level,
                       a.unit_id, u.name as unit_name, d.name as department_name, p.name as person_name,
                       a.period_year, a.status,
                       (select e.score from assessment_event e where e.assessment_id = a.id and e.kind = 'SUBMITTED'
                         order by e.idx desc fetch first 1 rows only) as score,
                       (select e.grade from assessment_event e where e.assessment_id = a.id and e.kind = 'SUBMITTED'
                         order by e.idx desc fetch first 1 rows only) as grade
                from self_assessment a
                join assessment_standard s on s.id = a.standard_id
                join unit u on u.id = a.unit_id
                left join department d on d.id = a.department_id
                left join person p on p.id = a.person_id
                where a.unit_id in (:units) and (cast(:year as integer) is null or a.period_year = :year)
                  and (cast(:status as varchar) is null or a.status = :status)
                order by a.period_year desc, a.id desc""")
                .param("units", unitIds).param("year", year).param("status", status)
                .query(AssessmentLine.class).list();
    }

    Optional<Long> departmentUnit(long departmentId) {
        return jdbc.sql("select unit_id from department where id = :id").param("id", departmentId).query(Long.class).optional();
    }

    record Named(long id, long unitId, String name) {
    }

    List<Named> units(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, id as unit_id, name from unit where id in (:ids) order by name").param("ids", ids)
                .query(Named.class).list();
    }

    List<Named> departments(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, unit_id, name from department where unit_id in (:ids) and active order by unit_id, name")
                .param("ids", unitIds).query(Named.class).list();
    }

    record PersonPlace(long unitId, Long departmentId) {
    }

    Optional<PersonPlace> personPlace(long personId) {
        return jdbc.sql("select unit_id, department_id from person where id = :id").param("id", personId)
                .query(PersonPlace.class).optional();
    }

    // ------------------------------------------------------------------ evidence

    long insertEvidence(long assessmentId, String itemId, String fileName, String contentType, long size, String sha256,
            String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_evidence (assessment_id, item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
                values (:a, :item, :name, :type, :size, :sha, :by, :at)""")
                .param("a", assessmentId).param("item", itemId).param("name", fileName).param("type", contentType)
                .param("size", size).param("sha", sha256).param("by", by).param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Active accounts of the unit's people (who may own a rectification there), by name. */
    List<Named> unitAccounts(long unitId) {
        return jdbc.sql("""
                select a.id, p.unit_id, a.display_name as name from account a join person p on p.id = a.person_id
                where a.active = true and p.unit_id = :unit and p.active = true
                order by a.display_name, a.id""").param("unit", unitId).query(Named.class).list();
    }

    /** Active accounts holding the department-head role in the unit whose person belongs to the department. */
    List<Long> departmentHeads(long unitId, long departmentId) {
        return jdbc.sql("""
                select distinct a.id from account a
                  join role_grant g on g.account_id = a.id and g.role = 'DEPARTMENT_HEAD' and g.unit_id = :unit
                  join person p on p.id = a.person_id
                where a.active = true and p.department_id = :department""")
                .param("unit", unitId).param("department", departmentId).query(Long.class).list();
    }

    List<EvidenceRow> evidence(long assessmentId) {
        return jdbc.sql("""
                select id, assessment_id, item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from assessment_evidence where assessment_id = :a order by id""").param("a", assessmentId)
                .query(EvidenceRow.class).list();
    }

    Optional<EvidenceRow> evidenceById(long id) {
        return jdbc.sql("""
                select id, assessment_id, item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from assessment_evidence where id = :id""").param("id", id).query(EvidenceRow.class).optional();
    }

    // ------------------------------------------------------------------ rectifications

    boolean rectificationExists(long assessmentId, String itemId) {
        return jdbc.sql("select count(*) from rectification where assessment_id = :a and item_id = :i")
                .param("a", assessmentId).param("i", itemId).query(Long.class).single() > 0;
    }

    long insertRectification(Long assessmentId, String itemId, long unitId, String problem, Person owner,
            String measures, LocalDate deadline, Instant at) {
        return insertRectification(assessmentId, itemId, null, unitId, problem, owner, measures, deadline, at);
    }

    /** {@code findingId}: the inspection finding the rectification corrects (ADR 0055), else null. */
    long insertRectification(Long assessmentId, String itemId, Long findingId, long unitId, String problem,
            Person owner, String measures, LocalDate deadline, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rectification (assessment_id, item_id, inspection_finding_id, unit_id, problem, owner_id, owner_name, measures, deadline, status, created_at)
                values (:a, :item, :finding, :unit, :problem, :owner, :ownerName, :measures, :deadline, 'OPEN', :at)""")
                .param("a", assessmentId).param("item", itemId).param("finding", findingId).param("unit", unitId)
                .param("problem", problem)
                .param("owner", owner.id()).param("ownerName", owner.name()).param("measures", measures)
                .param("deadline", deadline).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static final String RECTIFICATION_SELECT = """
            select r.id, r.assessment_id, r.item_id, r.unit_id, u.name as unit_name, r.problem, r.owner_id, r.owner_name,
                   r.measures, r.deadline, r.status, r.created_at, a.period_year, i.id as inspection_id,
                   i.title as inspection_title
            from rectification r join unit u on u.id = r.unit_id
            left join self_assessment a on a.id = r.assessment_id
            left join inspection_finding f on f.id = r.inspection_finding_id
            left join inspection i on i.id = f.inspection_id
            """;

    Optional<RectificationRow> rectification(long id, boolean forUpdate) {
        Optional<RectificationRow> row = jdbc.sql(RECTIFICATION_SELECT + " where r.id = :id")
                .param("id", id).query(RectificationRow.class).optional();
        if (forUpdate && row.isPresent()) {
            jdbc.sql("select id from rectification where id = :id for update").param("id", id).query(Long.class).single();
        }
        return row;
    }

    List<Rectification.Step> steps(long id) {
        return jdbc.sql("select to_status, by_id, by_name, at, note from rectification_step where rectification_id = :id order by idx")
                .param("id", id).query((rs, n) -> new Rectification.Step(RectificationStatus.valueOf(rs.getString(1)),
                        new Person(rs.getLong(2), rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    void storeRectification(Rectification r) {
        jdbc.sql("""
                update rectification set status = :s, owner_id = :owner, owner_name = :ownerName, measures = :measures,
                       deadline = :deadline
                where id = :id""").param("s", r.status().name()).param("owner", r.owner().id())
                .param("ownerName", r.owner().name()).param("measures", r.measures()).param("deadline", r.deadline())
                .param("id", r.id()).update();
        int stored = jdbc.sql("select count(*) from rectification_step where rectification_id = :id").param("id", r.id())
                .query(Integer.class).single();
        List<Rectification.Step> steps = r.history();
        for (int i = stored; i < steps.size(); i++) {
            Rectification.Step s = steps.get(i);
            jdbc.sql("""
                    insert into rectification_step (rectification_id, idx, to_status, by_id, by_name, at, note)
                    values (:id, :idx, :to, :by, :name, :at, :note)""")
                    .param("id", r.id()).param("idx", i).param("to", s.to().name()).param("by", s.by().id())
                    .param("name", s.by().name()).param("at", Timestamp.from(s.at())).param("note", s.note()).update();
        }
    }

    /** Rectifications in {@code unitIds}; {@code overdueOn} keeps only those past their deadline and not done. */
    List<RectificationRow> rectifications(Collection<Long> unitIds, String status, LocalDate overdueOn, Long assessmentId) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RECTIFICATION_SELECT + """
                 where r.unit_id in (:units)
                  and (cast(:status as varchar) is null or r.status = :status)
                  and (cast(:overdue as date) is null or (r.deadline < :overdue and r.status in ('OPEN', 'IN_PROGRESS')))
                  and (cast(:assessment as bigint) is null or r.assessment_id = :assessment)
                order by r.deadline, r.id""")
                .param("units", unitIds).param("status", status).param("overdue", overdueOn)
                .param("assessment", assessmentId).query(RectificationRow.class).list();
    }

    /**
     * The rectifications of the same subject's earlier assessments, by item id (the latest per item):
     * what the previous period found and whether it was fixed.
     */
    Map<String, RectificationRow> previousRectifications(AssessmentRow a) {
        List<RectificationRow> rows = jdbc.sql(RECTIFICATION_SELECT + """
                 where a.level = :level and a.unit_id = :unit and coalesce(a.department_id, -1) = :department
                  and coalesce(a.person_id, -1) = :person and a.period_year < :year
                order by a.period_year, r.id""")
                .param("level", a.level()).param("unit", a.unitId())
                .param("department", a.departmentId() == null ? -1L : a.departmentId())
                .param("person", a.personId() == null ? -1L : a.personId()).param("year", a.periodYear())
                .query(RectificationRow.class).list();
        Map<String, RectificationRow> byItem = new HashMap<>();
        rows.forEach(r -> byItem.put(r.itemId(), r));
        return byItem;
    }

    long overdueCount(Collection<Long> unitIds, LocalDate today) {
        if (unitIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                select count(*) from rectification where unit_id in (:units) and deadline < :today
                  and status in ('OPEN', 'IN_PROGRESS')""").param("units", unitIds).param("today", today)
                .query(Long.class).single();
    }

    long openCount(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from rectification where unit_id in (:units) and status <> 'VERIFIED'")
                .param("units", unitIds).query(Long.class).single();
    }

}
