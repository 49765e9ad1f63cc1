package org.baomi.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.baomi.core.audit.AuditEntry;
import org.baomi.core.audit.ChainHead;
import org.baomi.server.platform.Db;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log tables: append, lock the head, stream in chain order, filter. */
@Repository
public class AuditRepository {

    static final String COLUMNS = """
            seq, at, actor, actor_role, unit_id, action, object_type, object_id, before_state, after_state,
            client_address, prev_hash, hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Db.instant(rs, "at"), rs.getString("actor"),
                rs.getString("actor_role"), Db.nullableLong(rs, "unit_id"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("client_address"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** Creates the head row for an empty chain; a no-op when another node got there first. */
    void initialiseHead(ChainHead genesis) {
        if (jdbc.sql("select count(*) from audit_chain_head").query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into audit_chain_head (id, seq, hash, mac) values (1, :seq, :hash, :mac)")
                    .param("seq", genesis.seq()).param("hash", genesis.hash()).param("mac", genesis.mac()).update();
        } catch (DuplicateKeyException alreadyThere) {
            // another node initialised it
        }
    }

    /** Reads the head and locks it until the transaction ends: appends are serialised here. */
    Optional<ChainHead> lockHead() {
        return jdbc.sql("select seq, hash, mac from audit_chain_head where id = 1 for update")
                .query((rs, i) -> new ChainHead(rs.getLong("seq"), rs.getString("hash"), rs.getString("mac")))
                .optional();
    }

    Optional<ChainHead> head() {
        return jdbc.sql("select seq, hash, mac from audit_chain_head where id = 1")
                .query((rs, i) -> new ChainHead(rs.getLong("seq"), rs.getString("hash"), rs.getString("mac")))
                .optional();
    }

    void insert(AuditEntry e) {
        jdbc.sql("insert into audit_entry (" + COLUMNS + """
                ) values (:seq, :at, :actor, :role, :unit, :action, :otype, :oid, :before, :after, :addr, :prev, :hash)""")
                .param("seq", e.seq()).param("at", Db.ts(e.at())).param("actor", e.actor())
                .param("role", e.actorRole()).param("unit", e.unitId()).param("action", e.action())
                .param("otype", e.objectType()).param("oid", e.objectId()).param("before", e.before())
                .param("after", e.after()).param("addr", e.clientAddress()).param("prev", e.prevHash())
                .param("hash", e.hash()).update();
    }

    void updateHead(ChainHead head) {
        jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash, mac = :mac where id = 1")
                .param("seq", head.seq()).param("hash", head.hash()).param("mac", head.mac()).update();
    }

    /** Every entry in chain order, read lazily with a bounded fetch size; close the stream. */
    Stream<AuditEntry> streamInOrder() {
        return streaming.queryForStream("select " + COLUMNS + " from audit_entry order by seq", AuditRepository::map);
    }

    /**
     * A filter for the auditor's page and export; null fields do not filter. {@code upTo} keeps
     * entries up to that position, so a page can open at the entry a verification named.
     */
    public record Filter(String actor, String action, String objectType, String objectId, Instant from, Instant to,
            Long upTo) {
        public Filter(String actor, String action, String objectType, String objectId, Instant from, Instant to) {
            this(actor, action, objectType, objectId, from, to, null);
        }
    }

    /** An entry with the name of the actor's unit, for the auditor's page. */
    public record Row(AuditEntry entry, String unitName) {
    }

    /** One page of the filtered entries, newest first. */
    public List<Row> find(Filter f, int offset, int limit) {
        return jdbc.sql("select " + qualified() + ", u.name as unit_name from audit_entry e left join unit u on u.id = e.unit_id"
                        + where(f) + " order by e.seq desc offset :off rows fetch next :lim rows only")
                .params(params(f)).param("off", offset).param("lim", limit)
                .query((rs, i) -> new Row(map(rs, i), rs.getString("unit_name"))).list();
    }

    public long count(Filter f) {
        return jdbc.sql("select count(*) from audit_entry e" + where(f)).params(params(f)).query(Long.class).single();
    }

    /**
     * Streams the filtered entries in chain order with a bounded fetch size, so an export of any
     * size never sits in memory. Run inside a transaction (PostgreSQL only streams a cursor
     * there) and close the stream.
     */
    public Stream<Row> stream(Filter f) {
        var named = new NamedParameterJdbcTemplate(streaming);
        return named.queryForStream("select " + qualified() + ", u.name as unit_name from audit_entry e"
                        + " left join unit u on u.id = e.unit_id" + where(f) + " order by e.seq",
                params(f), (rs, i) -> new Row(map(rs, i), rs.getString("unit_name")));
    }

    private static String qualified() {
        return java.util.Arrays.stream(COLUMNS.split(",")).map(c -> "e." + c.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (f.actor() != null) {
            w.append(" and lower(e.actor) = lower(:actor)");
        }
        if (f.action() != null) {
            w.append(" and e.action like :action");
        }
        if (f.objectType() != null) {
            w.append(" and e.object_type = :otype");
        }
        if (f.objectId() != null) {
            w.append(" and e.object_id = :oid");
        }
        if (f.from() != null) {
            w.append(" and e.at >= :from");
        }
        if (f.to() != null) {
            w.append(" and e.at < :to");
        }
        if (f.upTo() != null) {
            w.append(" and e.seq <= :upto");
        }
        return w.toString();
    }

    private static java.util.Map<String, Object> params(Filter f) {
        var p = new java.util.HashMap<String, Object>();
        if (f.actor() != null) {
            p.put("actor", f.actor());
        }
        if (f.action() != null) {
            p.put("action", f.action().replace("*", "%") + (f.action().contains("*") ? "" : "%"));
        }
        if (f.objectType() != null) {
            p.put("otype", f.objectType());
        }
        if (f.objectId() != null) {
            p.put("oid", f.objectId());
        }
        if (f.from() != null) {
            p.put("from", Db.ts(f.from()));
        }
        if (f.to() != null) {
            p.put("to", Db.ts(f.to()));
        }
        if (f.upTo() != null) {
            p.put("upto", f.upTo());
        }
        return p;
    }
}
