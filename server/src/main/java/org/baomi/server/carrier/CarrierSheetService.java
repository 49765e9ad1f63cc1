package org.baomi.server.carrier;

import org.baomi.core.ChinaTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CopyNumber;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.Marking;
import org.baomi.core.security.Permission;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierSheetRepository.Named;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.CarrierViews.Row;
import org.baomi.server.org.OrgScope;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.sheet.Headers;
import org.baomi.server.platform.sheet.ImportReport;
import org.baomi.server.platform.sheet.ParsedRow;
import org.baomi.server.platform.sheet.SheetColumn;
import org.baomi.server.platform.sheet.SheetFormat;
import org.baomi.server.platform.sheet.SheetImports;
import org.baomi.server.platform.sheet.SheetSpec;
import org.baomi.server.platform.sheet.SheetSpec.RowProblem;
import org.baomi.server.platform.sheet.SheetWriter;
import org.baomi.server.security.BaomiUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import and export of the carrier ledger as xlsx or CSV ({@link CarrierSheet}). An import
 * registers every row through {@link CarrierService} (each row audited as a registration, the
 * import as a whole as {@code carrier.import}) or none; rows keep the serial numbers of the
 * register they come from, and rows without one get the next serial of the unit. An export
 * shows what the reader may see: rows he may not see in full carry serial and level only, and
 * the export is audited as {@code carrier.export} with the carriers it showed in full.
 */
@Service
public class CarrierSheetService {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PAGE = CarrierQuery.MAX_SIZE;

    private final CarrierService carriers;
    private final CarrierSheetRepository repository;
    private final SheetImports imports;
    private final AuditLog audit;
    private final OrgScope orgScope;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate auditing;

    CarrierSheetService(CarrierService carriers, CarrierSheetRepository repository, SheetImports imports, AuditLog audit,
            OrgScope orgScope, MessageSource messages, Clock clock, PlatformTransactionManager transactions) {
        this.carriers = carriers;
        this.repository = repository;
        this.imports = imports;
        this.audit = audit;
        this.orgScope = orgScope;
        this.messages = messages;
        this.clock = clock;
        this.auditing = new TransactionTemplate(transactions);
    }

    /** The units whose ledger the signed-in person keeps (where he may import). */
    public List<Label> ledgerUnits() {
        return carriers.ledgerUnits();
    }

    public SheetImports sheets() {
        return imports;
    }

    // ------------------------------------------------------------ import

    /**
     * Checks every row of {@code file} and registers all of them in unit {@code unitId}, or none.
     * Needs the ledger role in that unit.
     */
    public ImportReport importFile(long unitId, Path file, String fileName) {
        BaomiUser user = user(Permission.CARRIER_MANAGE);
        if (!CarrierService.ledgerUnits(user).contains(unitId)) {
            throw new AccessDeniedException("not the keeper of unit " + unitId + "'s carrier ledger");
        }
        Map<String, List<Named>> people = new HashMap<>();
        Map<String, List<Named>> departments = new HashMap<>();
        for (Named n : repository.peopleAndDepartments(unitId)) {
            (n.kind().equals("P") ? people : departments).computeIfAbsent(Headers.normalise(n.name()),
                    k -> new ArrayList<>()).add(n);
        }
        Names names = new Names(people, departments);
        SheetSpec spec = SheetSpec.of(CarrierSheet.IMPORT)
                .exportOnly(CarrierSheet.NO_ZH, CarrierSheet.NO_EN, CarrierSheet.STATUS_ZH, CarrierSheet.STATUS_EN,
                        CarrierSheet.HANDLING_ZH, CarrierSheet.HANDLING_EN)
                .checkingRows(names::check)
                .checkingLedger(CarrierSheet.SERIAL, keys -> repository.existingSerials(unitId, keys));
        return imports.importFile(file, fileName, spec, new SheetImports.RowSink() {
            @Override
            public void accept(ParsedRow row) {
                CarrierInput input = names.input(unitId, row);
                String serial = row.get(CarrierSheet.SERIAL);
                if (serial != null) {
                    carriers.registerImported(input, serial);
                } else {
                    carriers.register(input);
                }
            }

            @Override
            public void finished(int rows) {
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("file", fileName);
                what.put("rows", rows);
                audit.record("carrier.import", "unit", unitId, null, what);
            }
        });
    }

    /** Resolves names (责任人, 知悉范围) to the unit's people and departments. */
    private record Names(Map<String, List<Named>> people, Map<String, List<Named>> departments) {

