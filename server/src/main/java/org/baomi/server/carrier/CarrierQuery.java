package org.baomi.server.carrier;

import java.time.LocalDate;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;

/**
 * A ledger search. Every criterion is optional; {@code unitId} narrows to one unit the viewer may
 * read (default: all of them). {@code serial} matches a prefix; {@code text} matches title,
 * document number or issuer. {@code holderId} matches who holds it now (the borrower, who carried it
 * out, or the reader whose turn it is to sign); {@code overdue} matches circulations, loans and
 * carryings-out past their due date (today in {@link CarrierService#ZONE}), or with {@code false}
 * every other carrier. Criteria other than unit, serial and level only match carriers whose details
 * the viewer may see (filtering must not reveal what a row hides). {@code page} counts from 1.
 */
public record CarrierQuery(Long unitId, String serial, String text, CarrierType type, ClassificationLevel level,
        CarrierStatus status, Long custodianId, StoragePlace.Kind storageKind, LocalDate datedFrom,
        LocalDate datedTo, Boolean copiesOnly, Boolean open, Long holderId, Boolean overdue, Sort sort,
        boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Sort orders; every one ends with the id so pages never overlap. */
    public enum Sort { REGISTERED, SERIAL, DATED, LEVEL, STATUS }

    public CarrierQuery {
        serial = blankToNull(serial);
        text = blankToNull(text);
        sort = sort == null ? Sort.REGISTERED : sort;
        page = Math.max(1, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** The criteria before {@code holderId} and {@code overdue} existed (both unset). */
    public CarrierQuery(Long unitId, String serial, String text, CarrierType type, ClassificationLevel level,
            CarrierStatus status, Long custodianId, StoragePlace.Kind storageKind, LocalDate datedFrom,
            LocalDate datedTo, Boolean copiesOnly, Boolean open, Sort sort, boolean descending, int page, int size) {
        this(unitId, serial, text, type, level, status, custodianId, storageKind, datedFrom, datedTo, copiesOnly, open,
                null, null, sort, descending, page, size);
    }

    /** Everything the viewer may read, newest first. */
    public static CarrierQuery all(int page, int size) {
        return new CarrierQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                Sort.REGISTERED, true, page, size);
    }

    /** This query, also matching only carriers {@code holderId} holds now ({@code null}: anyone). */
    public CarrierQuery withHolderId(Long holderId) {
        return new CarrierQuery(unitId, serial, text, type, level, status, custodianId, storageKind, datedFrom, datedTo,
                copiesOnly, open, holderId, overdue, sort, descending, page, size);
    }

    /** This query, also matching only overdue carriers ({@code true}), only others ({@code false}) or all ({@code null}). */
    public CarrierQuery withOverdue(Boolean overdue) {
        return new CarrierQuery(unitId, serial, text, type, level, status, custodianId, storageKind, datedFrom, datedTo,
                copiesOnly, open, holderId, overdue, sort, descending, page, size);
    }

    /** Whether any criterion beyond unit, serial and level is set. */
    public boolean filtersDetails() {
        return text != null || type != null || status != null || custodianId != null || storageKind != null
                || datedFrom != null || datedTo != null || copiesOnly != null || open != null || holderId != null
                || overdue != null;
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
