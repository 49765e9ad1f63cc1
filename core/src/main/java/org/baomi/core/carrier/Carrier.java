package org.baomi.core.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierEvent.*;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.classification.Marking;

/**
 * 涉密载体 — one classified carrier in a unit's ledger: one copy of a document, a disc, a film.
 *
 * <p>Every act is a method named for it. An act the rules forbid throws a {@link DomainException}
 * whose code is stable ({@code carrier.*}) and whose message a secrecy officer can act on; a
 * refused act changes nothing. An accepted act appends exactly one {@link CarrierEvent} (copying
 * also registers the copies), and the carrier's status, marking and storage place are always what
 * {@link CarrierHistory#replay} of its history gives.
 *
 * <p>Lifecycle (see {@code docs/adr/0008-carrier-lifecycle.md}):
 * <pre>
 *   IN_CUSTODY ─circulate→ CIRCULATING ─signAsRead…→ endCirculation / recallCirculation → IN_CUSTODY
 *   IN_CUSTODY ─lend→ ON_LOAN ─returnLoan→ IN_CUSTODY
 *   IN_CUSTODY ─carryOut(approval)→ CARRIED_OUT ─bringBack→ IN_CUSTODY
 *   IN_CUSTODY ─copy(approval)→ IN_CUSTODY (+ new carriers)
 *   IN_CUSTODY ─archive→ ARCHIVED
 *   ARCHIVED ─retrieve→ ON_LOAN (from the archive) ─returnLoan→ ARCHIVED
 *   IN_CUSTODY | ARCHIVED ─clear→ CLEARED,  ─destroy(approval)→ DESTROYED,  ─moveTo / reclassify / declassify→ same
 *   IN_CUSTODY | ARCHIVED ─handOver→ same (new custodian)
 *   any non-terminal ─changeScope→ same (new knowledge scope)
 *   any non-terminal ─reportLost→ LOST
 * </pre>
 *
 * <p>What the server does before calling: checks the caller's permission, that an
 * {@link ApprovalRef} names an approved request for this carrier and act, allocates ids and serial
 * numbers, and gives each {@link PersonRef} as it stands now. Who may act is the server's
 * concern; what the carrier checks is that the people it is handed to are cleared for its level and
 * in its knowledge scope, that readers sign in turn, and that approvals are present.
 *
 * <p>Not thread-safe: load, act and store within one transaction, as with every aggregate.
 */
public final class Carrier {

    /** Most copies one copying act makes; more is a reprint, which goes through its own approval. */
    public static final int MAX_COPIES = 100;

    private final CarrierId id;
    private final SerialNumber serial;
    private CarrierDetails details;
    private final List<CarrierEvent> history;
    private CarrierHistory.State state;

    private Carrier(CarrierId id, SerialNumber serial, CarrierDetails details, List<CarrierEvent> history) {
        this.id = Objects.requireNonNull(id, "id");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.details = Objects.requireNonNull(details, "details");
        this.history = new ArrayList<>(history);
        this.state = CarrierHistory.replay(this.history);
    }

    /**
     * Enters a carrier in the ledger, in custody. Receiving a batch of copies registers one carrier
     * per copy ({@link CarrierDetails#withCopyNumber}).
     *
     * @throws DomainException when the marking is PUBLIC ({@code carrier.notClassified}), the storage
     *                         place does not meet the storage rule ({@code carrier.storageNotAllowed}),
     *                         a state secret has no knowledge scope ({@code carrier.scopeEmpty}) or the
     *                         custodian or registrar is not cleared for the level
     *                         ({@code carrier.custodianNotCleared}, {@code carrier.actorNotCleared})
     */
    public static Carrier register(CarrierId id, SerialNumber serial, CarrierDetails details, Marking marking,
            StoragePlace storage, PersonRef by, Instant at) {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(storage, "storage");
        checkNew(serial, details, marking, storage, by);
        return new Carrier(id, serial, details, List.of(new Registered(by.actor(), at, marking, storage, null)));
    }

