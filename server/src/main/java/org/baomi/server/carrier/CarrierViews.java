package org.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baomi.core.carrier.Actor;
import org.baomi.core.carrier.CarrierEvent;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;

/** The records the carrier ledger hands to pages and the API. */
public final class CarrierViews {

    private CarrierViews() {
    }

    /** A person or department as lists show them. */
    public record Label(long id, String name) {
    }

    /** Another carrier referred to (original, copies): id and serial only. */
    public record Ref(long id, String serial) {
    }

    /** A carrier just entered in the ledger. */
    public record Registered(long id, String serial) {
    }

    /** The circulation under way: the route in order, who signed (name and time), when due. */
    public record CirculationInfo(List<Reader> route, LocalDate due, boolean urgent, boolean overdue) {
    }

    /** One reader of a circulation; {@code signedAt} is null until he signs. */
    public record Reader(long personId, String name, Instant signedAt) {
    }

    /**
     * Who holds the carrier now (borrower, or whoever carried it out), since when and until when;
     * {@code fromArchive} — a retrieval (调阅) that goes back to the archive on return.
     */
    public record Holding(long personId, String name, Instant since, LocalDate due, boolean overdue,
            boolean fromArchive) {
    }

    /** Everything the ledger knows about a carrier. */
    public record Detail(long id, long unitId, String unitName, String serial, CarrierType type, String title,
            String documentNumber, String issuer, LocalDate dated, int copyNumber, int copyTotal, String markingText,
            ClassificationLevel level, boolean declassified, String formerMarking, LocalDate declassificationDate,
            CarrierStatus status, Label custodian, StoragePlace storage, List<Label> scopePeople,
            List<Label> scopeDepartments, Ref copiedFrom, List<Ref> copies, CirculationInfo circulation,
            Holding loan, Holding carriedOut, Instant registeredAt, int version) {
    }

    /**
     * What the viewer may do now: {@code manage} — ledger acts (he keeps this unit's ledger and is
     * cleared); {@code sign} — it is his turn on the circulation; {@code returnLoan} — he is the
     * borrower or keeps the ledger.
     */
    public record Actions(boolean manage, boolean sign, boolean returnLoan) {
    }

    /**
     * One entry of the timeline, oldest first. {@code kind} is the event's simple name
     * (Registered, CirculationStarted, SignedAsRead, ...); pages label it with the message
     * {@code carrier.event.<kind>}. {@code event} is core's record with all its fields.
     */
    public record TimelineEntry(int seq, String kind, Instant at, Actor by, CarrierEvent event) {
    }

    /**
     * One row of a ledger search. When {@code detailsVisible} is false the viewer may see only
     * {@code id}, {@code unitId}, {@code serial} and {@code level}; every other field is null.
     */
    public record Row(long id, long unitId, String serial, ClassificationLevel level, boolean detailsVisible,
            CarrierType type, String title, String documentNumber, String issuer, LocalDate dated, Integer copyNumber,
            Integer copyTotal, String markingText, CarrierStatus status, String custodianName,
            StoragePlace.Kind storageKind, String storageName, LocalDate dueDate, String holderName) {
    }

    /** Who saw a carrier's details, when, in which role (the disclosure record, from the audit log). */
    public record Disclosure(Instant at, String username, String role, Long unitId, String clientAddress) {
    }

    /** An approval request about a carrier, with what it asks and whether it was used. */
    public record Request(long requestId, String act, String status, Integer copies, String newMarking,
            LocalDate returnBy, String reason, Instant usedAt) {
    }

    /** Kinds of reminder (core {@code Reminder}); pages label them {@code carrier.reminder.<KIND>}. */
    public enum ReminderKind {
        CIRCULATION_OVERDUE, LOAN_OVERDUE, CARRY_OUT_OVERDUE, TERM_EXPIRING, YEAR_END_CLEARING
    }

    /**
     * Something that needs attention. {@code date} is the due date, return date, end of term or 31
     * December; {@code daysLeft} is negative when overdue; {@code person} is the holder (null for
     * a term). {@code title} is null unless the viewer may see the details.
     */
    public record ReminderRow(ReminderKind kind, long carrierId, long unitId, String serial,
            ClassificationLevel level, String title, LocalDate date, long daysLeft, String person) {
    }

    /** How many reminders of each kind, for the dashboard. */
    public record ReminderCounts(long overdue, long termExpiring, long yearEndClearing) {
    }

    /** Names of the people and departments scope changes on a timeline name, by id. */
    public record ScopeNames(Map<Long, String> people, Map<Long, String> departments) {
        public ScopeNames {
            people = Map.copyOf(people);
            departments = Map.copyOf(departments);
        }
    }
}
