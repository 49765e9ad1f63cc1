package org.baomi.server.device.web;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.MediumType;
import org.baomi.server.device.DeviceInputs.MediumDetails;
import org.baomi.server.device.DeviceViews.DeviceLabel;
import org.baomi.server.device.DeviceViews.MediumDetail;

/** The medium form as the browser posts it; the number is allocated on registration, never typed. */
public class MediumForm {
    private Long unitId;
    private Integer version;
    private MediumType type;
    private ClassificationLevel level;
    private String brandModel;
    private String capacity;
    private String serialNumber;
    private String usbSerial;
    private String purpose;
    private List<Long> allowedDeviceIds = new ArrayList<>();

    static MediumForm of(MediumDetail m) {
        MediumForm f = new MediumForm();
        f.unitId = m.unitId();
        f.version = m.version();
        MediumDetails d = m.details();
        f.type = d.type();
        f.level = d.level();
        f.brandModel = d.brandModel();
        f.capacity = d.capacity();
        f.serialNumber = d.serialNumber();
        f.usbSerial = d.usbSerial();
        f.purpose = d.purpose();
        f.allowedDeviceIds = new ArrayList<>(m.allowedDevices().stream().map(DeviceLabel::id).toList());
        return f;
    }

    MediumDetails toInput() {
        return new MediumDetails(type, level, brandModel, capacity, serialNumber, usbSerial, purpose,
                allowedDeviceIds == null ? List.of() : List.copyOf(allowedDeviceIds));
    }

    public Long getUnitId() { return unitId; }
    public void setUnitId(Long v) { this.unitId = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { this.version = v; }
    public MediumType getType() { return type; }
    public void setType(MediumType v) { this.type = v; }
    public ClassificationLevel getLevel() { return level; }
    public void setLevel(ClassificationLevel v) { this.level = v; }
    public String getBrandModel() { return brandModel; }
    public void setBrandModel(String v) { this.brandModel = v; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String v) { this.capacity = v; }
    public String getSerialNumber() { return serialNumber; }
    public void setSerialNumber(String v) { this.serialNumber = v; }
    public String getUsbSerial() { return usbSerial; }
    public void setUsbSerial(String v) { this.usbSerial = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { this.purpose = v; }
    public List<Long> getAllowedDeviceIds() { return allowedDeviceIds; }
    public void setAllowedDeviceIds(List<Long> v) { this.allowedDeviceIds = v; }
}