        List<RowProblem> check(ParsedRow row) {
            List<RowProblem> problems = new ArrayList<>();
            String custodian = row.get(CarrierSheet.CUSTODIAN);
            if (custodian != null) {
                List<Named> found = people.getOrDefault(Headers.normalise(custodian), List.of());
                if (found.isEmpty()) {
                    problems.add(new RowProblem("custodianId", "sheet.carrier.personUnknown",
                            "Nobody named " + custodian + " works in this unit; add the person first.", custodian));
                } else if (found.size() > 1) {
                    problems.add(new RowProblem("custodianId", "sheet.carrier.personAmbiguous",
                            found.size() + " people in this unit are named " + custodian + ".", custodian, found.size()));
                }
            }
            for (String name : row.get(CarrierSheet.SCOPE, List.of())) {
                List<Named> p = people.getOrDefault(Headers.normalise(name), List.of());
                List<Named> d = departments.getOrDefault(Headers.normalise(name), List.of());
                if (p.isEmpty() && d.isEmpty()) {
                    problems.add(new RowProblem("scopePersonIds", "sheet.carrier.scopeUnknown",
                            name + " is neither a person nor a department of this unit.", name));
                } else if (p.size() > 1 || (p.isEmpty() && d.size() > 1)) {
                    problems.add(new RowProblem("scopePersonIds", "sheet.carrier.personAmbiguous",
                            "Several people or departments of this unit are named " + name + ".", name,
                            Math.max(p.size(), d.size())));
                }
            }
            CarrierSheet.LevelCell level = row.get(CarrierSheet.LEVEL);
            if (level == null) {
                return problems;
            }
            if (level.level().isStateSecret() && row.get(CarrierSheet.SCOPE, List.of()).isEmpty()) {
                problems.add(new RowProblem("scopePersonIds", "sheet.carrier.scopeEmpty",
                        "A " + level.level().chinese() + " carrier needs a knowledge scope: name the people or departments"
                                + " who may know it.", level.level().chinese()));
            }
            String term = row.get(CarrierSheet.TERM);
            try {
                Marking.parse(CarrierSheet.marking(level, term));
            } catch (DomainException e) {
                problems.add(new RowProblem(term != null ? "term" : "marking", e.code(), e.getMessage(), e.args()));
            }
            CarrierSheet.Storage storage = row.get(CarrierSheet.STORAGE);
            if (storage != null) {
                try {
                    new StoragePlace(storage.kind(), storage.name()).requirePermits(level.level());
                } catch (DomainException e) {
                    problems.add(new RowProblem("storageName", e.code(), e.getMessage(), e.args()));
                }
            }
            return problems;
        }

        CarrierInput input(long unitId, ParsedRow row) {
            List<Long> scopePeople = new ArrayList<>();
            List<Long> scopeDepartments = new ArrayList<>();
            for (String name : row.get(CarrierSheet.SCOPE, List.of())) {
                List<Named> p = people.getOrDefault(Headers.normalise(name), List.of());
                if (!p.isEmpty()) {
                    scopePeople.add(p.get(0).id());
                } else {
                    scopeDepartments.add(departments.get(Headers.normalise(name)).get(0).id());
                }
            }
            CopyNumber copy = row.get(CarrierSheet.COPY, CopyNumber.single());
            CarrierSheet.Storage storage = row.get(CarrierSheet.STORAGE);
            return new CarrierInput(unitId, row.get(CarrierSheet.TYPE, org.baomi.core.carrier.CarrierType.PAPER_DOCUMENT),
                    row.get(CarrierSheet.TITLE), row.get(CarrierSheet.DOCUMENT_NUMBER), row.get(CarrierSheet.ISSUER),
                    row.get(CarrierSheet.DATED), copy.copy(), copy.of(),
                    CarrierSheet.marking(row.get(CarrierSheet.LEVEL), row.get(CarrierSheet.TERM)), scopePeople,
                    scopeDepartments, people.get(Headers.normalise(row.get(CarrierSheet.CUSTODIAN))).get(0).id(),
                    storage.kind(), storage.name());
        }
    }

    // ------------------------------------------------------------ export

    /** The export's headers in {@code locale}: the import columns plus 序号, 状态 and 处置情况 where registers have them. */
    public static List<String> exportHeaders(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<String> h = new ArrayList<>();
        h.add(en ? CarrierSheet.NO_EN : CarrierSheet.NO_ZH);
        for (SheetColumn<?> c : CarrierSheet.IMPORT.subList(0, CarrierSheet.IMPORT.size() - 1)) {
            h.add(c.header(locale));
        }
        h.add(en ? CarrierSheet.STATUS_EN : CarrierSheet.STATUS_ZH);
        h.add(en ? CarrierSheet.HANDLING_EN : CarrierSheet.HANDLING_ZH);
        h.add(CarrierSheet.TYPE.header(locale));
        return h;
    }

