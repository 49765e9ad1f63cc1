package org.baomi.server.device.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.MediumType;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.device.DeviceInputs.DestructionInput;
import org.baomi.server.device.DeviceInputs.DeviceSearch;
import org.baomi.server.device.DeviceInputs.MediumSearch;
import org.baomi.server.device.DeviceInputs.MediumSort;
import org.baomi.server.device.DeviceInputs.ReasonRequest;
import org.baomi.server.device.DeviceService;
import org.baomi.server.device.DeviceViews.ActRequestView;
import org.baomi.server.device.DeviceViews.DeviceRow;
import org.baomi.server.device.DeviceViews.MediumChange;
import org.baomi.server.device.DeviceViews.MediumDetail;
import org.baomi.server.device.MediumService;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.baomi.server.platform.web.NotFoundPage;

/** The removable-media ledger: search, registration and edit, one medium with its history and acts. */
@Controller
class MediumController implements NotFoundPage {

    static final String LIST = "device/media";
    static final String DETAIL = "device/medium";
    static final String FORM = "device/medium-form";
    static final int PAGE_SIZE = 50;

    /** The ledger's filters as the page sends them. */
    record Filter(String q, Long unitId, MediumType type, MediumStatus status, Long holderId,
            ClassificationLevel level, MediumSort sort, int page) {
    }

    private final MediumService media;
    private final DeviceService devices;
    private final DeviceComplianceService compliance;
    private final DevicePages pages;

    MediumController(MediumService media, DeviceService devices, DeviceComplianceService compliance,
            DevicePages pages) {
        this.media = media;
        this.devices = devices;
        this.compliance = compliance;
        this.pages = pages;
    }

