package org.baomi.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.SecuritySettings;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.server.device.DeviceInputs.DeviceDetails;
import org.baomi.server.device.DeviceInputs.MediumDetails;
import org.baomi.server.device.DeviceViews.*;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The device, medium and network ledger in SQL. Reads return records; writes store projections and events. */
@Repository
class DeviceRepository {

    /** A stored event: its kind (the event record's simple name), JSON payload and approval. */
    record StoredEvent(int seq, String kind, Instant at, long byAccountId, String byName, Long approvalRequestId,
            String payload) {
    }

    /** A person as acts and compliance need him. */
    record PersonFacts(long id, String name, long unitId, SecretRelatedLevel level, boolean active) {
    }

    /** What the aggregate needs to be restored, plus the unit. */
    record DeviceHead(long id, long unitId, String assetNumber, Designation designation, ClassificationLevel level,
            DeviceStatus status, int version) {
    }

    record MediumHead(long id, long unitId, String number, ClassificationLevel level, MediumStatus status,
            int version) {
    }

    /** What a request for an act asked for. */
    record StoredRequest(long requestId, DeviceAct act, String subjectType, long subjectId, Long networkId,
            Long responsiblePersonId, Long departmentId, String location, OpenMaintenance.Site site,
            Long supervisorPersonId, String provider, String reason, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ units, people, departments

    Optional<String> unitName(long unitId) {
        return jdbc.sql("select name from unit where id = :id").param("id", unitId).query(String.class).optional();
    }

    String unitCode(long unitId) {
        return jdbc.sql("select code from unit where id = :id").param("id", unitId).query(String.class).single();
    }

    Optional<PersonFacts> person(long id) {
        return jdbc.sql("select id, name, unit_id, secret_related_level, active from person where id = :id")
                .param("id", id).query(DeviceRepository::personFacts).optional();
    }

    List<PersonFacts> persons(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, unit_id, secret_related_level, active from person where id in (:ids)")
                .param("ids", List.copyOf(ids)).query(DeviceRepository::personFacts).list();
    }

    private static PersonFacts personFacts(ResultSet rs, int i) throws SQLException {
        return new PersonFacts(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"),
                SecretRelatedLevel.valueOf(rs.getString("secret_related_level")), rs.getBoolean("active"));
    }

    Optional<Long> departmentUnit(long departmentId) {
        return jdbc.sql("select unit_id from department where id = :id and active = true").param("id", departmentId)
                .query(Long.class).optional();
    }

    // ------------------------------------------------------------------ networks

    private static final String NETWORK_SELECT = """
            select n.id, n.unit_id, u.name as unit_name, n.name, n.kind, n.level, n.approval_reference,
                   n.description, n.active,
                   (select count(*) from device d where d.network_id = n.id
                      and d.status not in ('SCRAPPED', 'DESTROYED', 'LOST')) as devices
              from network n join unit u on u.id = n.unit_id""";

    private static NetworkView network(ResultSet rs, int i) throws SQLException {
        return new NetworkView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
                NetworkKind.valueOf(rs.getString("kind")), ClassificationLevel.valueOf(rs.getString("level")),
                rs.getString("approval_reference"), rs.getString("description"), rs.getBoolean("active"),
                rs.getLong("devices"));
    }

    List<NetworkView> networks(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(NETWORK_SELECT + " where n.unit_id in (:units) order by u.name, n.unit_id, n.kind, n.name")
                .param("units", List.copyOf(unitIds)).query(DeviceRepository::network).list();
    }

    Optional<NetworkView> network(long id) {
        return jdbc.sql(NETWORK_SELECT + " where n.id = :id").param("id", id).query(DeviceRepository::network)
                .optional();
    }