    private static List<Integer> exportWidths() {
        List<Integer> w = new ArrayList<>();
        w.add(6);
        for (SheetColumn<?> c : CarrierSheet.IMPORT.subList(0, CarrierSheet.IMPORT.size() - 1)) {
            w.add(c.width());
        }
        w.add(10);
        w.add(24);
        w.add(CarrierSheet.TYPE.width());
        return w;
    }

    /**
     * Writes the ledger of {@code unitId} (or of every unit the reader may read) to {@code out},
     * in serial order, headers and labels in {@code locale}.
     */
    public void export(Long unitId, SheetFormat format, OutputStream out, Locale locale) {
        BaomiUser user = user(Permission.BUSINESS_READ);
        String unitName = null;
        if (unitId != null) {
            if (!orgScope.visibleUnitIds(user).contains(unitId)) {
                throw new NotFoundException("unit.notFound", "No unit " + unitId + " in your scope.");
            }
            unitName = repository.unitName(unitId).orElseThrow();
        }
        String ledger = messages.getMessage("sheet.carrier.ledger", null, "Classified carrier ledger", locale);
        String title = messages.getMessage("sheet.export.title", new Object[] {unitName == null ? "" : unitName, ledger,
                MINUTES.format(LocalDateTime.now(clock.withZone(ChinaTime.ZONE)))}, locale).strip();
        List<Long> full = new ArrayList<>();
        int restricted = 0;
        boolean complete = false;
        try (SheetWriter w = SheetWriter.open(format, out, new SheetWriter.Layout(title, exportHeaders(locale),
                exportWidths()))) {
            int n = 0;
            for (int page = 1;; page++) {
                PageOf<Row> rows = carriers.search(new CarrierQuery(unitId, null, null, null, null, null, null, null,
                        null, null, null, null, CarrierQuery.Sort.SERIAL, false, page, PAGE));
                List<Long> visible = rows.items().stream().filter(Row::detailsVisible).map(Row::id).toList();
                Map<Long, String> scopes = repository.scopeNames(visible);
                for (Row r : rows.items()) {
                    n++;
                    if (r.detailsVisible()) {
                        full.add(r.id());
                        w.row(fullRow(n, r, scopes.get(r.id()), locale));
                    } else {
                        restricted++;
                        w.row(java.util.Arrays.asList(n, r.serial(), null, null, level(r.level(), locale)));
                    }
                }
                if (rows.items().size() < PAGE) {
                    break;
                }
            }
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException("the export was broken off: " + e.getMessage(), e);
        } finally {
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("unitId", unitId);
            what.put("format", format.name());
            what.put("complete", complete);
            what.put("restrictedRows", restricted);
            what.put("fullRows", full.size());
            what.put("carriers", full);
            auditing.executeWithoutResult(tx -> audit.record("carrier.export", "carrier", null, null, what));
        }
    }

    private List<Object> fullRow(int n, Row r, String scope, Locale locale) {
        String marking = r.markingText();
        int star = marking == null ? -1 : marking.indexOf(Marking.STAR);
        String term = star >= 0 ? marking.substring(star + 1) : null;
        String copy = r.copyNumber() == null ? null
                : "en".equals(locale.getLanguage()) ? new CopyNumber(r.copyNumber(), r.copyTotal()).english()
                        : new CopyNumber(r.copyNumber(), r.copyTotal()).chinese();
        String handling = null;
        if (r.holderName() != null) {
            handling = messages.getMessage("sheet.carrier.holding", new Object[] {r.holderName(),
                    r.dueDate() == null ? "" : r.dueDate().toString()}, locale);
        }
        return java.util.Arrays.asList(n, r.serial(), r.title(), r.documentNumber(), level(r.level(), locale),
                term, r.issuer(), r.dated(), copy, scope, r.custodianName(),
                CarrierSheet.storageText(r.storageKind(), r.storageName()),
                r.status() == null ? null : messages.getMessage("carrier.status." + r.status(), null,
                        r.status().name(), locale),
                handling,
                r.type() == null ? null : messages.getMessage("carrier.type." + r.type(), null, r.type().chinese(), locale));
    }

    private static String level(org.baomi.core.classification.ClassificationLevel level, Locale locale) {
        return "en".equals(locale.getLanguage()) ? level.name().replace('_', ' ') : level.chinese();
    }

    private static BaomiUser user(Permission permission) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user) || !user.has(permission)) {
            throw new AccessDeniedException("the user lacks " + permission);
        }
        return user;
    }
}