    /**
     * Rebuilds a stored carrier from its details and history. {@code storedStatus} is the status
     * column the server keeps for searching; a row whose status disagrees with its own history is
     * refused rather than trusted.
     *
     * @throws DomainException {@code carrier.historyCorrupt} or {@code carrier.statusMismatch}
     */
    public static Carrier restore(CarrierId id, SerialNumber serial, CarrierDetails details,
            CarrierStatus storedStatus, List<CarrierEvent> history) {
        Carrier carrier = new Carrier(id, serial, details, history);
        carrier.state.custodian().filter(c -> c.personId() != details.custodian().id()).ifPresent(c -> {
            throw new DomainException("carrier.custodianMismatch", "Carrier " + serial + " is stored with custodian "
                    + details.custodian().name() + " but its history hands it to " + c.name() + ".", serial.value(),
                    details.custodian().name(), c.name());
        });
        carrier.state.scope().filter(s -> !s.equals(details.scope())).ifPresent(s -> {
            throw new DomainException("carrier.scopeMismatch", "Carrier " + serial
                    + " is stored with another knowledge scope than its history gives.", serial.value());
        });
        if (carrier.status() != storedStatus) {
            throw new DomainException("carrier.statusMismatch", "Carrier " + serial + " is stored as "
                    + storedStatus.words() + " but its history says " + carrier.status().words() + ".",
                    serial.value(), storedStatus, carrier.status());
        }
        return carrier;
    }

    private static void checkNew(SerialNumber serial, CarrierDetails details, Marking marking, StoragePlace storage,
            PersonRef by) {
        ClassificationLevel level = marking.level();
        if (level == ClassificationLevel.PUBLIC) {
            throw new DomainException("carrier.notClassified",
                    "Public material is not a classified carrier and is not kept in the ledger.", serial.value());
        }
        storage.requirePermits(level);
        if (level.isStateSecret() && details.scope().isEmpty()) {
            throw new DomainException("carrier.scopeEmpty",
                    "A " + level.chinese() + " carrier needs a knowledge scope: name the people or departments who may know it.",
                    serial.value(), level);
        }
        if (!details.custodian().cleared(level)) {
            throw new DomainException("carrier.custodianNotCleared", details.custodian().name()
                    + " is not cleared for " + level.chinese() + " material and cannot be its custodian.",
                    details.custodian().name(), level);
        }
        requireCleared(by, level, serial);
    }

    // ---------------------------------------------------------------- circulation

    /**
     * 传阅 — sends the carrier round {@code route}, each reader to sign in that order, back by
     * {@code due}: at most {@link CirculationPolicy#days()} days after today, and today itself when
     * {@code urgent}.
     *
     * @throws DomainException {@code carrier.routeEmpty}, {@code carrier.routeRepeats},
     *                         {@code carrier.readerNotCleared}, {@code carrier.readerNotInScope},
     *                         {@code carrier.dueInPast}, {@code carrier.circulationTooLong},
     *                         {@code carrier.urgentSameDay}, or a
     *                         status refusal
     */
    public void circulate(List<PersonRef> route, LocalDate due, boolean urgent, CirculationPolicy policy, PersonRef by,
            Instant at) {
        requireStatus("circulate", CarrierStatus.IN_CUSTODY);
        requireCleared(by, level(), serial);
        if (route == null || route.isEmpty()) {
            throw new DomainException("carrier.routeEmpty", "Name at least one reader for the circulation.");
        }
        Set<Long> seen = new HashSet<>();
        for (PersonRef reader : route) {
            if (!seen.add(reader.id())) {
                throw new DomainException("carrier.routeRepeats",
                        reader.name() + " appears twice on the route; each reader signs once.", reader.name());
            }
            requireMayHold(reader, "carrier.readerNotCleared", "carrier.readerNotInScope", "read it");
        }
        Objects.requireNonNull(due, "due");
        LocalDate today = policy.dayOf(at);
        if (due.isBefore(today)) {
            throw new DomainException("carrier.dueInPast", "The due date " + due + " has already passed.", due);
        }
        LocalDate latest = policy.latestDue(at, urgent);
        if (due.isAfter(latest)) {
            throw urgent
                    ? new DomainException("carrier.urgentSameDay",
                            "An urgent circulation comes back the same day (" + latest + "), not " + due + ".", latest, due)
                    : new DomainException("carrier.circulationTooLong", "A circulation lasts at most " + policy.days()
                            + " days: it must be back by " + latest + ", not " + due + ".", policy.days(), latest, due);
        }
        append(new CirculationStarted(by.actor(), at, route.stream().map(PersonRef::actor).toList(), due, urgent));
    }

