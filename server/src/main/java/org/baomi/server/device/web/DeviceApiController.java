package org.baomi.server.device.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.DeviceType;
import org.baomi.core.security.Permission;
import org.baomi.server.device.Designation;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.device.DeviceInputs.*;
import org.baomi.server.device.DeviceService;
import org.baomi.server.device.DeviceViews.*;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device ledger and each device's lifecycle. Acts return the device with its compliance as it
 * now stands; refusals are problem+json with the rule's code (409) or the fields at fault (400).
 */
@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "Devices", description = "Device ledger: registration, approvals, lifecycle acts, history, compliance")
class DeviceApiController {

    /** A registration; unitId defaults to your own unit. */
    record DeviceCreate(Long unitId, DeviceDetails details, DevicePlacement placement) {
    }

    /** An edit of the details; version (optional) is the one you read. */
    record DeviceEdit(DeviceDetails details, Integer version) {
    }

    /** An act performed on an approved request. */
    record OnRequest(Long requestId) {
    }

    /** Free text for an act: the reason, what was done, a note. */
    record Text(String text) {
    }

    private final DeviceService devices;
    private final DeviceComplianceService compliance;

    DeviceApiController(DeviceService devices, DeviceComplianceService compliance) {
        this.devices = devices;
        this.compliance = compliance;
    }

    static long unitOf(BaomiUser user, Long unitId) {
        if (unitId != null) {
            return unitId;
        }
        if (user.unitId() == null) {
            throw ValidationException.of("unitId", "device.required", "Required.");
        }
        return user.unitId();
    }

    // ------------------------------------------------------------------ reads

