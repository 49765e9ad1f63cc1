package org.baomi.server.carrier.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierView;
import org.baomi.server.carrier.CarrierViews.Detail;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.carrier.CarrierViews.Request;
import org.baomi.server.carrier.CarrierViews.TimelineEntry;
import org.baomi.server.carrier.CopyChain;
import org.baomi.server.carrier.HandoverService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.baomi.server.platform.web.NotFoundPage;

/**
 * One carrier's page — the marking as on paper, the facts, the timeline — and every act on it,
 * each a small form posting here. A refusal about a field is shown beside it in the act's form; a
 * refusal of the act itself (wrong status, not his turn) comes back as a readable message.
 */
@Controller
class CarrierActController implements NotFoundPage {

    static final String DETAIL = "carrier/detail";

    /** Refusals of the model that are about one field of an act's form. */
    private static final Map<String, String> FIELD_OF = Map.ofEntries(
            Map.entry("carrier.routeEmpty", "route"), Map.entry("carrier.routeRepeats", "route"),
            Map.entry("carrier.readerNotCleared", "route"), Map.entry("carrier.readerNotInScope", "route"),
            Map.entry("carrier.circulationTooLong", "due"), Map.entry("carrier.urgentSameDay", "due"),
            Map.entry("carrier.borrowerNotCleared", "personId"), Map.entry("carrier.borrowerNotInScope", "personId"),
            Map.entry("carrier.reasonRequired", "reason"), Map.entry("carrier.receiptMissing", "receipt"),
            Map.entry("carrier.noteRequired", "note"), Map.entry("carrier.samePlace", "storageName"),
            Map.entry("carrier.consentRequired", "consentAuthority"),
            Map.entry("carrier.consentIncomplete", "consentReference"),
            Map.entry("carrier.sameCustodian", "toPersonId"), Map.entry("carrier.custodianNotCleared", "toPersonId"),
            Map.entry("carrier.custodianOutOfScope", "scopePersonIds"),
            Map.entry("carrier.holderOutOfScope", "scopePersonIds"),
            Map.entry("carrier.scopeUnchanged", "scopePersonIds"), Map.entry("carrier.scopeEmpty", "scopePersonIds"));

    private final CarrierService carriers;
    private final HandoverService handovers;
    private final PersonService people;
    private final UnitService units;
    private final CarrierLabels labels;
    private final Flash flash;

    CarrierActController(CarrierService carriers, HandoverService handovers, PersonService people, UnitService units,
            CarrierLabels labels, Flash flash) {
        this.carriers = carriers;
        this.handovers = handovers;
        this.people = people;
        this.units = units;
        this.labels = labels;
        this.flash = flash;
    }

    @GetMapping("/carriers/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    String detail(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        model.addAttribute("act", new ActForm());
        return detailView(user, id, null, model);
    }

    private String detailView(BaomiUser user, long id, String failedAct, Model model) {
        CarrierView view = carriers.get(id);
        model.addAttribute("labels", labels);
        model.addAttribute("failedAct", failedAct);
        if (view instanceof CarrierView.Restricted r) {
            model.addAttribute("restricted", r);
            return DETAIL;
        }
        CarrierView.Full full = (CarrierView.Full) view;
        Detail d = full.detail();
        boolean keeper = carriers.ledgerUnits().stream().anyMatch(u -> u.id() == d.unitId())
                && user.has(Permission.CARRIER_MANAGE);
        Long me = user.personId();
        model.addAttribute("d", d);
        model.addAttribute("actions", full.actions());
        model.addAttribute("keeper", keeper);
        model.addAttribute("lines", labels.timeline(full.timeline(), d, carriers.scopeNames(full.timeline())));
        // A changed marking is written beside the old one, struck out (SPEC §2): the latest change.
        model.addAttribute("formerMarking", full.timeline().stream().map(TimelineEntry::event)
                .filter(CarrierEvent.Reclassified.class::isInstance).map(CarrierEvent.Reclassified.class::cast)
                .reduce((a, b) -> b).map(r -> r.oldMarking().format()).orElse(null));
        List<Request> requests = keeper ? carriers.requests(id) : List.of();
        model.addAttribute("requests", requests);
        model.addAttribute("disclosure", keeper ? carriers.disclosure(id) : List.of());
        boolean open = !d.status().isTerminal();
        boolean handler = user.has(Permission.CARRIER_HANDLE) && me != null;
        boolean holder = me != null && (d.loan() != null && d.loan().personId() == me
                || d.carriedOut() != null && d.carriedOut().personId() == me
                || d.circulation() != null && full.actions().sign());
        model.addAttribute("mayRequestCarryOut", handler && d.status() == CarrierStatus.IN_CUSTODY);
        model.addAttribute("mayBringBack", d.status() == CarrierStatus.CARRIED_OUT
                && (full.actions().manage() || d.carriedOut() != null && me != null && d.carriedOut().personId() == me));
        model.addAttribute("mayReportLost", open && handler && (full.actions().manage() || holder));
        model.addAttribute("allSigned", d.circulation() != null
                && d.circulation().route().stream().allMatch(r -> r.signedAt() != null));
        model.addAttribute("usable", requests.stream()
                .filter(r -> "APPROVED".equals(r.status()) && r.usedAt() == null).toList());
        if (full.actions().manage()) {
            model.addAttribute("people", people.search(user, new PersonSearch(null, d.unitId(), null, null, true, 1,
                    PersonSearch.MAX_SIZE)).items());
            model.addAttribute("storageKinds", StoragePlace.Kind.values());
            model.addAttribute("chains", CopyChain.values());
            model.addAttribute("scopeIds", d.scopePeople().stream().map(l -> l.id()).collect(Collectors.toSet()));
            model.addAttribute("scopeDepartmentIds", d.scopeDepartments().stream().map(l -> l.id())
                    .collect(Collectors.toSet()));
            model.addAttribute("departments", units.departments(user, d.unitId()));
        }
        return DETAIL;
    }