    @GetMapping("/media")
    @Requires(Permission.BUSINESS_READ)
    String list(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) MediumType type,
            @RequestParam(required = false) MediumStatus status, @RequestParam(required = false) Long holderId,
            @RequestParam(required = false) ClassificationLevel level, @RequestParam(required = false) MediumSort sort,
            @RequestParam(defaultValue = "1") int page, Model model) {
        MediumSort by = sort == null ? MediumSort.NUMBER : sort;
        Filter f = new Filter(q, unitId, type, status, holderId, level, by, Math.max(1, page));
        model.addAttribute("filter", f);
        model.addAttribute("result", media.search(new MediumSearch(unitId, q, status, type, holderId, level, by,
                by == MediumSort.UPDATED, f.page(), PAGE_SIZE)));
        model.addAttribute("levels", Arrays.asList(ClassificationLevel.values()));
        model.addAttribute("sorts", Arrays.asList(MediumSort.values()));
        model.addAttribute("units", pages.readableUnits(user));
        Long shownUnit = pages.unitOr(user, unitId);
        model.addAttribute("people", shownUnit == null ? List.of() : pages.people(user, shownUnit));
        model.addAttribute("types", Arrays.asList(MediumType.values()));
        model.addAttribute("statuses", Arrays.asList(MediumStatus.values()));
        model.addAttribute("mayRegister", !pages.keptUnitIds(user).isEmpty());
        return LIST;
    }

    @GetMapping("/media/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    String show(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        MediumDetail medium = media.get(id);
        model.addAttribute("medium", medium);
        model.addAttribute("violations", compliance.forMedium(id));
        model.addAttribute("history", media.history(id));
        List<ActRequestView> requests = media.requests(id);
        model.addAttribute("requests", requests);
        boolean keeps = pages.keeps(user, medium.unitId());
        model.addAttribute("mayManage", keeps);
        if (keeps) {
            model.addAttribute("usable", requests.stream().filter(ActRequestView::usable).toList());
            model.addAttribute("people", pages.people(user, medium.unitId()));
        }
        return DETAIL;
    }

    @GetMapping("/media/new")
    @Requires(Permission.DEVICE_MANAGE)
    String createForm(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId,
            Model model) {
        MediumForm form = new MediumForm();
        form.setUnitId(pages.keptUnitOr(user, unitId));
        return form(user, model, form, null);
    }

    @PostMapping("/media")
    @Requires(Permission.DEVICE_MANAGE)
    String create(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") MediumForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return DevicePages.submitNew(form.getUnitId(), binding, () -> {
            MediumChange change = media.register(form.getUnitId(), form.toInput());
            pages.flash().success(redirect, "media.registered", change.medium().number());
            return "redirect:/media/" + change.medium().id();
        }, () -> form(user, model, form, null));
    }

    @GetMapping("/media/{id:\\d+}/edit")
    @Requires(Permission.DEVICE_MANAGE)
    String editForm(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        MediumDetail medium = media.get(id);
        requireKeeps(user, medium.unitId());
        return form(user, model, MediumForm.of(medium), medium);
    }

    @PostMapping("/media/{id:\\d+}")
    @Requires(Permission.DEVICE_MANAGE)
    String update(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("form") MediumForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        MediumDetail medium = media.get(id);
        requireKeeps(user, medium.unitId());
        form.setUnitId(medium.unitId());
        return DevicePages.submit(binding, () -> {
            media.edit(id, form.toInput(), form.getVersion());
            pages.flash().success(redirect, "media.updated", medium.number());
            return "redirect:/media/" + id;
        }, () -> form(user, model, form, medium));
    }

    private void requireKeeps(BaomiUser user, long unitId) {
        if (!pages.keeps(user, unitId)) {
            throw new AccessDeniedException("the user does not keep the medium ledger of unit " + unitId);
        }
    }

    private String form(BaomiUser user, Model model, MediumForm form, MediumDetail existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("units", pages.keptUnits(user));
        Long unit = form.getUnitId();
        List<DeviceRow> unitDevices = unit == null ? List.of()
                : devices.search(new DeviceSearch(unit, null, null, null, null, null, 1, 200)).items().stream()
                        .filter(d -> d.status().inService()).toList();
        model.addAttribute("devices", unitDevices);
        model.addAttribute("numbering", unit == null ? "" : media.numbering(unit));
        model.addAttribute("types", Arrays.asList(MediumType.values()));
        model.addAttribute("levels", Arrays.asList(ClassificationLevel.values()));
        return FORM;
    }

    // ------------------------------------------------------------------ acts

    @PostMapping("/media/{id:\\d+}/issue")
    @Requires(Permission.DEVICE_MANAGE)
    String issue(@PathVariable long id, @RequestParam(required = false) Long holderPersonId,
            RedirectAttributes redirect) {
        return acted(id, redirect, "issue", () -> media.issue(id, holderPersonId));
    }

    @PostMapping("/media/{id:\\d+}/return")
    @Requires(Permission.DEVICE_MANAGE)
    String giveBack(@PathVariable long id, RedirectAttributes redirect) {
        return acted(id, redirect, "return", () -> media.returnToStock(id));
    }

    @PostMapping("/media/{id:\\d+}/loss")
    @Requires(Permission.DEVICE_MANAGE)
    String lost(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return acted(id, redirect, "loss", () -> media.reportLost(id, note));
    }

    @PostMapping("/media/{id:\\d+}/requests/destruction")
    @Requires(Permission.DEVICE_MANAGE)
    String requestDestruction(@PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            ActRequestView r = media.requestDestruction(id, new ReasonRequest(reason));
            pages.flash().success(redirect, "devices.requested", r.requestId());
        } catch (ValidationException | DomainException e) {
            pages.refused(redirect, e);
        }
        return "redirect:/media/" + id;
    }

    @PostMapping("/media/{id:\\d+}/destruction")
    @Requires(Permission.DEVICE_MANAGE)
    String destroy(@PathVariable long id, @RequestParam(required = false) Long requestId,
            @RequestParam(required = false) String place, @RequestParam(required = false) String certificate,
            @RequestParam(required = false) List<Long> supervisorIds, RedirectAttributes redirect) {
        return acted(id, redirect, "destruction", () -> media.destroy(id,
                new DestructionInput(requestId, place, certificate, supervisorIds == null ? List.of() : supervisorIds)));
    }

    private String acted(long id, RedirectAttributes redirect, String act, Supplier<MediumChange> perform) {
        try {
            MediumChange change = perform.get();
            pages.flash().success(redirect, "media.act.done." + act, change.medium().number());
        } catch (ValidationException | DomainException e) {
            pages.refused(redirect, e);
        }
        return "redirect:/media/" + id;
    }
}
