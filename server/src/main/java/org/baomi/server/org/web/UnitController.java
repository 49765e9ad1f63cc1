package org.baomi.server.org.web;

import java.util.Arrays;
import org.baomi.core.DomainException;
import org.baomi.core.security.Permission;
import org.baomi.server.org.Department;
import org.baomi.server.org.Unit;
import org.baomi.server.org.UnitKind;
import org.baomi.server.org.UnitService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
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

/** The unit tree, a unit with its departments, and the unit form. */
@Controller
class UnitController {

    static final String LIST = "org/units";
    static final String DETAIL = "org/unit";
    static final String FORM = "org/unit-form";

    private final UnitService units;
    private final Flash flash;

    UnitController(UnitService units, Flash flash) {
        this.units = units;
        this.flash = flash;
    }

    @GetMapping("/units")
    @Requires(Permission.ORG_READ)
    String list(@AuthenticationPrincipal BaomiUser user, Model model) {
        model.addAttribute("nodes", units.tree(user));
        return LIST;
    }

    @GetMapping("/units/{id}")
    @Requires(Permission.ORG_READ)
    String show(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        Unit unit = units.get(user, id);
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null ? null
                : units.visible(user).stream().filter(u -> u.id() == unit.parentId()).findFirst().orElse(null));
        model.addAttribute("departments", units.departments(user, id));
        model.addAttribute("mayManageDepartments", units.mayManageDepartments(user, id));
        return DETAIL;
    }

    @GetMapping("/units/new")
    @Requires(Permission.UNIT_MANAGE)
    String createForm(@RequestParam(required = false) Long parentId, Model model) {
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        form.setKind(UnitKind.GOVERNMENT_ORGAN.name());
        return form(model, form, null);
    }

    @PostMapping("/units")
    @Requires(Permission.UNIT_MANAGE)
    String create(@ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        try {
            Unit created = units.create(form.toInput());
            flash.success(redirect, "unit.created", created.name());
            return "redirect:/units/" + created.id();
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return form(model, form, null);
        }
    }

    @GetMapping("/units/{id}/edit")
    @Requires(Permission.UNIT_MANAGE)
    String editForm(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        Unit unit = units.get(user, id);
        return form(model, UnitForm.of(unit), unit);
    }

    @PostMapping("/units/{id}")
    @Requires(Permission.UNIT_MANAGE)
    String update(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("form") UnitForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Unit unit = units.get(user, id);
        try {
            units.update(id, form.toInput());
            flash.success(redirect, "unit.updated", form.getName());
            return "redirect:/units/" + id;
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return form(model, form, unit);
        }
    }

    @PostMapping("/units/{id}/deactivate")
    @Requires(Permission.UNIT_MANAGE)
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Unit unit = units.deactivate(id);
            flash.success(redirect, "unit.deactivated", unit.name());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/reactivate")
    @Requires(Permission.UNIT_MANAGE)
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Unit unit = units.reactivate(id);
            flash.success(redirect, "unit.reactivated", unit.name());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/departments")
    @Requires(Permission.PERSON_MANAGE)
    String createDepartment(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @RequestParam String name,
            RedirectAttributes redirect) {
        try {
            Department d = units.createDepartment(user, id, name);
            flash.success(redirect, "department.created", d.name());
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/units/" + id;
    }

    @PostMapping("/departments/{id}/rename")
    @Requires(Permission.PERSON_MANAGE)
    String renameDepartment(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @RequestParam String name,
            RedirectAttributes redirect) {
        Department d = units.department(user, id);
        try {
            units.renameDepartment(user, id, name);
            flash.success(redirect, "department.renamed", name.strip());
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        }
        return "redirect:/units/" + d.unitId();
    }

    @PostMapping("/departments/{id}/deactivate")
    @Requires(Permission.PERSON_MANAGE)
    String deactivateDepartment(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            RedirectAttributes redirect) {
        Department d = units.department(user, id);
        try {
            units.deactivateDepartment(user, id);
            flash.success(redirect, "department.deactivated", d.name());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/units/" + d.unitId();
    }

    private String form(Model model, UnitForm form, Unit existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("kinds", Arrays.asList(UnitKind.values()));
        model.addAttribute("parents", units.all().stream().filter(u -> existing == null || u.id() != existing.id()).toList());
        return FORM;
    }
}
