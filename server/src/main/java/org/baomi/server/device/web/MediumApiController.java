package org.baomi.server.device.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.MediumType;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.device.DeviceInputs.*;
import org.baomi.server.device.DeviceViews.*;
import org.baomi.server.device.MediumService;
import org.baomi.server.org.PageOf;
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

/** The removable-media ledger: numbering, issue, return, loss, destruction. */
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Media", description = "Removable storage media: registration and numbering, issue, return, loss, destruction")
class MediumApiController {

    record MediumEdit(MediumDetails details, Integer version) {
    }

    record Issue(Long holderPersonId) {
    }

    record Text(String text) {
    }

    record Numbering(String pattern) {
    }

    private final MediumService media;
    private final DeviceComplianceService compliance;

    MediumApiController(MediumService media, DeviceComplianceService compliance) {
        this.media = media;
        this.compliance = compliance;
    }

    @GetMapping
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Search the media you may read",
            description = "sort NUMBER|TYPE|LEVEL|STATUS|HOLDER|UPDATED (default: unit, then number), "
                    + "descending=true reverses it.")
    PageOf<MediumRow> search(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String text,
            @RequestParam(required = false) MediumStatus status, @RequestParam(required = false) MediumType type,
            @RequestParam(required = false) Long holderPersonId, @RequestParam(required = false) ClassificationLevel level,
            @RequestParam(required = false) MediumSort sort, @RequestParam(defaultValue = "false") boolean descending,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return media.search(new MediumSearch(unitId, text, status, type, holderPersonId, level, sort, descending, page,
                size));
    }

    @GetMapping("/numbering")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The unit's numbering pattern for media ({unit}, {year}, {seq:N})")
    Map<String, String> numbering(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId) {
        return Map.of("pattern", media.numbering(DeviceApiController.unitOf(user, unitId)));
    }

    @PutMapping("/numbering")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Set the unit's numbering pattern for media registered from now on")
    Map<String, String> setNumbering(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId,
            @RequestBody Numbering body) {
        long unit = DeviceApiController.unitOf(user, unitId);
        media.setNumbering(unit, body.pattern());
        return Map.of("pattern", media.numbering(unit));
    }

    @GetMapping("/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One medium (a view of a classified medium is audited)")
    MediumDetail get(@PathVariable long id) {
        return media.get(id);
    }

    @GetMapping("/{id:\\d+}/history")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The medium's history, oldest first")
    List<HistoryEntry> history(@PathVariable long id) {
        return media.history(id);
    }

    @GetMapping("/{id:\\d+}/requests")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Approval requests for the medium's destruction")
    List<ActRequestView> requests(@PathVariable long id) {
        return media.requests(id);
    }

    @GetMapping("/{id:\\d+}/compliance")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The violations that concern the medium now")
    List<ViolationView> compliance(@PathVariable long id) {
        return compliance.forMedium(id);
    }

    @PostMapping
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Register a medium under the next number of the unit's pattern")
    ResponseEntity<MediumChange> register(@AuthenticationPrincipal BaomiUser user,
            @RequestParam(required = false) Long unitId, @RequestBody MediumDetails body) {
        MediumChange created = media.register(DeviceApiController.unitOf(user, unitId), body);
        return ResponseEntity.created(URI.create("/api/v1/media/" + created.medium().id())).body(created);
    }

    @PutMapping("/{id:\\d+}")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Change a medium's details and the devices it is registered for")
    MediumChange edit(@PathVariable long id, @RequestBody MediumEdit body) {
        return media.edit(id, body.details(), body.version());
    }

    @PostMapping("/{id:\\d+}/issue")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Issue the medium to a holder cleared for its level (409 medium.holderNotCleared otherwise)")
    MediumChange issue(@PathVariable long id, @RequestBody Issue body) {
        return media.issue(id, body.holderPersonId());
    }

    @PostMapping("/{id:\\d+}/return")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Take the medium back into stock")
    MediumChange returnToStock(@PathVariable long id) {
        return media.returnToStock(id);
    }

    @PostMapping("/{id:\\d+}/loss")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Report the medium lost (text: how); opens an incident")
    MediumChange loss(@PathVariable long id, @RequestBody Text body) {
        return media.reportLost(id, body.text());
    }

    @PostMapping("/{id:\\d+}/requests/destruction")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Ask for the medium's destruction (leader in charge)")
    ActRequestView requestDestruction(@PathVariable long id, @RequestBody ReasonRequest body) {
        return media.requestDestruction(id, body);
    }

    @PostMapping("/{id:\\d+}/destruction")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Destroy the medium on an approved request (requestId, place, certificate, supervisorIds)")
    MediumChange destroy(@PathVariable long id, @RequestBody DestructionInput body) {
        return media.destroy(id, body);
    }
}
