package org.baomi.server.carrier.batch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.batch.InventoryService;
import org.baomi.server.carrier.batch.InventoryViews.CheckResult;
import org.baomi.server.carrier.batch.InventoryViews.InventoryDetail;
import org.baomi.server.carrier.batch.InventoryViews.InventoryInput;
import org.baomi.server.carrier.batch.InventoryViews.InventorySummary;
import org.baomi.server.carrier.batch.InventoryViews.Place;
import org.baomi.server.security.Requires;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Inventories (清查) for machine clients, e.g. a handheld scanner. */
@RestController
@RequestMapping("/api/v1/carrier-inventories")
@Tag(name = "Carrier inventories",
        description = "清查: snapshot the expected list, check carriers by serial, record missing and unexpected, finish")
class InventoryApiController {

    record Check(String serial) {
    }

    record Found(String text, String note) {
    }

    record Missing(String note) {
    }

    private final InventoryService inventories;

    InventoryApiController(InventoryService inventories) {
        this.inventories = inventories;
    }

    @GetMapping
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Inventories of the units you may read, newest first")
    List<InventorySummary> list() {
        return inventories.list();
    }

    @GetMapping("/places")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Storage places of the ledgers you keep, to inventory one of them")
    List<Place> places() {
        return inventories.places();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Start an inventory of a unit (or of one storage place: storageKind and storageName)",
            description = "Expected: carriers in custody or archived there; circulating, lent and carried-out ones are "
                    + "listed as out, with holder and due date.")
    Map<String, Object> start(@RequestBody InventoryInput body) {
        return Map.of("id", inventories.start(body));
    }

    @GetMapping("/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One inventory: expected (present, missing, unchecked), out, unexpected")
    InventoryDetail get(@PathVariable long id) {
        return inventories.get(id);
    }

    @PostMapping("/{id:\\d+}/checks")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Check a carrier by serial",
            description = "outcome TICKED or ALREADY_TICKED for an expected carrier; UNEXPECTED (recorded as found but "
                    + "not expected) or ALREADY_RECORDED otherwise. 409 carrierInventory.finished once finished.")
    CheckResult check(@PathVariable long id, @RequestBody Check body) {
        return inventories.check(id, body.serial());
    }

    @PostMapping("/{id:\\d+}/unexpected")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Record something found but not expected: a serial or a description, with a note")
    CheckResult unexpected(@PathVariable long id, @RequestBody Found body) {
        return inventories.recordUnexpected(id, body.text(), body.note());
    }

    @PostMapping("/{id:\\d+}/items/{carrierId}/missing")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Mark an expected carrier missing, with a note (required)")
    InventoryDetail missing(@PathVariable long id, @PathVariable long carrierId, @RequestBody Missing body) {
        inventories.markMissing(id, carrierId, body.note());
        return inventories.get(id);
    }

    @PostMapping("/{id:\\d+}/finish")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Finish: unchecked carriers become missing; the inventory is locked")
    InventoryDetail finish(@PathVariable long id) {
        inventories.finish(id);
        return inventories.get(id);
    }
}
