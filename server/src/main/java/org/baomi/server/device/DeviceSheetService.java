package org.baomi.server.device;

import org.baomi.core.ChinaTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.device.DeviceInputs.DeviceDetails;
import org.baomi.server.device.DeviceInputs.DevicePlacement;
import org.baomi.server.device.DeviceInputs.DeviceRegistration;
import org.baomi.server.device.DeviceInputs.MediumDetails;
import org.baomi.server.device.DeviceSheetRepository.Named;
import org.baomi.server.device.DeviceViews.DeviceLedgerRow;
import org.baomi.server.device.DeviceViews.MediumLedgerRow;
import org.baomi.server.device.DeviceViews.NetworkView;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import and export of the device and medium ledgers ({@link DeviceSheet}). An import registers
 * every row through {@link DeviceService} / {@link MediumService} (each audited as a registration,
 * the import as {@code device.import} / {@code medium.import}) or none. An export is audited as
 * {@code device.export} / {@code medium.export}.
 */
@Service
public class DeviceSheetService {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A unit the user keeps the device ledger of. */
    public record UnitChoice(long id, String name) {
    }

    private final DeviceService devices;
    private final MediumService media;
    private final NetworkService networks;
    private final DeviceScope scope;
    private final DeviceSheetRepository repository;
    private final SheetImports imports;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate auditing;

    DeviceSheetService(DeviceService devices, MediumService media, NetworkService networks, DeviceScope scope,
            DeviceSheetRepository repository, SheetImports imports, AuditLog audit, MessageSource messages, Clock clock,
            PlatformTransactionManager transactions) {
        this.devices = devices;
        this.media = media;
        this.networks = networks;
        this.scope = scope;
        this.repository = repository;
        this.imports = imports;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.auditing = new TransactionTemplate(transactions);
    }

    public SheetImports sheets() {
        return imports;
    }

    /** The units whose device ledger the signed-in person keeps, by name. */
    public List<UnitChoice> ledgerUnits() {
        BaomiUser user = DeviceScope.user();
        return scope.manageable(user).stream().map(id -> new UnitChoice(id, repository.unitName(id)))
                .sorted(java.util.Comparator.comparing(UnitChoice::name)).toList();
    }

    /** The unit a request means: the one given, else the user's own. */
    public long unitOf(Long unitId) {
        if (unitId != null) {
            return unitId;
        }
        BaomiUser user = DeviceScope.user();
        List<UnitChoice> units = ledgerUnits();
        if (user.unitId() != null && (units.isEmpty() || units.stream().anyMatch(u -> u.id() == user.unitId()))) {
            return user.unitId();
        }
        return units.isEmpty() ? -1 : units.get(0).id();
    }

    /** Names of the unit's people, departments and devices, compared as headers are. */
    private record Names(Map<String, List<Named>> byKind) {
        static Names of(List<Named> all) {
            Map<String, List<Named>> m = new HashMap<>();
            for (Named n : all) {
                m.computeIfAbsent(n.kind() + Headers.normalise(n.name()), k -> new ArrayList<>()).add(n);
            }
            return new Names(m);
        }

        List<Named> find(String kind, String name) {
            return byKind.getOrDefault(kind + Headers.normalise(name), List.of());
        }

        void require(String kind, String name, String column, List<RowProblem> problems) {
            if (name == null) {
                return;
            }
            List<Named> found = find(kind, name);
            if (found.isEmpty()) {
                String code = switch (kind) {
                    case "P" -> "sheet.carrier.personUnknown";
                    case "D" -> "sheet.device.departmentUnknown";
                    default -> "sheet.device.deviceUnknown";
                };
                problems.add(new RowProblem(column, code, "No " + name + " in this unit.", name));
            } else if (found.size() > 1) {
                problems.add(new RowProblem(column, "sheet.carrier.personAmbiguous",
                        found.size() + " entries of this unit are named " + name + ".", name, found.size()));
            }
        }

        Long id(String kind, String name) {
            return name == null ? null : find(kind, name).get(0).id();
        }
    }

    // ------------------------------------------------------------ import

