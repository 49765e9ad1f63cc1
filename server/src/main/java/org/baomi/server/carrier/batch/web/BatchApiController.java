package org.baomi.server.carrier.batch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.batch.BatchViews.BatchDetail;
import org.baomi.server.carrier.batch.BatchViews.BatchInput;
import org.baomi.server.carrier.batch.BatchViews.BatchStatus;
import org.baomi.server.carrier.batch.BatchViews.BatchSummary;
import org.baomi.server.carrier.batch.BatchViews.Execution;
import org.baomi.server.carrier.batch.DestructionBatchService;
import org.baomi.server.org.PageOf;
import org.baomi.server.security.Requires;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Destruction batches for machine clients. Refusals come as problem+json naming the rule or field. */
@RestController
@RequestMapping("/api/v1/carrier-batches")
@Tag(name = "Carrier destruction batches",
        description = "销毁: draw up a list, submit it for the leader in charge's approval, execute it with supervisors")
class BatchApiController {

    /** A carrier to add, by serial number. */
    record AddCarrier(String serial) {
    }

    private final DestructionBatchService batches;

    BatchApiController(DestructionBatchService batches) {
        this.batches = batches;
    }

    @GetMapping
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Batches of the units you may read, newest first",
            description = "Optional unitId and status (DRAFT, SUBMITTED, APPROVED, REJECTED, EXECUTED); pages of 50.")
    PageOf<BatchSummary> list(@RequestParam(required = false) Long unitId,
            @RequestParam(required = false) BatchStatus status, @RequestParam(defaultValue = "1") int page) {
        return batches.list(unitId, status, page);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Draw up a batch in a unit whose ledger you keep; returns its id and number",
            description = "method: DESTRUCTION_CENTRE (送销) or IN_HOUSE_EQUIPMENT (自行销毁, equipment required); "
                    + "plannedDate and place required. The number XH-<year>-<nnn> runs per unit and year without gaps.")
    Map<String, Object> create(@RequestBody BatchInput body) {
        long id = batches.create(body);
        return Map.of("id", id, "number", batches.get(id).number());
    }

    @GetMapping("/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One batch with its list, approval and execution",
            description = "Titles only for keepers of the unit's ledger cleared for the carrier's level; null otherwise. "
                    + "404 outside your units.")
    BatchDetail get(@PathVariable long id) {
        return batches.get(id);
    }

    @PutMapping("/{id:\\d+}")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Change method, equipment, planned date and place of a draft or rejected batch")
    BatchDetail update(@PathVariable long id, @RequestBody BatchInput body) {
        batches.update(id, body);
        return batches.get(id);
    }

    @PostMapping("/{id:\\d+}/carriers")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Add a carrier of the batch's unit by serial number",
            description = "400 naming the field 'serial' when unknown, not in custody or archived, not cleared, "
                    + "already listed here or in another open batch; 409 carrierBatch.frozen once submitted.")
    BatchDetail add(@PathVariable long id, @RequestBody AddCarrier body) {
        batches.addCarrier(id, body.serial());
        return batches.get(id);
    }

    @DeleteMapping("/{id:\\d+}/carriers/{carrierId}")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Take a carrier off the list of a draft or rejected batch")
    BatchDetail remove(@PathVariable long id, @PathVariable long carrierId) {
        batches.removeCarrier(id, carrierId);
        return batches.get(id);
    }

    @PostMapping("/{id:\\d+}/submit")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Submit for the leader in charge's approval (type carrier.destroy); freezes the list",
            description = "409 carrierBatch.empty for an empty list, carrierBatch.noApprover when nobody else is leader in charge.")
    BatchDetail submit(@PathVariable long id) {
        batches.submit(id);
        return batches.get(id);
    }

    @GetMapping("/{id:\\d+}/people")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Active people of the batch's unit, to name as supervisors and destroyer")
    List<Label> people(@PathVariable long id) {
        return batches.people(id);
    }

    @PostMapping("/{id:\\d+}/execute")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Record the destruction of an approved batch: every carrier is destroyed, or none",
            description = "executedOn, supervisorIds (at least two different people, not the requester), destroyedById. "
                    + "409 carrierBatch.notApproved before approval; carrierBatch.listChanged or carrierBatch.carrierRefused "
                    + "when a carrier can no longer be destroyed (nothing changes).")
    BatchDetail execute(@PathVariable long id, @RequestBody Execution body) {
        batches.execute(id, body);
        return batches.get(id);
    }
}