    /**
     * 签阅 — {@code reader} signs with his full name at {@code at}. Only the next reader on the route
     * may sign: the route is walked in order so the carrier is never with two people at once.
     *
     * @throws DomainException {@code carrier.notYourTurn} (naming whose turn it is),
     *                         {@code carrier.allSigned}, {@code carrier.readerNotCleared} or
     *                         {@code carrier.readerNotInScope} (his clearance or scope changed since
     *                         the route was set), or a status refusal
     */
    public void signAsRead(PersonRef reader, Instant at) {
        requireStatus("sign for", CarrierStatus.CIRCULATING);
        Circulation c = state.circulation().orElseThrow();
        Actor next = c.nextReader().orElseThrow(() -> new DomainException("carrier.allSigned",
                "Every reader has already signed for " + serial + "; the custodian ends the circulation.", serial.value()));
        if (next.personId() != reader.id()) {
            throw new DomainException("carrier.notYourTurn", "It is " + next.name() + "'s turn to sign for " + serial
                    + ", not " + reader.name() + "'s.", serial.value(), next.name(), reader.name());
        }
        // Checked again at signing: a clearance withdrawn or a move out of the scope since the
        // route was set means he may no longer read it; the custodian recalls it instead.
        requireMayHold(reader, "carrier.readerNotCleared", "carrier.readerNotInScope", "read it");
        append(new SignedAsRead(reader.actor(), at));
    }

    /**
     * Takes the carrier back into custody once every reader has signed. Circulation never ends by
     * itself when the last reader signs: the carrier is in custody only when the custodian has it in
     * hand again, and he records that.
     *
     * @throws DomainException {@code carrier.unsignedReaders} (use {@link #recallCirculation}), or a
     *                         status refusal
     */
    public void endCirculation(PersonRef by, Instant at) {
        requireStatus("end the circulation of", CarrierStatus.CIRCULATING);
        Circulation c = state.circulation().orElseThrow();
        if (!c.allSigned()) {
            String names = String.join(", ", c.unsigned().stream().map(Actor::name).toList());
            throw new DomainException("carrier.unsignedReaders", names + " have not signed for " + serial
                    + " yet; wait for them or recall it with a reason.", serial.value(), names);
        }
        append(new CirculationEnded(by.actor(), at, "", List.of()));
    }

    /**
     * Recalls the carrier before every reader has signed (urgent need, a reader away); the readers
     * who did not sign are named in the history.
     *
     * @throws DomainException {@code carrier.reasonRequired}, or a status refusal
     */
    public void recallCirculation(String reason, PersonRef by, Instant at) {
        requireStatus("recall", CarrierStatus.CIRCULATING);
        requireText(reason, "carrier.reasonRequired", "Say why the circulation is recalled before everyone has signed.");
        append(new CirculationEnded(by.actor(), at, reason, state.circulation().orElseThrow().unsigned()));
    }

    // ---------------------------------------------------------------- loans

    /**
     * 借阅 — lends the carrier to {@code to} until {@code due}. Only from custody: a borrower never
     * passes it on to another; it comes back first.
     *
     * @throws DomainException {@code carrier.onLoan} (return it first),
     *                         {@code carrier.borrowerNotCleared}, {@code carrier.borrowerNotInScope},
     *                         or a status refusal
     */
    public void lend(PersonRef to, LocalDate due, PersonRef by, Instant at) {
        lendFrom(CarrierStatus.IN_CUSTODY, "lend", to, due, by, at);
    }

    /**
     * 调阅 — retrieves the archived carrier for {@code to} to read until {@code due}. The same rules
     * as a loan (the reader cleared and in scope, a due date, no passing from one reader to another);
     * while out it is ON_LOAN, and {@link #returnLoan} puts it back in the archive (ADR 0018).
     *
     * @throws DomainException {@code carrier.onLoan} (return it first),
     *                         {@code carrier.borrowerNotCleared}, {@code carrier.borrowerNotInScope},
     *                         {@code carrier.dueMissing}, or a status refusal
     */
    public void retrieve(PersonRef to, LocalDate due, PersonRef by, Instant at) {
        lendFrom(CarrierStatus.ARCHIVED, "retrieve from the archive", to, due, by, at);
    }

