package org.baomi.server.carrier.batch.web;

import org.baomi.core.ChinaTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.batch.InventoryService;
import org.baomi.server.carrier.batch.InventoryViews.CheckResult;
import org.baomi.server.carrier.batch.InventoryViews.InventoryDetail;
import org.baomi.server.carrier.batch.InventoryViews.InventoryInput;
import org.baomi.server.carrier.batch.InventoryViews.Outcome;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.baomi.server.platform.web.NotFoundPage;

/**
 * Inventories for people. The check page is made for a barcode scanner: the serial field keeps
 * the focus, Enter submits it through htmx, and only the lists and the message are redrawn.
 */
@Controller
class InventoryController implements NotFoundPage {

    static final String LIST_VIEW = "carrier/inventory/list";
    static final String DETAIL_VIEW = "carrier/inventory/detail";
    static final String PRINT_VIEW = "carrier/inventory/print";
    static final String BODY_FRAGMENT = "carrier/inventory/detail :: inventory-body";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What to count: {@code scope} is a unit id, or "unitId|KIND|name" for one storage place. */
    public static final class StartForm {
        private String scope;

        public String getScope() { return scope; }
        public void setScope(String scope) { this.scope = scope; }

        InventoryInput input() {
            if (scope == null || scope.isBlank()) {
                return new InventoryInput(null, null, null);
            }
            String[] parts = scope.split("\\|", 3);
            try {
                Long unit = Long.valueOf(parts[0]);
                return parts.length == 3 ? new InventoryInput(unit, StoragePlace.Kind.valueOf(parts[1]), parts[2])
                        : new InventoryInput(unit, null, null);
            } catch (IllegalArgumentException e) {
                return new InventoryInput(null, null, null);
            }
        }
    }

    /** A serial typed or scanned. */
    public static final class CheckForm {
        private String serial;

        public String getSerial() { return serial; }
        public void setSerial(String serial) { this.serial = serial; }
    }

    /** Something found but not expected. */
    public static final class FoundForm {
        private String text;
        private String note;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    private final InventoryService inventories;
    private final Flash flash;

    InventoryController(InventoryService inventories, Flash flash) {
        this.inventories = inventories;
        this.flash = flash;
    }

    @GetMapping("/carriers/inventories")
    @Requires(Permission.BUSINESS_READ)
    String list(@AuthenticationPrincipal BaomiUser user, Model model) {
        if (!model.containsAttribute("startForm")) {
            model.addAttribute("startForm", new StartForm());
        }
        return listView(user, model);
    }

    private String listView(BaomiUser user, Model model) {
        boolean manages = user.has(Permission.CARRIER_MANAGE);
        model.addAttribute("inventories", inventories.list());
        model.addAttribute("manages", manages);
        model.addAttribute("places", manages ? inventories.places() : List.of());
        model.addAttribute("units", manages ? inventories.ledgerUnits() : List.of());
        model.addAttribute("labels", this);
        return LIST_VIEW;
    }

    @PostMapping("/carriers/inventories")
    @Requires(Permission.CARRIER_MANAGE)
    String start(@AuthenticationPrincipal BaomiUser user, @ModelAttribute("startForm") StartForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            long id = inventories.start(form.input());
            flash.success(redirect, "carrierInventory.started");
            return "redirect:/carriers/inventories/" + id;
        } catch (ValidationException e) {
            e.problems().forEach(p -> binding.rejectValue("scope", p.code(), p.args(), p.message()));
        }
        return listView(user, model);
    }

    @GetMapping("/carriers/inventories/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("checkForm", new CheckForm());
        model.addAttribute("foundForm", new FoundForm());
        return detailView(id, model);
    }

    /** Ticks a serial; for htmx only the lists and the message come back (the script empties the field). */
    @PostMapping("/carriers/inventories/{id:\\d+}/check")
    @Requires(Permission.CARRIER_MANAGE)
    String check(@PathVariable long id, @ModelAttribute("checkForm") CheckForm form,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        String message;
        String tone = "error";
        try {
            CheckResult result = inventories.check(id, form.getSerial());
            message = flash.text("carrierInventory.outcome." + result.outcome(), result.outcome().name(),
                    result.serial());
            tone = result.outcome() == Outcome.TICKED || result.outcome() == Outcome.ALREADY_TICKED ? "success" : "info";
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            message = flash.text(p.code(), p.message(), p.args());
        } catch (DomainException e) {
            message = flash.text(e.code(), e.getMessage(), e.args());
        }
        if (htmx == null) {
            redirect.addFlashAttribute("error".equals(tone) ? "flashError" : "flashSuccess", message);
            return "redirect:/carriers/inventories/" + id;
        }
        model.addAttribute("checkMessage", message);
        model.addAttribute("checkTone", tone);
        detailView(id, model);
        return BODY_FRAGMENT;
    }

    @PostMapping("/carriers/inventories/{id:\\d+}/unexpected")
    @Requires(Permission.CARRIER_MANAGE)
    String found(@PathVariable long id, @ModelAttribute("foundForm") FoundForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        try {
            CheckResult result = inventories.recordUnexpected(id, form.getText(), form.getNote());
            flash.success(redirect, "carrierInventory.outcome." + result.outcome(), result.serial());
            return "redirect:/carriers/inventories/" + id;
        } catch (ValidationException e) {
            e.rejectInto(binding);
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
            return "redirect:/carriers/inventories/" + id;
        }
        model.addAttribute("checkForm", new CheckForm());
        return detailView(id, model);
    }

    @PostMapping("/carriers/inventories/{id:\\d+}/items/{carrierId}/missing")
    @Requires(Permission.CARRIER_MANAGE)
    String missing(@PathVariable long id, @PathVariable long carrierId,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            inventories.markMissing(id, carrierId, note);
            flash.success(redirect, "carrierInventory.markedMissing");
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/carriers/inventories/" + id + "#item-" + carrierId;
    }

    @PostMapping("/carriers/inventories/{id:\\d+}/finish")
    @Requires(Permission.CARRIER_MANAGE)
    String finish(@PathVariable long id, RedirectAttributes redirect) {
        try {
            inventories.finish(id);
            flash.success(redirect, "carrierInventory.finishedNow");
        } catch (DomainException e) {
            flash.error(redirect, e.code(), e.getMessage(), e.args());
        }
        return "redirect:/carriers/inventories/" + id;
    }

    @GetMapping("/carriers/inventories/{id:\\d+}/print")
    @Requires(Permission.CARRIER_MANAGE)
    String print(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, Model model) {
        InventoryDetail inventory = inventories.get(id);
        if (!inventory.actions().print()) {
            throw new AccessDeniedException("not the keeper of this ledger");
        }
        model.addAttribute("inventory", inventory);
        model.addAttribute("printedBy", user.displayName());
        model.addAttribute("printedAt", time(Instant.now()));
        model.addAttribute("labels", this);
        return PRINT_VIEW;
    }

    private String detailView(long id, Model model) {
        model.addAttribute("inventory", inventories.get(id));
        model.addAttribute("labels", this);
        return DETAIL_VIEW;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ChinaTime.ZONE));
    }
}
