package org.baomi.server.carrier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierView;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.HandoverService;
import org.baomi.server.carrier.HandoverViews.Candidate;
import org.baomi.server.carrier.HandoverViews.HandoverList;
import org.baomi.server.carrier.HandoverViews.Preview;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.Requires;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custodian hand-over (移交) and knowledge-scope change (知悉范围变更) for machine clients (ADR 0017).
 * Refusals are problem+json like the rest of the carrier API: 400 naming the field (for a bulk
 * hand-over, field {@code carriers} once per carrier that cannot go), 403, 404, 409.
 */
@RestController
@RequestMapping("/api/v1/carriers")
@Tag(name = "Carriers", description = "Classified-carrier ledger: registration, lifecycle, approvals, search, reminders")
class HandoverApiController {

    record HandOverRequest(Long toPersonId, String reason) {
    }

    record ScopeRequest(List<Long> scopePersonIds, List<Long> scopeDepartmentIds, String reason) {
    }

    record BulkRequest(Long unitId, Long fromPersonId, Long toPersonId, String reason) {
    }

    /** One carrier of a bulk preview; {@code problemCode}/{@code problem} say why it cannot go. */
    record PreviewItem(long carrierId, String serial, ClassificationLevel level, String markingText, String title,
            CarrierStatus status, boolean canGo, String problemCode, String problem) {
    }

    record PreviewBody(long unitId, Label from, Label to, boolean allCanGo, List<PreviewItem> items) {
    }

    private final CarrierService carriers;
    private final HandoverService handovers;

    HandoverApiController(CarrierService carriers, HandoverService handovers) {
        this.carriers = carriers;
        this.handovers = handovers;
    }

    @PostMapping("/{id:\\d+}/handover")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Hand the carrier over to another custodian (移交)",
            description = "The ledger keeper records it. toPersonId: active, of the carrier's unit, cleared for its level, "
                    + "not the custodian now; reason required. Only in custody or archived. Returns the carrier and "
                    + "the id of its hand-over list (GET /api/v1/carriers/handovers/{id}).")
    Map<String, Object> handOver(@PathVariable long id, @RequestBody HandOverRequest body) {
        long list = handovers.handOver(id, required("toPersonId", body.toPersonId()), body.reason());
        return Map.of("handoverId", list, "carrier", carriers.get(id));
    }

    @PostMapping("/{id:\\d+}/scope")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Change the knowledge scope (知悉范围变更)",
            description = "Replaces the scope with these people and departments. A state secret keeps a non-empty scope; "
                    + "the custodian (if in the scope now), readers still to sign and the borrower stay in it. "
                    + "Need-to-know follows the new scope at once.")
    CarrierView changeScope(@PathVariable long id, @RequestBody ScopeRequest body) {
        carriers.changeScope(id, body.scopePersonIds(), body.scopeDepartmentIds(), body.reason());
        return carriers.get(id);
    }

    @GetMapping("/handover")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Preview handing over every carrier a person keeps",
            description = "Lists each open carrier of the unit in fromPersonId's custody and whether it can go to "
                    + "toPersonId; nothing changes.")
    PreviewBody preview(@RequestParam long unitId, @RequestParam long fromPersonId, @RequestParam long toPersonId) {
        Preview p = handovers.preview(unitId, fromPersonId, toPersonId);
        return new PreviewBody(p.unitId(), p.from(), p.to(), p.allCanGo(), p.items().stream().map(
                HandoverApiController::item).toList());
    }

    @PostMapping("/handover")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Hand over every carrier a person keeps (all or nothing)",
            description = "When someone leaves his post: every open carrier of the unit in fromPersonId's custody goes "
                    + "to toPersonId in one transaction. If any cannot go (not cleared, out on loan, ...) nothing "
                    + "changes and the 400 lists each as a problem of field carriers. Returns the hand-over list's id.")
    Map<String, Object> handOverAll(@RequestBody BulkRequest body) {
        long list = handovers.handOverAll(required("unitId", body.unitId()), required("fromPersonId",
                body.fromPersonId()), required("toPersonId", body.toPersonId()), body.reason());
        return Map.of("handoverId", list);
    }

    @GetMapping("/handovers/{id:\\d+}")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "A recorded hand-over list (移交清单)",
            description = "Both people, the reason, who recorded it and the carriers; titles only for levels you are "
                    + "cleared for. Recorded in the audit log as a view.")
    HandoverList list(@PathVariable long id) {
        return handovers.list(id);
    }

    private static PreviewItem item(Candidate c) {
        return new PreviewItem(c.carrierId(), c.serial(), c.level(), c.markingText(), c.title(), c.status(), c.canGo(),
                c.problem() == null ? null : c.problem().getCodes()[0],
                c.problem() == null ? null : c.problem().getDefaultMessage());
    }

    private static long required(String field, Long value) {
        if (value == null) {
            throw ValidationException.of(field, "carrier.required", "Required.");
        }
        return value;
    }
}