    // ------------------------------------------------------------ circulation and loans

    @PostMapping("/carriers/{id:\\d+}/circulate")
    @Requires(Permission.CARRIER_MANAGE)
    String circulate(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "circulate", binding, model, redirect, () -> {
            required(binding, "due", form.getDue());
            carriers.circulate(id, form.getRoute(), form.getDue(), form.isUrgent());
            return "carrierpages.done.circulate";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/sign")
    @Requires(Permission.CARRIER_HANDLE)
    String sign(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "sign", binding, model, redirect, () -> {
            carriers.signAsRead(id);
            return "carrierpages.done.sign";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/end-circulation")
    @Requires(Permission.CARRIER_MANAGE)
    String endCirculation(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "end", binding, model, redirect, () -> {
            carriers.endCirculation(id);
            return "carrierpages.done.end";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/recall")
    @Requires(Permission.CARRIER_MANAGE)
    String recall(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "recall", binding, model, redirect, () -> {
            required(binding, "reason", form.getReason());
            carriers.recallCirculation(id, form.getReason());
            return "carrierpages.done.recall";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/lend")
    @Requires(Permission.CARRIER_MANAGE)
    String lend(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "lend", binding, model, redirect, () -> {
            required(binding, "personId", form.getPersonId());
            carriers.lend(id, form.getPersonId(), form.getDue());
            return "carrierpages.done.lend";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/retrieve")
    @Requires(Permission.CARRIER_MANAGE)
    String retrieve(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "retrieve", binding, model, redirect, () -> {
            required(binding, "personId", form.getPersonId());
            carriers.retrieve(id, form.getPersonId(), form.getDue());
            return "carrierarchive.done.retrieve";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/return")
    @Requires(Permission.CARRIER_HANDLE)
    String returnLoan(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "return", binding, model, redirect, () -> {
            return carriers.returnLoan(id) ? "carrierarchive.done.return" : "carrierpages.done.return";
        });
    }

    // ------------------------------------------------------------ under approval

    @PostMapping("/carriers/{id:\\d+}/carry-out/request")
    @Requires(Permission.CARRIER_HANDLE)
    String requestCarryOut(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "carryOutRequest", binding, model, redirect, () -> {
            long request = carriers.requestCarryOut(id, form.getReturnBy(), form.getReason());
            return requested(request);
        });
    }

    @PostMapping("/carriers/{id:\\d+}/carry-out")
    @Requires(Permission.CARRIER_HANDLE)
    String carryOut(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "carryOut", binding, model, redirect, () -> {
            required(binding, "requestId", form.getRequestId());
            carriers.carryOut(id, form.getRequestId());
            return "carrierpages.done.carryOut";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/bring-back")
    @Requires(Permission.CARRIER_HANDLE)
    String bringBack(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "bringBack", binding, model, redirect, () -> {
            carriers.bringBack(id);
            return "carrierpages.done.bringBack";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/copy/request")
    @Requires(Permission.CARRIER_MANAGE)
    String requestCopy(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "copyRequest", binding, model, redirect, () -> {
            required(binding, "copies", form.getCopies());
            long request = carriers.requestCopy(id, form.getCopies(), form.getChain(), form.getConsentAuthority(),
                    form.getConsentReference(), form.getReason());
            return requested(request);
        });
    }

    @PostMapping("/carriers/{id:\\d+}/copy")
    @Requires(Permission.CARRIER_MANAGE)
    String copy(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "copy", binding, model, redirect, () -> {
            required(binding, "requestId", form.getRequestId());
            List<Registered> made = carriers.copy(id, form.getRequestId());
            return labels.text("carrierpages.done.copy", made.size(),
                    made.stream().map(Registered::serial).collect(Collectors.joining(", ")));
        });
    }

    @PostMapping("/carriers/{id:\\d+}/reclassify/request")
    @Requires(Permission.CARRIER_MANAGE)
    String requestReclassify(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "reclassifyRequest", binding, model, redirect,
                () -> requested(carriers.requestReclassify(id, form.getMarking(), form.getReason())));
    }

    @PostMapping("/carriers/{id:\\d+}/reclassify")
    @Requires(Permission.CARRIER_MANAGE)
    String reclassify(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "reclassify", binding, model, redirect, () -> {
            required(binding, "requestId", form.getRequestId());
            carriers.reclassify(id, form.getRequestId());
            return "carrierpages.done.reclassify";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/declassify/request")
    @Requires(Permission.CARRIER_MANAGE)
    String requestDeclassify(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "declassifyRequest", binding, model, redirect,
                () -> requested(carriers.requestDeclassify(id, form.getReason())));
    }

    @PostMapping("/carriers/{id:\\d+}/declassify")
    @Requires(Permission.CARRIER_MANAGE)
    String declassify(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "declassify", binding, model, redirect, () -> {
            required(binding, "requestId", form.getRequestId());
            carriers.declassify(id, form.getRequestId());
            return "carrierpages.done.declassify";
        });
    }

    // ------------------------------------------------------------ storage and disposal

    @PostMapping("/carriers/{id:\\d+}/move")
    @Requires(Permission.CARRIER_MANAGE)
    String move(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "move", binding, model, redirect, () -> {
            carriers.moveTo(id, form.getStorageKind(), form.getStorageName());
            return "carrierpages.done.move";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/archive")
    @Requires(Permission.CARRIER_MANAGE)
    String archive(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "archive", binding, model, redirect, () -> {
            carriers.archive(id);
            return "carrierpages.done.archive";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/clear")
    @Requires(Permission.CARRIER_MANAGE)
    String clear(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "clear", binding, model, redirect, () -> {
            carriers.clear(id, form.getReceipt());
            return "carrierpages.done.clear";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/lost")
    @Requires(Permission.CARRIER_HANDLE)
    String reportLost(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "lost", binding, model, redirect, () -> {
            long incident = carriers.reportLost(id, form.getNote());
            return labels.text("carrierpages.done.lost", incident);
        });
    }

    // ------------------------------------------------------------ custodian and scope (ADR 0017)

    /** 移交: on success, straight to the hand-over list, which both people sign. */
    @PostMapping("/carriers/{id:\\d+}/handover")
    @Requires(Permission.CARRIER_MANAGE)
    String handOver(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @ModelAttribute("act") ActForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "handover", binding, model, redirect, () -> {
            required(binding, "toPersonId", form.getToPersonId());
            long list = handovers.handOver(id, form.getToPersonId(), form.getReason());
            redirect.addFlashAttribute("flashSuccess", labels.text("carrierhandover.done.single"));
            return "redirect:/carriers/handovers/" + list + "/print";
        });
    }

    @PostMapping("/carriers/{id:\\d+}/scope")
    @Requires(Permission.CARRIER_MANAGE)
    String changeScope(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @ModelAttribute("act") ActForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return act(user, id, "scope", binding, model, redirect, () -> {
            carriers.changeScope(id, form.getScopePersonIds(), form.getScopeDepartmentIds(), form.getReason());
            return "carrierhandover.done.scope";
        });
    }

    // ------------------------------------------------------------ plumbing

    /** An act returning the flash text, or a message key of the pages' bundle. */
    @FunctionalInterface
    interface Act {
        String run();
    }

    /** Thrown by {@link #required} so the act stops before calling the service with a missing value. */
    private static final class Missing extends RuntimeException {
        Missing() {
            super(null, null, false, false);
        }
    }

    private String act(BaomiUser user, long id, String name, BindingResult binding, Model model,
            RedirectAttributes redirect, Act act) {
        if (!binding.hasErrors()) {
            try {
                String done = act.run();
                if (done.startsWith("redirect:")) {
                    return done;
                }
                redirect.addFlashAttribute("flashSuccess", done.startsWith("carrierpages.")
                        || done.startsWith("carrierhandover.") || done.startsWith("carrierarchive.") ? labels.text(done) : done);
                return "redirect:/carriers/" + id;
            } catch (Missing stop) {
                // the field is already marked
            } catch (ValidationException e) {
                // The approval request is named by a button, not typed: its refusal is the act's refusal.
                var first = e.problems().get(0);
                if ("requestId".equals(first.field())) {
                    flash.error(redirect, first.code(), first.message(), first.args());
                    return "redirect:/carriers/" + id;
                }
                e.rejectInto(binding);
            } catch (DomainException e) {
                String field = FIELD_OF.get(e.code());
                if (field == null || !hasField(binding, field)) {
                    flash.error(redirect, e.code(), e.getMessage(), e.args());
                    return "redirect:/carriers/" + id;
                }
                binding.rejectValue(field, e.code(), e.args(), e.getMessage());
            }
        }
        return detailView(user, id, name, model);
    }

    private static boolean hasField(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void required(BindingResult binding, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            binding.rejectValue(field, "carrier.required", "Required.");
            throw new Missing();
        }
    }

    private String requested(long requestId) {
        return labels.text("carrierpages.done.requested", requestId);
    }
}
