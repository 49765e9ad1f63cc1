package org.baomi.server.device;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads the device and medium sheets need: names to ids, keys taken, columns the ledger rows leave out. */
@Repository
class DeviceSheetRepository {

    /** A person (P), department (D) or device (asset number, A) of the unit, by name. */
    record Named(long id, String name, String kind) {
    }

    private final JdbcClient jdbc;

    DeviceSheetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Named> names(long unitId) {
        return jdbc.sql("""
                select id, name, 'P' as kind from person where unit_id = :unit and active = true
                union all
                select id, name, 'D' as kind from department where unit_id = :unit and active = true
                union all
                select id, asset_number, 'A' as kind from device where unit_id = :unit""")
                .param("unit", unitId).query((rs, i) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    Set<String> assetNumbersTaken(long unitId, Collection<String> assets) {
        if (assets.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byLower = new HashMap<>();
        assets.forEach(a -> byLower.put(a.toLowerCase(java.util.Locale.ROOT), a));
        Set<String> out = new HashSet<>();
        jdbc.sql("select lower(asset_number) from device where unit_id = :unit and lower(asset_number) in (:assets)")
                .param("unit", unitId).param("assets", byLower.keySet()).query(String.class).list()
                .forEach(a -> out.add(byLower.get(a)));
        return out;
    }

    Set<String> usbSerialsTaken(long unitId, Collection<String> serials) {
        if (serials.isEmpty()) {
            return Set.of();
        }
        // the ledger keeps USB serials normalised (UsbSerial): compare in that form, answer as given
        Map<String, String> byNormal = new HashMap<>();
        serials.forEach(s -> byNormal.put(org.baomi.core.device.UsbSerial.normalise(s), s));
        Set<String> out = new HashSet<>();
        jdbc.sql("select usb_serial from medium where unit_id = :unit and usb_serial in (:s)")
                .param("unit", unitId).param("s", byNormal.keySet()).query(String.class).list()
                .forEach(s -> out.add(byNormal.get(s)));
        return out;
    }

    /** What the ledger rows leave out, by asset number: purpose and the admission the device is on its network by. */
    record Extras(String purpose, String admissionReference, Long admissionRequestId) {
    }

    Map<String, Extras> extras(long unitId) {
        Map<String, Extras> out = new HashMap<>();
        jdbc.sql("select asset_number, purpose, admission_reference, admission_request_id from device where unit_id = :unit")
                .param("unit", unitId)
                .query(rs -> {
                    out.put(rs.getString(1), new Extras(rs.getString(2), rs.getString(3), Db.nullableLong(rs, "admission_request_id")));
                });
        return out;
    }

    String unitName(long unitId) {
        return jdbc.sql("select name from unit where id = :id").param("id", unitId).query(String.class).optional()
                .orElse("");
    }
}
