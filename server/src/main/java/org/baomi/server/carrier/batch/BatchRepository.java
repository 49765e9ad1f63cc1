package org.baomi.server.carrier.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.batch.BatchViews.Approval;
import org.baomi.server.carrier.batch.BatchViews.BatchStatus;
import org.baomi.server.carrier.batch.BatchViews.BatchSummary;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The destruction batch tables; carrier rows are only read here. */
@Repository
class BatchRepository {

    /** The stored batch. */
    record BatchRow(long id, long unitId, String unitName, String number, BatchStatus status,
            DestructionRecord.Method method, String equipment, LocalDate plannedDate, String place,
            long requesterPersonId, String requesterName, Instant createdAt, Long requestId, LocalDate executedOn,
            String destroyedByName, int version) {
    }

    /** A carrier as the batch list needs it. */
    record CarrierLine(int position, long carrierId, long unitId, String serial, ClassificationLevel level,
            CarrierStatus status, String title) {
    }

    /** A person who may be named as supervisor or destroyer. */
    record PersonLine(long id, long unitId, String name, boolean active) {
    }

    private final JdbcClient jdbc;

    BatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of {@code unitId}'s batches in {@code year}: increments the counter row,
     * which stays locked until the caller commits (a rollback gives the number back). Empty when
     * the row does not exist yet ({@link #ensureCounter}).
     */
    Optional<Integer> nextSeq(long unitId, int year) {
        int n = jdbc.sql("update carrier_batch_counter set last_value = last_value + 1 where unit_id = :u and batch_year = :y")
                .param("u", unitId).param("y", year).update();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select last_value from carrier_batch_counter where unit_id = :u and batch_year = :y")
                .param("u", unitId).param("y", year).query(Integer.class).single());
    }

    /** Creates the year's counter row at 0; a concurrent creator may win the race (duplicate key). */
    void ensureCounter(long unitId, int year) {
        jdbc.sql("insert into carrier_batch_counter (unit_id, batch_year, last_value) values (:u, :y, 0)")
                .param("u", unitId).param("y", year).update();
    }

    long insert(long unitId, String number, int year, int seq, DestructionRecord.Method method, String equipment,
            LocalDate plannedDate, String place, long requesterId, String requesterName, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into carrier_batch (unit_id, number, batch_year, seq, status, method, equipment, planned_date, place,
                    requester_person_id, requester_name, created_by, created_at)
                values (:unit, :number, :year, :seq, 'DRAFT', :method, :equipment, :planned, :place,
                    :requester, :requesterName, :by, :now)""")
                .param("unit", unitId).param("number", number).param("year", year).param("seq", seq)
                .param("method", method.name()).param("equipment", equipment).param("planned", plannedDate)
                .param("place", place).param("requester", requesterId).param("requesterName", requesterName)
                .param("by", createdBy).param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static final String BATCH = """
            select b.id, b.unit_id, u.name as unit_name, b.number, b.status, b.method, b.equipment, b.planned_date,
                   b.place, b.requester_person_id, b.requester_name, b.created_at, b.request_id, b.executed_on,
                   b.destroyed_by_name, b.version
            from carrier_batch b join unit u on u.id = b.unit_id""";

    Optional<BatchRow> load(long id) {
        return jdbc.sql(BATCH + " where b.id = :id")
                .param("id", id).query(BatchRepository::batch).optional();
    }

    /** Locks the batch row (PostgreSQL and H2 alike) before a change. */
    Optional<BatchRow> lock(long id) {
        jdbc.sql("select id from carrier_batch where id = :id for update").param("id", id).query(Long.class).optional();
        return load(id);
    }

    Optional<Long> batchOfRequest(long requestId) {
        return jdbc.sql("select id from carrier_batch where request_id = :r").param("r", requestId).query(Long.class)
                .optional();
    }

    private static BatchRow batch(ResultSet rs, int i) throws SQLException {
        return new BatchRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("number"),
                BatchStatus.valueOf(rs.getString("status")), DestructionRecord.Method.valueOf(rs.getString("method")),
                rs.getString("equipment"), rs.getObject("planned_date", LocalDate.class), rs.getString("place"),
                rs.getLong("requester_person_id"), rs.getString("requester_name"), Db.instant(rs, "created_at"),
                Db.nullableLong(rs, "request_id"), rs.getObject("executed_on", LocalDate.class),
                rs.getString("destroyed_by_name"), rs.getInt("version"));
    }

    PageOf<BatchSummary> list(Collection<Long> unitIds, BatchStatus status, int page, int size) {
        if (unitIds.isEmpty()) {
            return new PageOf<>(List.of(), 0, page, size);
        }
        String where = " where b.unit_id in (:units)" + (status == null ? "" : " and b.status = :status");
        var count = jdbc.sql("select count(*) from carrier_batch b" + where).param("units", unitIds);
        var rows = jdbc.sql("""
                select b.id, b.unit_id, u.name, b.number, b.status, b.method, b.planned_date,
                       (select count(*) from carrier_batch_item i where i.batch_id = b.id) as items,
                       b.requester_name, b.created_at
                from carrier_batch b join unit u on u.id = b.unit_id""" + where
                + " order by b.batch_year desc, b.seq desc, b.id desc limit :size offset :offset")
                .param("units", unitIds).param("size", size).param("offset", (long) (page - 1) * size);
        if (status != null) {
            count = count.param("status", status.name());
            rows = rows.param("status", status.name());
        }
        long total = count.query(Long.class).single();
        List<BatchSummary> items = rows.query((rs, i) -> new BatchSummary(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), BatchStatus.valueOf(rs.getString(5)), DestructionRecord.Method.valueOf(rs.getString(6)),
                rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getString(9), Db.instant(rs, "created_at"))).list();
        return new PageOf<>(items, total, page, size);
    }

    boolean update(long id, int version, BatchStatus status, DestructionRecord.Method method, String equipment,
            LocalDate plannedDate, String place, Long requestId) {
        return jdbc.sql("""
                update carrier_batch set status = :status, method = :method, equipment = :equipment,
                    planned_date = :planned, place = :place, request_id = :request, version = version + 1
                where id = :id and version = :version""")
                .param("status", status.name()).param("method", method.name()).param("equipment", equipment)
                .param("planned", plannedDate).param("place", place).param("request", requestId)
                .param("id", id).param("version", version).update() == 1;
    }

    boolean executed(long id, int version, LocalDate on, Instant at, long destroyedById, String destroyedByName) {
        return jdbc.sql("""
                update carrier_batch set status = 'EXECUTED', executed_on = :on, executed_at = :at,
                    destroyed_by_person_id = :by, destroyed_by_name = :name, version = version + 1
                where id = :id and version = :version and status = 'APPROVED'""")
                .param("on", on).param("at", Db.ts(at)).param("by", destroyedById).param("name", destroyedByName)
                .param("id", id).param("version", version).update() == 1;
    }

    void insertSupervisor(long batchId, int position, long personId, String name) {
        jdbc.sql("insert into carrier_batch_supervisor (batch_id, position, person_id, name) values (:b, :p, :person, :n)")
                .param("b", batchId).param("p", position).param("person", personId).param("n", name).update();
    }

    List<Label> supervisors(long batchId) {
        return jdbc.sql("select person_id, name from carrier_batch_supervisor where batch_id = :b order by position")
                .param("b", batchId).query((rs, i) -> new Label(rs.getLong(1), rs.getString(2))).list();
    }

    // ------------------------------------------------------------ the list

    private static final String CARRIER = """
            select coalesce(i.position, 0) as position, c.id, c.unit_id, c.serial, c.level, c.status, c.title
            from carrier c""";

    List<CarrierLine> items(long batchId) {
        return jdbc.sql(CARRIER.replace("coalesce(i.position, 0)", "i.position")
                        + " join carrier_batch_item i on i.carrier_id = c.id where i.batch_id = :b order by i.position")
                .param("b", batchId).query(BatchRepository::line).list();
    }

    Optional<CarrierLine> carrierBySerial(long unitId, String serial) {
        return jdbc.sql(CARRIER.replace("coalesce(i.position, 0)", "0")
                        + " where c.unit_id = :u and upper(c.serial) = upper(:s)")
                .param("u", unitId).param("s", serial).query(BatchRepository::line).optional();
    }

    private static CarrierLine line(ResultSet rs, int i) throws SQLException {
        return new CarrierLine(rs.getInt("position"), rs.getLong("id"), rs.getLong("unit_id"), rs.getString("serial"),
                ClassificationLevel.valueOf(rs.getString("level")), CarrierStatus.valueOf(rs.getString("status")),
                rs.getString("title"));
    }

    /** The open batch (not executed, not this one) that already lists the carrier, if any. */
    Optional<String> otherOpenBatch(long carrierId, long batchId) {
        return jdbc.sql("""
                select b.number from carrier_batch_item i join carrier_batch b on b.id = i.batch_id
                where i.carrier_id = :c and b.id <> :b and b.status <> 'EXECUTED'""")
                .param("c", carrierId).param("b", batchId).query(String.class).optional();
    }

    boolean contains(long batchId, long carrierId) {
        return jdbc.sql("select count(*) from carrier_batch_item where batch_id = :b and carrier_id = :c")
                .param("b", batchId).param("c", carrierId).query(Long.class).single() > 0;
    }

    void addItem(long batchId, long carrierId) {
        jdbc.sql("""
                insert into carrier_batch_item (batch_id, carrier_id, position)
                select :b, :c, coalesce(max(position), 0) + 1 from carrier_batch_item where batch_id = :b""")
                .param("b", batchId).param("c", carrierId).update();
    }

    /** Removes the carrier and closes the gap in the numbering (序号 runs 1..n on the record). */
    boolean removeItem(long batchId, long carrierId) {
        Integer position = jdbc.sql("select position from carrier_batch_item where batch_id = :b and carrier_id = :c")
                .param("b", batchId).param("c", carrierId).query(Integer.class).optional().orElse(null);
        if (position == null) {
            return false;
        }
        jdbc.sql("delete from carrier_batch_item where batch_id = :b and carrier_id = :c")
                .param("b", batchId).param("c", carrierId).update();
        jdbc.sql("update carrier_batch_item set position = position - 1 where batch_id = :b and position > :p")
                .param("b", batchId).param("p", position).update();
        return true;
    }

    // ------------------------------------------------------------ people and approval

    Optional<PersonLine> person(long id) {
        return jdbc.sql("select id, unit_id, name, active from person where id = :id").param("id", id)
                .query((rs, i) -> new PersonLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    /** Active people of the unit, by name: candidates for supervisor and destroyer. */
    List<Label> people(long unitId) {
        return jdbc.sql("select id, name from person where unit_id = :u and active = true order by name, id")
                .param("u", unitId).query((rs, i) -> new Label(rs.getLong(1), rs.getString(2))).list();
    }

    Optional<Approval> approval(long requestId) {
        String status = jdbc.sql("select status from approval_request where id = :r").param("r", requestId)
                .query(String.class).optional().orElse(null);
        if (status == null) {
            return Optional.empty();
        }
        var decision = jdbc.sql("""
                select coalesce(p.name, a.display_name), d.decided_at, d.comment
                from approval_decision d join account a on a.id = d.approver_account_id
                left join person p on p.id = a.person_id
                where d.request_id = :r order by d.idx desc""").param("r", requestId)
                .query((rs, i) -> new Approval(requestId, status, rs.getString(1), Db.instant(rs, "decided_at"),
                        rs.getString(3))).list();
        return Optional.of(decision.isEmpty() ? new Approval(requestId, status, null, null, null) : decision.get(0));
    }
}