    public ImportReport importDevices(long unitId, Path file, String fileName) {
        scope.requireManage(unitId, () -> DeviceService.unitNotFound(unitId));
        Names names = Names.of(repository.names(unitId));
        Map<String, List<NetworkView>> nets = new HashMap<>();
        for (NetworkView n : networks.list(unitId)) {
            nets.computeIfAbsent(Headers.normalise(n.name()), k -> new ArrayList<>()).add(n);
        }
        SheetSpec spec = SheetSpec.of(DeviceSheet.DEVICES)
                .exportOnly(DeviceSheet.NO_ZH, DeviceSheet.NO_EN, DeviceSheet.STATUS_ZH, DeviceSheet.STATUS_EN)
                .checkingRows(row -> {
                    List<RowProblem> problems = new ArrayList<>();
                    names.require("P", row.get(DeviceSheet.RESPONSIBLE), "placement.responsiblePersonId", problems);
                    names.require("D", row.get(DeviceSheet.DEPARTMENT), "placement.departmentId", problems);
                    String network = row.get(DeviceSheet.NETWORK);
                    if (network != null && nets.getOrDefault(Headers.normalise(network), List.of()).size() != 1) {
                        problems.add(new RowProblem("placement.networkId", "sheet.device.networkUnknown",
                                "No network named " + network + " in this unit.", network));
                    }
                    Designation d = designation(row);
                    ClassificationLevel level = row.get(DeviceSheet.LEVEL);
                    if (d == Designation.CLASSIFIED && (level == null || !level.isStateSecret())) {
                        problems.add(new RowProblem("details.level", "sheet.device.levelNeeded",
                                "A classified device needs its level: 绝密, 机密 or 秘密."));
                    }
                    return problems;
                })
                .checkingLedger(DeviceSheet.ASSET, keys -> repository.assetNumbersTaken(unitId, keys));
        return imports.importFile(file, fileName, spec, new SheetImports.RowSink() {
            @Override
            public void accept(ParsedRow row) {
                String network = row.get(DeviceSheet.NETWORK);
                Long networkId = network == null ? null : nets.get(Headers.normalise(network)).get(0).id();
                DeviceDetails details = new DeviceDetails(row.get(DeviceSheet.ASSET), row.get(DeviceSheet.TYPE),
                        designation(row), row.get(DeviceSheet.LEVEL), row.get(DeviceSheet.BRAND),
                        row.get(DeviceSheet.SERIAL), row.get(DeviceSheet.DISKS, List.of()),
                        row.get(DeviceSheet.MACS, List.of()), row.get(DeviceSheet.IPS, List.of()),
                        row.get(DeviceSheet.OS), null, row.get(DeviceSheet.PURPOSE), null, null);
                DevicePlacement placement = new DevicePlacement(networkId, row.get(DeviceSheet.ADMISSION),
                        names.id("P", row.get(DeviceSheet.RESPONSIBLE)), names.id("D", row.get(DeviceSheet.DEPARTMENT)),
                        row.get(DeviceSheet.LOCATION));
                devices.register(unitId, new DeviceRegistration(details, placement));
            }

            @Override
            public void finished(int rows) {
                audit.record("device.import", "unit", unitId, null, Map.of("file", fileName, "rows", rows));
            }
        });
    }

    /** The designation given, else classified for a state-secret level and non-classified otherwise. */
    private static Designation designation(ParsedRow row) {
        Designation d = row.get(DeviceSheet.DESIGNATION);
        if (d != null) {
            return d;
        }
        ClassificationLevel level = row.get(DeviceSheet.LEVEL);
        return level != null && level.isStateSecret() ? Designation.CLASSIFIED : Designation.NON_CLASSIFIED;
    }

    public ImportReport importMedia(long unitId, Path file, String fileName) {
        scope.requireManage(unitId, () -> DeviceService.unitNotFound(unitId));
        Names names = Names.of(repository.names(unitId));
        SheetSpec spec = SheetSpec.of(DeviceSheet.MEDIA)
                .exportOnly(DeviceSheet.NO_ZH, DeviceSheet.NO_EN, DeviceSheet.STATUS_ZH, DeviceSheet.STATUS_EN,
                        DeviceSheet.NUMBER_ZH, DeviceSheet.NUMBER_EN)
                .checkingRows(row -> {
                    List<RowProblem> problems = new ArrayList<>();
                    names.require("P", row.get(DeviceSheet.HOLDER), "holderPersonId", problems);
                    for (String asset : row.get(DeviceSheet.ALLOWED, List.of())) {
                        names.require("A", asset, "allowedDeviceIds", problems);
                    }
                    return problems;
                })
                .checkingLedger(DeviceSheet.USB, keys -> repository.usbSerialsTaken(unitId, keys));
        return imports.importFile(file, fileName, spec, new SheetImports.RowSink() {
            @Override
            public void accept(ParsedRow row) {
                List<Long> allowed = row.get(DeviceSheet.ALLOWED, List.<String>of()).stream()
                        .map(a -> names.id("A", a)).toList();
                MediumDetails details = new MediumDetails(row.get(DeviceSheet.MEDIUM_TYPE),
                        row.get(DeviceSheet.MEDIUM_LEVEL), row.get(DeviceSheet.MEDIUM_BRAND),
                        row.get(DeviceSheet.CAPACITY), row.get(DeviceSheet.MEDIUM_SERIAL), row.get(DeviceSheet.USB),
                        row.get(DeviceSheet.MEDIUM_PURPOSE), allowed);
                long id = media.register(unitId, details).medium().id();
                Long holder = names.id("P", row.get(DeviceSheet.HOLDER));
                if (holder != null) {
                    media.issue(id, holder);
                }
            }

            @Override
            public void finished(int rows) {
                audit.record("medium.import", "unit", unitId, null, Map.of("file", fileName, "rows", rows));
            }
        });
    }

    // ------------------------------------------------------------ export

