package org.baomi.server.carrier.batch.web;

import org.baomi.core.ChinaTime;
import org.baomi.server.platform.web.PageLabels;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.batch.BatchViews.BatchDetail;
import org.baomi.server.carrier.batch.BatchViews.BatchInput;
import org.baomi.server.carrier.batch.BatchViews.BatchStatus;
import org.baomi.server.carrier.batch.BatchViews.Execution;
import org.baomi.server.carrier.batch.DestructionBatchService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
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

/** Destruction batches for people: the list, drawing one up, its page, and the printable record. */
@Controller
class BatchController extends PageLabels implements NotFoundPage {

    static final String LIST_VIEW = "carrier/batch/list";
    static final String NEW_VIEW = "carrier/batch/new";
    static final String DETAIL_VIEW = "carrier/batch/detail";
    static final String PRINT_VIEW = "carrier/batch/print";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The batch's details: unit (when new), method, equipment, planned date, place. */
    public static final class BatchForm {
        private Long unitId;
        private DestructionRecord.Method method = DestructionRecord.Method.DESTRUCTION_CENTRE;
        private String equipment;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate plannedDate;
        private String place;

        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public DestructionRecord.Method getMethod() { return method; }
        public void setMethod(DestructionRecord.Method method) { this.method = method; }
        public String getEquipment() { return equipment; }
        public void setEquipment(String equipment) { this.equipment = equipment; }
        public LocalDate getPlannedDate() { return plannedDate; }
        public void setPlannedDate(LocalDate plannedDate) { this.plannedDate = plannedDate; }
        public String getPlace() { return place; }
        public void setPlace(String place) { this.place = place; }

        BatchInput input() {
            return new BatchInput(unitId, method, equipment, plannedDate, place);
        }
    }

    /** A serial typed or scanned to add a carrier. */
    public static final class SerialForm {
        private String serial;

        public String getSerial() { return serial; }
        public void setSerial(String serial) { this.serial = serial; }
    }

    /** Recording the destruction. */
    public static final class ExecuteForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate executedOn;
        private List<Long> supervisorIds = new ArrayList<>();
        private Long destroyedById;

