package org.baomi.server.carrier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.security.Permission;
import org.baomi.server.carrier.CarrierInput;
import org.baomi.server.carrier.CarrierQuery;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierSettings;
import org.baomi.server.carrier.CarrierView;
import org.baomi.server.carrier.CarrierViews.Disclosure;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.carrier.CarrierViews.ReminderRow;
import org.baomi.server.carrier.CarrierViews.Request;
import org.baomi.server.carrier.CarrierViews.Row;
import org.baomi.server.carrier.CarrierViews.TimelineEntry;
import org.baomi.server.carrier.CopyChain;
import org.baomi.server.org.PageOf;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.Requires;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carrier ledger for machine clients and mobile apps. Every act returns the carrier as the
 * caller may now see it; refusals are problem+json: 400 naming the field, 403 for a role that may
 * not act, 404 for a carrier outside the caller's units, 409 with the rule broken
 * ({@code carrier.wrongStatus}, {@code carrier.notYourTurn}, ...).
 */
@RestController
@RequestMapping("/api/v1/carriers")
@Tag(name = "Carriers", description = "Classified-carrier ledger: registration, lifecycle, approvals, search, reminders")
class CarrierApiController {

    record BatchRequest(CarrierInput input, List<Integer> copyNumbers) {
    }

    record CirculateRequest(List<Long> route, LocalDate due, Boolean urgent) {
    }

    record ReasonRequest(String reason) {
    }

    record LendRequest(Long personId, LocalDate due) {
    }

    record ApprovedRequest(Long requestId) {
    }

    record CarryOutRequest(LocalDate returnBy, String reason) {
    }

    record CopyRequest(Integer copies, CopyChain chain, String consentAuthority, String consentReference,
            String reason) {
    }

    record ReclassifyRequest(String marking, String reason) {
    }

    record MoveRequest(StoragePlace.Kind storageKind, String storageName) {
    }

    record ClearRequest(String receipt) {
    }

    record LostRequest(String note) {
    }

    record SettingsRequest(String serialPattern, Integer circulationDays, Integer termWarningDays,
            Integer yearEndWindowDays) {
    }

    private final CarrierService carriers;

    CarrierApiController(CarrierService carriers) {
        this.carriers = carriers;
    }

    // ------------------------------------------------------------ reading

