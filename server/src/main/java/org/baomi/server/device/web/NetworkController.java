package org.baomi.server.device.web;

import java.util.Arrays;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceViews.NetworkView;
import org.baomi.server.device.NetworkService;
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

/** The networks of the units a user reads; the secrecy officer registers and edits them. */
@Controller
class NetworkController implements NotFoundPage {

    static final String LIST = "device/networks";
    static final String FORM = "device/network-form";

    private final NetworkService networks;
    private final DevicePages pages;

    NetworkController(NetworkService networks, DevicePages pages) {
        this.networks = networks;
        this.pages = pages;
    }

    @GetMapping("/networks")
    @Requires(Permission.BUSINESS_READ)
    String list(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId, Model model) {
        List<NetworkView> all = networks.visible();
        model.addAttribute("networks", unitId == null ? all : all.stream().filter(n -> n.unitId() == unitId).toList());
        model.addAttribute("unitId", unitId);
        model.addAttribute("units", pages.readableUnits(user));
        model.addAttribute("kept", pages.keptUnitIds(user));
        return LIST;
    }

    @GetMapping("/networks/new")
    @Requires(Permission.DEVICE_MANAGE)
    String createForm(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId,
            Model model) {
        NetworkForm form = new NetworkForm();
        form.setUnitId(unitId != null ? unitId : user.unitId());
        return form(user, model, form, null);
    }

    @PostMapping("/networks")
    @Requires(Permission.DEVICE_MANAGE)
    String create(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") NetworkForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return DevicePages.submitNew(form.getUnitId(), binding, () -> {
            NetworkView created = networks.create(form.getUnitId(), form.toInput());
            pages.flash().success(redirect, "networks.created", created.name());
            return "redirect:/networks?unitId=" + created.unitId();
        }, () -> form(user, model, form, null));
    }

    @GetMapping("/networks/{id:\\d+}/edit")
    @Requires(Permission.DEVICE_MANAGE)
    String editForm(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        NetworkView network = networks.get(id);
        if (!pages.keeps(user, network.unitId())) {
            throw new AccessDeniedException("the user does not keep the ledger of unit " + network.unitId());
        }
        return form(user, model, NetworkForm.of(network), network);
    }

    @PostMapping("/networks/{id:\\d+}")
    @Requires(Permission.DEVICE_MANAGE)
    String update(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("form") NetworkForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        NetworkView network = networks.get(id);
        form.setUnitId(network.unitId());
        return DevicePages.submit(binding, () -> {
            NetworkView updated = networks.update(id, form.toInput());
            pages.flash().success(redirect, "networks.updated", updated.name());
            return "redirect:/networks?unitId=" + updated.unitId();
        }, () -> form(user, model, form, network));
    }

    @PostMapping("/networks/{id:\\d+}/deactivate")
    @Requires(Permission.DEVICE_MANAGE)
    String deactivate(@PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            NetworkView n = networks.deactivate(id, reason);
            pages.flash().success(redirect, "networks.deactivated", n.name());
            return "redirect:/networks?unitId=" + n.unitId();
        } catch (ValidationException | DomainException e) {
            pages.refused(redirect, e);
            return "redirect:/networks/" + id + "/edit";
        }
    }

    @PostMapping("/networks/{id:\\d+}/reactivate")
    @Requires(Permission.DEVICE_MANAGE)
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            NetworkView n = networks.reactivate(id);
            pages.flash().success(redirect, "networks.reactivated", n.name());
            return "redirect:/networks?unitId=" + n.unitId();
        } catch (DomainException e) {
            pages.refused(redirect, e);
            return "redirect:/networks/" + id + "/edit";
        }
    }

    private String form(BaomiUser user, Model model, NetworkForm form, NetworkView existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("units", pages.keptUnits(user));
        model.addAttribute("kinds", Arrays.asList(NetworkKind.values()));
        model.addAttribute("levels", Arrays.asList(ClassificationLevel.values()));
        return FORM;
    }
}