    @GetMapping
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Search the devices you may read",
            description = "text matches asset number, brand/model, serial, location, responsible person, IP and MAC; "
                    + "level matches classified devices of that level; withViolations=true lists only devices with "
                    + "a compliance violation (false: only those without); sort ASSET_NUMBER|TYPE|STATUS|RESPONSIBLE|"
                    + "UPDATED (default: unit, then asset number), descending=true reverses it.")
    PageOf<DeviceRow> search(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String text,
            @RequestParam(required = false) DeviceStatus status, @RequestParam(required = false) DeviceType type,
            @RequestParam(required = false) Designation designation, @RequestParam(required = false) Long networkId,
            @RequestParam(required = false) Long responsiblePersonId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) ClassificationLevel level,
            @RequestParam(required = false) Boolean withViolations, @RequestParam(required = false) DeviceSort sort,
            @RequestParam(defaultValue = "false") boolean descending,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return devices.search(new DeviceSearch(unitId, text, status, type, designation, networkId, responsiblePersonId,
                departmentId, level, withViolations, sort, descending, page, size));
    }

    @GetMapping("/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One device (a view of a classified device is audited)")
    DeviceDetail get(@PathVariable long id) {
        return devices.get(id);
    }

    @GetMapping("/{id:\\d+}/history")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The device's history, oldest first")
    List<HistoryEntry> history(@PathVariable long id) {
        return devices.history(id);
    }

    @GetMapping("/{id:\\d+}/maintenance")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The device's maintenance records, newest first")
    List<MaintenanceView> maintenance(@PathVariable long id) {
        return devices.maintenances(id);
    }

    @GetMapping("/{id:\\d+}/requests")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Approval requests for acts on the device; usable = approved and not yet used")
    List<ActRequestView> requests(@PathVariable long id) {
        return devices.requests(id);
    }

    @GetMapping("/{id:\\d+}/compliance")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The device's compliance now: the violations that concern it, gravest first")
    DeviceCompliance compliance(@PathVariable long id) {
        return compliance.forDevice(id);
    }

    // ------------------------------------------------------------------ registration and edit

    @PostMapping
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Register a device",
            description = "placement.networkId with placement.admissionReference registers a device already "
                    + "admitted before the ledger; otherwise it is registered off any network and admitted later.")
    ResponseEntity<DeviceChange> register(@AuthenticationPrincipal BaomiUser user, @RequestBody DeviceCreate body) {
        DeviceChange created = devices.register(unitOf(user, body.unitId()),
                new DeviceRegistration(body.details(), body.placement()));
        return ResponseEntity.created(URI.create("/api/v1/devices/" + created.device().id())).body(created);
    }

    @PutMapping("/{id:\\d+}")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Change a device's details (not its network, person or location: those need approval)")
    DeviceChange edit(@PathVariable long id, @RequestBody DeviceEdit body) {
        return devices.edit(id, body.details(), body.version());
    }

    // ------------------------------------------------------------------ approval requests

    @PostMapping("/{id:\\d+}/requests/admission")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Ask for admission to a network (approval: leader in charge)")
    ActRequestView requestAdmission(@PathVariable long id, @RequestBody AdmissionRequest body) {
        return devices.requestAdmission(id, body);
    }

    @PostMapping("/{id:\\d+}/requests/change")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Ask for a change of responsible person, department, location or network (leader in charge)")
    ActRequestView requestChange(@PathVariable long id, @RequestBody ChangeRequest body) {
        return devices.requestChange(id, body);
    }

    @PostMapping("/{id:\\d+}/requests/maintenance")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Ask for maintenance on site (with a supervisor) or off site (leader in charge)")
    ActRequestView requestMaintenance(@PathVariable long id, @RequestBody MaintenanceRequest body) {
        return devices.requestMaintenance(id, body);
    }

    @PostMapping("/{id:\\d+}/requests/scrapping")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Ask for scrapping (leader in charge, then unit head)")
    ActRequestView requestScrapping(@PathVariable long id, @RequestBody ReasonRequest body) {
        return devices.requestScrapping(id, body);
    }

    // ------------------------------------------------------------------ acts

    @PostMapping("/{id:\\d+}/admission")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Admit the device to the network of an approved admission request",
            description = "409 device.approvalRequired, device.request.notApproved|wrongType|otherSubject|used|unknown, "
                    + "device.network.*, device.wrongStatus, device.scrapped, device.closed.")
    DeviceChange admit(@PathVariable long id, @RequestBody OnRequest body) {
        return devices.admit(id, body.requestId());
    }

    @PostMapping("/{id:\\d+}/change")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Apply an approved change of responsible person, department, location or network")
    DeviceChange change(@PathVariable long id, @RequestBody OnRequest body) {
        return devices.applyChange(id, body.requestId());
    }

    @PostMapping("/{id:\\d+}/maintenance")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Hand the device over for an approved maintenance",
            description = "Off site, a classified device goes only with storageRemoved=true and a cleared "
                    + "storageKeeperId (409 device.maintenance.storageInside otherwise).")
    DeviceChange startMaintenance(@PathVariable long id, @RequestBody MaintenanceHandover body) {
        return devices.startMaintenance(id, body);
    }

    @PostMapping("/{id:\\d+}/maintenance/close")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Record the device back from maintenance with what was done (text)")
    DeviceChange closeMaintenance(@PathVariable long id, @RequestBody Text body) {
        return devices.closeMaintenance(id, body.text());
    }

    @PostMapping("/{id:\\d+}/reinstall")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Record a reinstall of the operating system")
    DeviceChange reinstall(@PathVariable long id, @RequestBody ReinstallInput body) {
        return devices.reinstall(id, body);
    }

    @PostMapping("/{id:\\d+}/removal")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Remove the device from its network (text: the reason)")
    DeviceChange remove(@PathVariable long id, @RequestBody Text body) {
        return devices.removeFromNetwork(id, body.text());
    }

    @PostMapping("/{id:\\d+}/scrapping")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Scrap the device on an approved request, recording where its storage went for destruction",
            description = "409 device.scrap.onNetwork while it is on a network; device.approvalRequired without requestId.")
    DeviceChange scrap(@PathVariable long id, @RequestBody ScrappingInput body) {
        return devices.scrap(id, body);
    }

    @PostMapping("/{id:\\d+}/destruction")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Record the destruction of a scrapped device (place, certificate, supervisors)")
    DeviceChange destroy(@PathVariable long id, @RequestBody DestructionInput body) {
        return devices.destroy(id, body);
    }

    @PostMapping("/{id:\\d+}/loss")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Report the device lost (text: how); opens an incident")
    DeviceChange loss(@PathVariable long id, @RequestBody Text body) {
        return devices.reportLost(id, body.text());
    }
}
