package org.baomi.server.carrier.web;

import org.baomi.core.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierSheetService;
import org.baomi.server.carrier.CarrierViews.Label;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The carrier ledger as a spreadsheet for machine clients. */
@RestController
@RequestMapping("/api/v1/carriers")
@Tag(name = "Carriers", description = "Classified carrier ledger")
class CarrierSheetApiController {

    private final CarrierSheetService sheets;
    private final MessageSource messages;

    CarrierSheetApiController(CarrierSheetService sheets, MessageSource messages) {
        this.sheets = sheets;
        this.messages = messages;
    }

    @GetMapping(value = "/export", produces = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/csv"})
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Export the carrier ledger as xlsx or CSV",
            description = "Rows whose details the caller may not see show only serial number and level. The export is "
                    + "audited (carrier.export). CSV is UTF-8 with a byte-order mark; cells that a spreadsheet would run"
                    + " as a formula are prefixed with an apostrophe.")
    void export(@Parameter(description = "xlsx (default) or csv") @RequestParam(defaultValue = "xlsx") String format,
            @Parameter(description = "one unit; default every unit the caller may read")
            @RequestParam(required = false) Long unitId, HttpServletResponse response, Locale locale) throws IOException {
        SheetFormat f = switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> SheetFormat.XLSX;
            case "csv" -> SheetFormat.CSV;
            default -> throw ValidationException.of("format", "sheet.format", "format must be xlsx or csv.");
        };
        response.setContentType(f.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"carriers-" + ChinaTime.today() + "."
                + f.extension() + "\"");
        sheets.export(unitId, f, response.getOutputStream(), locale);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Import a carrier register (xlsx or CSV), all rows or none",
            description = "Every cell of every row is checked first. 200 with the report when all rows were registered;"
                    + " 422 problem+json with the report (problems by row, column and reason) when none was.")
    ResponseEntity<Object> importFile(@RequestParam(value = "file", required = false) MultipartFile file,
            @Parameter(description = "the unit whose ledger receives the rows; needed when the caller keeps several")
            @RequestParam(required = false) Long unitId, Locale locale) {
        if (SheetUpload.missing(file)) {
            throw ValidationException.of("file", "sheet.import.fileMissing", "Choose a file to upload.");
        }
        List<Label> units = sheets.ledgerUnits();
        long unit;
        if (unitId != null) {
            unit = unitId;
        } else if (units.size() == 1) {
            unit = units.get(0).id();
        } else {
            throw ValidationException.of("unitId", "sheet.carrier.unitRequired", "Choose the unit to import into.");
        }
        ImportReport report = SheetUpload.withFile(file, (path, name) -> sheets.importFile(unit, path, name));
        ImportView view = ImportView.of(report, messages, locale);
        if (report.accepted()) {
            return ResponseEntity.ok(view);
        }
        ProblemDetail problem = Problems.of(422, "sheet.rejected", messages.getMessage("sheet.report.rejected",
                new Object[] {report.problemCount()}, locale));
        problem.setProperty("report", view);
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
