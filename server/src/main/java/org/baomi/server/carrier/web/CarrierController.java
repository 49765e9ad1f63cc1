package org.baomi.server.carrier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierQuery;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierSettings;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.carrier.CarrierViews.ReminderKind;
import org.baomi.server.carrier.CarrierViews.ReminderRow;
import org.baomi.server.org.PersonSearch;
import org.baomi.server.org.PersonService;
import org.baomi.server.org.UnitService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
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
import org.baomi.server.platform.web.NotFoundPage;

/**
 * The carrier ledger's list pages: the ledger with its filters (htmx, with a plain GET fallback),
 * registering one carrier or receiving a batch of copies, the reminders and the unit's settings.
 * One carrier's page and its acts are {@link CarrierActController}'s.
 */
@Controller
class CarrierController implements NotFoundPage {

    static final String LEDGER = "carrier/ledger";
    static final String FORM = "carrier/form";
    static final String REMINDERS = "carrier/reminders";
    static final String SETTINGS = "carrier/settings";

    private final CarrierService carriers;
    private final PersonService people;
    private final UnitService units;
    private final CarrierLabels labels;
    private final Flash flash;

    CarrierController(CarrierService carriers, PersonService people, UnitService units, CarrierLabels labels,
            Flash flash) {
        this.carriers = carriers;
        this.people = people;
        this.units = units;
        this.labels = labels;
        this.flash = flash;
    }

    // ------------------------------------------------------------ the ledger

    /** With htmx (filters changed) only the results fragment is rendered; the URL carries the filters. */
    @GetMapping("/carriers")
    @Requires(Permission.BUSINESS_READ)
    String ledger(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("filter") LedgerFilter filter,
            BindingResult ignoredUnparsable, HttpServletRequest request, Model model) {
        model.addAttribute("result", carriers.search(filter.query(user.personId())));
        model.addAttribute("labels", labels);
        if (request.getHeader("HX-Request") != null) {
            return LEDGER + " :: results";
        }
        List<Label> ledgerUnits = carriers.ledgerUnits();
        model.addAttribute("units", units.visible(user));
        model.addAttribute("keeper", !ledgerUnits.isEmpty() && user.has(Permission.CARRIER_MANAGE));
        model.addAttribute("custodians", people.search(user, new PersonSearch(null, null, null, null, true, 1,
                PersonSearch.MAX_SIZE)).items());
        model.addAttribute("types", CarrierType.values());
        model.addAttribute("levels", stateSecretLevels());
        model.addAttribute("statuses", CarrierStatus.values());
        model.addAttribute("storageKinds", StoragePlace.Kind.values());
        model.addAttribute("sorts", CarrierQuery.Sort.values());
        return LEDGER;
    }

    // ------------------------------------------------------------ registering

    @GetMapping("/carriers/new")
    @Requires(Permission.CARRIER_MANAGE)
    String newForm(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId, Model model) {
        CarrierForm form = new CarrierForm();
        form.setUnitId(unitId);
        form.setCustodianId(user.personId());
        return form(user, form, false, model);
    }

