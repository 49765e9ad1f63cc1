package org.baomi.server.audit.web;

import org.baomi.core.ChinaTime;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import org.baomi.core.audit.AuditEntry;
import org.baomi.core.audit.Verification;
import org.baomi.core.security.Permission;
import org.baomi.server.audit.AuditRepository;
import org.baomi.server.audit.AuditService;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The security auditor's page: search the audit log, export it as CSV, verify the chain. */
@Controller
class AuditController {

    static final String VIEW = "audit/index";
    static final String VERIFY_FRAGMENT = "audit/index :: verify-result";
    /** The last filter this session was audited for, so turning pages is not recorded again and again. */
    static final String LAST_VIEWED = AuditController.class.getName() + ".lastViewed";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One line of the table, with labels already in the reader's language. */
    record RowView(long seq, String time, String actor, String role, String unit, String action, String actionCode,
            String objectType, String objectId, String before, String after, String clientAddress) {
        public boolean hasStates() {
            return before != null || after != null;
        }
    }

    /** The outcome of a verification, ready for the page. */
    record VerifyView(boolean whole, long entries, long seq, String breach, String message)
            implements java.io.Serializable {
    }

    private final AuditService audit;
    private final Flash flash;
    private final JsonMapper json;

    AuditController(AuditService audit, Flash flash, JsonMapper json) {
        this.audit = audit;
        this.flash = flash;
        this.json = json;
    }

    @GetMapping("/audit")
    @Requires(Permission.AUDIT_READ)
    String index(@ModelAttribute("query") AuditQuery query, BindingResult binding, HttpSession session, Model model) {
        if (query.rangeReversed()) {
            binding.rejectValue("to", "audit.filter.rangeReversed", "The end date lies before the start date.");
        }
        if (binding.hasErrors()) {
            model.addAttribute("page", null);
            return VIEW;
        }
        AuditRepository.Filter filter = query.toFilter();
        String key = filter.toString();
        if (!key.equals(session.getAttribute(LAST_VIEWED))) {
            audit.recordView(filter);
            session.setAttribute(LAST_VIEWED, key);
        }
        AuditService.Page page = audit.search(filter, query.getPage(), query.getSize());
        model.addAttribute("page", page);
        model.addAttribute("rows", page.rows().stream().map(this::view).toList());
        model.addAttribute("queryString", query.queryString());
        return VIEW;
    }

    @GetMapping("/audit/export.csv")
    @Requires(Permission.AUDIT_READ)
    void export(@ModelAttribute("query") AuditQuery query, BindingResult binding, HttpServletResponse response)
            throws IOException {
        if (binding.hasErrors() || query.rangeReversed()) {
            response.sendError(400, "invalid filter");
            return;
        }
        writeCsv(audit, query, response);
    }

    static void writeCsv(AuditService audit, AuditQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"baomi-audit-"
                + ChinaTime.today() + ".csv\"");
        audit.export(query.toFilter(), response.getOutputStream());
    }

    @PostMapping("/audit/verify")
    @Requires(Permission.AUDIT_VERIFY)
    String verify(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        VerifyView result = view(audit.verifyAndRecord());
        if (htmx != null) {
            model.addAttribute("verification", result);
            return VERIFY_FRAGMENT;
        }
        redirect.addFlashAttribute("verification", result);
        return "redirect:/audit";
    }

    static VerifyView view(Verification v) {
        if (v instanceof Verification.Broken b) {
            return new VerifyView(false, b.entriesBefore(), b.seq(), b.breach().name(), b.message());
        }
        return new VerifyView(true, ((Verification.Whole) v).entries(), 0, null, null);
    }

    private RowView view(AuditRepository.Row row) {
        AuditEntry e = row.entry();
        String role = e.actorRole() == null ? null : flash.text("role." + e.actorRole(), e.actorRole());
        String unit = row.unitName() != null ? row.unitName() : (e.unitId() == null ? null : "#" + e.unitId());
        return new RowView(e.seq(), LOCAL.format(e.at().atZone(ChinaTime.ZONE)), e.actor(), role, unit,
                flash.text("audit.action." + e.action(), e.action()), e.action(), e.objectType(), e.objectId(),
                pretty(e.before()), pretty(e.after()), e.clientAddress());
    }

    private String pretty(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
        } catch (RuntimeException notJson) {
            return text;
        }
    }
}
