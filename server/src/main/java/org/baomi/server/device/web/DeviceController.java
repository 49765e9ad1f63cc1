package org.baomi.server.device.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.security.Permission;
import org.baomi.server.device.Designation;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.device.DeviceInputs.AdmissionRequest;
import org.baomi.server.device.DeviceInputs.ChangeRequest;
import org.baomi.server.device.DeviceInputs.DestructionInput;
import org.baomi.server.device.DeviceInputs.DeviceSearch;
import org.baomi.server.device.DeviceInputs.DeviceSort;
import org.baomi.server.device.DeviceInputs.MaintenanceHandover;
import org.baomi.server.device.DeviceInputs.MaintenanceRequest;
import org.baomi.server.device.DeviceInputs.ReasonRequest;
import org.baomi.server.device.DeviceInputs.ReinstallInput;
import org.baomi.server.device.DeviceInputs.ScrappingInput;
import org.baomi.server.device.DeviceService;
import org.baomi.server.device.DeviceViews.ActRequestView;
import org.baomi.server.device.DeviceViews.DeviceChange;
import org.baomi.server.device.DeviceViews.DeviceDetail;
import org.baomi.server.device.DeviceViews.DeviceRow;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.baomi.server.platform.web.NotFoundPage;

/**
 * The device ledger: search, registration and edit, one device with its compliance, history and
 * the lifecycle acts (approval requests, and the acts performed on an approved request).
 */
@Controller
class DeviceController implements NotFoundPage {

    static final String LIST = "device/devices";
    static final String DETAIL = "device/device";
    static final String FORM = "device/device-form";
    static final int PAGE_SIZE = 50;

    /** The ledger's filters and sort as the page sends them. */
    record Filter(String q, Long unitId, DeviceType type, Designation designation, ClassificationLevel level,
            Long networkId, Long responsibleId, Long departmentId, DeviceStatus status, Boolean violations,
            String sort, int page) {

    }

    static final List<String> SORTS = List.of("asset", "type", "status", "responsible", "updated");

    private final DeviceService devices;
    private final DeviceComplianceService compliance;
    private final DevicePages pages;

    DeviceController(DeviceService devices, DeviceComplianceService compliance, DevicePages pages) {
        this.devices = devices;
        this.compliance = compliance;
        this.pages = pages;
    }

    // ------------------------------------------------------------------ ledger

