package org.baomi.server.carrier.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.carrier.batch.InventoryViews.Expected;
import org.baomi.server.carrier.batch.InventoryViews.InventoryStatus;
import org.baomi.server.carrier.batch.InventoryViews.InventorySummary;
import org.baomi.server.carrier.batch.InventoryViews.Place;
import org.baomi.server.carrier.batch.InventoryViews.Result;
import org.baomi.server.carrier.batch.InventoryViews.Unexpected;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The inventory tables; carrier rows are only read (to take the snapshot). */
@Repository
class InventoryRepository {

    /** An item as stored, with the carrier's title for those who may read it. */
    record ItemRow(long carrierId, String serial, ClassificationLevel level, String title, Expected expected,
            CarrierStatus statusThen, String storageName, String holder, LocalDate due, Result result, String note,
            Instant checkedAt, String checkedBy) {
    }

    private final JdbcClient jdbc;

    InventoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long unitId, StoragePlace.Kind kind, String name, long personId, String personName, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into carrier_inventory (unit_id, storage_kind, storage_name, status, started_by_person_id,
                    started_by_name, started_at)
                values (:unit, :kind, :name, 'OPEN', :person, :personName, :now)""")
                .param("unit", unitId).param("kind", kind == null ? null : kind.name()).param("name", name)
                .param("person", personId).param("personName", personName).param("now", Db.ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Takes the snapshot: carriers in custody or archived (HERE) and those circulating, lent or
     * carried out (OUT) of the unit, or of the one place. Returns how many of each.
     */
    int[] snapshot(long inventoryId, long unitId, StoragePlace.Kind kind, String name) {
        String place = kind == null ? "" : " and c.storage_kind = :kind and c.storage_name = :name";
        int[] counts = new int[2];
        for (Expected e : Expected.values()) {
            String statuses = e == Expected.HERE ? "'IN_CUSTODY', 'ARCHIVED'" : "'CIRCULATING', 'ON_LOAN', 'CARRIED_OUT'";
            var sql = jdbc.sql("""
                    insert into carrier_inventory_item (inventory_id, carrier_id, serial, level, expected, status_then,
                        storage_name, holder_name, due_date)
                    select :inv, c.id, c.serial, c.level, :expected, c.status, c.storage_name, c.holder_name, c.due_date
                    from carrier c where c.unit_id = :unit and c.status in (""" + statuses + ")" + place)
                    .param("inv", inventoryId).param("expected", e.name()).param("unit", unitId);
            if (kind != null) {
                sql = sql.param("kind", kind.name()).param("name", name);
            }
            counts[e.ordinal()] = sql.update();
        }
        return counts;
    }

    private static final String SUMMARY = """
            select v.id, v.unit_id, u.name as unit_name, v.storage_kind, v.storage_name, v.status, v.started_by_name,
                   v.started_at, v.finished_at, v.version,
                   (select count(*) from carrier_inventory_item i where i.inventory_id = v.id and i.expected = 'HERE') as expected_count,
                   (select count(*) from carrier_inventory_item i where i.inventory_id = v.id and i.result = 'PRESENT') as present_count,
                   (select count(*) from carrier_inventory_item i where i.inventory_id = v.id and i.result = 'MISSING') as missing_count,
                   (select count(*) from carrier_inventory_unexpected x where x.inventory_id = v.id) as unexpected_count
            from carrier_inventory v join unit u on u.id = v.unit_id""";

    Optional<InventorySummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where v.id = :id").param("id", id).query(InventoryRepository::summary).optional();
    }

    int version(long id) {
        return jdbc.sql("select version from carrier_inventory where id = :id").param("id", id).query(Integer.class)
                .single();
    }

    List<InventorySummary> list(Collection<Long> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUMMARY + " where v.unit_id in (:units) order by v.id desc limit :limit")
                .param("units", unitIds).param("limit", limit).query(InventoryRepository::summary).list();
    }

    private static InventorySummary summary(ResultSet rs, int i) throws SQLException {
        String kind = rs.getString("storage_kind");
        return new InventorySummary(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                kind == null ? null : StoragePlace.Kind.valueOf(kind), rs.getString("storage_name"),
                InventoryStatus.valueOf(rs.getString("status")), rs.getString("started_by_name"),
                Db.instant(rs, "started_at"), Db.instant(rs, "finished_at"), rs.getInt("expected_count"),
                rs.getInt("present_count"), rs.getInt("missing_count"), rs.getInt("unexpected_count"));
    }

    /** Locks the inventory row before a change. */
    Optional<InventorySummary> lock(long id) {
        jdbc.sql("select id from carrier_inventory where id = :id for update").param("id", id).query(Long.class)
                .optional();
        return summary(id);
    }

    List<ItemRow> items(long id) {
        return jdbc.sql("""
                select i.carrier_id, i.serial, i.level, c.title, i.expected, i.status_then, i.storage_name,
                       i.holder_name, i.due_date, i.result, i.note, i.checked_at, i.checked_by
                from carrier_inventory_item i join carrier c on c.id = i.carrier_id
                where i.inventory_id = :id order by i.serial""").param("id", id)
                .query((rs, n) -> new ItemRow(rs.getLong(1), rs.getString(2), ClassificationLevel.valueOf(rs.getString(3)),
                        rs.getString(4), Expected.valueOf(rs.getString(5)), CarrierStatus.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                        rs.getString(10) == null ? null : Result.valueOf(rs.getString(10)), rs.getString(11),
                        Db.instant(rs, "checked_at"), rs.getString(13))).list();
    }

    Optional<ItemRow> item(long id, String serial) {
        return items(id).stream().filter(r -> r.serial().equalsIgnoreCase(serial)).findFirst();
    }

    void check(long id, long carrierId, Result result, String note, Instant at, String by) {
        jdbc.sql("""
                update carrier_inventory_item set result = :result, note = :note, checked_at = :at, checked_by = :by
                where inventory_id = :id and carrier_id = :c""")
                .param("result", result.name()).param("note", note).param("at", Db.ts(at)).param("by", by)
                .param("id", id).param("c", carrierId).update();
    }

    List<Unexpected> unexpected(long id) {
        return jdbc.sql("""
                select id, carrier_id, text, note, recorded_at, recorded_by from carrier_inventory_unexpected
                where inventory_id = :id order by id""").param("id", id)
                .query((rs, n) -> new Unexpected(rs.getLong(1), Db.nullableLong(rs, "carrier_id"), rs.getString(3),
                        rs.getString(4), Db.instant(rs, "recorded_at"), rs.getString(6))).list();
    }

    void addUnexpected(long id, Long carrierId, String text, String note, Instant at, String by) {
        jdbc.sql("""
                insert into carrier_inventory_unexpected (inventory_id, carrier_id, text, note, recorded_at, recorded_by)
                values (:id, :c, :text, :note, :at, :by)""")
                .param("id", id).param("c", carrierId).param("text", text).param("note", note).param("at", Db.ts(at))
                .param("by", by).update();
    }

    /** A carrier of the units given whose serial matches, to link a found-but-not-expected carrier. */
    Optional<Long> carrierBySerial(Collection<Long> unitIds, String serial) {
        if (unitIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select min(id) from carrier where unit_id in (:units) and upper(serial) = upper(:s)")
                .param("units", unitIds).param("s", serial).query(Long.class).optional();
    }

    /** Unchecked HERE items become MISSING when the inventory is finished. */
    void missUnchecked(long id, Instant at, String by) {
        jdbc.sql("""
                update carrier_inventory_item set result = 'MISSING', checked_at = :at, checked_by = :by
                where inventory_id = :id and expected = 'HERE' and result is null""")
                .param("at", Db.ts(at)).param("by", by).param("id", id).update();
    }

    boolean finish(long id, int version, Instant at, String by) {
        return jdbc.sql("""
                update carrier_inventory set status = 'FINISHED', finished_at = :at, finished_by_name = :by,
                    version = version + 1
                where id = :id and version = :version and status = 'OPEN'""")
                .param("at", Db.ts(at)).param("by", by).param("id", id).param("version", version).update() == 1;
    }

    void touch(long id) {
        jdbc.sql("update carrier_inventory set version = version + 1 where id = :id").param("id", id).update();
    }

    /** The storage places holding the units' carriers now, for the start form. */
    List<Place> places(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct c.unit_id, u.name, c.storage_kind, c.storage_name
                from carrier c join unit u on u.id = c.unit_id
                where c.unit_id in (:units) and c.status not in ('CLEARED', 'DESTROYED', 'LOST')
                order by u.name, c.storage_kind, c.storage_name""").param("units", unitIds)
                .query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), StoragePlace.Kind.valueOf(rs.getString(3)),
                        rs.getString(4))).list();
    }
}
