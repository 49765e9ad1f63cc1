package org.baomi.server.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.security.BaomiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident records (泄密事件 / 丢失). A ledger that records a loss opens one in the same
 * transaction, so a loss can never be on the ledger without an incident to follow it up; the
 * handling of incidents (investigation, remedial measures, reporting upwards) is a later feature.
 */
@Service
public class IncidentService {

    /** An open incident as lists show it. */
    public record Incident(long id, long unitId, IncidentKind kind, String subjectType, String subjectId,
            String subjectLabel, String summary, String status, String reportedBy, Instant reportedAt) {
    }

    static final String OPEN = "OPEN";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    IncidentService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens an incident for the signed-in user inside the caller's transaction and audits it as
     * {@code incident.open}. The caller has already checked that the user may report the loss.
     *
     * @param subjectLabel what a person recognises the subject by (a serial or asset number), never
     *                     a classified title
     * @return the incident's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long open(IncidentKind kind, long unitId, String subjectType, String subjectId, String subjectLabel,
            String summary) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("an incident is opened by a signed-in person");
        }
        Instant now = clock.instant();
        String label = truncate(subjectLabel, 200);
        String text = truncate(summary == null ? "" : summary.strip(), 1000);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into incident (unit_id, kind, subject_type, subject_id, subject_label, summary, status,
                                      reported_by, reported_at)
                values (:unit, :kind, :subjectType, :subjectId, :label, :summary, :status, :by, :at)
                """)
                .param("unit", unitId).param("kind", kind.name()).param("subjectType", subjectType)
                .param("subjectId", subjectId).param("label", label).param("summary", text).param("status", OPEN)
                .param("by", user.accountId()).param("at", java.sql.Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind.name());
        after.put("unitId", unitId);
        after.put("subject", subjectType + ":" + subjectId);
        after.put("label", label);
        after.put("summary", text);
        audit.record("incident.open", "incident", id, null, after);
        return id;
    }

    /** Open incidents of the given units, newest first. */
    @Transactional(readOnly = true)
    public List<Incident> openIn(Set<Long> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select i.id, i.unit_id, i.kind, i.subject_type, i.subject_id, i.subject_label, i.summary, i.status,
                       a.username, i.reported_at
                  from incident i join account a on a.id = i.reported_by
                 where i.unit_id in (:units) and i.status = :open
                 order by i.reported_at desc, i.id desc
                 limit :limit
                """).param("units", unitIds).param("open", OPEN).param("limit", limit)
                .query((rs, n) -> new Incident(rs.getLong(1), rs.getLong(2), IncidentKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** Incidents about one subject, oldest first (a carrier's or medium's page links them). */
    @Transactional(readOnly = true)
    public List<Incident> about(String subjectType, String subjectId) {
        return jdbc.sql("""
                select i.id, i.unit_id, i.kind, i.subject_type, i.subject_id, i.subject_label, i.summary, i.status,
                       a.username, i.reported_at
                  from incident i join account a on a.id = i.reported_by
                 where i.subject_type = :type and i.subject_id = :id
                 order by i.reported_at, i.id
                """).param("type", subjectType).param("id", subjectId)
                .query((rs, n) -> new Incident(rs.getLong(1), rs.getLong(2), IncidentKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
