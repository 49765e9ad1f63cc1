package org.baomi.server.carrier.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.security.Permission;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Label;
import org.baomi.server.carrier.batch.InventoryRepository.ItemRow;
import org.baomi.server.carrier.batch.InventoryViews.Actions;
import org.baomi.server.carrier.batch.InventoryViews.CheckResult;
import org.baomi.server.carrier.batch.InventoryViews.Expected;
import org.baomi.server.carrier.batch.InventoryViews.InventoryDetail;
import org.baomi.server.carrier.batch.InventoryViews.InventoryInput;
import org.baomi.server.carrier.batch.InventoryViews.InventoryStatus;
import org.baomi.server.carrier.batch.InventoryViews.InventorySummary;
import org.baomi.server.carrier.batch.InventoryViews.Item;
import org.baomi.server.carrier.batch.InventoryViews.Outcome;
import org.baomi.server.carrier.batch.InventoryViews.Place;
import org.baomi.server.carrier.batch.InventoryViews.Result;
import org.baomi.server.carrier.batch.InventoryViews.Unexpected;
import org.baomi.server.carrier.batch.LedgerAccess.Caller;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 清查 — inventories of a unit's carrier ledger or of one storage place (ADR 0016). Starting one
 * snapshots the expected list: carriers in custody or archived there are to be checked, those
 * circulating, lent or carried out are listed as out, with whom and until when. The keeper ticks
 * each carrier by serial (typed or scanned), marks the ones not found missing with a note, and
 * records what was found but not expected. Finishing turns what was never ticked into missing and
 * locks the inventory. Nothing here changes a carrier: a missing one is reported lost on the
 * carrier's own page, by a person who has looked for it.
 */
@Service
@Transactional
public class InventoryService {

    static final int MAX_NOTE = 500;
    static final int MAX_TEXT = 200;

    private final InventoryRepository repository;
    private final LedgerAccess access;
    private final AuditLog audit;
    private final CarrierService carriers;
    private final Clock clock;