    @PostMapping("/carriers")
    @Requires(Permission.CARRIER_MANAGE)
    String register(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") CarrierForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(user, form, false, model);
        }
        try {
            Registered r = carriers.register(form.toInput());
            flash.success(redirect, "carrierpages.registered", r.serial());
            return "redirect:/carriers/" + r.id();
        } catch (ValidationException e) {
            e.rejectInto(binding);
        } catch (DomainException e) {
            binding.reject(e.code(), e.args(), e.getMessage());
        }
        return form(user, form, false, model);
    }

    @GetMapping("/carriers/receive")
    @Requires(Permission.CARRIER_MANAGE)
    String receiveForm(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId,
            Model model) {
        CarrierForm form = new CarrierForm();
        form.setUnitId(unitId);
        form.setCustodianId(user.personId());
        form.setCopyTotal(null);
        return form(user, form, true, model);
    }

    @PostMapping("/carriers/receive")
    @Requires(Permission.CARRIER_MANAGE)
    String receive(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") CarrierForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(user, form, true, model);
        }
        try {
            List<Registered> made = carriers.receiveBatch(form.toInput(), form.copyNumberList());
            flash.success(redirect, "carrierpages.received", made.size(), made.get(0).serial(),
                    made.get(made.size() - 1).serial());
            return "redirect:/carriers?sort=REGISTERED&descending=true";
        } catch (ValidationException e) {
            e.rejectInto(binding);
        } catch (DomainException e) {
            binding.reject(e.code(), e.args(), e.getMessage());
        }
        return form(user, form, true, model);
    }

    private String form(BaomiUser user, CarrierForm form, boolean batch, Model model) {
        List<Label> ledgerUnits = carriers.ledgerUnits();
        if (ledgerUnits.isEmpty()) {
            throw new AccessDeniedException("keeps no carrier ledger");
        }
        if (form.getUnitId() == null || ledgerUnits.stream().noneMatch(u -> u.id() == form.getUnitId())) {
            form.setUnitId(ledgerUnits.get(0).id());
        }
        model.addAttribute("form", form);
        model.addAttribute("batch", batch);
        model.addAttribute("ledgerUnits", ledgerUnits);
        model.addAttribute("people", people.search(user, new PersonSearch(null, form.getUnitId(), null, null, true, 1,
                PersonSearch.MAX_SIZE)).items());
        model.addAttribute("departments", units.departments(user, form.getUnitId()));
        model.addAttribute("types", CarrierType.values());
        model.addAttribute("levels", stateSecretLevels());
        model.addAttribute("storageKinds", StoragePlace.Kind.values());
        model.addAttribute("labels", labels);
        return FORM;
    }

    // ------------------------------------------------------------ reminders

    @GetMapping("/carriers/reminders")
    @Requires(Permission.BUSINESS_READ)
    String reminders(@RequestParam(required = false) Long unitId, Model model) {
        Map<ReminderKind, List<ReminderRow>> groups = new LinkedHashMap<>();
        for (ReminderKind k : ReminderKind.values()) {
            groups.put(k, new java.util.ArrayList<>());
        }
        List<ReminderRow> all = carriers.reminders(unitId);
        for (ReminderRow r : all) {
            groups.get(r.kind()).add(r);
        }
        groups.values().removeIf(List::isEmpty);
        model.addAttribute("groups", groups);
        model.addAttribute("total", all.size());
        model.addAttribute("labels", labels);
        return REMINDERS;
    }

    // ------------------------------------------------------------ settings

    /** The settings form; {@code unitId} is one of the units whose ledger the user keeps. */
    public static final class SettingsForm {
        private Long unitId;
        private String serialPattern;
        private Integer circulationDays;
        private Integer termWarningDays;
        private Integer yearEndWindowDays;

        static SettingsForm of(CarrierSettings s) {
            SettingsForm f = new SettingsForm();
            f.unitId = s.unitId();
            f.serialPattern = s.serialPattern();
            f.circulationDays = s.circulationDays();
            f.termWarningDays = s.termWarningDays();
            f.yearEndWindowDays = s.yearEndWindowDays();
            return f;
        }

        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public String getSerialPattern() { return serialPattern; }
        public void setSerialPattern(String serialPattern) { this.serialPattern = serialPattern; }
        public Integer getCirculationDays() { return circulationDays; }
        public void setCirculationDays(Integer circulationDays) { this.circulationDays = circulationDays; }
        public Integer getTermWarningDays() { return termWarningDays; }
        public void setTermWarningDays(Integer termWarningDays) { this.termWarningDays = termWarningDays; }
        public Integer getYearEndWindowDays() { return yearEndWindowDays; }
        public void setYearEndWindowDays(Integer yearEndWindowDays) { this.yearEndWindowDays = yearEndWindowDays; }
    }

    @GetMapping("/carriers/settings")
    @Requires(Permission.CARRIER_MANAGE)
    String settings(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) Long unitId, Model model) {
        long unit = ledgerUnit(unitId);
        return settingsView(user, SettingsForm.of(carriers.settings(unit)), model);
    }

    @PostMapping("/carriers/settings")
    @Requires(Permission.CARRIER_MANAGE)
    String saveSettings(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") SettingsForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        long unit = ledgerUnit(form.getUnitId());
        form.setUnitId(unit);
        for (String f : List.of("circulationDays", "termWarningDays", "yearEndWindowDays")) {
            if (!binding.hasFieldErrors(f) && binding.getFieldValue(f) == null) {
                binding.rejectValue(f, "carrier.required", "Required.");
            }
        }
        if (binding.hasErrors()) {
            return settingsView(user, form, model);
        }
        try {
            carriers.updateSettings(new CarrierSettings(unit, form.getSerialPattern(), form.getCirculationDays(),
                    form.getTermWarningDays(), form.getYearEndWindowDays()));
            flash.success(redirect, "carrierpages.settings.saved");
            return "redirect:/carriers/settings?unitId=" + unit;
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return settingsView(user, form, model);
        }
    }

    private long ledgerUnit(Long unitId) {
        List<Label> ledgerUnits = carriers.ledgerUnits();
        if (ledgerUnits.isEmpty()) {
            throw new AccessDeniedException("keeps no carrier ledger");
        }
        if (unitId == null) {
            return ledgerUnits.get(0).id();
        }
        if (ledgerUnits.stream().noneMatch(u -> u.id() == unitId)) {
            throw new AccessDeniedException("not the keeper of unit " + unitId + "'s ledger");
        }
        return unitId;
    }

    private String settingsView(BaomiUser user, SettingsForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("ledgerUnits", carriers.ledgerUnits());
        model.addAttribute("example", exampleSerial(form));
        return SETTINGS;
    }

    /** The serial the pattern would give the unit's next paper document, or null while it does not parse. */
    private String exampleSerial(SettingsForm form) {
        try {
            return carriers.nextSerialExample(form.getUnitId(), form.getSerialPattern());
        } catch (ValidationException unreadable) {
            return null;
        }
    }

    static List<ClassificationLevel> stateSecretLevels() {
        return Arrays.stream(ClassificationLevel.values()).filter(l -> l != ClassificationLevel.PUBLIC).toList();
    }

}
