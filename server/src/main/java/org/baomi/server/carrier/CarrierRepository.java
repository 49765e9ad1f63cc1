package org.baomi.server.carrier;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.baomi.core.carrier.Carrier;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.KnowledgeScope;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.server.carrier.CarrierViews.Disclosure;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.CarrierViews.Ref;
import org.baomi.server.carrier.CarrierViews.ReminderKind;
import org.baomi.server.carrier.CarrierViews.ReminderRow;
import org.baomi.server.carrier.CarrierViews.Request;
import org.baomi.server.carrier.CarrierViews.Row;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The carrier tables: the aggregate's rows and events for writes, SQL returning records for
 * reads. {@link #search} is the one ledger query (pages, API, benchmark).
 */
@Repository
public class CarrierRepository {

    /**
     * Who is searching: the units he may read, the units whose ledger he keeps, the levels he is
     * cleared for, his person and department ({@code -1} when none). Decides which rows show
     * their details (ADR 0008 need-to-know), in SQL.
     */
    public record Viewer(Set<Long> readUnits, Set<Long> ledgerUnits, Set<ClassificationLevel> cleared, long personId,
            long departmentId) {
        public Viewer {
            readUnits = Set.copyOf(readUnits);
            ledgerUnits = Set.copyOf(ledgerUnits);
            cleared = Set.copyOf(cleared);
        }

        /** The levels a person of {@code level} is cleared for (for callers that build a viewer, e.g. benchmarks). */
        public static Set<ClassificationLevel> clearedFor(SecretRelatedLevel level) {
            Set<ClassificationLevel> out = new HashSet<>();
            for (ClassificationLevel l : ClassificationLevel.values()) {
                if (level.maySee(l)) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    /** A person as the ledger needs him. */
    record PersonRow(long id, long unitId, String name, SecretRelatedLevel level, Long departmentId, boolean active) {
    }

    /** The stored row of a carrier, before its aggregate is rebuilt. */
    record CarrierRow(long id, long unitId, String serial, CarrierType type, String title, String documentNumber,
            String issuer, LocalDate dated, int copyNumber, int copyTotal, CarrierStatus status, long custodianId,
            Long copiedFrom, Instant registeredAt, int version) {
    }

    /** What a carrier approval request asks for, joined with the request's state. */
    record RequestRow(long requestId, long carrierId, String act, Integer copies, String consentAuthority,
            String consentReference, String newMarking, LocalDate returnBy, String reason, Instant usedAt,
            String type, String subjectType, String subjectId, String status) {
    }

    /** Where the ledger stands now: the projection columns an act changes. */
    record Projection(CarrierStatus status, String markingText, ClassificationLevel level, boolean declassified,
            LocalDate declassificationDate, StoragePlace storage, LocalDate dueDate, Long holderId, String holderName,
            Instant heldSince, long custodianId, String custodianName) {
    }

    /**
     * Whether the viewer may see a row's details. The scope checks are uncorrelated {@code IN}
     * subqueries, which PostgreSQL evaluates once into a hash (a correlated {@code EXISTS} per row
     * made a filtered count over 100,000 carriers three times slower).
     */
    private static final String VISIBLE = """
            (c.level in (:cleared) and (c.unit_id in (:ledger)
                or c.id in (select sp.carrier_id from carrier_scope_person sp where sp.person_id = :me)
                or c.id in (select sd.carrier_id from carrier_scope_department sd where sd.department_id = :dept)))""";

    /** Out (circulating, lent, carried out) past its due date; never null, so {@code not} gives the rest. */
    private static final String OVERDUE = """
            (c.status in ('CIRCULATING', 'ON_LOAN', 'CARRIED_OUT') and c.due_date is not null and c.due_date < :today)""";

    private final JdbcClient jdbc;
    private final boolean postgres;

    CarrierRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        boolean pg;
        try {
            pg = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .contains("PostgreSQL");
        } catch (MetaDataAccessException e) {
            pg = false;
        }
        this.postgres = pg;
    }

    // ------------------------------------------------------------ ids, serials, settings

    long nextId() {
        return jdbc.sql("select nextval('carrier_id_seq')").query(Long.class).single();
    }

    /** Creates the counter row if missing (called in its own transaction; a racing insert loses harmlessly). */
    void ensureCounter(String key) {
        jdbc.sql("""
                insert into carrier_serial_counter (sequence_key, last_value)
                select :k, 0 where not exists (select 1 from carrier_serial_counter where sequence_key = :k)""")
                .param("k", key).update();
    }

    /**
     * The next number of {@code key}, incremented in the caller's transaction: the row stays locked
     * until it ends, and a rollback returns the number (ADR 0010).
     */
    /** Whether the unit's ledger already holds this serial (an imported register keeps its own). */
    boolean serialTaken(long unitId, String serial) {
        return jdbc.sql("select count(*) from carrier where unit_id = :unit and serial = :serial")
                .param("unit", unitId).param("serial", serial).query(Long.class).single() > 0;
    }

    long nextSerial(String key) {
        int n = jdbc.sql("update carrier_serial_counter set last_value = last_value + 1 where sequence_key = :k")
                .param("k", key).update();
        if (n != 1) {
            throw new IllegalStateException("no serial counter " + key);
        }
        return jdbc.sql("select last_value from carrier_serial_counter where sequence_key = :k").param("k", key)
                .query(Long.class).single();
    }

    /** The last number handed out under {@code key}, without locking (for examples only). */
    Optional<Long> lastSerial(String key) {
        return jdbc.sql("select last_value from carrier_serial_counter where sequence_key = :k").param("k", key)
                .query(Long.class).optional();
    }

    Optional<CarrierSettings> settings(long unitId) {
        return jdbc.sql("""
                select unit_id, serial_pattern, circulation_days, term_warning_days, year_end_window_days
                from carrier_setting where unit_id = :u""").param("u", unitId)
                .query((rs, i) -> new CarrierSettings(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)))
                .optional();
    }

    void saveSettings(CarrierSettings s, Instant now, String by) {
        int n = jdbc.sql("""
                update carrier_setting set serial_pattern = :p, circulation_days = :c, term_warning_days = :t,
                       year_end_window_days = :y, updated_at = :now, updated_by = :by where unit_id = :u""")
                .param("p", s.serialPattern()).param("c", s.circulationDays()).param("t", s.termWarningDays())
                .param("y", s.yearEndWindowDays()).param("now", Db.ts(now)).param("by", by).param("u", s.unitId())
                .update();
        if (n == 0) {
            jdbc.sql("""
                    insert into carrier_setting (unit_id, serial_pattern, circulation_days, term_warning_days,
                                                 year_end_window_days, updated_at, updated_by)
                    values (:u, :p, :c, :t, :y, :now, :by)""")
                    .param("p", s.serialPattern()).param("c", s.circulationDays()).param("t", s.termWarningDays())
                    .param("y", s.yearEndWindowDays()).param("now", Db.ts(now)).param("by", by)
                    .param("u", s.unitId()).update();
        }
    }

    // ------------------------------------------------------------ org look-ups

    Optional<PersonRow> person(long id) {
        return jdbc.sql("select id, unit_id, name, secret_related_level, department_id, active from person where id = :id")
                .param("id", id)
                .query((rs, i) -> new PersonRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        SecretRelatedLevel.valueOf(rs.getString(4)), Db.nullableLong(rs, "department_id"),
                        rs.getBoolean(6)))
                .optional();
    }

    /** Department id to its unit id, for the ids that exist. */
    Map<Long, Long> departmentUnits(Collection<Long> ids) {
        Map<Long, Long> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, unit_id from department where id in (:ids)").param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    Optional<String> unitCode(long unitId) {
        return jdbc.sql("select code from unit where id = :id").param("id", unitId).query(String.class).optional();
    }

    String unitName(long unitId) {
        return jdbc.sql("select name from unit where id = :id").param("id", unitId).query(String.class).single();
    }

    List<Label> units(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name from unit where id in (:ids) order by name, id").param("ids", ids)
                .query((rs, i) -> new Label(rs.getLong(1), rs.getString(2))).list();
    }

    List<Label> personLabels(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name from person where id in (:ids) order by name, id").param("ids", ids)
                .query((rs, i) -> new Label(rs.getLong(1), rs.getString(2))).list();
    }

    List<Label> departmentLabels(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name from department where id in (:ids) order by name, id").param("ids", ids)
                .query((rs, i) -> new Label(rs.getLong(1), rs.getString(2))).list();
    }

    // ------------------------------------------------------------ the aggregate

    Optional<CarrierRow> load(long id, boolean forUpdate) {
        return jdbc.sql("""
                select id, unit_id, serial, type, title, document_number, issuer, dated, copy_number, copy_total,
                       status, custodian_person_id, copied_from, registered_at, version
                from carrier where id = :id""" + (forUpdate ? " for update" : "")).param("id", id)
                .query((rs, i) -> new CarrierRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("serial"),
                        CarrierType.valueOf(rs.getString("type")), rs.getString("title"),
                        rs.getString("document_number"), rs.getString("issuer"),
                        rs.getObject("dated", LocalDate.class), rs.getInt("copy_number"), rs.getInt("copy_total"),
                        CarrierStatus.valueOf(rs.getString("status")), rs.getLong("custodian_person_id"),
                        Db.nullableLong(rs, "copied_from"), Db.instant(rs, "registered_at"), rs.getInt("version")))
                .optional();
    }

    List<Long> scopePeople(long carrierId) {
        return jdbc.sql("select person_id from carrier_scope_person where carrier_id = :id order by person_id")
                .param("id", carrierId).query(Long.class).list();
    }

    List<Long> scopeDepartments(long carrierId) {
        return jdbc.sql("select department_id from carrier_scope_department where carrier_id = :id order by department_id")
                .param("id", carrierId).query(Long.class).list();
    }

    List<CarrierEventCodec.Stored> events(long carrierId) {
        return jdbc.sql("""
                select event_type, at, actor_id, actor_name, payload from carrier_event
                where carrier_id = :id order by seq""").param("id", carrierId)
                .query((rs, i) -> new CarrierEventCodec.Stored(rs.getString(1), Db.instant(rs, "at"), rs.getLong(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    void insert(Carrier c, Projection p, String searchText, Instant now, String by) {
        var d = c.details();
        jdbc.sql("""
                insert into carrier (id, unit_id, serial, type, title, search_text, document_number, issuer, dated,
                    copy_number, copy_total, marking_text, level, level_rank, declassified, declassification_date, status,
                    custodian_person_id, custodian_name, storage_kind, storage_name, copied_from, due_date,
                    holder_person_id, holder_name, held_since, registered_at, registered_by, updated_at, version)
                values (:id, :unit, :serial, :type, :title, :search, :doc, :issuer, :dated, :copy, :copies, :marking,
                    :level, :levelRank, :declassified, :declassDate, :status, :custodian, :custodianName, :storageKind,
                    :storageName, :copiedFrom, :due, :holder, :holderName, :heldSince, :now, :by, :now, 0)""")
                .param("id", c.id().value()).param("unit", d.unitId()).param("serial", c.serial().value())
                .param("type", d.type().name()).param("title", d.title()).param("search", searchText)
                .param("doc", d.documentNumber()).param("issuer", d.issuer()).param("dated", d.dated())
                .param("copy", d.copyNumber().copy()).param("copies", d.copyNumber().of())
                .param("marking", p.markingText()).param("level", p.level().name())
                .param("levelRank", levelRank(p.level()))
                .param("declassified", p.declassified()).param("declassDate", p.declassificationDate())
                .param("status", p.status().name()).param("custodian", d.custodian().id())
                .param("custodianName", d.custodian().name()).param("storageKind", p.storage().kind().name())
                .param("storageName", p.storage().name())
                .param("copiedFrom", c.copiedFrom().map(x -> x.value()).orElse(null))
                .param("due", p.dueDate()).param("holder", p.holderId()).param("holderName", p.holderName())
                .param("heldSince", Db.ts(p.heldSince())).param("now", Db.ts(now)).param("by", by).update();
        insertScope(c.id().value(), d.scope());
    }

    private void insertScope(long carrierId, KnowledgeScope scope) {
        for (Long person : scope.personIds()) {
            jdbc.sql("insert into carrier_scope_person (carrier_id, person_id) values (:c, :p)")
                    .param("c", carrierId).param("p", person).update();
        }
        for (Long dept : scope.departmentIds()) {
            jdbc.sql("insert into carrier_scope_department (carrier_id, department_id) values (:c, :d)")
                    .param("c", carrierId).param("d", dept).update();
        }
    }

    /** Replaces the scope rows with {@code scope} (after a scope change; the history keeps the old one). */
    void replaceScope(long carrierId, KnowledgeScope scope) {
        jdbc.sql("delete from carrier_scope_person where carrier_id = :c").param("c", carrierId).update();
        jdbc.sql("delete from carrier_scope_department where carrier_id = :c").param("c", carrierId).update();
        insertScope(carrierId, scope);
    }

    /** Ids of the open carriers (not cleared, destroyed or lost) of the unit in the person's custody, by serial. */
    List<Long> inCustodyOf(long unitId, long personId) {
        return jdbc.sql("""
                select id from carrier where unit_id = :u and custodian_person_id = :p
                  and status not in ('CLEARED', 'DESTROYED', 'LOST') order by serial, id""")
                .param("u", unitId).param("p", personId).query(Long.class).list();
    }

    void appendEvent(long carrierId, int seq, CarrierEventCodec.Stored e) {
        jdbc.sql("""
                insert into carrier_event (carrier_id, seq, event_type, at, actor_id, actor_name, payload)
                values (:c, :seq, :type, :at, :actor, :name, :payload)""")
                .param("c", carrierId).param("seq", seq).param("type", e.type()).param("at", Db.ts(e.at()))
                .param("actor", e.actorId()).param("name", e.actorName()).param("payload", e.payload()).update();
    }

    /** Writes the projection if the row is still at {@code version}; false when someone else changed it. */
    boolean update(long id, int version, Projection p, Instant now) {
        return jdbc.sql("""
                update carrier set status = :status, marking_text = :marking, level = :level, level_rank = :levelRank,
                    declassified = :declassified, declassification_date = :declassDate, storage_kind = :kind,
                    storage_name = :name, due_date = :due, holder_person_id = :holder, holder_name = :holderName,
                    held_since = :heldSince, custodian_person_id = :custodian, custodian_name = :custodianName,
                    updated_at = :now, version = version + 1
                where id = :id and version = :v""")
                .param("custodian", p.custodianId()).param("custodianName", p.custodianName())
                .param("status", p.status().name()).param("marking", p.markingText()).param("level", p.level().name())
                .param("levelRank", levelRank(p.level()))
                .param("declassified", p.declassified()).param("declassDate", p.declassificationDate())
                .param("kind", p.storage().kind().name()).param("name", p.storage().name()).param("due", p.dueDate())
                .param("holder", p.holderId()).param("holderName", p.holderName())
                .param("heldSince", Db.ts(p.heldSince())).param("now", Db.ts(now)).param("id", id).param("v", version)
                .update() == 1;
    }

    /**
     * The level as the number the ledger sorts and filters by: 0 for TOP SECRET down to 4 for
     * PUBLIC (the enum's order, highest first). Column {@code level_rank}, written with {@code level}.
     */
    static int levelRank(ClassificationLevel level) {
        return level.ordinal();
    }

    Optional<Ref> ref(long id) {
        return jdbc.sql("select id, serial from carrier where id = :id").param("id", id)
                .query((rs, i) -> new Ref(rs.getLong(1), rs.getString(2))).optional();
    }

    List<Ref> copiesOf(long id) {
        return jdbc.sql("select id, serial from carrier where copied_from = :id order by id").param("id", id)
                .query((rs, i) -> new Ref(rs.getLong(1), rs.getString(2))).list();
    }

    // ------------------------------------------------------------ approval requests

    void insertRequest(long requestId, long carrierId, String act, Integer copies, String consentAuthority,
            String consentReference, String newMarking, LocalDate returnBy, String reason) {
        jdbc.sql("""
                insert into carrier_request (request_id, carrier_id, act, copies, consent_authority, consent_reference,
                                             new_marking, return_by, reason)
                values (:r, :c, :act, :copies, :ca, :cr, :nm, :rb, :reason)""")
                .param("r", requestId).param("c", carrierId).param("act", act).param("copies", copies)
                .param("ca", consentAuthority).param("cr", consentReference).param("nm", newMarking)
                .param("rb", returnBy).param("reason", reason).update();
    }

    /** The request and what it asks, the carrier_request row locked until the transaction ends. */
    Optional<RequestRow> requestForUpdate(long requestId) {
        record Asked(long carrierId, String act, Integer copies, String ca, String cr, String nm, LocalDate rb,
                String reason, Instant usedAt) {
        }
        Optional<Asked> asked = jdbc.sql("""
                select carrier_id, act, copies, consent_authority, consent_reference, new_marking, return_by, reason,
                       used_at
                from carrier_request where request_id = :r for update""").param("r", requestId)
                .query((rs, i) -> new Asked(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getString(8), Db.instant(rs, "used_at")))
                .optional();
        return asked.flatMap(a -> jdbc.sql("select type, subject_type, subject_id, status from approval_request where id = :r")
                .param("r", requestId)
                .query((rs, i) -> new RequestRow(requestId, a.carrierId(), a.act(), a.copies(), a.ca(), a.cr(), a.nm(),
                        a.rb(), a.reason(), a.usedAt(), rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .optional());
    }

    void markUsed(long requestId, Instant now, String by) {
        int n = jdbc.sql("update carrier_request set used_at = :now, used_by = :by where request_id = :r and used_at is null")
                .param("now", Db.ts(now)).param("by", by).param("r", requestId).update();
        if (n != 1) {
            throw new IllegalStateException("request " + requestId + " was used concurrently");
        }
    }

    List<Request> requests(long carrierId) {
        return jdbc.sql("""
                select cr.request_id, cr.act, r.status, cr.copies, cr.new_marking, cr.return_by, cr.reason, cr.used_at
                from carrier_request cr join approval_request r on r.id = cr.request_id
                where cr.carrier_id = :c order by cr.request_id desc""").param("c", carrierId)
                .query((rs, i) -> new Request(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), Db.instant(rs, "used_at")))
                .list();
    }

    /** type and status of any approval request (destruction batches are E's requests). */
    Optional<String[]> approval(long requestId) {
        return jdbc.sql("select type, status from approval_request where id = :r").param("r", requestId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    boolean destructionUsed(long requestId, long carrierId) {
        return jdbc.sql("select count(*) from carrier_destruction_use where request_id = :r and carrier_id = :c")
                .param("r", requestId).param("c", carrierId).query(Long.class).single() > 0;
    }

    void recordDestructionUse(long requestId, long carrierId, Instant now) {
        jdbc.sql("insert into carrier_destruction_use (request_id, carrier_id, used_at) values (:r, :c, :now)")
                .param("r", requestId).param("c", carrierId).param("now", Db.ts(now)).update();
    }

    // ------------------------------------------------------------ reads

    /**
     * One page of the ledger for {@code viewer}. The query stays sargable — unit, status, type,
     * level and date are plain comparisons on indexed columns, the order ends on the primary key —
     * and the count is skipped when the first page is not full. Overdue is counted from today in
     * {@link CarrierService#ZONE} on the system clock; the service passes its own clock's day.
     */
    public PageOf<Row> search(CarrierQuery q, Viewer viewer) {
        return search(q, viewer, LocalDate.now(CarrierService.ZONE));
    }

    /** {@link #search(CarrierQuery, Viewer)} with {@code today} the day overdue is counted from. */
    public PageOf<Row> search(CarrierQuery q, Viewer viewer, LocalDate today) {
        Set<Long> units = new HashSet<>(viewer.readUnits());
        if (q.unitId() != null) {
            units.retainAll(Set.of(q.unitId()));
        }
        if (units.isEmpty()) {
            return new PageOf<>(List.of(), 0, q.page(), q.size());
        }
        StringBuilder where = new StringBuilder(" where c.unit_id in (:units)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("units", units);
        visibilityParams(params, viewer);
        if (q.serial() != null) {
            where.append(" and c.serial like :serial escape '\\'");
            params.put("serial", q.serial().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.level() != null) {
            where.append(" and c.level_rank = :levelRank");
            params.put("levelRank", levelRank(q.level()));
        }
        if (q.filtersDetails()) {
            where.append(" and ").append(VISIBLE);
        }
        if (q.text() != null) {
            where.append(" and c.search_text like :text escape '\\'");
            params.put("text", Db.likePattern(q.text()));
            planForThePattern();
        }
        if (q.type() != null) {
            where.append(" and c.type = :type");
            params.put("type", q.type().name());
        }
        if (q.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", q.status().name());
        }
        if (q.open() != null) {
            where.append(q.open() ? " and c.status not in ('CLEARED', 'DESTROYED', 'LOST')"
                    : " and c.status in ('CLEARED', 'DESTROYED', 'LOST')");
        }
        if (q.custodianId() != null) {
            where.append(" and c.custodian_person_id = :custodian");
            params.put("custodian", q.custodianId());
        }
        if (q.holderId() != null) {
            where.append(" and c.holder_person_id = :holder");
            params.put("holder", q.holderId());
        }
        if (q.overdue() != null) {
            where.append(q.overdue() ? " and " + OVERDUE : " and not " + OVERDUE);
            params.put("today", today);
        }
        if (q.storageKind() != null) {
            where.append(" and c.storage_kind = :storageKind");
            params.put("storageKind", q.storageKind().name());
        }
        if (q.datedFrom() != null) {
            where.append(" and c.dated >= :datedFrom");
            params.put("datedFrom", q.datedFrom());
        }
        if (q.datedTo() != null) {
            where.append(" and c.dated <= :datedTo");
            params.put("datedTo", q.datedTo());
        }
        if (q.copiesOnly() != null) {
            where.append(q.copiesOnly() ? " and c.copied_from is not null" : " and c.copied_from is null");
        }
        String dir = q.descending() ? " desc" : "";
        String order = switch (q.sort()) {
            case REGISTERED -> " order by c.id" + dir;
            case SERIAL -> " order by c.serial" + dir + ", c.id" + dir;
            case DATED -> " order by c.dated" + dir + ", c.id" + dir;
            case LEVEL -> " order by c.level_rank" + dir + ", c.id" + dir;
            case STATUS -> " order by c.status" + dir + ", c.id" + dir;
        };
        String sql = """
                select c.id, c.unit_id, c.serial, c.level, c.type, c.title, c.document_number, c.issuer, c.dated,
                       c.copy_number, c.copy_total, c.marking_text, c.status, c.custodian_name, c.storage_kind,
                       c.storage_name, c.due_date, c.holder_name,
                       case when""" + " " + VISIBLE + " then 1 else 0 end as visible from carrier c" + where + order
                + " limit :limit offset :offset";
        var spec = jdbc.sql(sql).params(params).param("limit", q.size()).param("offset", q.offset());
        List<Row> items = spec.query((rs, i) -> row(rs)).list();
        long total;
        if (q.offset() == 0 && items.size() < q.size()) {
            total = items.size();
        } else {
            total = jdbc.sql("select count(*) from carrier c" + where).params(params).query(Long.class).single();
        }
        return new PageOf<>(items, total, q.page(), q.size());
    }

    /**
     * On PostgreSQL, plans the rest of the transaction's statements for their actual values. The
     * driver prepares a statement run often on the server, which then may reuse one generic plan;
     * for {@code like :text} that plan reads the trigram index (V10_1) whatever the pattern, and a
     * two-character word (no trigram) or a common one then costs 120 ms instead of 1 ms for the page.
     * {@code set local} ends with the transaction (the service's search runs in one); outside one it
     * does nothing.
     */
    private void planForThePattern() {
        if (postgres) {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
    }

    private static void visibilityParams(Map<String, Object> params, Viewer viewer) {
        params.put("cleared", viewer.cleared().stream().map(Enum::name).toList());
        params.put("ledger", viewer.ledgerUnits().isEmpty() ? List.of(-1L) : viewer.ledgerUnits());
        params.put("me", viewer.personId());
        params.put("dept", viewer.departmentId());
    }

    private static Row row(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        long unit = rs.getLong("unit_id");
        String serial = rs.getString("serial");
        ClassificationLevel level = ClassificationLevel.valueOf(rs.getString("level"));
        if (rs.getInt("visible") == 0) {
            return new Row(id, unit, serial, level, false, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
        }
        return new Row(id, unit, serial, level, true, CarrierType.valueOf(rs.getString("type")), rs.getString("title"),
                rs.getString("document_number"), rs.getString("issuer"), rs.getObject("dated", LocalDate.class),
                rs.getInt("copy_number"), rs.getInt("copy_total"), rs.getString("marking_text"),
                CarrierStatus.valueOf(rs.getString("status")), rs.getString("custodian_name"),
                StoragePlace.Kind.valueOf(rs.getString("storage_kind")), rs.getString("storage_name"),
                rs.getObject("due_date", LocalDate.class), rs.getString("holder_name"));
    }

    /**
     * Reminders in {@code units} (plus what {@code viewer} holds himself) on {@code today}:
     * overdue circulations, loans and carryings-out, terms ending by {@code termLimit}, and loans
     * to be cleared at the year end ({@code yearEnd}: every loan; otherwise loans begun before
     * {@code yearStart}).
     */
    List<ReminderRow> reminders(Set<Long> units, Viewer viewer, LocalDate today, LocalDate termLimit, boolean yearEnd,
            Instant yearStart, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("units", units.isEmpty() ? List.of(-1L) : units);
        visibilityParams(params, viewer);
        params.put("today", today);
        params.put("termLimit", termLimit);
        params.put("yearStart", Db.ts(yearStart));
        String scope = "(c.unit_id in (:units) or c.holder_person_id = :me)";
        String select = "select c.id, c.unit_id, c.serial, c.level, c.title, c.due_date, c.declassification_date,"
                + " c.holder_name, c.status, case when " + VISIBLE + " then 1 else 0 end as visible from carrier c where ";
        List<ReminderRow> out = new ArrayList<>();
        out.addAll(jdbc.sql(select + scope + """
                 and c.status in ('CIRCULATING', 'ON_LOAN', 'CARRIED_OUT') and c.due_date < :today
                 order by c.due_date, c.id limit :limit""").params(params).param("limit", limit)
                .query((rs, i) -> reminder(rs, switch (rs.getString("status")) {
                    case "CIRCULATING" -> ReminderKind.CIRCULATION_OVERDUE;
                    case "ON_LOAN" -> ReminderKind.LOAN_OVERDUE;
                    default -> ReminderKind.CARRY_OUT_OVERDUE;
                }, rs.getObject("due_date", LocalDate.class), today)).list());
        out.addAll(jdbc.sql(select + scope + """
                 and c.status not in ('CLEARED', 'DESTROYED', 'LOST') and c.declassification_date <= :termLimit
                 order by c.declassification_date, c.id limit :limit""").params(params).param("limit", limit)
                .query((rs, i) -> reminder(rs, ReminderKind.TERM_EXPIRING,
                        rs.getObject("declassification_date", LocalDate.class), today)).list());
        LocalDate dec31 = LocalDate.of(today.getYear(), 12, 31);
        out.addAll(jdbc.sql(select + scope + " and c.status = 'ON_LOAN'" + (yearEnd ? "" : " and c.held_since < :yearStart")
                + " order by c.held_since, c.id limit :limit").params(params).param("limit", limit)
                .query((rs, i) -> reminder(rs, ReminderKind.YEAR_END_CLEARING, dec31, today)).list());
        return out;
    }

    private static ReminderRow reminder(ResultSet rs, ReminderKind kind, LocalDate date, LocalDate today)
            throws SQLException {
        boolean visible = rs.getInt("visible") == 1;
        return new ReminderRow(kind, rs.getLong("id"), rs.getLong("unit_id"), rs.getString("serial"),
                ClassificationLevel.valueOf(rs.getString("level")), visible ? rs.getString("title") : null, date,
                java.time.temporal.ChronoUnit.DAYS.between(today, date),
                kind == ReminderKind.TERM_EXPIRING || !visible ? null : rs.getString("holder_name"));
    }

    /** Who viewed the carrier's details (audit entries {@code carrier.view}), newest first. */
    List<Disclosure> disclosure(long carrierId, int limit) {
        return jdbc.sql("""
                select at, actor, actor_role, unit_id, client_address from audit_entry
                where object_type = 'carrier' and object_id = :id and action = 'carrier.view'
                order by seq desc limit :limit""").param("id", Long.toString(carrierId)).param("limit", limit)
                .query((rs, i) -> new Disclosure(Db.instant(rs, "at"), rs.getString("actor"), rs.getString("actor_role"),
                        Db.nullableLong(rs, "unit_id"), rs.getString("client_address")))
                .list();
    }

    /** For tests and the demo: how many carriers a unit holds. */
    long countIn(long unitId) {
        return jdbc.sql("select count(*) from carrier where unit_id = :u").param("u", unitId).query(Long.class).single();
    }

}
