package org.baomi.server.device.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceInputs.NetworkInput;
import org.baomi.server.device.DeviceViews.NetworkView;
import org.baomi.server.device.NetworkService;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Networks of the device ledger. */
@RestController
@RequestMapping("/api/v1/networks")
@Tag(name = "Networks", description = "Classified networks, the government intranet, the Internet, standalone groups")
class NetworkApiController {

    private final NetworkService networks;

    NetworkApiController(NetworkService networks) {
        this.networks = networks;
    }

    @GetMapping
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Networks of one unit, or of every unit you may read when unitId is left out")
    List<NetworkView> list(@RequestParam(required = false) Long unitId) {
        return unitId == null ? networks.visible() : networks.list(unitId);
    }

    @GetMapping("/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One network with the number of devices in service on it")
    NetworkView get(@PathVariable long id) {
        return networks.get(id);
    }

    @PostMapping
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Register a network (secrecy officer)",
            description = "kind: CLASSIFIED (level CONFIDENTIAL|SECRET|TOP_SECRET and approvalReference required), "
                    + "GOVERNMENT_INTRANET, INTERNET (level implied), STANDALONE (level required). "
                    + "unitId defaults to your own unit.")
    ResponseEntity<NetworkView> create(@AuthenticationPrincipal BaomiUser user,
            @RequestParam(required = false) Long unitId, @RequestBody NetworkInput input) {
        NetworkView created = networks.create(DeviceApiController.unitOf(user, unitId), input);
        return ResponseEntity.created(URI.create("/api/v1/networks/" + created.id())).body(created);
    }

    @PutMapping("/{id:\\d+}")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Change a network's name, kind, level, approval reference or description")
    NetworkView update(@PathVariable long id, @RequestBody NetworkInput input) {
        return networks.update(id, input);
    }

    /** Why a network is taken out of use. */
    record DeactivateBody(String reason) {
    }

    @PostMapping("/{id:\\d+}/deactivate")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Take a network out of use (停用); audited as network.deactivate",
            description = "Refused (network.deactivate.devicesOn) while a device in service is on it; "
                    + "validation on reason (required, at most 500 characters).")
    NetworkView deactivate(@PathVariable long id, @RequestBody(required = false) DeactivateBody body) {
        return networks.deactivate(id, body == null ? null : body.reason());
    }

    @PostMapping("/{id:\\d+}/reactivate")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Put a network that was taken out of use back into use; audited as network.reactivate")
    NetworkView reactivate(@PathVariable long id) {
        return networks.reactivate(id);
    }
}