    private void lendFrom(CarrierStatus from, String act, PersonRef to, LocalDate due, PersonRef by, Instant at) {
        if (status() == CarrierStatus.ON_LOAN) {
            Actor borrower = state.loan().orElseThrow().to();
            throw new DomainException("carrier.onLoan", serial + " is on loan to " + borrower.name()
                    + "; return it first — it may not pass from one borrower to another.", serial.value(), borrower.name());
        }
        requireStatus(act, from);
        requireCleared(by, level(), serial);
        requireMayHold(to, "carrier.borrowerNotCleared", "carrier.borrowerNotInScope", "borrow it");
        if (due == null) {
            throw new DomainException("carrier.dueMissing", "Give the date the loan is due back.");
        }
        append(new Lent(by.actor(), at, to.actor(), due, from == CarrierStatus.ARCHIVED));
    }

    /**
     * 归还 — the borrower returned it; {@code by} takes it back into custody, or into the archive
     * when it was retrieved from there.
     */
    public void returnLoan(PersonRef by, Instant at) {
        requireStatus("take back", CarrierStatus.ON_LOAN);
        Lent loan = state.loan().orElseThrow();
        append(new Returned(by.actor(), at, loan.to(), loan.fromArchive()));
    }

    // ---------------------------------------------------------------- carrying out

    /**
     * 携带外出 — {@code by} takes the carrier out of the office under an approved request, to
     * bring it back by {@code returnBy}. He must be cleared for the level and in the scope.
     *
     * @throws DomainException {@code carrier.approvalRequired}, {@code carrier.returnDateMissing},
     *                         {@code carrier.actorNotCleared}, {@code carrier.actorNotInScope}, or a
     *                         status refusal
     */
    public void carryOut(ApprovalRef approval, LocalDate returnBy, PersonRef by, Instant at) {
        requireStatus("carry out", CarrierStatus.IN_CUSTODY);
        requireApproval(approval, "carry out");
        if (returnBy == null) {
            throw new DomainException("carrier.returnDateMissing", "Give the date the carrier will be brought back.");
        }
        requireMayHold(by, "carrier.actorNotCleared", "carrier.actorNotInScope", "carry it out");
        append(new CarriedOut(by.actor(), at, approval, returnBy));
    }

    /** Brought back into custody after carrying out. */
    public void bringBack(PersonRef by, Instant at) {
        requireStatus("bring back", CarrierStatus.CARRIED_OUT);
        append(new BroughtBack(by.actor(), at));
    }

    // ---------------------------------------------------------------- copying

