package org.baomi.server.device.web;

import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceSettingsService;
import org.baomi.server.device.DeviceSettingsService.DeviceSettings;
import org.baomi.server.device.MediumService;
import org.baomi.server.org.Unit;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The device ledger's settings page of a unit the secrecy officer keeps: the numbering pattern of
 * classified media ("red disk" numbers) with the number the next medium would get, and how many
 * days a maintenance may stay open before compliance reports it.
 */
@Controller
class DeviceSettingsController {

    static final String VIEW = "device/settings";

    private final DeviceSettingsService settings;
    private final MediumService media;
    private final DevicePages pages;

    DeviceSettingsController(DeviceSettingsService settings, MediumService media, DevicePages pages) {
        this.settings = settings;
        this.media = media;
        this.pages = pages;
    }

    /** The form; numbers are strings so a wrong entry comes back as typed, beside its field. */
    public static final class SettingsForm {
        private Long unitId;
        private String mediumNumbering;
        private Integer maintenanceLimitDays;

        static SettingsForm of(DeviceSettings s) {
            SettingsForm f = new SettingsForm();
            f.unitId = s.unitId();
            f.mediumNumbering = s.mediumNumbering();
            f.maintenanceLimitDays = s.maintenanceLimitDays();
            return f;
        }

        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public String getMediumNumbering() { return mediumNumbering; }
        public void setMediumNumbering(String mediumNumbering) { this.mediumNumbering = mediumNumbering; }
        public Integer getMaintenanceLimitDays() { return maintenanceLimitDays; }
        public void setMaintenanceLimitDays(Integer maintenanceLimitDays) { this.maintenanceLimitDays = maintenanceLimitDays; }
    }

    @GetMapping("/devices/settings")
    @Requires(Permission.DEVICE_MANAGE)
    String show(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId, Model model) {
        long unit = keptUnit(user, unitId);
        return view(user, SettingsForm.of(settings.settings(unit)), model);
    }

    @PostMapping("/devices/settings")
    @Requires(Permission.DEVICE_MANAGE)
    String save(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") SettingsForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        long unit = keptUnit(user, form.getUnitId());
        form.setUnitId(unit);
        if (binding.hasErrors()) {
            return view(user, form, model);
        }
        try {
            settings.save(unit, form.getMediumNumbering(), form.getMaintenanceLimitDays());
            pages.flash().success(redirect, "devicesettings.saved");
            return "redirect:/devices/settings?unitId=" + unit;
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return view(user, form, model);
        }
    }

    private long keptUnit(BaomiUser user, Long unitId) {
        Long unit = unitId != null ? unitId : pages.keptUnitOr(user, null);
        if (unit == null || !pages.keeps(user, unit)) {
            throw new AccessDeniedException("keeps no device ledger of unit " + unitId);
        }
        return unit;
    }

    private String view(BaomiUser user, SettingsForm form, Model model) {
        List<Unit> kept = pages.keptUnits(user);
        model.addAttribute("form", form);
        model.addAttribute("units", kept);
        model.addAttribute("example", example(form));
        return VIEW;
    }

    /** The number the pattern as typed would give the unit's next medium; null while it does not parse. */
    private String example(SettingsForm form) {
        try {
            return media.nextNumberExample(form.getUnitId(), form.getMediumNumbering());
        } catch (ValidationException unreadable) {
            return null;
        }
    }
}
