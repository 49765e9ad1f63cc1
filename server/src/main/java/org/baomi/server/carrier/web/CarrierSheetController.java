package org.baomi.server.carrier.web;

import org.baomi.core.ChinaTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierSheet;
import org.baomi.server.carrier.CarrierSheetService;
import org.baomi.server.platform.sheet.ImportReport;
import org.baomi.server.platform.sheet.ImportView;
import org.baomi.server.platform.sheet.SheetFormat;
import org.baomi.server.platform.sheet.SheetWriter;
import org.baomi.server.platform.sheet.web.SheetPage;
import org.baomi.server.platform.sheet.web.SheetUpload;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.Requires;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The carrier ledger as a spreadsheet: export (xlsx, CSV), an empty template, and the import page. */
@Controller
class CarrierSheetController {

    static final String VIEW = "sheet/import";

    private final CarrierSheetService sheets;
    private final Flash flash;
    private final MessageSource messages;

    CarrierSheetController(CarrierSheetService sheets, Flash flash, MessageSource messages) {
        this.sheets = sheets;
        this.flash = flash;
        this.messages = messages;
    }

    @GetMapping("/carriers/export.xlsx")
    @Requires(Permission.BUSINESS_READ)
    void exportXlsx(@RequestParam(required = false) Long unitId, HttpServletResponse response, Locale locale)
            throws IOException {
        export(SheetFormat.XLSX, unitId, response, locale);
    }

    @GetMapping("/carriers/export.csv")
    @Requires(Permission.BUSINESS_READ)
    void exportCsv(@RequestParam(required = false) Long unitId, HttpServletResponse response, Locale locale)
            throws IOException {
        export(SheetFormat.CSV, unitId, response, locale);
    }

    private void export(SheetFormat format, Long unitId, HttpServletResponse response, Locale locale) throws IOException {
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"carriers-" + ChinaTime.today() + "."
                + format.extension() + "\"");
        sheets.export(unitId, format, response.getOutputStream(), locale);
    }

    @GetMapping("/carriers/import/template.xlsx")
    @Requires(Permission.CARRIER_MANAGE)
    void template(HttpServletResponse response, Locale locale) throws IOException {
        response.setContentType(SheetFormat.XLSX.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"carriers-template.xlsx\"");
        try (SheetWriter w = SheetWriter.open(SheetFormat.XLSX, response.getOutputStream(),
                SheetWriter.Layout.of(null, CarrierSheet.IMPORT, locale))) {
            // the header alone
        }
    }

    @GetMapping("/carriers/import")
    @Requires(Permission.CARRIER_MANAGE)
    String form(@RequestParam(required = false) Long unitId, Model model, Locale locale) {
        model.addAttribute("sheet", page(unitId, locale));
        return VIEW;
    }

    @PostMapping("/carriers/import")
    @Requires(Permission.CARRIER_MANAGE)
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Long unitId, Model model, RedirectAttributes redirect, Locale locale) {
        SheetPage page = page(unitId, locale);
        model.addAttribute("sheet", page);
        if (page.unitId() == null) {
            throw new AccessDeniedException("keeps no carrier ledger");
        }
        if (SheetUpload.missing(file)) {
            model.addAttribute("fileError", flash.text("sheet.import.fileMissing", "Choose a file to upload."));
            return VIEW;
        }
        ImportReport report = SheetUpload.withFile(file, (path, name) -> sheets.importFile(page.unitId(), path, name));
        if (report.accepted()) {
            if (report.skippedEmpty() > 0) {
                flash.success(redirect, "sheet.import.doneSkipped", report.imported(), report.skippedEmpty());
            } else {
                flash.success(redirect, "sheet.import.done", report.imported());
            }
            return "redirect:/carriers";
        }
        model.addAttribute("report", ImportView.of(report, messages, locale));
        return VIEW;
    }

    private SheetPage page(Long unitId, Locale locale) {
        List<SheetPage.UnitChoice> units = sheets.ledgerUnits().stream()
                .map(u -> new SheetPage.UnitChoice(u.id(), u.name())).toList();
        Long chosen = unitId != null && units.stream().anyMatch(u -> u.id() == unitId) ? unitId : null;
        return SheetPage.of("sheet.carrier.import.title", "carriers", "/carriers/import", "/carriers",
                "/carriers/import/template.xlsx", CarrierSheet.IMPORT, sheets.sheets().limits(), locale, units, chosen);
    }
}