    @GetMapping
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Search the ledgers you may read",
            description = "Every parameter optional. serial: prefix; text: title, document number or issuer. Rows whose "
                    + "details you may not see (need-to-know) show id, unit, serial and level only; filters other than "
                    + "unit, serial and level match only rows you may see. holderId: who holds it now (borrower, who "
                    + "carried it out, reader whose turn it is to sign); overdue: circulating, lent or carried out past "
                    + "its due date (false: all others). sort: REGISTERED, SERIAL, DATED, LEVEL, STATUS.")
    PageOf<Row> search(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String serial,
            @RequestParam(required = false) String text, @RequestParam(required = false) CarrierType type,
            @RequestParam(required = false) ClassificationLevel level,
            @RequestParam(required = false) CarrierStatus status, @RequestParam(required = false) Long custodianId,
            @RequestParam(required = false) StoragePlace.Kind storageKind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate datedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate datedTo,
            @RequestParam(required = false) Boolean copiesOnly, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Long holderId, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) CarrierQuery.Sort sort, @RequestParam(defaultValue = "true") boolean descending,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return carriers.search(new CarrierQuery(unitId, serial, text, type, level, status, custodianId, storageKind,
                datedFrom, datedTo, copiesOnly, open, holderId, overdue, sort, descending, page, size));
    }

    @GetMapping("/{id:\\d+}")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "One carrier as you may see it",
            description = "Full (details, timeline, what you may do) when your level allows its level and you are in its "
                    + "knowledge scope or keep its ledger — recorded in the audit log; otherwise serial and level only.")
    CarrierView get(@PathVariable long id) {
        return carriers.get(id);
    }

    @GetMapping("/{id:\\d+}/timeline")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "The carrier's history, oldest first", description = "403 unless you may see its details.")
    List<TimelineEntry> timeline(@PathVariable long id) {
        return carriers.timeline(id);
    }

    @GetMapping("/{id:\\d+}/disclosure")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Who has seen the carrier's details (ledger keepers)")
    List<Disclosure> disclosure(@PathVariable long id) {
        return carriers.disclosure(id);
    }

    @GetMapping("/{id:\\d+}/requests")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Approval requests about the carrier and whether each was used (ledger keepers)")
    List<Request> requests(@PathVariable long id) {
        return carriers.requests(id);
    }

    @GetMapping("/reminders")
    @Requires(Permission.BUSINESS_READ)
    @Operation(summary = "Overdue circulations, loans and carryings-out; terms ending; loans to clear by the year end",
            description = "For the ledgers you keep (or unitId, one of them) and what you hold yourself.")
    List<ReminderRow> reminders(@RequestParam(required = false) Long unitId) {
        return carriers.reminders(unitId);
    }

    // ------------------------------------------------------------ registration

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Register a carrier; the serial number is assigned",
            description = "marking like 机密★10年; storageKind COMBINATION_SAFE, COMBINATION_LOCK_CABINET or OTHER "
                    + "(TOP SECRET only in a combination safe).")
    Registered register(@RequestBody CarrierInput input) {
        return carriers.register(input);
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Receive several copies of one document: one carrier per copy number held")
    List<Registered> receiveBatch(@RequestBody BatchRequest body) {
        if (body.input() == null) {
            throw ValidationException.of("input", "carrier.required", "Required.");
        }
        return carriers.receiveBatch(body.input(), body.copyNumbers());
    }

    // ------------------------------------------------------------ circulation and loans

    @PostMapping("/{id:\\d+}/circulation")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Send round readers (person ids in signing order), back by due (urgent: today)")
    CarrierView circulate(@PathVariable long id, @RequestBody CirculateRequest body) {
        carriers.circulate(id, body.route(), body.due(), Boolean.TRUE.equals(body.urgent()));
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/circulation/sign")
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Sign as read — you, when it is your turn")
    CarrierView sign(@PathVariable long id) {
        carriers.signAsRead(id);
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/circulation/end")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Back in custody after every reader signed")
    CarrierView endCirculation(@PathVariable long id) {
        carriers.endCirculation(id);
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/circulation/recall")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Recall before every reader signed, with the reason")
    CarrierView recall(@PathVariable long id, @RequestBody ReasonRequest body) {
        carriers.recallCirculation(id, body.reason());
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/loan")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Lend to a person in the knowledge scope until due")
    CarrierView lend(@PathVariable long id, @RequestBody LendRequest body) {
        if (body.personId() == null) {
            throw ValidationException.of("personId", "carrier.required", "Required.");
        }
        carriers.lend(id, body.personId(), body.due());
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/retrieval")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Retrieve an archived carrier (调阅) for a person in the knowledge scope until due",
            description = "Only while archived. The carrier is then on loan (status ON_LOAN, loan.fromArchive) and "
                    + "counts as an overdue loan after the due date; returning it (POST .../loan/return) puts it "
                    + "back in the archive (ARCHIVED), not in custody.")
    CarrierView retrieve(@PathVariable long id, @RequestBody LendRequest body) {
        if (body.personId() == null) {
            throw ValidationException.of("personId", "carrier.required", "Required.");
        }
        carriers.retrieve(id, body.personId(), body.due());
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/loan/return")
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Return a loan (the borrower or the ledger keeper); a retrieval goes back to the archive")
    CarrierView returnLoan(@PathVariable long id) {
        carriers.returnLoan(id);
        return carriers.get(id);
    }

    // ------------------------------------------------------------ under approval

    @PostMapping("/{id:\\d+}/carry-out/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Ask the leader in charge to approve carrying it out; returns the request id")
    Map<String, Object> requestCarryOut(@PathVariable long id, @RequestBody CarryOutRequest body) {
        return Map.of("requestId", carriers.requestCarryOut(id, body.returnBy(), body.reason()));
    }

    @PostMapping("/{id:\\d+}/carry-out")
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Carry it out under an approved, unused request")
    CarrierView carryOut(@PathVariable long id, @RequestBody ApprovedRequest body) {
        carriers.carryOut(id, requestId(body));
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/bring-back")
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Brought back after carrying out")
    CarrierView bringBack(@PathVariable long id) {
        carriers.bringBack(id);
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/copy/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Ask for approval to copy",
            description = "TOP SECRET: the unit head, with consentAuthority and consentReference; SECRET/CONFIDENTIAL: "
                    + "chain LEADER_IN_CHARGE or UNIT_HEAD.")
    Map<String, Object> requestCopy(@PathVariable long id, @RequestBody CopyRequest body) {
        return Map.of("requestId", carriers.requestCopy(id, body.copies() == null ? 0 : body.copies(), body.chain(),
                body.consentAuthority(), body.consentReference(), body.reason()));
    }

    @PostMapping("/{id:\\d+}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Make the approved copies; returns the new carriers")
    List<Registered> copy(@PathVariable long id, @RequestBody ApprovedRequest body) {
        return carriers.copy(id, requestId(body));
    }

    @PostMapping("/{id:\\d+}/reclassify/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Ask the unit head to approve a new marking (e.g. 秘密★5年)")
    Map<String, Object> requestReclassify(@PathVariable long id, @RequestBody ReclassifyRequest body) {
        return Map.of("requestId", carriers.requestReclassify(id, body.marking(), body.reason()));
    }

    @PostMapping("/{id:\\d+}/reclassify")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Change the marking under an approved, unused request")
    CarrierView reclassify(@PathVariable long id, @RequestBody ApprovedRequest body) {
        carriers.reclassify(id, requestId(body));
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/declassify/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Ask the unit head to approve declassification")
    Map<String, Object> requestDeclassify(@PathVariable long id, @RequestBody ReasonRequest body) {
        return Map.of("requestId", carriers.requestDeclassify(id, body.reason()));
    }

    @PostMapping("/{id:\\d+}/declassify")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Declassify under an approved, unused request")
    CarrierView declassify(@PathVariable long id, @RequestBody ApprovedRequest body) {
        carriers.declassify(id, requestId(body));
        return carriers.get(id);
    }

    // ------------------------------------------------------------ storage and disposal

    @PostMapping("/{id:\\d+}/move")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Move to another storage place")
    CarrierView move(@PathVariable long id, @RequestBody MoveRequest body) {
        carriers.moveTo(id, body.storageKind(), body.storageName());
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/archive")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Archive")
    CarrierView archive(@PathVariable long id) {
        carriers.archive(id);
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/clear")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Clear (return to the issuer) with the issuer's receipt")
    CarrierView clear(@PathVariable long id, @RequestBody ClearRequest body) {
        carriers.clear(id, body.receipt());
        return carriers.get(id);
    }

    @PostMapping("/{id:\\d+}/lost")
    @Requires(Permission.CARRIER_HANDLE)
    @Operation(summary = "Report lost (ledger keeper or current holder); opens an incident, returns its id")
    Map<String, Object> reportLost(@PathVariable long id, @RequestBody LostRequest body) {
        return Map.of("incidentId", carriers.reportLost(id, body.note()));
    }

    // ------------------------------------------------------------ settings

    @GetMapping("/settings/{unitId}")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "A unit's carrier settings (serial pattern, circulation days, warning windows)")
    CarrierSettings settings(@PathVariable long unitId) {
        return carriers.settings(unitId);
    }

    @PutMapping("/settings/{unitId}")
    @Requires(Permission.CARRIER_MANAGE)
    @Operation(summary = "Change a unit's carrier settings",
            description = "serialPattern uses {unit}, {year}, {type} and one {seq} or {seq:N}; circulationDays 0–30.")
    CarrierSettings updateSettings(@PathVariable long unitId, @RequestBody SettingsRequest body) {
        CarrierSettings current = carriers.settings(unitId);
        return carriers.updateSettings(new CarrierSettings(unitId,
                body.serialPattern() == null ? current.serialPattern() : body.serialPattern(),
                body.circulationDays() == null ? current.circulationDays() : body.circulationDays(),
                body.termWarningDays() == null ? current.termWarningDays() : body.termWarningDays(),
                body.yearEndWindowDays() == null ? current.yearEndWindowDays() : body.yearEndWindowDays()));
    }

    private static long requestId(ApprovedRequest body) {
        if (body == null || body.requestId() == null) {
            throw ValidationException.of("requestId", "carrier.required", "Required.");
        }
        return body.requestId();
    }
}
