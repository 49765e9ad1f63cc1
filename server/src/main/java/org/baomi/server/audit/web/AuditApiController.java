package org.baomi.server.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.audit.AuditEntry;
import org.baomi.core.security.Permission;
import org.baomi.server.audit.AuditRepository;
import org.baomi.server.audit.AuditService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.Requires;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for machine clients: search, CSV export, chain verification. Security auditor only. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log", description = "Read, export and verify the tamper-evident audit log (security auditor)")
class AuditApiController {

    /** One audit entry as JSON; {@code unit} is the unit's name when it still exists. */
    record EntryDto(long seq, Instant at, String actor, String actorRole, Long unitId, String unit, String action,
            String objectType, String objectId, String before, String after, String clientAddress, String prevHash,
            String hash) {
        static EntryDto of(AuditRepository.Row row) {
            AuditEntry e = row.entry();
            return new EntryDto(e.seq(), e.at(), e.actor(), e.actorRole(), e.unitId(), row.unitName(), e.action(),
                    e.objectType(), e.objectId(), e.before(), e.after(), e.clientAddress(), e.prevHash(), e.hash());
        }
    }

    /** A page of entries, newest first. */
    record PageDto(List<EntryDto> entries, int page, int size, long total) {
    }

    private final AuditService audit;

    AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    @Requires(Permission.AUDIT_READ)
    @Operation(summary = "Search the audit log",
            description = "Filters: actor (user name), action (prefix, e.g. 'login'), objectType, objectId, from/to "
                    + "(ISO dates, inclusive, server time zone); page from 1, size up to 200. Newest first. "
                    + "The search itself is audited as audit.view.")
    PageDto search(@ModelAttribute AuditQuery query) {
        requireRange(query);
        AuditRepository.Filter filter = query.toFilter();
        audit.recordView(filter);
        AuditService.Page page = audit.search(filter, query.getPage(), query.getSize());
        return new PageDto(page.rows().stream().map(EntryDto::of).toList(), page.page(), page.size(), page.total());
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Requires(Permission.AUDIT_READ)
    @Operation(summary = "Export the filtered audit log as CSV",
            description = "UTF-8 with a byte-order mark, every column including the hashes, in chain order; streamed. "
                    + "Audited as audit.export.")
    void export(@ModelAttribute AuditQuery query, HttpServletResponse response) throws IOException {
        requireRange(query);
        AuditController.writeCsv(audit, query, response);
    }

    @PostMapping("/verify")
    @Requires(Permission.AUDIT_VERIFY)
    @Operation(summary = "Verify the audit chain",
            description = "{whole: true, entries: N}, or {whole: false, seq: N, breach: CHANGED|REMOVED|INSERTED, "
                    + "message} naming the first entry changed, removed or inserted. Audited as audit.verify.")
    Map<String, Object> verify() {
        AuditController.VerifyView v = AuditController.view(audit.verifyAndRecord());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("whole", v.whole());
        if (v.whole()) {
            body.put("entries", v.entries());
        } else {
            body.put("seq", v.seq());
            body.put("breach", v.breach());
            body.put("message", v.message());
        }
        return body;
    }

    private static void requireRange(AuditQuery query) {
        if (query.rangeReversed()) {
            throw ValidationException.of("to", "audit.filter.rangeReversed", "The end date lies before the start date.");
        }
    }
}
