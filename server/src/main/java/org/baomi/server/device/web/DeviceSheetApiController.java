package org.baomi.server.device.web;

import org.baomi.core.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceSheetService;
import org.baomi.server.platform.Problems;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.sheet.ImportReport;
import org.baomi.server.platform.sheet.ImportView;
import org.baomi.server.platform.sheet.SheetFormat;
import org.baomi.server.platform.sheet.web.SheetUpload;
import org.baomi.server.security.Requires;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The device and medium ledgers as spreadsheets for machine clients. */
@RestController
@Tag(name = "Devices", description = "Device, medium and network ledger")
class DeviceSheetApiController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DeviceSheetService sheets;
    private final MessageSource messages;

    DeviceSheetApiController(DeviceSheetService sheets, MessageSource messages) {
        this.sheets = sheets;
        this.messages = messages;
    }

    @GetMapping(value = "/api/v1/devices/export", produces = {XLSX, "text/csv"})
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Export a unit's device ledger as xlsx or CSV (audited as device.export)")
    void exportDevices(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(description = "default: your own unit") @RequestParam(required = false) Long unitId,
            HttpServletResponse response, Locale locale) throws IOException {
        SheetFormat f = format(format);
        long unit = sheets.unitOf(unitId);
        headers(response, "devices", f);
        sheets.exportDevices(unit, f, response.getOutputStream(), locale);
    }

    @GetMapping(value = "/api/v1/media/export", produces = {XLSX, "text/csv"})
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Export a unit's removable-medium ledger as xlsx or CSV (audited as medium.export)")
    void exportMedia(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(description = "default: your own unit") @RequestParam(required = false) Long unitId,
            HttpServletResponse response, Locale locale) throws IOException {
        SheetFormat f = format(format);
        long unit = sheets.unitOf(unitId);
        headers(response, "media", f);
        sheets.exportMedia(unit, f, response.getOutputStream(), locale);
    }

    @PostMapping(value = "/api/v1/devices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Import a device register (xlsx or CSV), all rows or none",
            description = "200 with the report when every row was registered; 422 problem+json with the report"
                    + " (problems by row, column and reason) when none was.")
    ResponseEntity<Object> importDevices(@RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Long unitId, Locale locale) {
        long unit = sheets.unitOf(unitId);
        return answer(SheetUpload.withFile(required(file), (p, n) -> sheets.importDevices(unit, p, n)), locale);
    }

    @PostMapping(value = "/api/v1/media/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.DEVICE_MANAGE)
    @Operation(summary = "Import a removable-medium register (xlsx or CSV), all rows or none",
            description = "Numbers are allocated by the ledger; a holder named in the row is issued the medium.")
    ResponseEntity<Object> importMedia(@RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Long unitId, Locale locale) {
        long unit = sheets.unitOf(unitId);
        return answer(SheetUpload.withFile(required(file), (p, n) -> sheets.importMedia(unit, p, n)), locale);
    }

    private static MultipartFile required(MultipartFile file) {
        if (SheetUpload.missing(file)) {
            throw ValidationException.of("file", "sheet.import.fileMissing", "Choose a file to upload.");
        }
        return file;
    }

    private ResponseEntity<Object> answer(ImportReport report, Locale locale) {
        ImportView view = ImportView.of(report, messages, locale);
        if (report.accepted()) {
            return ResponseEntity.ok(view);
        }
        ProblemDetail problem = Problems.of(422, "sheet.rejected", messages.getMessage("sheet.report.rejected",
                new Object[] {report.problemCount()}, locale));
        problem.setProperty("report", view);
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static SheetFormat format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> SheetFormat.XLSX;
            case "csv" -> SheetFormat.CSV;
            default -> throw ValidationException.of("format", "sheet.format", "format must be xlsx or csv.");
        };
    }

    private static void headers(HttpServletResponse response, String name, SheetFormat f) {
        response.setContentType(f.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "-" + ChinaTime.today() + "."
                + f.extension() + "\"");
    }
}
