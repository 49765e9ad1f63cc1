package org.baomi.server.carrier.web;

import java.time.LocalDate;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.carrier.CarrierQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ledger page's filters, bound from the query string so a filtered, sorted page can be
 * bookmarked; {@link #url} writes them back for sort headers and the pager. A value that does not
 * parse (level=XYZ) is simply not applied.
 */
public final class LedgerFilter {

    private Long unitId;
    private String serial;
    private String q;
    private CarrierType type;
    private ClassificationLevel level;
    private CarrierStatus status;
    private Long custodianId;
    private StoragePlace.Kind storageKind;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate datedFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate datedTo;
    private Boolean copiesOnly;
    private Boolean open;
    private Boolean overdue;
    private boolean mine;
    private boolean held;
    private CarrierQuery.Sort sort = CarrierQuery.Sort.REGISTERED;
    private boolean descending = true;
    private int page = 1;
    private int size = CarrierQuery.DEFAULT_SIZE;

    /**
     * The service query. "mine" narrows to what the signed-in person keeps as custodian, "held" to
     * what he holds now: borrowed, carried out, or waiting for his signature.
     */
    CarrierQuery query(Long myPersonId) {
        Long me = myPersonId == null ? -1L : myPersonId;
        Long custodian = mine ? me : custodianId;
        return new CarrierQuery(unitId, serial, q, type, level, status, custodian, storageKind, datedFrom, datedTo,
                Boolean.TRUE.equals(copiesOnly) ? Boolean.TRUE : null, Boolean.TRUE.equals(open) ? Boolean.TRUE : null,
                held ? me : null, Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, sort, descending, page, size);
    }

    /** This page's URL with another sort: the same column again flips the direction. */
    public String sortUrl(String column) {
        CarrierQuery.Sort s = CarrierQuery.Sort.valueOf(column);
        boolean desc = s == sort ? !descending : s == CarrierQuery.Sort.REGISTERED || s == CarrierQuery.Sort.DATED;
        return url(s, desc, 1);
    }

    /** This page's URL at page {@code n}. */
    public String pageUrl(int n) {
        return url(sort, descending, n);
    }

    /** Which way the column is sorted now: "asc", "desc" or "" (not the sort column). */
    public String sortMark(String column) {
        return sort.name().equals(column) ? (descending ? "desc" : "asc") : "";
    }

    /** Whether any filter beyond sort and paging is set (the page says so and offers a reset). */
    public boolean anySet() {
        return unitId != null || serial != null && !serial.isBlank() || q != null && !q.isBlank() || type != null
                || level != null || status != null || custodianId != null || storageKind != null || datedFrom != null
                || datedTo != null || Boolean.TRUE.equals(copiesOnly) || Boolean.TRUE.equals(open)
                || Boolean.TRUE.equals(overdue) || mine || held;
    }

    private String url(CarrierQuery.Sort s, boolean desc, int p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/carriers");
        add(b, "unitId", unitId);
        add(b, "serial", serial);
        add(b, "q", q);
        add(b, "type", type);
        add(b, "level", level);
        add(b, "status", status);
        add(b, "custodianId", custodianId);
        add(b, "storageKind", storageKind);
        add(b, "datedFrom", datedFrom);
        add(b, "datedTo", datedTo);
        add(b, "copiesOnly", Boolean.TRUE.equals(copiesOnly) ? true : null);
        add(b, "open", Boolean.TRUE.equals(open) ? true : null);
        add(b, "overdue", Boolean.TRUE.equals(overdue) ? true : null);
        add(b, "mine", mine ? true : null);
        add(b, "held", held ? true : null);
        add(b, "sort", s);
        b.queryParam("descending", desc);
        if (p > 1) {
            b.queryParam("page", p);
        }
        if (size != CarrierQuery.DEFAULT_SIZE) {
            b.queryParam("size", size);
        }
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            b.queryParam(name, value);
        }
    }

    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getSerial() { return serial; }
    public void setSerial(String serial) { this.serial = serial; }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public CarrierType getType() { return type; }
    public void setType(CarrierType type) { this.type = type; }
    public ClassificationLevel getLevel() { return level; }
    public void setLevel(ClassificationLevel level) { this.level = level; }
    public CarrierStatus getStatus() { return status; }
    public void setStatus(CarrierStatus status) { this.status = status; }
    public Long getCustodianId() { return custodianId; }
    public void setCustodianId(Long custodianId) { this.custodianId = custodianId; }
    public StoragePlace.Kind getStorageKind() { return storageKind; }
    public void setStorageKind(StoragePlace.Kind storageKind) { this.storageKind = storageKind; }
    public LocalDate getDatedFrom() { return datedFrom; }
    public void setDatedFrom(LocalDate datedFrom) { this.datedFrom = datedFrom; }
    public LocalDate getDatedTo() { return datedTo; }
    public void setDatedTo(LocalDate datedTo) { this.datedTo = datedTo; }
    public Boolean getCopiesOnly() { return copiesOnly; }
    public void setCopiesOnly(Boolean copiesOnly) { this.copiesOnly = copiesOnly; }
    public Boolean getOpen() { return open; }
    public void setOpen(Boolean open) { this.open = open; }
    public Boolean getOverdue() { return overdue; }
    public void setOverdue(Boolean overdue) { this.overdue = overdue; }
    public boolean isHeld() { return held; }
    public void setHeld(boolean held) { this.held = held; }
    public boolean isMine() { return mine; }
    public void setMine(boolean mine) { this.mine = mine; }
    public CarrierQuery.Sort getSort() { return sort; }
    public void setSort(CarrierQuery.Sort sort) { this.sort = sort == null ? CarrierQuery.Sort.REGISTERED : sort; }
    public boolean isDescending() { return descending; }
    public void setDescending(boolean descending) { this.descending = descending; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = Math.max(1, page); }
    public int getSize() { return size; }
    public void setSize(int size) { this.size = size <= 0 ? CarrierQuery.DEFAULT_SIZE : Math.min(size, CarrierQuery.MAX_SIZE); }
}
