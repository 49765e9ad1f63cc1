package org.baomi.server.carrier.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.classification.Marking;
import org.baomi.server.carrier.CarrierInput;
import org.baomi.server.platform.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The register and receive forms. The marking is either typed whole ({@code 机密★10年}) or
 * chosen as level plus term; a typed marking wins. For a batch, {@code copyNumbers} lists the
 * copies received ("1-5, 8").
 */
public final class CarrierForm {

    static final int MAX_COPY_LIST = 1000;

    private Long unitId;
    private CarrierType type = CarrierType.PAPER_DOCUMENT;
    private String title;
    private String documentNumber;
    private String issuer;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dated;
    private Integer copyNumber = 1;
    private Integer copyTotal = 1;
    private String copyNumbers;
    private ClassificationLevel level = ClassificationLevel.SECRET;
    private String term;
    private String marking;
    private List<Long> scopePersonIds = new ArrayList<>();
    private List<Long> scopeDepartmentIds = new ArrayList<>();
    private Long custodianId;
    private StoragePlace.Kind storageKind;
    private String storageName;

    /** The marking string the service parses: the typed one, else level ★ term (an empty term: the default). */
    public String markingText() {
        if (marking != null && !marking.isBlank()) {
            return marking.strip();
        }
        if (level == null) {
            return null;
        }
        if (!level.isStateSecret()) {
            return level.chinese();
        }
        return level.chinese() + Marking.STAR + (term == null ? "" : term.strip());
    }

    /** The marking as it will be written ({@code 机密★20年} for {@code 机密★}), or null while it does not parse. */
    public String markingPreview() {
        try {
            String text = markingText();
            return text == null ? null : Marking.parse(text).format();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    CarrierInput toInput() {
        return new CarrierInput(unitId, type, title, documentNumber, issuer, dated, copyNumber, copyTotal, markingText(),
                scopePersonIds, scopeDepartmentIds, custodianId, storageKind, storageName);
    }

    /** "1-5, 8, 10-12" → [1..5, 8, 10..12]; refuses anything else, naming the field. */
    List<Integer> copyNumberList() {
        List<Integer> out = new ArrayList<>();
        String text = copyNumbers == null ? "" : copyNumbers.replace('，', ',').replace('－', '-').replace('~', '-');
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] ends = part.split("-", -1);
            try {
                if (ends.length == 1) {
                    out.add(Integer.parseInt(ends[0].strip()));
                } else if (ends.length == 2) {
                    int from = Integer.parseInt(ends[0].strip());
                    int to = Integer.parseInt(ends[1].strip());
                    if (from > to) {
                        throw ValidationException.of("copyNumbers", "carrier.copyRangeReversed",
                                "The copy numbers run from " + from + " to " + to + ": the first must not be after the last.",
                                from, to);
                    }
                    if (to - from >= MAX_COPY_LIST) {
                        throw ValidationException.of("copyNumbers", "carrier.batchTooLarge",
                                "At most " + MAX_COPY_LIST + " copies at a time.", MAX_COPY_LIST);
                    }
                    for (int n = from; n <= to; n++) {
                        out.add(n);
                    }
                } else {
                    throw new NumberFormatException(part);
                }
            } catch (NumberFormatException e) {
                throw ValidationException.of("copyNumbers", "carrierpages.copyNumbersUnreadable",
                        "\"" + part + "\" is not a copy number or range; write 1-5, 8.", part);
            }
            if (out.size() > MAX_COPY_LIST) {
                throw ValidationException.of("copyNumbers", "carrier.batchTooLarge",
                        "At most " + MAX_COPY_LIST + " copies at a time.", MAX_COPY_LIST);
            }
        }
        return out;
    }

    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public CarrierType getType() { return type; }
    public void setType(CarrierType type) { this.type = type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String documentNumber) { this.documentNumber = documentNumber; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public LocalDate getDated() { return dated; }
    public void setDated(LocalDate dated) { this.dated = dated; }
    public Integer getCopyNumber() { return copyNumber; }
    public void setCopyNumber(Integer copyNumber) { this.copyNumber = copyNumber; }
    public Integer getCopyTotal() { return copyTotal; }
    public void setCopyTotal(Integer copyTotal) { this.copyTotal = copyTotal; }
    public String getCopyNumbers() { return copyNumbers; }
    public void setCopyNumbers(String copyNumbers) { this.copyNumbers = copyNumbers; }
    public ClassificationLevel getLevel() { return level; }
    public void setLevel(ClassificationLevel level) { this.level = level; }
    public String getTerm() { return term; }
    public void setTerm(String term) { this.term = term; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
    public List<Long> getScopePersonIds() { return scopePersonIds; }
    public void setScopePersonIds(List<Long> ids) { this.scopePersonIds = ids == null ? new ArrayList<>() : ids; }
    public List<Long> getScopeDepartmentIds() { return scopeDepartmentIds; }
    public void setScopeDepartmentIds(List<Long> ids) { this.scopeDepartmentIds = ids == null ? new ArrayList<>() : ids; }
    public Long getCustodianId() { return custodianId; }
    public void setCustodianId(Long custodianId) { this.custodianId = custodianId; }
    public StoragePlace.Kind getStorageKind() { return storageKind; }
    public void setStorageKind(StoragePlace.Kind storageKind) { this.storageKind = storageKind; }
    public String getStorageName() { return storageName; }
    public void setStorageName(String storageName) { this.storageName = storageName; }
}
