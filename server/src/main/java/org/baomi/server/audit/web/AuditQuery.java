package org.baomi.server.audit.web;

import org.baomi.core.ChinaTime;
import java.time.LocalDate;
import java.time.ZoneId;
import org.baomi.server.audit.AuditRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's filter as typed in the page or the API query: user name, action prefix, object
 * type and id, and a range of days ({@code to} inclusive, in the server's time zone).
 */
public class AuditQuery {

    private String actor;
    private String action;
    private String objectType;
    private String objectId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Long upTo;
    private int page = 1;
    private int size = 50;

    /** Whether the range runs backwards, which no entry can match. */
    public boolean rangeReversed() {
        return from != null && to != null && from.isAfter(to);
    }

    public AuditRepository.Filter toFilter() {
        ZoneId zone = ChinaTime.ZONE;
        return new AuditRepository.Filter(blankToNull(actor), blankToNull(action), blankToNull(objectType),
                blankToNull(objectId), from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), upTo);
    }

    /** The filter as a query string without the page, for pager and export links. */
    public String queryString() {
        var b = UriComponentsBuilder.newInstance();
        param(b, "actor", actor);
        param(b, "action", action);
        param(b, "objectType", objectType);
        param(b, "objectId", objectId);
        param(b, "from", from == null ? null : from.toString());
        param(b, "to", to == null ? null : to.toString());
        param(b, "upTo", upTo == null ? null : upTo.toString());
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    private static void param(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value.strip());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getObjectType() { return objectType; }
    public void setObjectType(String objectType) { this.objectType = objectType; }
    public String getObjectId() { return objectId; }
    public void setObjectId(String objectId) { this.objectId = objectId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    /** Only entries at or before this position (the page then opens at it). */
    public Long getUpTo() { return upTo; }
    public void setUpTo(Long upTo) { this.upTo = upTo; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public int getSize() { return size; }
    public void setSize(int size) { this.size = size; }
}