    public static List<String> deviceHeaders(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<String> h = new ArrayList<>();
        h.add(en ? DeviceSheet.NO_EN : DeviceSheet.NO_ZH);
        List<SheetColumn<?>> cols = DeviceSheet.DEVICES;
        for (int i = 0; i < 13; i++) {
            h.add(cols.get(i).header(locale));
        }
        h.add(en ? DeviceSheet.STATUS_EN : DeviceSheet.STATUS_ZH);
        for (int i = 13; i < cols.size(); i++) {
            h.add(cols.get(i).header(locale));
        }
        return h;
    }

    public static List<String> mediumHeaders(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<String> h = new ArrayList<>();
        h.add(en ? DeviceSheet.NO_EN : DeviceSheet.NO_ZH);
        h.add(en ? DeviceSheet.NUMBER_EN : DeviceSheet.NUMBER_ZH);
        List<SheetColumn<?>> cols = DeviceSheet.MEDIA;
        for (int i = 0; i < 6; i++) {
            h.add(cols.get(i).header(locale));
        }
        h.add(en ? DeviceSheet.STATUS_EN : DeviceSheet.STATUS_ZH);
        for (int i = 6; i < cols.size(); i++) {
            h.add(cols.get(i).header(locale));
        }
        return h;
    }

    private static List<Integer> widths(int n) {
        List<Integer> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(i == 0 ? 6 : 14);
        }
        return w;
    }

    public void exportDevices(long unitId, SheetFormat format, OutputStream out, Locale locale) {
        List<DeviceLedgerRow> rows = devices.ledger(unitId);
        Map<String, DeviceSheetRepository.Extras> extras = repository.extras(unitId);
        write("device", unitId, format, out, locale, deviceHeaders(locale), rows.size(), w -> {
            int n = 0;
            for (DeviceLedgerRow r : rows) {
                DeviceSheetRepository.Extras extra = extras.getOrDefault(r.assetNumber(),
                        new DeviceSheetRepository.Extras(null, null, null));
                w.row(Arrays.asList(++n, r.assetNumber(), label("device.type." + r.type(), locale, r.type().name()),
                        blank(r.brandModel()), blank(r.serialNumber()), blank(r.diskSerials()), blank(r.macAddresses()),
                        blank(r.ipAddresses()), r.level() == null ? null : level(r.level(), locale), r.networkName(),
                        r.responsibleName(), r.departmentName(), blank(r.location()), blank(extra.purpose()),
                        label("device.status." + r.status(), locale, r.status().name()),
                        label("device.designation." + r.designation(), locale, r.designation().name()),
                        admission(extra.admissionReference(), extra.admissionRequestId(), locale),
                        blank(r.operatingSystem())));
            }
        });
    }

    public void exportMedia(long unitId, SheetFormat format, OutputStream out, Locale locale) {
        List<MediumLedgerRow> rows = media.ledger(unitId);
        write("medium", unitId, format, out, locale, mediumHeaders(locale), rows.size(), w -> {
            int n = 0;
            for (MediumLedgerRow r : rows) {
                w.row(Arrays.asList(++n, r.number(), label("medium.type." + r.type(), locale, r.type().name()),
                        level(r.level(), locale), blank(r.capacity()), r.usbSerial(), r.holderName(),
                        blank(r.allowedDevices()), label("medium.status." + r.status(), locale, r.status().name()),
                        blank(r.brandModel()), blank(r.serialNumber()), blank(r.purpose())));
            }
        });
    }

    @FunctionalInterface
    private interface Rows {
        void write(SheetWriter w) throws IOException;
    }

    private void write(String ledger, long unitId, SheetFormat format, OutputStream out, Locale locale,
            List<String> headers, int count, Rows rows) {
        String name = messages.getMessage("sheet." + ledger + ".ledger", null, ledger, locale);
        String title = messages.getMessage("sheet.export.title", new Object[] {repository.unitName(unitId), name,
                MINUTES.format(LocalDateTime.now(clock.withZone(ChinaTime.ZONE)))}, locale);
        boolean complete = false;
        try (SheetWriter w = SheetWriter.open(format, out, new SheetWriter.Layout(title, headers, widths(headers.size())))) {
            rows.write(w);
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException("the export was broken off: " + e.getMessage(), e);
        } finally {
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("unitId", unitId);
            what.put("format", format.name());
            what.put("rows", count);
            what.put("complete", complete);
            auditing.executeWithoutResult(tx -> audit.record(ledger + ".export", "unit", unitId, null, what));
        }
    }

    /**
     * The 入网审批单号 cell: the reference written at registration as it was, or the approval request
     * as people read it (审批单 12 / approval 12). An import takes either back as the text it is: the
     * request belongs to the exporting unit, so it names the earlier admission, not a request here.
     */
    private String admission(String reference, Long requestId, Locale locale) {
        if (requestId != null) {
            // the id as a string: a number argument would be grouped (1,234) and not read back the same
            return messages.getMessage("devices.admission.approval", new Object[] {String.valueOf(requestId)}, locale);
        }
        return blank(reference);
    }

    private String label(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static String level(ClassificationLevel level, Locale locale) {
        return "en".equals(locale.getLanguage()) ? level.name().replace('_', ' ') : level.chinese();
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
