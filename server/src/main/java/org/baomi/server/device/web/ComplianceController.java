package org.baomi.server.device.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.device.compliance.Severity;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.device.DeviceViews.UnitComplianceReport;
import org.baomi.server.device.DeviceViews.ViolationView;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.baomi.server.platform.web.NotFoundPage;

/**
 * A unit's compliance: counts by rule (a bar chart, every rule shown) and by severity, and the
 * violations grouped by severity, each with what to do and a link to its device or medium.
 * Computed from the ledger on every request; "re-check now" simply asks again.
 */
@Controller
class ComplianceController implements NotFoundPage {

    static final String VIEW = "device/compliance";

    private final DeviceComplianceService compliance;
    private final DevicePages pages;

    ComplianceController(DeviceComplianceService compliance, DevicePages pages) {
        this.compliance = compliance;
        this.pages = pages;
    }

    @GetMapping("/compliance")
    @Requires(Permission.BUSINESS_READ)
    String report(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId, Model model) {
        Long unit = pages.unitOr(user, unitId);
        model.addAttribute("units", pages.readableUnits(user));
        model.addAttribute("unitId", unit);
        if (unit == null) {
            return VIEW;
        }
        UnitComplianceReport report = compliance.unitReport(unit);
        model.addAttribute("report", report);
        model.addAttribute("chart", ComplianceChart.of(report.rules()));
        model.addAttribute("groups", bySeverity(report.violations()));
        model.addAttribute("severities", List.of(Severity.values()));
        return VIEW;
    }

    @PostMapping("/compliance/check")
    @Requires(Permission.BUSINESS_READ)
    String recheck(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId,
            RedirectAttributes redirect) {
        Long unit = pages.unitOr(user, unitId);
        if (unit != null) {
            UnitComplianceReport report = compliance.unitReport(unit);
            pages.flash().success(redirect, "compliance.page.checked", report.violations().size(),
                    report.devicesChecked(), report.mediaChecked());
        }
        return unit == null ? "redirect:/compliance" : "redirect:/compliance?unitId=" + unit;
    }

    static Map<Severity, List<ViolationView>> bySeverity(List<ViolationView> violations) {
        Map<Severity, List<ViolationView>> groups = new EnumMap<>(Severity.class);
        for (ViolationView v : violations) {
            groups.computeIfAbsent(v.severity(), s -> new ArrayList<>()).add(v);
        }
        return groups;
    }
}