    InventoryService(InventoryRepository repository, LedgerAccess access, AuditLog audit,
            CarrierService carriers, Clock clock) {
        this.carriers = carriers;
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inventories of the units the signed-in person may read, newest first (the last 200). */
    @Transactional(readOnly = true)
    public List<InventorySummary> list() {
        Caller c = access.caller(Permission.BUSINESS_READ);
        return repository.list(c.readUnits(), 200);
    }

    /** The storage places of the ledgers the signed-in person keeps (for the start form). */
    @Transactional(readOnly = true)
    public List<Place> places() {
        Caller c = access.caller(Permission.CARRIER_MANAGE);
        return repository.places(c.ledgerUnits().stream().filter(c.readUnits()::contains).toList());
    }

    /** The units whose ledger the signed-in person keeps (for the start form). */
    @Transactional(readOnly = true)
    public List<Label> ledgerUnits() {
        return carriers.ledgerUnits();
    }

    /** Starts an inventory and snapshots the expected list. */
    public long start(InventoryInput in) {
        Caller c = access.caller(Permission.CARRIER_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.unitId() == null) {
            problems.add(new FieldProblem("unitId", "carrierBatch.unitRequired", "Choose the unit."));
        } else if (!c.keeps(in.unitId()) || !c.readUnits().contains(in.unitId())) {
            problems.add(new FieldProblem("unitId", "carrierBatch.unitNotYours",
                    "You do not keep this unit's carrier ledger."));
        }
        String name = in.storageName() == null || in.storageName().isBlank() ? null : in.storageName().strip();
        StoragePlace.Kind kind = in.storageKind();
        if ((kind == null) != (name == null)) {
            problems.add(new FieldProblem("storageName", "carrierInventory.placeIncomplete",
                    "Name both the kind and the name of the storage place, or neither for the whole unit."));
        } else if (name != null && name.length() > MAX_TEXT) {
            problems.add(new FieldProblem("storageName", "carrierBatch.tooLong", "At most " + MAX_TEXT + " characters.",
                    MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long person = c.requirePerson();
        long id = repository.insert(in.unitId(), kind, name, person, c.personName(), clock.instant());
        int[] counts = repository.snapshot(id, in.unitId(), kind, name);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("unitId", in.unitId());
        after.put("place", kind == null ? null : kind.name() + ":" + name);
        after.put("expected", counts[Expected.HERE.ordinal()]);
        after.put("out", counts[Expected.OUT.ordinal()]);
        audit.record("carrierInventory.start", "carrier_inventory", id, null, after);
        return id;
    }

    /** The inventory as the signed-in person may see it (titles: ADR 0015's rule; such a view is audited). */
    public InventoryDetail get(long id) {
        Caller c = access.caller(Permission.BUSINESS_READ);
        InventorySummary s = repository.summary(id).orElseThrow(() -> notFound(id));
        c.requireReadable(s.unitId(), notFound(id));
        List<Item> here = new ArrayList<>();
        List<Item> out = new ArrayList<>();
        boolean titles = false;
        for (ItemRow r : repository.items(id)) {
            boolean visible = c.mayReadTitle(s.unitId(), r.level());
            titles |= visible;
            Item item = new Item(r.carrierId(), r.serial(), r.level(), visible ? r.title() : null, r.expected(),
                    r.statusThen(), visible ? r.storageName() : null, r.holder(), r.due(), r.result(), r.note(),
                    r.checkedAt(), r.checkedBy());
            (r.expected() == Expected.HERE ? here : out).add(item);
        }
        if (titles) {
            audit.recordView("carrier_inventory", id);
        }
        boolean keeper = c.keeps(s.unitId());
        return new InventoryDetail(s, here, out, repository.unexpected(id),
                new Actions(keeper && s.status() == InventoryStatus.OPEN, keeper));
    }

    /**
     * Checks the carrier with {@code serial}: an expected one is ticked present (a missing mark is
     * undone); any other serial is recorded as found but not expected, linked to the ledger's
     * carrier when the serial is known.
     */
    public CheckResult check(long id, String serial) {
        Open o = open(id);
        if (serial == null || serial.isBlank()) {
            throw ValidationException.of("serial", "carrierBatch.serialRequired",
                    "Type or scan the carrier's serial number.");
        }
        String s = serial.strip();
        if (s.length() > 64) {
            throw ValidationException.of("serial", "carrierBatch.tooLong", "At most 64 characters.", 64);
        }
        ItemRow item = repository.item(id, s).orElse(null);
        Instant now = clock.instant();
        if (item != null && item.expected() == Expected.HERE) {
            if (item.result() == Result.PRESENT) {
                return new CheckResult(Outcome.ALREADY_TICKED, item.serial());
            }
            repository.check(id, item.carrierId(), Result.PRESENT, null, now, o.caller().personName());
            repository.touch(id);
            audit.record("carrierInventory.check", "carrier_inventory", id,
                    item.result() == null ? null : Map.of("serial", item.serial(), "result", item.result().name()),
                    Map.of("serial", item.serial(), "result", Result.PRESENT.name()));
            return new CheckResult(Outcome.TICKED, item.serial());
        }
        return unexpected(o, s, null);
    }

    /** Records something found that the list did not expect: a serial or a description, with a note. */
    public CheckResult recordUnexpected(long id, String text, String note) {
        Open o = open(id);
        if (text == null || text.isBlank()) {
            throw ValidationException.of("text", "carrierInventory.textRequired",
                    "Type the serial number or describe what was found.");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw ValidationException.of("text", "carrierBatch.tooLong", "At most " + MAX_TEXT + " characters.", MAX_TEXT);
        }
        noteLength(note);
        ItemRow item = repository.item(id, text.strip()).orElse(null);
        if (item != null && item.expected() == Expected.HERE) {
            throw ValidationException.of("text", "carrierInventory.expectedAfterAll", item.serial()
                    + " is on the expected list: tick it instead.", item.serial());
        }
        return unexpected(o, text.strip(), note);
    }

    private CheckResult unexpected(Open o, String text, String note) {
        long id = o.inventory().id();
        boolean recorded = repository.unexpected(id).stream().anyMatch(u -> u.text().equalsIgnoreCase(text));
        if (recorded) {
            return new CheckResult(Outcome.ALREADY_RECORDED, text);
        }
        Long carrierId = repository.carrierBySerial(o.caller().readUnits(), text).orElse(null);
        repository.addUnexpected(id, carrierId, text, blankToNull(note), clock.instant(), o.caller().personName());
        repository.touch(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("text", text);
        after.put("carrierId", carrierId);
        audit.record("carrierInventory.unexpected", "carrier_inventory", id, null, after);
        return new CheckResult(Outcome.UNEXPECTED, text);
    }

    /** Marks an expected carrier missing, saying where it was looked for. */
    public void markMissing(long id, long carrierId, String note) {
        Open o = open(id);
        if (note == null || note.isBlank()) {
            throw ValidationException.of("note", "carrierInventory.noteRequired",
                    "Say where it was looked for and what is known.");
        }
        noteLength(note);
        ItemRow item = repository.items(id).stream()
                .filter(r -> r.carrierId() == carrierId && r.expected() == Expected.HERE).findFirst()
                .orElseThrow(() -> new NotFoundException("carrierInventory.itemNotFound",
                        "Carrier " + carrierId + " is not on the expected list."));
        repository.check(id, carrierId, Result.MISSING, note.strip(), clock.instant(), o.caller().personName());
        repository.touch(id);
        audit.record("carrierInventory.missing", "carrier_inventory", id,
                item.result() == null ? null : Map.of("serial", item.serial(), "result", item.result().name()),
                Map.of("serial", item.serial(), "result", Result.MISSING.name(), "note", note.strip()));
    }

    /** Finishes the inventory: what was never ticked is missing, and nothing can change any more. */
    public void finish(long id) {
        Open o = open(id);
        Instant now = clock.instant();
        repository.missUnchecked(id, now, o.caller().personName());
        if (!repository.finish(id, repository.version(id), now, o.caller().personName())) {
            throw new DomainException("carrierInventory.concurrent",
                    "Someone else changed this inventory at the same moment; reload it.");
        }
        InventorySummary after = repository.summary(id).orElseThrow();
        audit.record("carrierInventory.finish", "carrier_inventory", id, Map.of("status", InventoryStatus.OPEN.name()),
                Map.of("status", InventoryStatus.FINISHED.name(), "expected", after.expected(), "present",
                        after.present(), "missing", after.missing(), "unexpected", after.unexpected()));
    }

    private record Open(Caller caller, InventorySummary inventory) {
    }

    private Open open(long id) {
        Caller c = access.caller(Permission.CARRIER_MANAGE);
        InventorySummary s = repository.lock(id).orElseThrow(() -> notFound(id));
        c.requireReadable(s.unitId(), notFound(id));
        c.requireKeeper(s.unitId());
        c.requirePerson();
        if (s.status() != InventoryStatus.OPEN) {
            throw new DomainException("carrierInventory.finished",
                    "This inventory is finished and can no longer be changed.");
        }
        return new Open(c, s);
    }

    private static void noteLength(String note) {
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw ValidationException.of("note", "carrierBatch.tooLong", "At most " + MAX_NOTE + " characters.",
                    MAX_NOTE);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("carrierInventory.notFound", "There is no inventory " + id + " you may see.");
    }
}
