package org.baomi.server.carrier.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.server.carrier.CopyChain;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The fields of every act form on a carrier's page; each form posts the few it needs. Field
 * names are the service's, so a refusal lands beside the field that caused it.
 */
public final class ActForm {

    private List<Long> route = new ArrayList<>();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate due;
    private boolean urgent;
    private String reason;
    private Long personId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate returnBy;
    private Integer copies = 1;
    private CopyChain chain = CopyChain.LEADER_IN_CHARGE;
    private String consentAuthority;
    private String consentReference;
    private String marking;
    private StoragePlace.Kind storageKind;
    private String storageName;
    private String receipt;
    private String note;
    private Long requestId;
    private Long toPersonId;
    private List<Long> scopePersonIds = new ArrayList<>();
    private List<Long> scopeDepartmentIds = new ArrayList<>();

    public List<Long> getRoute() { return route; }
    public void setRoute(List<Long> route) { this.route = route == null ? new ArrayList<>() : route; }
    public LocalDate getDue() { return due; }
    public void setDue(LocalDate due) { this.due = due; }
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean urgent) { this.urgent = urgent; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public LocalDate getReturnBy() { return returnBy; }
    public void setReturnBy(LocalDate returnBy) { this.returnBy = returnBy; }
    public Integer getCopies() { return copies; }
    public void setCopies(Integer copies) { this.copies = copies; }
    public CopyChain getChain() { return chain; }
    public void setChain(CopyChain chain) { this.chain = chain; }
    public String getConsentAuthority() { return consentAuthority; }
    public void setConsentAuthority(String consentAuthority) { this.consentAuthority = consentAuthority; }
    public String getConsentReference() { return consentReference; }
    public void setConsentReference(String consentReference) { this.consentReference = consentReference; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
    public StoragePlace.Kind getStorageKind() { return storageKind; }
    public void setStorageKind(StoragePlace.Kind storageKind) { this.storageKind = storageKind; }
    public String getStorageName() { return storageName; }
    public void setStorageName(String storageName) { this.storageName = storageName; }
    public String getReceipt() { return receipt; }
    public void setReceipt(String receipt) { this.receipt = receipt; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getRequestId() { return requestId; }
    public void setRequestId(Long requestId) { this.requestId = requestId; }
    public Long getToPersonId() { return toPersonId; }
    public void setToPersonId(Long toPersonId) { this.toPersonId = toPersonId; }
    public List<Long> getScopePersonIds() { return scopePersonIds; }
    public void setScopePersonIds(List<Long> ids) { this.scopePersonIds = ids == null ? new ArrayList<>() : ids; }
    public List<Long> getScopeDepartmentIds() { return scopeDepartmentIds; }
    public void setScopeDepartmentIds(List<Long> ids) { this.scopeDepartmentIds = ids == null ? new ArrayList<>() : ids; }
}