    /**
     * 复制 — makes one copy per {@code identities} entry under an approved request and returns them
     * as new carriers, in custody with the same custodian and storage place, the same marking,
     * scope and details, and {@link #copiedFrom()} naming this carrier.
     *
     * <p>Copies are numbered as a new series, copy 1..n of n, not as a continuation of the
     * original's series: other copies of the original may be held by other units, whose "of N"
     * cannot change, and the copy stamp plus the link to the original tells them apart.
     *
     * <p>Copying TOP SECRET needs the originating authority's consent as well ({@code consent});
     * for other levels it may be {@code null}.
     *
     * @throws DomainException {@code carrier.approvalRequired}, {@code carrier.consentRequired},
     *                         {@code carrier.copyCount}, {@code carrier.copyIdentityRepeats},
     *                         {@code carrier.copyDeclassified}, or a status refusal
     */
    public List<Carrier> copy(ApprovalRef approval, List<CopyIdentity> identities, OriginatorConsent consent,
            PersonRef by, Instant at) {
        requireStatus("copy", CarrierStatus.IN_CUSTODY);
        requireApproval(approval, "copy");
        if (!(state.marking() instanceof CarrierMarking.Classified classified)) {
            throw new DomainException("carrier.copyDeclassified", serial
                    + " is declassified: its copies are no longer classified carriers and are not registered here.",
                    serial.value());
        }
        Marking marking = classified.marking();
        if (marking.level() == ClassificationLevel.TOP_SECRET && consent == null) {
            throw new DomainException("carrier.consentRequired", "Copying TOP SECRET (绝密) " + serial
                    + " needs the originating authority's consent; record it with the approval.", serial.value());
        }
        requireCleared(by, level(), serial);
        int n = identities == null ? 0 : identities.size();
        if (n < 1 || n > MAX_COPIES) {
            throw new DomainException("carrier.copyCount", "Make 1 to " + MAX_COPIES + " copies at a time, not " + n + ".",
                    n, MAX_COPIES);
        }
        Set<Object> distinct = new HashSet<>();
        for (CopyIdentity c : identities) {
            if (!distinct.add(c.id()) || !distinct.add(c.serial()) || c.id().equals(id) || c.serial().equals(serial)) {
                throw new DomainException("carrier.copyIdentityRepeats",
                        "Each copy needs its own id and serial number; " + c.serial() + " is given twice.", c.serial().value());
            }
        }
        List<Carrier> copies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CopyIdentity c = identities.get(i);
            CarrierDetails copyDetails = details.withCopyNumber(new CopyNumber(i + 1, n));
            copies.add(new Carrier(c.id(), c.serial(), copyDetails,
                    List.of(new Registered(by.actor(), at, marking, storage(), id))));
        }
        append(new Copied(by.actor(), at, approval, identities.stream().map(CopyIdentity::id).toList(), consent));
        return List.copyOf(copies);
    }

    // ---------------------------------------------------------------- storage, archive, disposal

    /**
     * Moves the carrier to another storage place, which must meet the storage rule for its level.
     *
     * @throws DomainException {@code carrier.storageNotAllowed}, {@code carrier.samePlace}, or a
     *                         status refusal
     */
    public void moveTo(StoragePlace place, PersonRef by, Instant at) {
        requireStatus("move", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        requireCleared(by, level(), serial);
        place.requirePermits(level());
        if (place.equals(storage())) {
            throw new DomainException("carrier.samePlace", serial + " is already kept in " + place.name() + ".",
                    serial.value(), place.name());
        }
        append(new Moved(by.actor(), at, storage(), place));
    }

    /** 归档 — hands the carrier over to the archive. */
    public void archive(PersonRef by, Instant at) {
        requireStatus("archive", CarrierStatus.IN_CUSTODY);
        requireCleared(by, level(), serial);
        append(new Archived(by.actor(), at));
    }

    /**
     * 清退 — returns the carrier to its issuer, who signed {@code receipt} (the receipt's number or
     * description).
     *
     * @throws DomainException {@code carrier.receiptMissing}, or a status refusal
     */
    public void clear(String receipt, PersonRef by, Instant at) {
        requireStatus("clear", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        requireText(receipt, "carrier.receiptMissing", "Record the issuer's receipt for the returned carrier.");
        requireCleared(by, level(), serial);
        append(new Cleared(by.actor(), at, receipt.strip(), details.issuer()));
    }

    /**
     * 销毁 — destroyed as part of an approved destruction batch, with at least two supervisors who
     * are not the requester ({@link DestructionRecord} checks that).
     *
     * @throws DomainException {@code carrier.approvalRequired}, or a status refusal
     */
    public void destroy(DestructionRecord record, PersonRef by, Instant at) {
        requireStatus("destroy", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        if (record == null) {
            throw new DomainException("carrier.approvalRequired",
                    "Destroying " + serial + " needs an approved destruction batch.", serial.value(), "destroy");
        }
        requireCleared(by, level(), serial);
        append(new Destroyed(by.actor(), at, record));
    }

    /**
     * 丢失 — reports the carrier lost, from wherever it was; the server opens an incident with
     * {@code note}. Anyone may report a loss, cleared or not.
     *
     * @throws DomainException {@code carrier.noteRequired}, or {@code carrier.closed}
     */
    public void reportLost(String note, PersonRef by, Instant at) {
        requireOpen("report lost");
        requireText(note, "carrier.noteRequired", "Describe how and where the carrier was lost.");
        append(new Lost(by.actor(), at, note.strip()));
    }

    // ---------------------------------------------------------------- marking

    /**
     * 变更密级 — changes the marking (level or term) under an approved request. Only while in
     * custody or archived, because the new marking is written on the carrier beside the struck-out
     * old one. The storage place, custodian and scope must fit the new level.
     *
     * @throws DomainException {@code carrier.approvalRequired}, {@code carrier.markingUnchanged},
     *                         {@code carrier.alreadyDeclassified}, {@code carrier.declassifyInstead},
     *                         {@code carrier.storageNotAllowed}, {@code carrier.custodianNotCleared},
     *                         {@code carrier.scopeEmpty}, or a status refusal
     */
    public void reclassify(Marking newMarking, ApprovalRef approval, PersonRef by, Instant at) {
        requireStatus("reclassify", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        requireApproval(approval, "reclassify");
        Marking old = classifiedMarking("reclassify");
        Objects.requireNonNull(newMarking, "newMarking");
        if (newMarking.level() == ClassificationLevel.PUBLIC) {
            throw new DomainException("carrier.declassifyInstead",
                    "To make " + serial + " public, declassify it; a marking cannot be changed to 公开.", serial.value());
        }
        if (newMarking.equals(old)) {
            throw new DomainException("carrier.markingUnchanged", serial + " is already marked " + old.format() + ".",
                    serial.value(), old.format());
        }
        checkNew(serial, details, newMarking, storage(), by);
        requireCleared(by, old.level(), serial);
        append(new Reclassified(by.actor(), at, old, newMarking, approval));
    }

    /**
     * 解密 — declassifies the carrier under an approved request; from now on it is marked 解密 and
     * handled as internal material. The old marking stays in the history.
     *
     * @throws DomainException {@code carrier.approvalRequired}, {@code carrier.alreadyDeclassified},
     *                         or a status refusal
     */
    public void declassify(ApprovalRef approval, PersonRef by, Instant at) {
        requireStatus("declassify", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        requireApproval(approval, "declassify");
        Marking old = classifiedMarking("declassify");
        requireCleared(by, old.level(), serial);
        append(new Declassified(by.actor(), at, old, approval));
    }

    // ---------------------------------------------------------------- custodian and scope

    /**
     * 移交 — hands the carrier from its custodian to {@code to}, recorded by {@code by} (the ledger
     * keeper). Only while in custody or archived: what is out (circulating, on loan, carried out)
     * comes back first, so the new custodian takes over something that is in the cabinet. The new
     * custodian must be cleared for the level; that he is active and of the unit is the server's
     * check (a {@link PersonRef} does not know it). He need not be in the knowledge scope, as at
     * registration (a custodian may keep what he does not read; ADR 0017).
     *
     * @throws DomainException {@code carrier.sameCustodian}, {@code carrier.custodianNotCleared},
     *                         {@code carrier.reasonRequired}, {@code carrier.actorNotCleared}, or a
     *                         status refusal
     */
    public void handOver(PersonRef to, String reason, PersonRef by, Instant at) {
        requireStatus("hand over", CarrierStatus.IN_CUSTODY, CarrierStatus.ARCHIVED);
        Objects.requireNonNull(to, "to");
        PersonRef from = details.custodian();
        if (to.id() == from.id()) {
            throw new DomainException("carrier.sameCustodian", to.name() + " is already the custodian of " + serial
                    + "; hand it over to someone else.", to.name(), serial.value());
        }
        ClassificationLevel level = level();
        if (!to.cleared(level)) {
            throw new DomainException("carrier.custodianNotCleared", to.name() + " is not cleared for "
                    + level.chinese() + " material and cannot be its custodian.", to.name(), level);
        }
        requireText(reason, "carrier.reasonRequired", "Say why the custodian changes (e.g. transferred to another post).");
        requireCleared(by, level, serial);
        append(new HandedOver(by.actor(), at, from.actor(), to.actor(), reason.strip()));
        details = details.withCustodian(to);
    }

    /**
     * 知悉范围变更 — replaces the knowledge scope. A state secret keeps a non-empty scope; the
     * custodian, if he is in the scope now, stays in it; the readers still to sign an open
     * circulation, the borrower and whoever carried it out stay in it too — they hold it or are
     * about to, and the scope may not be narrowed under them (recall or take it back first).
     * {@code holdersNow} are those people ({@link #holders()}) as the server knows them now, with
     * their departments, since the history keeps only names.
     *
     * @throws DomainException {@code carrier.scopeUnchanged}, {@code carrier.scopeEmpty},
     *                         {@code carrier.custodianOutOfScope}, {@code carrier.holderOutOfScope},
     *                         {@code carrier.reasonRequired}, {@code carrier.actorNotCleared}, or
     *                         {@code carrier.closed}
     */
    public void changeScope(KnowledgeScope newScope, String reason, List<PersonRef> holdersNow, PersonRef by,
            Instant at) {
        requireOpen("change the knowledge scope of");
        Objects.requireNonNull(newScope, "newScope");
        KnowledgeScope old = details.scope();
        if (newScope.equals(old)) {
            throw new DomainException("carrier.scopeUnchanged", "The knowledge scope of " + serial
                    + " is already exactly this.", serial.value());
        }
        ClassificationLevel level = level();
        if (level.isStateSecret() && newScope.isEmpty()) {
            throw new DomainException("carrier.scopeEmpty", "A " + level.chinese()
                    + " carrier needs a knowledge scope: name the people or departments who may know it.",
                    serial.value(), level);
        }
        PersonRef custodian = details.custodian();
        if (old.includes(custodian) && !newScope.includes(custodian)) {
            throw new DomainException("carrier.custodianOutOfScope", "The custodian " + custodian.name()
                    + " would leave the knowledge scope of " + serial + "; hand the carrier over first or keep him in it.",
                    custodian.name(), serial.value());
        }
        Map<Long, PersonRef> given = new HashMap<>();
        for (PersonRef p : holdersNow) {
            given.put(p.id(), p);
        }
        for (Actor holder : holders()) {
            PersonRef now = given.get(holder.personId());
            if (now == null) {
                throw new IllegalArgumentException("holdersNow lacks " + holder.name() + " (" + holder.personId() + ")");
            }
            if (!newScope.includes(now)) {
                throw new DomainException("carrier.holderOutOfScope", holder.name() + " holds " + serial
                        + " or is still to read it and would leave its knowledge scope; take it back first.",
                        holder.name(), serial.value());
            }
        }
        requireText(reason, "carrier.reasonRequired", "Say why the knowledge scope changes.");
        requireCleared(by, level, serial);
        append(new ScopeChanged(by.actor(), at, old, newScope, reason.strip()));
        details = details.withScope(newScope);
    }

    /**
     * Who has the carrier out of custody or is still to read it: the readers of an open circulation
     * who have not signed, the borrower, whoever carried it out; empty in custody.
     */
    public List<Actor> holders() {
        List<Actor> out = new ArrayList<>();
        circulation().ifPresent(c -> out.addAll(c.unsigned()));
        loan().ifPresent(l -> out.add(l.to()));
        carriedOut().ifPresent(c -> out.add(c.by()));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- need-to-know

    /**
     * What {@code viewer} may see of this carrier: all of it when his level allows the carrier's
     * level and he is in the knowledge scope or {@code holdsLedgerRole} (keeps the ledger of the
     * carrier's unit); otherwise the serial number and level only. The ledger role does not lift the
     * clearance requirement.
     */
    public Visibility visibilityFor(PersonRef viewer, boolean holdsLedgerRole) {
        ClassificationLevel level = level();
        if (!viewer.cleared(level)) {
            return new Visibility.SerialAndLevel(serial, level, Visibility.Reason.NOT_CLEARED);
        }
        if (!holdsLedgerRole && !details.scope().includes(viewer)) {
            return new Visibility.SerialAndLevel(serial, level, Visibility.Reason.NOT_IN_SCOPE);
        }
        return new Visibility.Full();
    }

    // ---------------------------------------------------------------- guards

    private void append(CarrierEvent event) {
        // The same function that replays a stored history applies the new event: an act the
        // guards above let through but replay would refuse fails here, before anything changes.
        CarrierHistory.State next = CarrierHistory.apply(state, event, history.size());
        history.add(event);
        state = next;
    }

    private void requireOpen(String act) {
        if (status().isTerminal()) {
            throw new DomainException("carrier.closed", "Carrier " + serial + " is " + status().words()
                    + "; nothing more can be done with it (tried to " + act + ").", serial.value(), status(), act);
        }
    }

    private void requireStatus(String act, CarrierStatus... allowed) {
        requireOpen(act);
        for (CarrierStatus s : allowed) {
            if (status() == s) {
                return;
            }
        }
        String where = String.join(" or ", Arrays.stream(allowed).map(CarrierStatus::words).toList());
        throw new DomainException("carrier.wrongStatus", "Cannot " + act + " " + serial + " while it is "
                + status().words() + "; it must be " + where + ".", serial.value(), status(), act);
    }

    private void requireApproval(ApprovalRef approval, String act) {
        if (approval == null) {
            throw new DomainException("carrier.approvalRequired", "To " + act + " " + serial
                    + " needs an approved request; ask for approval first.", serial.value(), act);
        }
    }

    private Marking classifiedMarking(String act) {
        if (state.marking() instanceof CarrierMarking.Classified c) {
            return c.marking();
        }
        throw new DomainException("carrier.alreadyDeclassified", serial + " is already declassified; there is no "
                + "marking left to " + act + ".", serial.value());
    }

    private void requireMayHold(PersonRef person, String notClearedCode, String notInScopeCode, String act) {
        ClassificationLevel level = level();
        if (!person.cleared(level)) {
            throw new DomainException(notClearedCode, person.name() + " is not cleared for " + level.chinese()
                    + " material and may not " + act + ".", person.name(), level);
        }
        if (!details.scope().includes(person)) {
            throw new DomainException(notInScopeCode, person.name() + " is not in the knowledge scope of " + serial
                    + " and may not " + act + ".", person.name(), serial.value());
        }
    }

    private static void requireCleared(PersonRef by, ClassificationLevel level, SerialNumber serial) {
        if (!by.cleared(level)) {
            throw new DomainException("carrier.actorNotCleared", by.name() + " is not cleared for " + level.chinese()
                    + " material and may not handle " + serial + ".", by.name(), level, serial.value());
        }
    }

    private static void requireText(String text, String code, String message) {
        if (text == null || text.isBlank()) {
            throw new DomainException(code, message);
        }
    }

    // ---------------------------------------------------------------- reading

    public CarrierId id() { return id; }
    public SerialNumber serial() { return serial; }
    /** The details, with the current custodian and knowledge scope. */
    public CarrierDetails details() { return details; }
    /** The custodian (责任人) now. */
    public PersonRef custodian() { return details.custodian(); }
    /** The knowledge scope now. */
    public KnowledgeScope scope() { return details.scope(); }
    public CarrierStatus status() { return state.status(); }
    /** The marking the carrier bears now: classified, or declassified (解密). */
    public CarrierMarking marking() { return state.marking(); }
    /** The marking string stamped on it now, e.g. 机密★10年 or 解密. */
    public String markingText() { return state.marking().text(); }
    /** The level it is handled at now (INTERNAL once declassified). */
    public ClassificationLevel level() { return state.marking().effectiveLevel(); }
    public StoragePlace storage() { return state.storage(); }
    /** The circulation under way, while {@link CarrierStatus#CIRCULATING}. */
    public Optional<Circulation> circulation() {
        return status() == CarrierStatus.CIRCULATING ? state.circulation() : Optional.empty();
    }
    /** The loan under way, while {@link CarrierStatus#ON_LOAN}. */
    public Optional<Lent> loan() {
        return status() == CarrierStatus.ON_LOAN ? state.loan() : Optional.empty();
    }
    /** The carrying out under way, while {@link CarrierStatus#CARRIED_OUT}. */
    public Optional<CarriedOut> carriedOut() {
        return status() == CarrierStatus.CARRIED_OUT ? state.carriedOut() : Optional.empty();
    }
    /** The carrier this one is a copy of. */
    public Optional<CarrierId> copiedFrom() { return state.copiedFrom(); }
    /** The whole history, oldest first; an unmodifiable snapshot. */
    public List<CarrierEvent> history() { return List.copyOf(history); }

    @Override
    public String toString() {
        return "Carrier " + serial + " (" + markingText() + ", " + status().words() + ")";
    }
}
