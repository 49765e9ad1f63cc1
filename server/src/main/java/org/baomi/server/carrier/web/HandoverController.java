package org.baomi.server.carrier.web;

import java.time.Instant;
import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.HandoverService;
import org.baomi.server.carrier.HandoverViews.Preview;
import org.baomi.server.org.PersonSearch;
import org.baomi.server.org.PersonService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.NotFoundPage;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handing over every carrier a person keeps (移交, "张三调离，全部移交给李四"): choose the two
 * people, look at the list — each carrier and whether it can go — then confirm; the printed
 * hand-over list follows, for both people and the supervisor to sign.
 */
@Controller
class HandoverController implements NotFoundPage {

    static final String BULK = "carrier/handover/bulk";
    static final String PRINT = "carrier/handover/print";

    /** The bulk hand-over form; field names are the service's. */
    public static final class HandoverForm {
        private Long unitId;
        private Long fromPersonId;
        private Long toPersonId;
        private String reason;

        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public Long getFromPersonId() { return fromPersonId; }
        public void setFromPersonId(Long fromPersonId) { this.fromPersonId = fromPersonId; }
        public Long getToPersonId() { return toPersonId; }
        public void setToPersonId(Long toPersonId) { this.toPersonId = toPersonId; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
        /** Not entered: the field the refusals of carriers that cannot go are bound to. */
        public String getCarriers() { return null; }
        public void setCarriers(String ignored) { }
    }

    private final CarrierService carriers;
    private final HandoverService handovers;
    private final PersonService people;
    private final CarrierLabels labels;

    HandoverController(CarrierService carriers, HandoverService handovers, PersonService people, CarrierLabels labels) {
        this.carriers = carriers;
        this.handovers = handovers;
        this.people = people;
        this.labels = labels;
    }

    /** The form; with both people chosen, the preview of what would go. */
    @GetMapping("/carriers/handover")
    @Requires(Permission.CARRIER_MANAGE)
    String bulk(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") HandoverForm form,
            BindingResult binding, Model model) {
        Preview preview = null;
        if (form.getFromPersonId() != null && form.getToPersonId() != null && form.getUnitId() != null) {
            try {
                preview = handovers.preview(form.getUnitId(), form.getFromPersonId(), form.getToPersonId());
            } catch (ValidationException e) {
                e.rejectInto(binding);
            }
        }
        return page(user, form, preview, model);
    }

    @PostMapping("/carriers/handover")
    @Requires(Permission.CARRIER_MANAGE)
    String confirm(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("form") HandoverForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        for (String field : List.of("unitId", "fromPersonId", "toPersonId")) {
            if (binding.getFieldValue(field) == null || "".equals(binding.getFieldValue(field))) {
                binding.rejectValue(field, "carrier.required", "Required.");
            }
        }
        if (!binding.hasErrors()) {
            try {
                long list = handovers.handOverAll(form.getUnitId(), form.getFromPersonId(), form.getToPersonId(),
                        form.getReason());
                redirect.addFlashAttribute("flashSuccess", labels.text("carrierhandover.done.bulk"));
                return "redirect:/carriers/handovers/" + list + "/print";
            } catch (ValidationException e) {
                e.rejectInto(binding);
            }
        }
        Preview preview = null;
        if (form.getFromPersonId() != null && form.getToPersonId() != null && form.getUnitId() != null) {
            try {
                preview = handovers.preview(form.getUnitId(), form.getFromPersonId(), form.getToPersonId());
            } catch (ValidationException ignored) {
                // already on the form
            }
        }
        return page(user, form, preview, model);
    }

    @GetMapping("/carriers/handovers/{id:\\d+}/print")
    @Requires(Permission.CARRIER_MANAGE)
    String print(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        model.addAttribute("list", handovers.list(id));
        model.addAttribute("printedBy", user.displayName());
        model.addAttribute("printedAt", labels.time(Instant.now()));
        model.addAttribute("labels", labels);
        return PRINT;
    }

    private String page(BaomiUser user, HandoverForm form, Preview preview, Model model) {
        List<Label> ledgerUnits = carriers.ledgerUnits();
        if (ledgerUnits.isEmpty()) {
            throw new AccessDeniedException("keeps no carrier ledger");
        }
        if (form.getUnitId() == null || ledgerUnits.stream().noneMatch(u -> u.id() == form.getUnitId())) {
            form.setUnitId(ledgerUnits.get(0).id());
        }
        model.addAttribute("ledgerUnits", ledgerUnits);
        // Whoever hands over may have left already (inactive); whoever takes over must be active.
        model.addAttribute("fromPeople", people.search(user, new PersonSearch(null, form.getUnitId(), null, null, null,
                1, PersonSearch.MAX_SIZE)).items());
        model.addAttribute("toPeople", people.search(user, new PersonSearch(null, form.getUnitId(), null, null, true,
                1, PersonSearch.MAX_SIZE)).items());
        model.addAttribute("preview", preview);
        model.addAttribute("recent", handovers.recent());
        model.addAttribute("labels", labels);
        return BULK;
    }
}