        public LocalDate getExecutedOn() { return executedOn; }
        public void setExecutedOn(LocalDate executedOn) { this.executedOn = executedOn; }
        public List<Long> getSupervisorIds() { return supervisorIds; }
        public void setSupervisorIds(List<Long> supervisorIds) { this.supervisorIds = supervisorIds; }
        public Long getDestroyedById() { return destroyedById; }
        public void setDestroyedById(Long destroyedById) { this.destroyedById = destroyedById; }
    }

    private final DestructionBatchService batches;
    private final Flash flash;

    BatchController(DestructionBatchService batches, Flash flash) {
        this.batches = batches;
        this.flash = flash;
    }

    @GetMapping("/carriers/batches")
    @Requires(Permission.BUSINESS_READ)
    String list(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) BatchStatus status,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("result", batches.list(null, status, page));
        model.addAttribute("status", status);
        model.addAttribute("statuses", BatchStatus.values());
        model.addAttribute("manages", user.has(Permission.CARRIER_MANAGE));
        model.addAttribute("labels", this);
        return LIST_VIEW;
    }

    @GetMapping("/carriers/batches/new")
    @Requires(Permission.CARRIER_MANAGE)
    String newForm(Model model) {
        BatchForm form = new BatchForm();
        var units = batches.ledgerUnits();
        if (units.size() == 1) {
            form.setUnitId(units.get(0).id());
        }
        model.addAttribute("form", form);
        return newView(model);
    }

    @PostMapping("/carriers/batches")
    @Requires(Permission.CARRIER_MANAGE)
    String create(@ModelAttribute("form") BatchForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return newView(model);
        }
        long id;
        try {
            id = batches.create(form.input());
        } catch (ValidationException e) {
            e.rejectInto(binding);
            return newView(model);
        }
        flash.success(redirect, "carrierBatch.created");
        return "redirect:/carriers/batches/" + id;
    }

    private String newView(Model model) {
        model.addAttribute("units", batches.ledgerUnits());
        model.addAttribute("methods", DestructionRecord.Method.values());
        return NEW_VIEW;
    }

    @GetMapping("/carriers/batches/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    String detail(@PathVariable long id, Model model) {
        return detailView(id, model);
    }

    @PostMapping("/carriers/batches/{id:\\d+}")
    @Requires(Permission.CARRIER_MANAGE)
    String update(@PathVariable long id, @ModelAttribute("form") BatchForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                batches.update(id, form.input());
                flash.success(redirect, "carrierBatch.saved");
                return "redirect:/carriers/batches/" + id;
            } catch (ValidationException e) {
                e.rejectInto(binding);
            } catch (DomainException e) {
                return refused(id, e, redirect);
            }
        }
        model.addAttribute("editOpen", true);
        return detailView(id, model);
    }

    @PostMapping("/carriers/batches/{id:\\d+}/carriers")
    @Requires(Permission.CARRIER_MANAGE)
    String add(@PathVariable long id, @ModelAttribute("serialForm") SerialForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        try {
            batches.addCarrier(id, form.getSerial());
            flash.success(redirect, "carrierBatch.added", form.getSerial().strip());
            return "redirect:/carriers/batches/" + id + "#batch-add";
        } catch (ValidationException e) {
            e.rejectInto(binding);
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
        return detailView(id, model);
    }

    @PostMapping("/carriers/batches/{id:\\d+}/carriers/{carrierId}/remove")
    @Requires(Permission.CARRIER_MANAGE)
    String remove(@PathVariable long id, @PathVariable long carrierId, RedirectAttributes redirect) {
        try {
            batches.removeCarrier(id, carrierId);
            flash.success(redirect, "carrierBatch.removed");
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
        return "redirect:/carriers/batches/" + id;
    }

    @PostMapping("/carriers/batches/{id:\\d+}/submit")
    @Requires(Permission.CARRIER_MANAGE)
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        try {
            batches.submit(id);
            flash.success(redirect, "carrierBatch.submitted");
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
        return "redirect:/carriers/batches/" + id;
    }

    @PostMapping("/carriers/batches/{id:\\d+}/execute")
    @Requires(Permission.CARRIER_MANAGE)
    String execute(@PathVariable long id, @ModelAttribute("executeForm") ExecuteForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                batches.execute(id, new Execution(form.getExecutedOn(), form.getSupervisorIds(),
                        form.getDestroyedById()));
                flash.success(redirect, "carrierBatch.executed");
                return "redirect:/carriers/batches/" + id;
            } catch (ValidationException e) {
                e.rejectInto(binding);
            } catch (DomainException e) {
                return refused(id, e, redirect);
            }
        }
        return detailView(id, model);
    }

    @GetMapping("/carriers/batches/{id:\\d+}/print")
    @Requires(Permission.CARRIER_MANAGE)
    String print(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        BatchDetail batch = batches.get(id);
        if (!batch.actions().print()) {
            throw new AccessDeniedException("not the keeper of this ledger");
        }
        model.addAttribute("batch", batch);
        model.addAttribute("printedBy", user.displayName());
        model.addAttribute("printedAt", TIME.format(Instant.now().atZone(ChinaTime.ZONE)));
        model.addAttribute("labels", this);
        return PRINT_VIEW;
    }

    private String refused(long id, DomainException e, RedirectAttributes redirect) {
        flash.error(redirect, e.code(), e.getMessage(), e.args());
        return "redirect:/carriers/batches/" + id;
    }

    private String detailView(long id, Model model) {
        BatchDetail batch = batches.get(id);
        model.addAttribute("batch", batch);
        if (!model.containsAttribute("form")) {
            BatchForm form = new BatchForm();
            form.setMethod(batch.method());
            form.setEquipment(batch.equipment());
            form.setPlannedDate(batch.plannedDate());
            form.setPlace(batch.place());
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("serialForm")) {
            model.addAttribute("serialForm", new SerialForm());
        }
        if (!model.containsAttribute("executeForm")) {
            ExecuteForm form = new ExecuteForm();
            form.setExecutedOn(ChinaTime.today());
            model.addAttribute("executeForm", form);
        }
        model.addAttribute("methods", DestructionRecord.Method.values());
        model.addAttribute("people", batch.actions().execute() ? batches.people(id) : List.of());
        model.addAttribute("labels", this);
        return DETAIL_VIEW;
    }

}