    boolean networkNameTaken(long unitId, String name, Long exceptId) {
        return jdbc.sql("select count(*) from network where unit_id = :unit and lower(name) = lower(:name) and id <> :except")
                .param("unit", unitId).param("name", name).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    long insertNetwork(long unitId, String name, NetworkKind kind, ClassificationLevel level, String reference,
            String description, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into network (unit_id, name, kind, level, approval_reference, description, active, created_at,
                                     updated_at)
                values (:unit, :name, :kind, :level, :ref, :description, true, :now, :now)""")
                .param("unit", unitId).param("name", name).param("kind", kind.name()).param("level", level.name())
                .param("ref", reference).param("description", description).param("now", Db.ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateNetwork(long id, String name, NetworkKind kind, ClassificationLevel level, String reference,
            String description, Instant now) {
        jdbc.sql("""
                update network set name = :name, kind = :kind, level = :level, approval_reference = :ref,
                       description = :description, updated_at = :now where id = :id""")
                .param("id", id).param("name", name).param("kind", kind.name()).param("level", level.name())
                .param("ref", reference).param("description", description).param("now", Db.ts(now)).update();
    }

    void lockNetwork(long id) {
        jdbc.sql("select id from network where id = :id for update").param("id", id).query(Long.class).optional();
    }

    void setNetworkActive(long id, boolean active, Instant now) {
        jdbc.sql("update network set active = :active, updated_at = :now where id = :id")
                .param("id", id).param("active", active).param("now", Db.ts(now)).update();
    }

    // ------------------------------------------------------------------ devices: reads

    private static final String ROW_SELECT = """
            select d.id, d.unit_id, u.name as unit_name, d.asset_number, d.type, d.designation, d.level, d.brand_model,
                   d.network_id, n.name as network_name, d.responsible_person_id, p.name as responsible_name,
                   dep.name as department_name, d.location, d.status
              from device d join unit u on u.id = d.unit_id
              left join network n on n.id = d.network_id
              left join person p on p.id = d.responsible_person_id
              left join department dep on dep.id = d.department_id""";

    private static DeviceRow row(ResultSet rs, int i) throws SQLException {
        return new DeviceRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("asset_number"), DeviceType.valueOf(rs.getString("type")),
                Designation.valueOf(rs.getString("designation")), level(rs.getString("level")),
                rs.getString("brand_model"), Db.nullableLong(rs, "network_id"), rs.getString("network_name"),
                Db.nullableLong(rs, "responsible_person_id"), rs.getString("responsible_name"),
                rs.getString("department_name"), rs.getString("location"), DeviceStatus.valueOf(rs.getString("status")));
    }

    private static ClassificationLevel level(String stored) {
        return stored == null ? null : ClassificationLevel.valueOf(stored);
    }

    /**
     * A page of devices in {@code unitIds} matching the filters, in the search's order (by unit then
     * asset number when it names none). {@code violating} (ids of devices with a compliance
     * violation) is used only when the search filters on violations.
     */
    List<DeviceRow> searchDevices(Collection<Long> unitIds, DeviceInputs.DeviceSearch s, Collection<Long> violating,
            int offset, int limit) {
        StringBuilder sql = new StringBuilder(ROW_SELECT);
        var params = deviceFilter(unitIds, s, violating, sql);
        sql.append(" order by ").append(deviceOrder(s)).append(" limit :limit offset :offset");
        var spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.param("limit", limit).param("offset", offset).query(DeviceRepository::row).list();
    }

    long countDevices(Collection<Long> unitIds, DeviceInputs.DeviceSearch s, Collection<Long> violating) {
        StringBuilder sql = new StringBuilder("""
                select count(*) from device d join unit u on u.id = d.unit_id
                  left join network n on n.id = d.network_id left join person p on p.id = d.responsible_person_id""");
        var params = deviceFilter(unitIds, s, violating, sql);
        var spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(Long.class).single();
    }

    /** The order by clause: constants only, never text from the caller. */
    private static String deviceOrder(DeviceInputs.DeviceSearch s) {
        if (s.sort() == null) {
            return "u.name, d.unit_id, d.asset_number, d.id";
        }
        String dir = s.descending() ? " desc" : " asc";
        String key = switch (s.sort()) {
            case ASSET_NUMBER -> "d.asset_number" + dir;
            case TYPE -> ordinal("d.type", DeviceType.values()) + dir;
            case STATUS -> ordinal("d.status", DeviceStatus.values()) + dir;
            case RESPONSIBLE -> "p.name" + dir + " nulls last";
            case UPDATED -> "d.updated_at" + dir;
        };
        return key + ", d.asset_number" + dir + ", d.id" + dir;
    }

    /** Sorts a column of enum names in the enum's declared order (lifecycle order, gravity), not alphabetically. */
    private static String ordinal(String column, Enum<?>[] values) {
        StringBuilder b = new StringBuilder("case ").append(column);
        for (Enum<?> v : values) {
            b.append(" when '").append(v.name()).append("' then ").append(v.ordinal());
        }
        return b.append(" else ").append(values.length).append(" end").toString();
    }

    private static Map<String, Object> deviceFilter(Collection<Long> unitIds, DeviceInputs.DeviceSearch s,
            Collection<Long> violating, StringBuilder sql) {
        var params = new java.util.LinkedHashMap<String, Object>();
        sql.append(" where d.unit_id in (:units)");
        params.put("units", List.copyOf(unitIds));
        if (s.text() != null && !s.text().isBlank()) {
            sql.append("""
                     and (lower(d.asset_number) like :text escape '\\' or lower(d.brand_model) like :text escape '\\'
                          or lower(d.serial_number) like :text escape '\\' or lower(d.location) like :text escape '\\'
                          or lower(coalesce(p.name, '')) like :text escape '\\'
                          or lower(d.ip_addresses) like :text escape '\\' or lower(d.mac_addresses) like :text escape '\\')""");
            params.put("text", Db.likePattern(s.text().strip()));
        }
        if (s.status() != null) {
            sql.append(" and d.status = :status");
            params.put("status", s.status().name());
        }
        if (s.type() != null) {
            sql.append(" and d.type = :type");
            params.put("type", s.type().name());
        }
        if (s.designation() != null) {
            sql.append(" and d.designation = :designation");
            params.put("designation", s.designation().name());
        }
        if (s.networkId() != null) {
            sql.append(" and d.network_id = :network");
            params.put("network", s.networkId());
        }
        if (s.responsiblePersonId() != null) {
            sql.append(" and d.responsible_person_id = :responsible");
            params.put("responsible", s.responsiblePersonId());
        }
        if (s.departmentId() != null) {
            sql.append(" and d.department_id = :department");
            params.put("department", s.departmentId());
        }
        if (s.level() != null) {
            sql.append(" and d.designation = 'CLASSIFIED' and d.level = :level");
            params.put("level", s.level().name());
        }
        if (s.withViolations() != null) {
            if (violating.isEmpty()) {
                sql.append(s.withViolations() ? " and 1 = 0" : "");
            } else {
                sql.append(s.withViolations() ? " and d.id in (:violating)" : " and d.id not in (:violating)");
                params.put("violating", List.copyOf(violating));
            }
        }
        return params;
    }

    Optional<DeviceHead> deviceHead(long id, boolean forUpdate) {
        return jdbc.sql("select id, unit_id, asset_number, designation, level, status, version from device where id = :id"
                        + (forUpdate ? " for update" : ""))
                .param("id", id)
                .query((rs, i) -> new DeviceHead(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("asset_number"),
                        Designation.valueOf(rs.getString("designation")), level(rs.getString("level")),
                        DeviceStatus.valueOf(rs.getString("status")), rs.getInt("version")))
                .optional();
    }

    /** The full row of a device, as a detail view (without maintenance and media, which the caller adds). */
    Optional<DeviceDetail> deviceDetail(long id) {
        return jdbc.sql("""
                select d.*, u.name as unit_name, n.name as network_name, p.name as responsible_name,
                       p.unit_id as responsible_unit, p.secret_related_level as responsible_level,
                       dep.name as department_name
                  from device d join unit u on u.id = d.unit_id
                  left join network n on n.id = d.network_id
                  left join person p on p.id = d.responsible_person_id
                  left join department dep on dep.id = d.department_id
                 where d.id = :id""")
                .param("id", id)
                .query((rs, i) -> {
                    Long responsibleId = Db.nullableLong(rs, "responsible_person_id");
                    return new DeviceDetail(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                            details(rs), Db.nullableLong(rs, "network_id"), rs.getString("network_name"),
                            rs.getString("admission_reference"), Db.nullableLong(rs, "admission_request_id"),
                            responsibleId == null ? null : new PersonLabel(responsibleId, rs.getString("responsible_name"),
                                    rs.getLong("responsible_unit"), rs.getString("responsible_level")),
                            Db.nullableLong(rs, "department_id"), rs.getString("department_name"),
                            rs.getString("location"), DeviceStatus.valueOf(rs.getString("status")), null, List.of(),
                            rs.getInt("version"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
                })
                .optional();
    }

    static DeviceDetails details(ResultSet rs) throws SQLException {
        java.sql.Date installed = rs.getDate("os_installed_on");
        return new DeviceDetails(rs.getString("asset_number"), DeviceType.valueOf(rs.getString("type")),
                Designation.valueOf(rs.getString("designation")), level(rs.getString("level")),
                rs.getString("brand_model"), rs.getString("serial_number"), split(rs.getString("disk_serials")),
                split(rs.getString("mac_addresses")), split(rs.getString("ip_addresses")),
                rs.getString("operating_system"), installed == null ? null : installed.toLocalDate(),
                rs.getString("purpose"),
                new SecuritySettings(rs.getBoolean("boot_password"), rs.getBoolean("usb_storage_blocked"),
                        rs.getBoolean("wireless_removed"), rs.getBoolean("optical_drive_disabled"),
                        rs.getBoolean("terminal_control_suite"), rs.getBoolean("antivirus"),
                        rs.getBoolean("audit_enabled")),
                new HardwareFacts(rs.getBoolean("has_wireless_card"), rs.getBoolean("has_bluetooth"),
                        rs.getBoolean("has_modem")));
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String join(List<String> values) {
        return values == null ? "" : String.join(",", values);
    }

    boolean assetNumberTaken(long unitId, String assetNumber, Long exceptId) {
        return jdbc.sql("""
                select count(*) from device where unit_id = :unit and lower(asset_number) = lower(:asset)
                   and id <> :except""")
                .param("unit", unitId).param("asset", assetNumber).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    List<MediumLabel> mediaAllowedOn(long deviceId) {
        return jdbc.sql("""
                select m.id, m.number, m.type, m.level, m.status from medium_device md join medium m on m.id = md.medium_id
                 where md.device_id = :id order by m.number""")
                .param("id", deviceId)
                .query((rs, i) -> new MediumLabel(rs.getLong("id"), rs.getString("number"),
                        MediumType.valueOf(rs.getString("type")), ClassificationLevel.valueOf(rs.getString("level")),
                        MediumStatus.valueOf(rs.getString("status"))))
                .list();
    }

    // ------------------------------------------------------------------ devices: writes

    long insertDevice(long unitId, DeviceDetails d, String status, Long networkId, Long responsibleId,
            Long departmentId, String location, Instant now) {
        var keys = new GeneratedKeyHolder();
        bindDetails(jdbc.sql("""
                insert into device (unit_id, asset_number, type, designation, level, brand_model, serial_number,
                    disk_serials, mac_addresses, ip_addresses, operating_system, os_installed_on, network_id,
                    responsible_person_id, department_id, location, purpose, boot_password, usb_storage_blocked,
                    wireless_removed, optical_drive_disabled, terminal_control_suite, antivirus, audit_enabled,
                    has_wireless_card, has_bluetooth, has_modem, status, version, created_at, updated_at)
                values (:unit, :asset, :type, :designation, :level, :brand, :serial, :disks, :macs, :ips, :os,
                    :installed, :network, :responsible, :department, :location, :purpose, :boot, :usb, :wireless,
                    :optical, :suite, :antivirus, :auditOn, :wifi, :bluetooth, :modem, :status, 0, :now, :now)"""), d)
                .param("unit", unitId).param("network", networkId).param("responsible", responsibleId)
                .param("department", departmentId).param("location", location == null ? "" : location.strip())
                .param("status", status).param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Updates the details if the row is still at {@code version} (when given); false when it moved on. */
    boolean updateDetails(long id, DeviceDetails d, Integer version, Instant now) {
        return bindDetails(jdbc.sql("""
                update device set asset_number = :asset, type = :type, designation = :designation, level = :level,
                    brand_model = :brand, serial_number = :serial, disk_serials = :disks, mac_addresses = :macs,
                    ip_addresses = :ips, operating_system = :os, os_installed_on = :installed, purpose = :purpose,
                    boot_password = :boot, usb_storage_blocked = :usb, wireless_removed = :wireless,
                    optical_drive_disabled = :optical, terminal_control_suite = :suite, antivirus = :antivirus,
                    audit_enabled = :auditOn, has_wireless_card = :wifi, has_bluetooth = :bluetooth, has_modem = :modem,
                    version = version + 1, updated_at = :now
                 where id = :id and (:version < 0 or version = :version)"""), d)
                .param("id", id).param("version", version == null ? -1 : version).param("now", Db.ts(now))
                .update() == 1;
    }

    private static JdbcClient.StatementSpec bindDetails(JdbcClient.StatementSpec spec, DeviceDetails d) {
        SecuritySettings s = d.security();
        HardwareFacts h = d.hardware();
        return spec.param("asset", d.assetNumber()).param("type", d.type().name())
                .param("designation", d.designation().name())
                .param("level", d.level() == null ? null : d.level().name())
                .param("brand", d.brandModel()).param("serial", d.serialNumber()).param("disks", join(d.diskSerials()))
                .param("macs", join(d.macAddresses())).param("ips", join(d.ipAddresses()))
                .param("os", d.operatingSystem())
                .param("installed", d.osInstalledOn() == null ? null : java.sql.Date.valueOf(d.osInstalledOn()))
                .param("purpose", d.purpose()).param("boot", s.bootPassword()).param("usb", s.usbStorageBlocked())
                .param("wireless", s.wirelessRemoved()).param("optical", s.opticalDriveDisabled())
                .param("suite", s.terminalControlSuite()).param("antivirus", s.antivirus())
                .param("auditOn", s.auditEnabled()).param("wifi", h.wirelessCard()).param("bluetooth", h.bluetooth())
                .param("modem", h.modem());
    }

    /** Writes the lifecycle projection: status, placement (with the admission it is on its network by) and open maintenance. */
    void updatePlacement(long id, DeviceStatus status, Long networkId, String admissionReference,
            Long admissionRequestId, Long responsibleId, Long departmentId, String location, OpenMaintenance maintenance,
            Instant now) {
        jdbc.sql("""
                update device set status = :status, network_id = :network, admission_reference = :reference,
                    admission_request_id = :admissionRequest, responsible_person_id = :responsible,
                    department_id = :department, location = :location, maintenance_since = :since,
                    maintenance_site = :site, maintenance_storage_out = :storageOut, version = version + 1,
                    updated_at = :now
                 where id = :id""")
                .param("id", id).param("status", status.name()).param("network", networkId)
                .param("reference", admissionReference).param("admissionRequest", admissionRequestId)
                .param("responsible", responsibleId).param("department", departmentId)
                .param("location", location == null ? "" : location)
                .param("since", maintenance == null ? null : Db.ts(maintenance.since()))
                .param("site", maintenance == null ? null : maintenance.site().name())
                .param("storageOut", maintenance == null ? null : maintenance.storageRemoved())
                .param("now", Db.ts(now)).update();
    }

    void updateOperatingSystem(long id, String os, LocalDate installedOn) {
        jdbc.sql("update device set operating_system = :os, os_installed_on = :on where id = :id")
                .param("id", id).param("os", os).param("on", java.sql.Date.valueOf(installedOn)).update();
    }

    // ------------------------------------------------------------------ events

    void insertEvent(String table, String key, long ownerId, int seq, String kind, Instant at, long byAccountId,
            String byName, Long approvalRequestId, String payload) {
        jdbc.sql("insert into " + table + " (" + key + ", seq, kind, at, by_account_id, by_name, approval_request_id, payload)"
                        + " values (:owner, :seq, :kind, :at, :by, :name, :approval, :payload)")
                .param("owner", ownerId).param("seq", seq).param("kind", kind).param("at", Db.ts(at))
                .param("by", byAccountId).param("name", byName).param("approval", approvalRequestId)
                .param("payload", payload).update();
    }

    List<StoredEvent> events(String table, String key, long ownerId) {
        return jdbc.sql("select seq, kind, at, by_account_id, by_name, approval_request_id, payload from " + table
                        + " where " + key + " = :owner order by seq")
                .param("owner", ownerId)
                .query((rs, i) -> new StoredEvent(rs.getInt("seq"), rs.getString("kind"), Db.instant(rs, "at"),
                        rs.getLong("by_account_id"), rs.getString("by_name"), Db.nullableLong(rs, "approval_request_id"),
                        rs.getString("payload")))
                .list();
    }

    // ------------------------------------------------------------------ maintenance records

    void insertMaintenance(long deviceId, long requestId, OpenMaintenance.Site site, Long supervisorId,
            String provider, String fault, boolean storageRemoved, Long keeperId, String storageNote, Instant at,
            long byAccount) {
        jdbc.sql("""
                insert into device_maintenance (device_id, approval_request_id, site, supervisor_person_id, provider,
                    fault, storage_removed, storage_keeper_id, storage_note, opened_at, opened_by)
                values (:device, :request, :site, :supervisor, :provider, :fault, :removed, :keeper, :note, :at, :by)""")
                .param("device", deviceId).param("request", requestId).param("site", site.name())
                .param("supervisor", supervisorId).param("provider", provider).param("fault", fault)
                .param("removed", storageRemoved).param("keeper", keeperId).param("note", storageNote)
                .param("at", Db.ts(at)).param("by", byAccount).update();
    }

    void closeMaintenance(long deviceId, String workDone, Instant at, long byAccount) {
        jdbc.sql("""
                update device_maintenance set closed_at = :at, closed_by = :by, work_done = :work
                 where device_id = :device and closed_at is null""")
                .param("device", deviceId).param("at", Db.ts(at)).param("by", byAccount).param("work", workDone)
                .update();
    }

    List<MaintenanceView> maintenances(long deviceId) {
        return jdbc.sql("""
                select m.*, s.name as supervisor_name, s.unit_id as supervisor_unit,
                       s.secret_related_level as supervisor_level, k.name as keeper_name, k.unit_id as keeper_unit,
                       k.secret_related_level as keeper_level, oa.display_name as opened_name,
                       ca.display_name as closed_name
                  from device_maintenance m
                  left join person s on s.id = m.supervisor_person_id
                  left join person k on k.id = m.storage_keeper_id
                  join account oa on oa.id = m.opened_by
                  left join account ca on ca.id = m.closed_by
                 where m.device_id = :device order by m.opened_at desc, m.id desc""")
                .param("device", deviceId)
                .query((rs, i) -> {
                    Long supervisor = Db.nullableLong(rs, "supervisor_person_id");
                    Long keeper = Db.nullableLong(rs, "storage_keeper_id");
                    return new MaintenanceView(rs.getLong("id"), rs.getLong("device_id"),
                            rs.getLong("approval_request_id"), OpenMaintenance.Site.valueOf(rs.getString("site")),
                            supervisor == null ? null : new PersonLabel(supervisor, rs.getString("supervisor_name"),
                                    rs.getLong("supervisor_unit"), rs.getString("supervisor_level")),
                            rs.getString("provider"), rs.getString("fault"), rs.getBoolean("storage_removed"),
                            keeper == null ? null : new PersonLabel(keeper, rs.getString("keeper_name"),
                                    rs.getLong("keeper_unit"), rs.getString("keeper_level")),
                            rs.getString("storage_note"), Db.instant(rs, "opened_at"), rs.getString("opened_name"),
                            Db.instant(rs, "closed_at"), rs.getString("closed_name"), rs.getString("work_done"));
                })
                .list();
    }

    // ------------------------------------------------------------------ requests for acts

    void insertRequest(long requestId, DeviceAct act, long subjectId, Long networkId, Long responsibleId,
            Long departmentId, String location, OpenMaintenance.Site site, Long supervisorId, String provider,
            String reason) {
        jdbc.sql("""
                insert into device_request (approval_request_id, act, subject_type, subject_id, network_id,
                    responsible_person_id, department_id, location, site, supervisor_person_id, provider, reason)
                values (:request, :act, :subjectType, :subject, :network, :responsible, :department, :location, :site,
                    :supervisor, :provider, :reason)""")
                .param("request", requestId).param("act", act.name()).param("subjectType", act.subjectType())
                .param("subject", subjectId).param("network", networkId).param("responsible", responsibleId)
                .param("department", departmentId).param("location", location)
                .param("site", site == null ? null : site.name()).param("supervisor", supervisorId)
                .param("provider", provider).param("reason", reason == null ? "" : reason).update();
    }

    Optional<StoredRequest> request(long requestId) {
        return jdbc.sql("select * from device_request where approval_request_id = :id").param("id", requestId)
                .query(DeviceRepository::storedRequest).optional();
    }

    private static StoredRequest storedRequest(ResultSet rs, int i) throws SQLException {
        String site = rs.getString("site");
        return new StoredRequest(rs.getLong("approval_request_id"), DeviceAct.valueOf(rs.getString("act")),
                rs.getString("subject_type"), rs.getLong("subject_id"), Db.nullableLong(rs, "network_id"),
                Db.nullableLong(rs, "responsible_person_id"), Db.nullableLong(rs, "department_id"),
                rs.getString("location"), site == null ? null : OpenMaintenance.Site.valueOf(site),
                Db.nullableLong(rs, "supervisor_person_id"), rs.getString("provider"), rs.getString("reason"),
                Db.instant(rs, "used_at"));
    }

    /** Marks the request used; false when another act used it first. */
    boolean useRequest(long requestId, Instant now) {
        return jdbc.sql("update device_request set used_at = :now where approval_request_id = :id and used_at is null")
                .param("id", requestId).param("now", Db.ts(now)).update() == 1;
    }

    List<ActRequestView> requests(String subjectType, long subjectId) {
        return jdbc.sql("""
                select r.*, a.status, a.requested_at, n.name as network_name, p.name as responsible_name,
                       s.name as supervisor_name
                  from device_request r join approval_request a on a.id = r.approval_request_id
                  left join network n on n.id = r.network_id
                  left join person p on p.id = r.responsible_person_id
                  left join person s on s.id = r.supervisor_person_id
                 where r.subject_type = :type and r.subject_id = :id
                 order by a.requested_at desc, r.approval_request_id desc""")
                .param("type", subjectType).param("id", subjectId)
                .query((rs, i) -> {
                    StoredRequest r = storedRequest(rs, i);
                    ApprovalStatus status = ApprovalStatus.valueOf(rs.getString("status"));
                    return new ActRequestView(r.requestId(), r.act(), r.subjectType(), r.subjectId(), status,
                            r.reason(), r.networkId(), rs.getString("network_name"), r.responsiblePersonId(),
                            rs.getString("responsible_name"), r.departmentId(), r.location(), r.site(),
                            r.supervisorPersonId(), rs.getString("supervisor_name"), r.provider(),
                            Db.instant(rs, "requested_at"), r.usedAt(),
                            status == ApprovalStatus.APPROVED && r.usedAt() == null);
                })
                .list();
    }

    // ------------------------------------------------------------------ media

    private static final String MEDIUM_ROW_SELECT = """
            select m.id, m.unit_id, u.name as unit_name, m.number, m.type, m.level, m.brand_model, m.capacity,
                   m.usb_serial, m.holder_person_id, p.name as holder_name, m.status
              from medium m join unit u on u.id = m.unit_id left join person p on p.id = m.holder_person_id""";

    private static MediumRow mediumRow(ResultSet rs, int i) throws SQLException {
        return new MediumRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("number"),
                MediumType.valueOf(rs.getString("type")), ClassificationLevel.valueOf(rs.getString("level")),
                rs.getString("brand_model"), rs.getString("capacity"), rs.getString("usb_serial"),
                Db.nullableLong(rs, "holder_person_id"), rs.getString("holder_name"),
                MediumStatus.valueOf(rs.getString("status")));
    }

    List<MediumRow> searchMedia(Collection<Long> unitIds, DeviceInputs.MediumSearch s, int offset, int limit) {
        StringBuilder sql = new StringBuilder(MEDIUM_ROW_SELECT);
        var params = mediumFilter(unitIds, s, sql);
        sql.append(" order by ").append(mediumOrder(s)).append(" limit :limit offset :offset");
        var spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.param("limit", limit).param("offset", offset).query(DeviceRepository::mediumRow).list();
    }

    long countMedia(Collection<Long> unitIds, DeviceInputs.MediumSearch s) {
        StringBuilder sql = new StringBuilder(
                "select count(*) from medium m join unit u on u.id = m.unit_id left join person p on p.id = m.holder_person_id");
        var params = mediumFilter(unitIds, s, sql);
        var spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(Long.class).single();
    }

    private static String mediumOrder(DeviceInputs.MediumSearch s) {
        if (s.sort() == null) {
            return "u.name, m.unit_id, m.number, m.id";
        }
        String dir = s.descending() ? " desc" : " asc";
        String key = switch (s.sort()) {
            case NUMBER -> "m.number" + dir;
            case TYPE -> ordinal("m.type", MediumType.values()) + dir;
            case LEVEL -> ordinal("m.level", ClassificationLevel.values()) + dir;
            case STATUS -> ordinal("m.status", MediumStatus.values()) + dir;
            case HOLDER -> "p.name" + dir + " nulls last";
            case UPDATED -> "m.updated_at" + dir;
        };
        return key + ", m.number" + dir + ", m.id" + dir;
    }

    private static Map<String, Object> mediumFilter(Collection<Long> unitIds, DeviceInputs.MediumSearch s,
            StringBuilder sql) {
        var params = new java.util.LinkedHashMap<String, Object>();
        sql.append(" where m.unit_id in (:units)");
        params.put("units", List.copyOf(unitIds));
        if (s.text() != null && !s.text().isBlank()) {
            sql.append("""
                     and (lower(m.number) like :text escape '\\' or lower(m.brand_model) like :text escape '\\'
                          or lower(m.serial_number) like :text escape '\\' or lower(coalesce(m.usb_serial, '')) like :text escape '\\'
                          or lower(coalesce(p.name, '')) like :text escape '\\')""");
            params.put("text", Db.likePattern(s.text().strip()));
        }
        if (s.status() != null) {
            sql.append(" and m.status = :status");
            params.put("status", s.status().name());
        }
        if (s.type() != null) {
            sql.append(" and m.type = :type");
            params.put("type", s.type().name());
        }
        if (s.holderPersonId() != null) {
            sql.append(" and m.holder_person_id = :holder");
            params.put("holder", s.holderPersonId());
        }
        if (s.level() != null) {
            sql.append(" and m.level = :level");
            params.put("level", s.level().name());
        }
        return params;
    }

    Optional<MediumHead> mediumHead(long id, boolean forUpdate) {
        return jdbc.sql("select id, unit_id, number, level, status, version from medium where id = :id"
                        + (forUpdate ? " for update" : ""))
                .param("id", id)
                .query((rs, i) -> new MediumHead(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("number"),
                        ClassificationLevel.valueOf(rs.getString("level")), MediumStatus.valueOf(rs.getString("status")),
                        rs.getInt("version")))
                .optional();
    }

    Optional<MediumDetail> mediumDetail(long id) {
        return jdbc.sql("""
                select m.*, u.name as unit_name, p.name as holder_name, p.unit_id as holder_unit,
                       p.secret_related_level as holder_level
                  from medium m join unit u on u.id = m.unit_id left join person p on p.id = m.holder_person_id
                 where m.id = :id""")
                .param("id", id)
                .query((rs, i) -> {
                    Long holder = Db.nullableLong(rs, "holder_person_id");
                    return new MediumDetail(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                            rs.getString("number"),
                            new MediumDetails(MediumType.valueOf(rs.getString("type")),
                                    ClassificationLevel.valueOf(rs.getString("level")), rs.getString("brand_model"),
                                    rs.getString("capacity"), rs.getString("serial_number"), rs.getString("usb_serial"),
                                    rs.getString("purpose"), List.of()),
                            holder == null ? null : new PersonLabel(holder, rs.getString("holder_name"),
                                    rs.getLong("holder_unit"), rs.getString("holder_level")),
                            MediumStatus.valueOf(rs.getString("status")), List.of(), rs.getInt("version"),
                            Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
                })
                .optional();
    }

    List<DeviceLabel> devicesAllowedFor(long mediumId) {
        return jdbc.sql("""
                select d.id, d.asset_number, d.type, d.designation, d.level, d.status
                  from medium_device md join device d on d.id = md.device_id
                 where md.medium_id = :id order by d.asset_number""")
                .param("id", mediumId)
                .query((rs, i) -> new DeviceLabel(rs.getLong("id"), rs.getString("asset_number"),
                        DeviceType.valueOf(rs.getString("type")), Designation.valueOf(rs.getString("designation")),
                        level(rs.getString("level")), DeviceStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** The ids among {@code deviceIds} that are devices of {@code unitId}. */
    List<Long> devicesOfUnit(long unitId, Collection<Long> deviceIds) {
        if (deviceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from device where unit_id = :unit and id in (:ids)").param("unit", unitId)
                .param("ids", List.copyOf(deviceIds)).query(Long.class).list();
    }

    long insertMedium(long unitId, String number, MediumDetails d, String usbSerial, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into medium (unit_id, number, type, level, brand_model, capacity, serial_number, usb_serial,
                    holder_person_id, purpose, status, version, created_at, updated_at)
                values (:unit, :number, :type, :level, :brand, :capacity, :serial, :usb, null, :purpose, 'IN_STOCK', 0,
                    :now, :now)""")
                .param("unit", unitId).param("number", number).param("type", d.type().name())
                .param("level", d.level().name()).param("brand", d.brandModel()).param("capacity", d.capacity())
                .param("serial", d.serialNumber()).param("usb", usbSerial).param("purpose", d.purpose())
                .param("now", Db.ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean updateMedium(long id, MediumDetails d, String usbSerial, Integer version, Instant now) {
        return jdbc.sql("""
                update medium set type = :type, level = :level, brand_model = :brand, capacity = :capacity,
                    serial_number = :serial, usb_serial = :usb, purpose = :purpose, version = version + 1,
                    updated_at = :now
                 where id = :id and (:version < 0 or version = :version)""")
                .param("id", id).param("type", d.type().name()).param("level", d.level().name())
                .param("brand", d.brandModel()).param("capacity", d.capacity()).param("serial", d.serialNumber())
                .param("usb", usbSerial).param("purpose", d.purpose())
                .param("version", version == null ? -1 : version).param("now", Db.ts(now)).update() == 1;
    }

    void replaceAllowedDevices(long mediumId, Collection<Long> deviceIds) {
        jdbc.sql("delete from medium_device where medium_id = :id").param("id", mediumId).update();
        for (Long deviceId : new java.util.LinkedHashSet<>(deviceIds)) {
            jdbc.sql("insert into medium_device (medium_id, device_id) values (:m, :d)").param("m", mediumId)
                    .param("d", deviceId).update();
        }
    }

    void updateMediumState(long id, MediumStatus status, Long holderId, Instant now) {
        jdbc.sql("""
                update medium set status = :status, holder_person_id = :holder, version = version + 1, updated_at = :now
                 where id = :id""")
                .param("id", id).param("status", status.name()).param("holder", holderId).param("now", Db.ts(now))
                .update();
    }

    // ------------------------------------------------------------------ numbering

    Optional<String> numberingPattern(long unitId) {
        return jdbc.sql("select pattern from medium_numbering where unit_id = :unit").param("unit", unitId)
                .query(String.class).optional();
    }

    void saveNumberingPattern(long unitId, String pattern) {
        if (jdbc.sql("update medium_numbering set pattern = :p where unit_id = :unit").param("unit", unitId)
                .param("p", pattern).update() == 0) {
            jdbc.sql("insert into medium_numbering (unit_id, pattern) values (:unit, :p)").param("unit", unitId)
                    .param("p", pattern).update();
        }
    }

    boolean sequenceExists(long unitId, String key) {
        return jdbc.sql("select count(*) from medium_number_sequence where unit_id = :unit and seq_key = :key")
                .param("unit", unitId).param("key", key).query(Long.class).single() > 0;
    }

    /** The value the sequence would give next, when it exists. */
    Optional<Long> peekNext(long unitId, String key) {
        return jdbc.sql("select next_value from medium_number_sequence where unit_id = :unit and seq_key = :key")
                .param("unit", unitId).param("key", key).query(Long.class).optional();
    }

    void insertSequence(long unitId, String key) {
        jdbc.sql("insert into medium_number_sequence (unit_id, seq_key, next_value) values (:unit, :key, 1)")
                .param("unit", unitId).param("key", key).update();
    }

    /**
     * Takes the next value of a sequence. The update locks the row until the caller's transaction
     * ends, so concurrent registrations queue here and a rolled-back one gives its number back.
     */
    long takeNext(long unitId, String key) {
        int updated = jdbc.sql("update medium_number_sequence set next_value = next_value + 1 where unit_id = :unit and seq_key = :key")
                .param("unit", unitId).param("key", key).update();
        if (updated != 1) {
            throw new IllegalStateException("no medium number sequence " + key + " for unit " + unitId);
        }
        return jdbc.sql("select next_value - 1 from medium_number_sequence where unit_id = :unit and seq_key = :key")
                .param("unit", unitId).param("key", key).query(Long.class).single();
    }

    // ------------------------------------------------------------------ settings

    Optional<Integer> maintenanceLimitDays(long unitId) {
        return jdbc.sql("select maintenance_limit_days from device_setting where unit_id = :unit").param("unit", unitId)
                .query(Integer.class).optional();
    }

    void saveMaintenanceLimitDays(long unitId, int days, Instant now) {
        if (jdbc.sql("update device_setting set maintenance_limit_days = :days, updated_at = :now where unit_id = :unit")
                .param("unit", unitId).param("days", days).param("now", Db.ts(now)).update() == 0) {
            jdbc.sql("insert into device_setting (unit_id, maintenance_limit_days, updated_at) values (:unit, :days, :now)")
                    .param("unit", unitId).param("days", days).param("now", Db.ts(now)).update();
        }
    }

    // ------------------------------------------------------------------ compliance and export

    /** Every device of a unit as the compliance facts need it: the full row. */
    <T> List<T> devicesOfUnitRows(long unitId, org.springframework.jdbc.core.RowMapper<T> mapper) {
        return jdbc.sql("select * from device where unit_id = :unit order by asset_number, id").param("unit", unitId)
                .query(mapper).list();
    }

    <T> List<T> mediaOfUnitRows(long unitId, org.springframework.jdbc.core.RowMapper<T> mapper) {
        return jdbc.sql("select * from medium where unit_id = :unit order by number, id").param("unit", unitId)
                .query(mapper).list();
    }

    /** The pairings (medium id, device id) where either side is in the unit. */
    List<long[]> pairingsOfUnit(long unitId) {
        return jdbc.sql("""
                select md.medium_id, md.device_id from medium_device md
                  join medium m on m.id = md.medium_id join device d on d.id = md.device_id
                 where m.unit_id = :unit or d.unit_id = :unit""")
                .param("unit", unitId).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    <T> List<T> networksOfUnitRows(long unitId, org.springframework.jdbc.core.RowMapper<T> mapper) {
        return jdbc.sql("select * from network where unit_id = :unit order by id").param("unit", unitId).query(mapper)
                .list();
    }

    /** Units of {@code unitIds} that have any device or medium. */
    List<Long> unitsWithLedger(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id from unit where id in (:units)
                   and (exists (select 1 from device d where d.unit_id = unit.id)
                        or exists (select 1 from medium m where m.unit_id = unit.id))
                 order by id""")
                .param("units", List.copyOf(unitIds)).query(Long.class).list();
    }

    List<DeviceLedgerRow> deviceLedger(long unitId) {
        return jdbc.sql("""
                select d.*, n.name as network_name, p.name as responsible_name, dep.name as department_name
                  from device d left join network n on n.id = d.network_id
                  left join person p on p.id = d.responsible_person_id
                  left join department dep on dep.id = d.department_id
                 where d.unit_id = :unit order by d.asset_number, d.id""")
                .param("unit", unitId)
                .query((rs, i) -> new DeviceLedgerRow(rs.getString("asset_number"),
                        DeviceType.valueOf(rs.getString("type")), rs.getString("brand_model"),
                        rs.getString("serial_number"), rs.getString("disk_serials"), rs.getString("mac_addresses"),
                        rs.getString("ip_addresses"), rs.getString("operating_system"),
                        Designation.valueOf(rs.getString("designation")), level(rs.getString("level")),
                        rs.getString("network_name"), rs.getString("responsible_name"),
                        rs.getString("department_name"), rs.getString("location"),
                        DeviceStatus.valueOf(rs.getString("status"))))
                .list();
    }

    List<MediumLedgerRow> mediumLedger(long unitId) {
        List<MediumLedgerRow> rows = new ArrayList<>();
        jdbc.sql("""
                select m.*, p.name as holder_name from medium m left join person p on p.id = m.holder_person_id
                 where m.unit_id = :unit order by m.number, m.id""")
                .param("unit", unitId)
                .query((rs, i) -> new Object[] {rs.getLong("id"), new MediumLedgerRow(rs.getString("number"),
                        MediumType.valueOf(rs.getString("type")), ClassificationLevel.valueOf(rs.getString("level")),
                        rs.getString("brand_model"), rs.getString("capacity"), rs.getString("serial_number"),
                        rs.getString("usb_serial"), rs.getString("holder_name"), "", rs.getString("purpose"),
                        MediumStatus.valueOf(rs.getString("status")))})
                .list()
                .forEach(pair -> {
                    MediumLedgerRow r = (MediumLedgerRow) pair[1];
                    String devices = String.join(",", devicesAllowedFor((Long) pair[0]).stream()
                            .map(DeviceLabel::assetNumber).toList());
                    rows.add(new MediumLedgerRow(r.number(), r.type(), r.level(), r.brandModel(), r.capacity(),
                            r.serialNumber(), r.usbSerial(), r.holderName(), devices, r.purpose(), r.status()));
                });
        return rows;
    }
}
