package org.baomi.server.device.web;

import org.baomi.core.ChinaTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceSheet;
import org.baomi.server.device.DeviceSheetService;
import org.baomi.server.platform.sheet.ImportReport;
import org.baomi.server.platform.sheet.ImportView;
import org.baomi.server.platform.sheet.SheetColumn;
import org.baomi.server.platform.sheet.SheetFormat;
import org.baomi.server.platform.sheet.SheetWriter;
import org.baomi.server.platform.sheet.web.SheetPage;
import org.baomi.server.platform.sheet.web.SheetUpload;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.Requires;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The device and medium ledgers as spreadsheets: export (xlsx, CSV), empty templates, the import pages. */
@Controller
class DeviceSheetController {

    static final String VIEW = "sheet/import";

    /** The two ledgers this controller serves, by their path. */
    enum Ledger {
        DEVICES("devices", DeviceSheet.DEVICES), MEDIA("media", DeviceSheet.MEDIA);

        final String path;
        final List<SheetColumn<?>> columns;

        Ledger(String path, List<SheetColumn<?>> columns) {
            this.path = path;
            this.columns = columns;
        }

        static Ledger of(String path) {
            return path.equals("media") ? MEDIA : DEVICES;
        }
    }

    private final DeviceSheetService sheets;
    private final Flash flash;
    private final MessageSource messages;

    DeviceSheetController(DeviceSheetService sheets, Flash flash, MessageSource messages) {
        this.sheets = sheets;
        this.flash = flash;
        this.messages = messages;
    }

    @GetMapping({"/devices/export.xlsx", "/devices/export.csv", "/media/export.xlsx", "/media/export.csv"})
    @Requires(Permission.BUSINESS_READ)
    void export(@RequestParam(required = false) Long unitId, jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        String uri = request.getRequestURI();
        Ledger ledger = uri.contains("/media/") ? Ledger.MEDIA : Ledger.DEVICES;
        SheetFormat format = uri.endsWith(".csv") ? SheetFormat.CSV : SheetFormat.XLSX;
        long unit = sheets.unitOf(unitId);
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ledger.path + "-" + ChinaTime.today() + "."
                + format.extension() + "\"");
        if (ledger == Ledger.MEDIA) {
            sheets.exportMedia(unit, format, response.getOutputStream(), locale);
        } else {
            sheets.exportDevices(unit, format, response.getOutputStream(), locale);
        }
    }

    @GetMapping({"/devices/import/template.xlsx", "/media/import/template.xlsx"})
    @Requires(Permission.DEVICE_MANAGE)
    void template(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Ledger ledger = request.getRequestURI().contains("/media/") ? Ledger.MEDIA : Ledger.DEVICES;
        response.setContentType(SheetFormat.XLSX.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ledger.path + "-template.xlsx\"");
        try (SheetWriter w = SheetWriter.open(SheetFormat.XLSX, response.getOutputStream(),
                SheetWriter.Layout.of(null, ledger.columns, locale))) {
            // the header alone
        }
    }

    @GetMapping("/{ledger:devices|media}/import")
    @Requires(Permission.DEVICE_MANAGE)
    String form(@PathVariable String ledger, @RequestParam(required = false) Long unitId, Model model, Locale locale) {
        model.addAttribute("sheet", page(Ledger.of(ledger), unitId, locale));
        return VIEW;
    }

    @PostMapping("/{ledger:devices|media}/import")
    @Requires(Permission.DEVICE_MANAGE)
    String upload(@PathVariable String ledger, @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Long unitId, Model model, RedirectAttributes redirect, Locale locale) {
        Ledger which = Ledger.of(ledger);
        SheetPage page = page(which, unitId, locale);
        model.addAttribute("sheet", page);
        if (SheetUpload.missing(file)) {
            model.addAttribute("fileError", flash.text("sheet.import.fileMissing", "Choose a file to upload."));
            return VIEW;
        }
        long unit = page.unitId() != null ? page.unitId() : sheets.unitOf(null);
        ImportReport report = SheetUpload.withFile(file, (Path path, String name) -> which == Ledger.MEDIA
                ? sheets.importMedia(unit, path, name) : sheets.importDevices(unit, path, name));
        if (report.accepted()) {
            if (report.skippedEmpty() > 0) {
                flash.success(redirect, "sheet.import.doneSkipped", report.imported(), report.skippedEmpty());
            } else {
                flash.success(redirect, "sheet.import.done", report.imported());
            }
            return "redirect:/" + which.path;
        }
        model.addAttribute("report", ImportView.of(report, messages, locale));
        return VIEW;
    }

    private SheetPage page(Ledger ledger, Long unitId, Locale locale) {
        List<SheetPage.UnitChoice> units = sheets.ledgerUnits().stream()
                .map(u -> new SheetPage.UnitChoice(u.id(), u.name())).toList();
        Long chosen = unitId != null && units.stream().anyMatch(u -> u.id() == unitId) ? unitId : null;
        return SheetPage.of("sheet." + (ledger == Ledger.MEDIA ? "medium" : "device") + ".import.title", ledger.path,
                "/" + ledger.path + "/import", "/" + ledger.path, "/" + ledger.path + "/import/template.xlsx",
                ledger.columns, sheets.sheets().limits(), locale, units, chosen);
    }
}
