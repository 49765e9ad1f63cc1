package org.baomi.server.device.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.device.DeviceViews.UnitComplianceReport;
import org.baomi.server.security.Requires;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Compliance of the device, medium and network ledger ("one person, one machine, one disk, one network"). */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "Compliance", description = "Device and medium compliance, computed from the ledger on demand")
class ComplianceApiController {

    private final DeviceComplianceService compliance;

    ComplianceApiController(DeviceComplianceService compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/units/{unitId}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "A unit's compliance report: counts by rule (every rule) and severity, every violation",
            description = "Each violation has messageKey compliance.<ruleId>[.<variant>] with args, and an English message.")
    UnitComplianceReport unit(@PathVariable long unitId) {
        return compliance.unitReport(unitId);
    }

    /** The settings of a unit's compliance check. */
    record ComplianceSettingsBody(Integer maintenanceLimitDays) {
    }

    @GetMapping("/units/{unitId}/settings")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "A unit's compliance settings: how many days a maintenance may stay open (30 unless set)")
    ComplianceSettingsBody settings(@PathVariable long unitId) {
        return new ComplianceSettingsBody(compliance.maintenanceLimitDays(unitId));
    }

    @PutMapping("/units/{unitId}/settings")
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Set a unit's maintenance limit (1 to 365 days); audited as device.settings",
            description = "Errors: validation on maintenanceLimitDays (device.maintenanceLimit.range).")
    ComplianceSettingsBody setSettings(@PathVariable long unitId, @RequestBody ComplianceSettingsBody body) {
        compliance.setMaintenanceLimitDays(unitId, body == null ? null : body.maintenanceLimitDays());
        return new ComplianceSettingsBody(compliance.maintenanceLimitDays(unitId));
    }
}
