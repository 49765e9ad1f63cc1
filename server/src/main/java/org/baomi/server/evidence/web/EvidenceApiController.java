package org.baomi.server.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.evidence.Evidence;
import org.baomi.server.evidence.EvidenceService;
import org.baomi.server.evidence.EvidenceService.QueryInfo;
import org.baomi.server.evidence.LedgerFigures;
import org.baomi.server.security.Requires;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence from the ledgers for self-inspection items, and the ledgers' figures for reports.
 * Read only; a unit outside the caller's scope is 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Evidence", description = "What the ledgers say about self-inspection items, and their figures")
class EvidenceApiController {

    private final EvidenceService evidence;

    EvidenceApiController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/evidence/queries")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The evidence queries a standard's item may name, by stable id, with descriptions")
    List<QueryInfo> queries() {
        return evidence.queries();
    }

    @GetMapping("/evidence/{queryId}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Run one evidence query over a unit for a period",
            description = "suggestion is COMPLIANT, NOT_COMPLIANT or NO_DATA; records name carriers by serial, devices "
                    + "and media by number, with a link to their page. Overdue is judged on asOf: the period's end or "
                    + "today, whichever is earlier. An unknown query id is 404 evidence.unknownQuery.")
    Evidence run(@PathVariable String queryId, @RequestParam long unitId,
            @Parameter(description = "also the units below it that you may read")
            @RequestParam(defaultValue = "false") boolean includeSubordinates,
            @Parameter(description = "first day; default 1 January of the end's year")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day; default today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return evidence.evidence(queryId, unitId, includeSubordinates, from, to);
    }

    @GetMapping("/units/{unitId}/figures")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The ledgers' figures of a unit for reports: people, carriers, devices, networks, media, "
            + "open maintenance, violations")
    LedgerFigures figures(@PathVariable long unitId,
            @RequestParam(defaultValue = "false") boolean includeSubordinates,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return evidence.figures(unitId, includeSubordinates, from, to);
    }
}
