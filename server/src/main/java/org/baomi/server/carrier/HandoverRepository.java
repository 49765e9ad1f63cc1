package org.baomi.server.carrier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The hand-over tables (V60): one row per hand-over act and its list of carriers, for the printed list. */
@Repository
class HandoverRepository {

    /** A stored hand-over before the viewer's need-to-know is applied to its lines. */
    record Stored(long id, long unitId, Label from, Label to, String reason, String recordedBy, Instant recordedAt) {
    }

    /** A line with the level, so that the service can hide titles the viewer is not cleared for. */
    record Line(int position, long carrierId, String serial, CarrierType type, String markingText,
            ClassificationLevel level, String title, String documentNumber, int copy, int copyTotal,
            String storageName) {
    }

    private final JdbcClient jdbc;

    HandoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long unitId, Label from, Label to, String reason, Label recordedBy, Instant at, List<Long> carrierIds) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into carrier_handover (unit_id, from_person_id, from_name, to_person_id, to_name, reason,
                    recorded_by_person_id, recorded_by_name, recorded_at)
                values (:u, :f, :fn, :t, :tn, :r, :b, :bn, :at)""")
                .param("u", unitId).param("f", from.id()).param("fn", from.name()).param("t", to.id())
                .param("tn", to.name()).param("r", reason).param("b", recordedBy.id()).param("bn", recordedBy.name())
                .param("at", Db.ts(at)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < carrierIds.size(); i++) {
            jdbc.sql("insert into carrier_handover_item (handover_id, carrier_id, position) values (:h, :c, :p)")
                    .param("h", id).param("c", carrierIds.get(i)).param("p", i + 1).update();
        }
        return id;
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("""
                select id, unit_id, from_person_id, from_name, to_person_id, to_name, reason, recorded_by_name,
                       recorded_at
                from carrier_handover where id = :id""").param("id", id)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getLong(2), new Label(rs.getLong(3), rs.getString(4)),
                        new Label(rs.getLong(5), rs.getString(6)), rs.getString(7), rs.getString(8),
                        Db.instant(rs, "recorded_at")))
                .optional();
    }

    List<Line> lines(long id) {
        return jdbc.sql("""
                select i.position, c.id, c.serial, c.type, c.marking_text, c.level, c.title, c.document_number,
                       c.copy_number, c.copy_total, c.storage_name
                from carrier_handover_item i join carrier c on c.id = i.carrier_id
                where i.handover_id = :h order by i.position""").param("h", id)
                .query((rs, i) -> new Line(rs.getInt(1), rs.getLong(2), rs.getString(3),
                        CarrierType.valueOf(rs.getString(4)), rs.getString(5),
                        ClassificationLevel.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getInt(9),
                        rs.getInt(10), rs.getString(11)))
                .list();
    }

    List<HandoverViews.Summary> recent(List<Long> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select h.id, h.from_name, h.to_name, h.recorded_at,
                       (select count(*) from carrier_handover_item i where i.handover_id = h.id) as n
                from carrier_handover h where h.unit_id in (:u) order by h.id desc limit :limit""")
                .param("u", unitIds).param("limit", limit)
                .query((rs, i) -> new HandoverViews.Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Db.instant(rs, "recorded_at"), rs.getInt(5)))
                .list();
    }
}
