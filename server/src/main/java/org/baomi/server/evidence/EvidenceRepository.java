package org.baomi.server.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL over the carrier, device and organisation tables, always limited to units the
 * service has checked. Never writes; returns records and counts.
 */
@Repository
class EvidenceRepository {

    /** A carrier as evidence shows it: serial and level, never its title. */
    record CarrierRow(long id, long unitId, String serial, String level, String status, LocalDate dueDate,
            String holderName, Instant heldSince, LocalDate termEnds, int termWarningDays) {
    }

    /** A destroyed carrier with its Destroyed event's payload (null when the history has none). */
    record DestroyedRow(long id, String serial, Instant at, String payload) {
    }

    /** A carrier an inventory found missing. */
    record MissingRow(long inventoryId, Instant finishedAt, long carrierId, String serial, String note) {
    }

    /** How many in-service devices sit on one network. */
    record NetworkCount(long networkId, String name, String kind, String level, long devices) {
    }

    private static final String CARRIER_SELECT = """
            select c.id, c.unit_id, c.serial, c.level, c.status, c.due_date, c.holder_name, c.held_since,
                   c.declassification_date, coalesce(s.term_warning_days, 90) as term_warning_days
            from carrier c left join carrier_setting s on s.unit_id = c.unit_id
            """;

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static CarrierRow carrier(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CarrierRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("serial"), rs.getString("level"),
                rs.getString("status"), rs.getObject("due_date", LocalDate.class), rs.getString("holder_name"),
                Db.instant(rs, "held_since"),
                rs.getObject("declassification_date", LocalDate.class), rs.getInt("term_warning_days"));
    }

    long carriers(List<Long> units) {
        return jdbc.sql("select count(*) from carrier where unit_id in (:units)").param("units", units)
                .query(Long.class).single();
    }

    /** Carriers in {@code status} whose due date is before {@code asOf}. */
    List<CarrierRow> overdue(List<Long> units, String status, LocalDate asOf) {
        return jdbc.sql(CARRIER_SELECT + """
                where c.unit_id in (:units) and c.status = :status and c.due_date < :asOf
                order by c.due_date, c.serial, c.id""")
                .param("units", units).param("status", status).param("asOf", asOf).query(EvidenceRepository::carrier).list();
    }

    /** Carriers circulating, on loan or carried out whose due date is before {@code asOf}. */
    List<CarrierRow> anyOverdue(List<Long> units, LocalDate asOf) {
        return jdbc.sql(CARRIER_SELECT + """
                where c.unit_id in (:units) and c.status in ('CIRCULATING', 'ON_LOAN', 'CARRIED_OUT') and c.due_date < :asOf
                order by c.due_date, c.serial, c.id""")
                .param("units", units).param("asOf", asOf).query(EvidenceRepository::carrier).list();
    }

    /** Carriers reported lost in the period (by their Lost event). */
    List<DestroyedRow> lost(List<Long> units, Instant from, Instant toExclusive) {
        return jdbc.sql("""
                select c.id, c.serial, e.at, e.payload
                from carrier c join carrier_event e on e.carrier_id = c.id and e.event_type = 'Lost'
                where c.unit_id in (:units) and e.at >= :from and e.at < :to
                order by e.at, c.serial, c.id""")
                .param("units", units).param("from", Db.ts(from)).param("to", Db.ts(toExclusive))
                .query((rs, i) -> new DestroyedRow(rs.getLong("id"), rs.getString("serial"), Db.instant(rs, "at"),
                        rs.getString("payload")))
                .list();
    }

    /** Carriers on loan now whose loan began before {@code before}. */
    List<CarrierRow> onLoanSince(List<Long> units, Instant before) {
        return jdbc.sql(CARRIER_SELECT + """
                where c.unit_id in (:units) and c.status = 'ON_LOAN' and c.held_since < :before
                order by c.held_since, c.serial, c.id""")
                .param("units", units).param("before", Db.ts(before)).query(EvidenceRepository::carrier).list();
    }

    /** Classified carriers still held whose term ends on or before {@code until} (filtered by each unit's window later). */
    List<CarrierRow> termsEndingBy(List<Long> units, LocalDate until) {
        return jdbc.sql(CARRIER_SELECT + """
                where c.unit_id in (:units) and c.declassified = false and c.declassification_date is not null
                  and c.declassification_date <= :until and c.status not in ('CLEARED', 'DESTROYED', 'LOST')
                order by c.declassification_date, c.serial, c.id""")
                .param("units", units).param("until", until).query(EvidenceRepository::carrier).list();
    }

    /**
     * Destroyed carriers with their destruction event; a carrier whose status says destroyed but
     * whose history has no such event comes with a null payload. Those destroyed outside the
     * period (by the event's time) are left out; those without an event are always listed.
     */
    List<DestroyedRow> destroyed(List<Long> units, Instant from, Instant toExclusive) {
        return jdbc.sql("""
                select c.id, c.serial, e.at, e.payload
                from carrier c left join carrier_event e on e.carrier_id = c.id and e.event_type = 'Destroyed'
                where c.unit_id in (:units) and (c.status = 'DESTROYED' or e.carrier_id is not null)
                  and (e.at is null or (e.at >= :from and e.at < :to))
                order by c.serial, c.id""")
                .param("units", units).param("from", Db.ts(from)).param("to", Db.ts(toExclusive))
                .query((rs, i) -> new DestroyedRow(rs.getLong("id"), rs.getString("serial"),
                        Db.instant(rs, "at"), rs.getString("payload")))
                .list();
    }

    /** The type and status of approval request {@code id}, or null. */
    String[] approval(long id) {
        return jdbc.sql("select type, status from approval_request where id = :id").param("id", id)
                .query((rs, i) -> new String[] {rs.getString("type"), rs.getString("status")}).optional().orElse(null);
    }

    /** Per unit, its last inventory finished before {@code toExclusive}. */
    List<Long> lastFinishedInventories(List<Long> units, Instant toExclusive) {
        return jdbc.sql("""
                select i.id from carrier_inventory i
                where i.unit_id in (:units) and i.status = 'FINISHED' and i.finished_at < :to
                  and not exists (select 1 from carrier_inventory j where j.unit_id = i.unit_id and j.status = 'FINISHED'
                                  and j.finished_at < :to and (j.finished_at > i.finished_at
                                      or (j.finished_at = i.finished_at and j.id > i.id)))
                order by i.id""")
                .param("units", units).param("to", Db.ts(toExclusive)).query(Long.class).list();
    }

    List<MissingRow> missing(List<Long> inventories) {
        if (inventories.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select i.id, i.finished_at, t.carrier_id, t.serial, t.note
                from carrier_inventory_item t join carrier_inventory i on i.id = t.inventory_id
                where t.inventory_id in (:ids) and t.result = 'MISSING'
                order by i.id, t.serial""")
                .param("ids", inventories)
                .query((rs, i) -> new MissingRow(rs.getLong("id"), Db.instant(rs, "finished_at"), rs.getLong("carrier_id"),
                        rs.getString("serial"), rs.getString("note"))).list();
    }

    // ------------------------------------------------------------------ figures

    /** {@code select <key>, count(*) ... group by <key>} as an ordered map. */
    private Map<String, Long> grouped(String sql, Map<String, Object> params) {
        Map<String, Long> out = new LinkedHashMap<>();
        var spec = jdbc.sql(sql);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query((rs, i) -> {
            out.put(rs.getString(1), rs.getLong(2));
            return null;
        }).list();
        return out;
    }

    Map<String, Long> peopleByLevel(List<Long> units) {
        return grouped("""
                select secret_related_level, count(*) from person where unit_id in (:units) and active = true
                group by secret_related_level""", Map.of("units", units));
    }

    Map<String, Long> carriersBy(String column, List<Long> units) {
        String col = switch (column) {
            case "level", "status", "type" -> column;
            default -> throw new IllegalArgumentException(column);
        };
        return grouped("select " + col + ", count(*) from carrier where unit_id in (:units) group by " + col,
                Map.of("units", units));
    }

    /** Carriers still in the units' hands (not cleared, destroyed or lost), by level. */
    Map<String, Long> carriersHeldByLevel(List<Long> units) {
        return grouped("""
                select level, count(*) from carrier where unit_id in (:units)
                and status not in ('CLEARED', 'DESTROYED', 'LOST') group by level""", Map.of("units", units));
    }

    /** Carriers whose register entry was made in the period; copies (made from a carrier of the ledger) counted apart. */
    long[] carriersRegistered(List<Long> units, Instant from, Instant toExclusive) {
        return jdbc.sql("""
                select count(*) as registered, coalesce(sum(case when copied_from is null then 0 else 1 end), 0) as copies
                from carrier where unit_id in (:units) and registered_at >= :from and registered_at < :to""")
                .param("units", units).param("from", Db.ts(from)).param("to", Db.ts(toExclusive))
                .query((rs, i) -> new long[] {rs.getLong("registered"), rs.getLong("copies")}).single();
    }

    long carriersDestroyed(List<Long> units, Instant from, Instant toExclusive) {
        return jdbc.sql("""
                select count(*) from carrier_event e join carrier c on c.id = e.carrier_id
                where c.unit_id in (:units) and e.event_type = 'Destroyed' and e.at >= :from and e.at < :to""")
                .param("units", units).param("from", Db.ts(from)).param("to", Db.ts(toExclusive))
                .query(Long.class).single();
    }

    /** In-service devices (not scrapped, destroyed or lost) by designation and type: "CLASSIFIED/DESKTOP" → n. */
    Map<String, Long> devicesByDesignationAndType(List<Long> units) {
        return grouped("""
                select designation || '/' || type, count(*) from device
                where unit_id in (:units) and status not in ('SCRAPPED', 'DESTROYED', 'LOST')
                group by designation || '/' || type""", Map.of("units", units));
    }

    List<NetworkCount> devicesByNetwork(List<Long> units) {
        return jdbc.sql("""
                select n.id, n.name, n.kind, n.level,
                       (select count(*) from device d where d.network_id = n.id
                           and d.status not in ('SCRAPPED', 'DESTROYED', 'LOST')) as devices
                from network n where n.unit_id in (:units) and n.active = true
                order by n.name, n.id""")
                .param("units", units)
                .query((rs, i) -> new NetworkCount(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("level"), rs.getLong("devices"))).list();
    }

    /** In-service media (in stock or issued) by "TYPE/LEVEL". */
    Map<String, Long> mediaByTypeAndLevel(List<Long> units) {
        return grouped("""
                select type || '/' || level, count(*) from medium
                where unit_id in (:units) and status in ('IN_STOCK', 'ISSUED')
                group by type || '/' || level""", Map.of("units", units));
    }

    long openMaintenance(List<Long> units) {
        return jdbc.sql("""
                select count(*) from device_maintenance m join device d on d.id = m.device_id
                where d.unit_id in (:units) and m.closed_at is null""")
                .param("units", units).query(Long.class).single();
    }

    /** Ids of the classified office equipment in service (printers, copiers, fax, scanners, multi-function devices). */
    java.util.Set<Long> classifiedEquipment(List<Long> units) {
        return new java.util.HashSet<>(jdbc.sql("""
                select id from device where unit_id in (:units) and designation = 'CLASSIFIED'
                and type in ('PRINTER', 'COPIER', 'FAX', 'SCANNER', 'MULTI_FUNCTION')
                and status not in ('SCRAPPED', 'DESTROYED', 'LOST')""")
                .param("units", units).query(Long.class).list());
    }

    long devicesAndMedia(List<Long> units) {
        return jdbc.sql("""
                select (select count(*) from device where unit_id in (:units))
                     + (select count(*) from medium where unit_id in (:units))""")
                .param("units", units).query(Long.class).single();
    }
}
