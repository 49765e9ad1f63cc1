package org.baomi.server.org.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Permission;
import org.baomi.server.org.Person;
import org.baomi.server.org.PersonSearch;
import org.baomi.server.org.PersonService;
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

/** The people list with search and filters, a person's page, the person form and the clearance action. */
@Controller
class PeopleController {

    static final String LIST = "org/people";
    static final String DETAIL = "org/person";
    static final String FORM = "org/person-form";

    private final PersonService people;
    private final UnitService units;
    private final Flash flash;

    PeopleController(PersonService people, UnitService units, Flash flash) {
        this.people = people;
        this.units = units;
        this.flash = flash;
    }

    /** With htmx (search as you type) only the results fragment is rendered. */
    @GetMapping("/people")
    @Requires(Permission.ORG_READ)
    String list(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) SecretRelatedLevel level, @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        PersonSearch search = new PersonSearch(q, unitId, departmentId, level, active, page, PersonSearch.DEFAULT_SIZE);
        model.addAttribute("search", search);
        model.addAttribute("result", people.search(user, search));
        if (request.getHeader("HX-Request") != null) {
            return LIST + " :: results";
        }
        model.addAttribute("units", units.visible(user));
        model.addAttribute("departments", units.visibleDepartments(user));
        model.addAttribute("levels", Arrays.asList(SecretRelatedLevel.values()));
        return LIST;
    }

    @GetMapping("/people/{id}")
    @Requires(Permission.ORG_READ)
    String show(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        Person person = people.get(user, id);
        model.addAttribute("person", person);
        model.addAttribute("accounts", people.accounts(user, id));
        model.addAttribute("mayManage", user.has(Permission.PERSON_MANAGE) && people.mayManage(user, person));
        model.addAttribute("levels", Arrays.asList(SecretRelatedLevel.values()));
        return DETAIL;
    }

    @GetMapping("/people/new")
    @Requires(Permission.PERSON_MANAGE)
    String createForm(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId, Model model) {
        PersonForm form = new PersonForm();
        form.setUnitId(unitId);
        return form(user, model, form, null);
    }

    @PostMapping("/people")
    @Requires(Permission.PERSON_MANAGE)
    String create(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") PersonForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(user, model, form, null);
        }
        try {
            Person created = people.create(user, form.toInput());
            flash.success(redirect, "person.created", created.name());
            return "redirect:/people/" + created.id();
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return form(user, model, form, null);
        }
    }

    @GetMapping("/people/{id}/edit")
    @Requires(Permission.PERSON_MANAGE)
    String editForm(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        Person person = people.get(user, id);
        if (!people.mayManage(user, person)) {
            throw new org.springframework.security.access.AccessDeniedException("not within the caller's units");
        }
        return form(user, model, PersonForm.of(person), person);
    }

    @PostMapping("/people/{id}")
    @Requires(Permission.PERSON_MANAGE)
    String update(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("form") PersonForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Person person = people.get(user, id);
        if (binding.hasErrors()) {
            return form(user, model, form, person);
        }
        try {
            people.update(user, id, form.toInput());
            flash.success(redirect, "person.updated", form.getName());
            return "redirect:/people/" + id;
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return form(user, model, form, person);
        }
    }

    @PostMapping("/people/{id}/deactivate")
    @Requires(Permission.PERSON_MANAGE)
    String deactivate(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, RedirectAttributes redirect) {
        Person p = people.deactivate(user, id);
        flash.success(redirect, "person.deactivated", p.name());
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/reactivate")
    @Requires(Permission.PERSON_MANAGE)
    String reactivate(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, RedirectAttributes redirect) {
        Person p = people.reactivate(user, id);
        flash.success(redirect, "person.reactivated", p.name());
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/clearance")
    @Requires(Permission.CLEARANCE_ASSIGN)
    String clearance(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @RequestParam String level,
            RedirectAttributes redirect) {
        try {
            Person p = people.assignClearance(user, id, level);
            flash.success(redirect, "person.clearanceSet", p.name(),
                    flash.text("secretRelatedLevel." + p.level().name(), p.level().name()));
        } catch (ValidationException e) {
            var problem = e.problems().get(0);
            flash.error(redirect, problem.code(), problem.message(), problem.args());
        }
        return "redirect:/people/" + id;
    }

    private String form(BaomiUser user, Model model, PersonForm form, Person existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("units", units.manageable(user));
        model.addAttribute("departments", units.manageableDepartments(user));
        return FORM;
    }
}