    @GetMapping("/devices")
    @Requires(Permission.BUSINESS_READ)
    String list(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) DeviceType type,
            @RequestParam(required = false) Designation designation,
            @RequestParam(required = false) ClassificationLevel level, @RequestParam(required = false) Long networkId,
            @RequestParam(required = false) Long responsibleId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) DeviceStatus status, @RequestParam(required = false) Boolean violations,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page, Model model) {
        Filter f = new Filter(q, unitId, type, designation, level, networkId, responsibleId, departmentId, status,
                violations, sort != null && SORTS.contains(sort) ? sort : "asset", Math.max(1, page));
        model.addAttribute("filter", f);
        model.addAttribute("units", pages.readableUnits(user));
        Long shownUnit = pages.unitOr(user, unitId);
        model.addAttribute("result", search(f));
        model.addAttribute("departments", shownUnit == null ? List.of() : pages.departments(user, shownUnit));
        model.addAttribute("networks", shownUnit == null ? List.of() : pages.networks(shownUnit));
        model.addAttribute("people", shownUnit == null ? List.of() : pages.people(user, shownUnit));
        model.addAttribute("types", Arrays.asList(DeviceType.values()));
        model.addAttribute("designations", Arrays.asList(Designation.values()));
        model.addAttribute("levels", stateSecretLevels());
        model.addAttribute("statuses", Arrays.asList(DeviceStatus.values()));
        model.addAttribute("sorts", SORTS);
        model.addAttribute("mayRegister", !pages.keptUnitIds(user).isEmpty());
        return LIST;
    }

    private PageOf<DeviceRow> search(Filter f) {
        DeviceSort by = switch (f.sort()) {
            case "type" -> DeviceSort.TYPE;
            case "status" -> DeviceSort.STATUS;
            case "responsible" -> DeviceSort.RESPONSIBLE;
            case "updated" -> DeviceSort.UPDATED;
            default -> DeviceSort.ASSET_NUMBER;
        };
        return devices.search(new DeviceSearch(f.unitId(), f.q(), f.status(), f.type(), f.designation(),
                f.networkId(), f.responsibleId(), f.departmentId(), f.level(),
                Boolean.TRUE.equals(f.violations()) ? Boolean.TRUE : null, by, "updated".equals(f.sort()), f.page(),
                PAGE_SIZE));
    }

    static List<ClassificationLevel> stateSecretLevels() {
        return Arrays.stream(ClassificationLevel.values()).filter(ClassificationLevel::isStateSecret).toList();
    }

    // ------------------------------------------------------------------ one device

    @GetMapping("/devices/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    String show(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        DeviceDetail device = devices.get(id);
        model.addAttribute("device", device);
        model.addAttribute("compliance", compliance.forDevice(id));
        model.addAttribute("history", devices.history(id));
        model.addAttribute("maintenances", devices.maintenances(id));
        List<ActRequestView> requests = devices.requests(id);
        model.addAttribute("requests", requests);
        boolean keeps = pages.keeps(user, device.unitId());
        model.addAttribute("mayManage", keeps);
        if (keeps) {
            model.addAttribute("usable", requests.stream().filter(ActRequestView::usable).toList());
            model.addAttribute("networks", pages.networks(device.unitId()));
            model.addAttribute("people", pages.people(user, device.unitId()));
            model.addAttribute("departments", pages.departments(user, device.unitId()));
            model.addAttribute("sites", Arrays.asList(OpenMaintenance.Site.values()));
        }
        return DETAIL;
    }

    // ------------------------------------------------------------------ registration and edit

    @GetMapping("/devices/new")
    @Requires(Permission.DEVICE_MANAGE)
    String createForm(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId,
            Model model) {
        DeviceForm form = new DeviceForm();
        form.setUnitId(pages.keptUnitOr(user, unitId));
        return form(user, model, form, null);
    }

    @PostMapping("/devices")
    @Requires(Permission.DEVICE_MANAGE)
    String create(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") DeviceForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return DevicePages.submitNew(form.getUnitId(), binding, () -> {
            DeviceChange change = devices.register(form.getUnitId(), form.toRegistration());
            pages.flash().success(redirect, "devices.registered", change.device().details().assetNumber());
            return "redirect:/devices/" + change.device().id();
        }, () -> form(user, model, form, null));
    }

    @GetMapping("/devices/{id:\\d+}/edit")
    @Requires(Permission.DEVICE_MANAGE)
    String editForm(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        DeviceDetail device = devices.get(id);
        requireKeeps(user, device.unitId());
        return form(user, model, DeviceForm.of(device), device);
    }

    @PostMapping("/devices/{id:\\d+}")
    @Requires(Permission.DEVICE_MANAGE)
    String update(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("form") DeviceForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        DeviceDetail device = devices.get(id);
        requireKeeps(user, device.unitId());
        form.setUnitId(device.unitId());
        return DevicePages.submit(binding, () -> {
            DeviceChange change = devices.edit(id, form.getDetails().toInput(), form.getVersion());
            pages.flash().success(redirect, "devices.updated", change.device().details().assetNumber());
            return "redirect:/devices/" + id;
        }, () -> form(user, model, form, device));
    }

    private void requireKeeps(BaomiUser user, long unitId) {
        if (!pages.keeps(user, unitId)) {
            throw new AccessDeniedException("the user does not keep the device ledger of unit " + unitId);
        }
    }

    private String form(BaomiUser user, Model model, DeviceForm form, DeviceDetail existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("units", pages.keptUnits(user));
        Long unit = form.getUnitId();
        model.addAttribute("networks", unit == null ? List.of() : pages.networks(unit));
        model.addAttribute("people", unit == null ? List.of() : pages.people(user, unit));
        model.addAttribute("departments", unit == null ? List.of() : pages.departments(user, unit));
        model.addAttribute("types", Arrays.asList(DeviceType.values()));
        model.addAttribute("designations", Arrays.asList(Designation.values()));
        model.addAttribute("levels", stateSecretLevels());
        model.addAttribute("securityFields", List.of("bootPassword", "usbStorageBlocked", "wirelessRemoved",
                "opticalDriveDisabled", "terminalControlSuite", "antivirus", "auditEnabled"));
        model.addAttribute("hardwareFields", List.of("wirelessCard", "bluetooth", "modem"));
        return FORM;
    }

    // ------------------------------------------------------------------ approval requests

    @PostMapping("/devices/{id:\\d+}/requests/admission")
    @Requires(Permission.DEVICE_MANAGE)
    String requestAdmission(@PathVariable long id, @RequestParam(required = false) Long networkId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return requested(id, redirect, () -> devices.requestAdmission(id, new AdmissionRequest(networkId, reason)));
    }

    @PostMapping("/devices/{id:\\d+}/requests/change")
    @Requires(Permission.DEVICE_MANAGE)
    String requestChange(@PathVariable long id, @RequestParam(required = false) Long responsiblePersonId,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) String location,
            @RequestParam(required = false) Long networkId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return requested(id, redirect, () -> devices.requestChange(id,
                new ChangeRequest(responsiblePersonId, departmentId, location, networkId, reason)));
    }

    @PostMapping("/devices/{id:\\d+}/requests/maintenance")
    @Requires(Permission.DEVICE_MANAGE)
    String requestMaintenance(@PathVariable long id, @RequestParam(required = false) OpenMaintenance.Site site,
            @RequestParam(required = false) Long supervisorPersonId, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String fault, RedirectAttributes redirect) {
        return requested(id, redirect, () -> devices.requestMaintenance(id,
                new MaintenanceRequest(site, supervisorPersonId, provider, fault)));
    }

    @PostMapping("/devices/{id:\\d+}/requests/scrapping")
    @Requires(Permission.DEVICE_MANAGE)
    String requestScrapping(@PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return requested(id, redirect, () -> devices.requestScrapping(id, new ReasonRequest(reason)));
    }

    private String requested(long id, RedirectAttributes redirect, Supplier<ActRequestView> ask) {
        try {
            ActRequestView r = ask.get();
            pages.flash().success(redirect, "devices.requested", r.requestId());
        } catch (ValidationException | DomainException e) {
            pages.refused(redirect, e);
        }
        return "redirect:/devices/" + id;
    }

    // ------------------------------------------------------------------ acts

    @PostMapping("/devices/{id:\\d+}/admission")
    @Requires(Permission.DEVICE_MANAGE)
    String admit(@PathVariable long id, @RequestParam(required = false) Long requestId, RedirectAttributes redirect) {
        return acted(id, redirect, "admission", () -> devices.admit(id, requestId));
    }

    @PostMapping("/devices/{id:\\d+}/change")
    @Requires(Permission.DEVICE_MANAGE)
    String change(@PathVariable long id, @RequestParam(required = false) Long requestId, RedirectAttributes redirect) {
        return acted(id, redirect, "change", () -> devices.applyChange(id, requestId));
    }

    @PostMapping("/devices/{id:\\d+}/maintenance")
    @Requires(Permission.DEVICE_MANAGE)
    String startMaintenance(@PathVariable long id, @RequestParam(required = false) Long requestId,
            @RequestParam(defaultValue = "false") boolean storageRemoved,
            @RequestParam(required = false) Long storageKeeperId, @RequestParam(required = false) String storageNote,
            RedirectAttributes redirect) {
        return acted(id, redirect, "maintenance", () -> devices.startMaintenance(id,
                new MaintenanceHandover(requestId, storageRemoved, storageKeeperId, storageNote)));
    }

    @PostMapping("/devices/{id:\\d+}/maintenance/close")
    @Requires(Permission.DEVICE_MANAGE)
    String closeMaintenance(@PathVariable long id, @RequestParam(required = false) String workDone,
            RedirectAttributes redirect) {
        return acted(id, redirect, "maintenanceClosed", () -> devices.closeMaintenance(id, workDone));
    }

    @PostMapping("/devices/{id:\\d+}/reinstall")
    @Requires(Permission.DEVICE_MANAGE)
    String reinstall(@PathVariable long id, @RequestParam(required = false) String operatingSystem,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate installedOn,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return acted(id, redirect, "reinstall",
                () -> devices.reinstall(id, new ReinstallInput(operatingSystem, installedOn, note)));
    }

    @PostMapping("/devices/{id:\\d+}/removal")
    @Requires(Permission.DEVICE_MANAGE)
    String remove(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return acted(id, redirect, "removal", () -> devices.removeFromNetwork(id, reason));
    }

    @PostMapping("/devices/{id:\\d+}/scrapping")
    @Requires(Permission.DEVICE_MANAGE)
    String scrap(@PathVariable long id, @RequestParam(required = false) Long requestId,
            @RequestParam(required = false) String storageItems,
            @RequestParam(required = false) String storageDestination,
            @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        return acted(id, redirect, "scrapping", () -> devices.scrap(id,
                new ScrappingInput(requestId, storageItems, storageDestination, reference)));
    }

    @PostMapping("/devices/{id:\\d+}/destruction")
    @Requires(Permission.DEVICE_MANAGE)
    String destroy(@PathVariable long id, @RequestParam(required = false) String place,
            @RequestParam(required = false) String certificate,
            @RequestParam(required = false) List<Long> supervisorIds, RedirectAttributes redirect) {
        return acted(id, redirect, "destruction", () -> devices.destroy(id,
                new DestructionInput(null, place, certificate, supervisorIds == null ? List.of() : supervisorIds)));
    }

    @PostMapping("/devices/{id:\\d+}/loss")
    @Requires(Permission.DEVICE_MANAGE)
    String lost(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return acted(id, redirect, "loss", () -> devices.reportLost(id, note));
    }

    private String acted(long id, RedirectAttributes redirect, String act, Supplier<DeviceChange> perform) {
        try {
            DeviceChange change = perform.get();
            pages.flash().success(redirect, "devices.act.done." + act, change.device().details().assetNumber());
        } catch (ValidationException | DomainException e) {
            pages.refused(redirect, e);
        }
        return "redirect:/devices/" + id;
    }
}
