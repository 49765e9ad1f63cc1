package org.baomi.server.device.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.SecuritySettings;
import org.baomi.server.device.Designation;
import org.baomi.server.device.DeviceInputs.DeviceDetails;
import org.baomi.server.device.DeviceInputs.DevicePlacement;
import org.baomi.server.device.DeviceInputs.DeviceRegistration;
import org.baomi.server.device.DeviceViews.DeviceDetail;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The device form as the browser posts it. Its paths are the services' field names
 * ({@code details.assetNumber}, {@code placement.networkId}), so each problem lands beside its field.
 * Disk serials, MACs and IPs are typed one per line (or separated by commas).
 */
public class DeviceForm {

    private Long unitId;
    private Integer version;
    private Details details = new Details();
    private Placement placement = new Placement();

    static DeviceForm of(DeviceDetail d) {
        DeviceForm f = new DeviceForm();
        f.unitId = d.unitId();
        f.version = d.version();
        DeviceDetails x = d.details();
        Details t = f.details;
        t.assetNumber = x.assetNumber();
        t.type = x.type();
        t.designation = x.designation();
        t.level = x.level();
        t.brandModel = x.brandModel();
        t.serialNumber = x.serialNumber();
        t.diskSerials = String.join("\n", x.diskSerials());
        t.macAddresses = String.join("\n", x.macAddresses());
        t.ipAddresses = String.join("\n", x.ipAddresses());
        t.operatingSystem = x.operatingSystem();
        t.osInstalledOn = x.osInstalledOn();
        t.purpose = x.purpose();
        SecuritySettings s = x.security();
        t.security.bootPassword = s.bootPassword();
        t.security.usbStorageBlocked = s.usbStorageBlocked();
        t.security.wirelessRemoved = s.wirelessRemoved();
        t.security.opticalDriveDisabled = s.opticalDriveDisabled();
        t.security.terminalControlSuite = s.terminalControlSuite();
        t.security.antivirus = s.antivirus();
        t.security.auditEnabled = s.auditEnabled();
        HardwareFacts h = x.hardware();
        t.hardware.wirelessCard = h.wirelessCard();
        t.hardware.bluetooth = h.bluetooth();
        t.hardware.modem = h.modem();
        f.placement.networkId = d.networkId();
        f.placement.responsiblePersonId = d.responsible() == null ? null : d.responsible().id();
        f.placement.departmentId = d.departmentId();
        f.placement.location = d.location();
        return f;
    }

    DeviceRegistration toRegistration() {
        return new DeviceRegistration(details.toInput(), placement.toInput());
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n,;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Details getDetails() { return details; }
    public void setDetails(Details details) { this.details = details; }
    public Placement getPlacement() { return placement; }
    public void setPlacement(Placement placement) { this.placement = placement; }

    /** The facts an edit may change. */
    public static class Details {
        private String assetNumber;
        private DeviceType type;
        private Designation designation;
        private ClassificationLevel level;
        private String brandModel;
        private String serialNumber;
        private String diskSerials;
        private String macAddresses;
        private String ipAddresses;
        private String operatingSystem;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate osInstalledOn;
        private String purpose;
        private Security security = new Security();
        private Hardware hardware = new Hardware();

        DeviceDetails toInput() {
            return new DeviceDetails(assetNumber, type, designation, level, brandModel, serialNumber,
                    lines(diskSerials), lines(macAddresses), lines(ipAddresses), operatingSystem, osInstalledOn,
                    purpose, security.toSettings(), hardware.toFacts());
        }

        public String getAssetNumber() { return assetNumber; }
        public void setAssetNumber(String v) { this.assetNumber = v; }
        public DeviceType getType() { return type; }
        public void setType(DeviceType v) { this.type = v; }
        public Designation getDesignation() { return designation; }
        public void setDesignation(Designation v) { this.designation = v; }
        public ClassificationLevel getLevel() { return level; }
        public void setLevel(ClassificationLevel v) { this.level = v; }
        public String getBrandModel() { return brandModel; }
        public void setBrandModel(String v) { this.brandModel = v; }
        public String getSerialNumber() { return serialNumber; }
        public void setSerialNumber(String v) { this.serialNumber = v; }
        public String getDiskSerials() { return diskSerials; }
        public void setDiskSerials(String v) { this.diskSerials = v; }
        public String getMacAddresses() { return macAddresses; }
        public void setMacAddresses(String v) { this.macAddresses = v; }
        public String getIpAddresses() { return ipAddresses; }
        public void setIpAddresses(String v) { this.ipAddresses = v; }
        public String getOperatingSystem() { return operatingSystem; }
        public void setOperatingSystem(String v) { this.operatingSystem = v; }
        public LocalDate getOsInstalledOn() { return osInstalledOn; }
        public void setOsInstalledOn(LocalDate v) { this.osInstalledOn = v; }
        public String getPurpose() { return purpose; }
        public void setPurpose(String v) { this.purpose = v; }
        public Security getSecurity() { return security; }
        public void setSecurity(Security v) { this.security = v; }
        public Hardware getHardware() { return hardware; }
        public void setHardware(Hardware v) { this.hardware = v; }
    }

    /** The security settings, one checkbox each. */
    public static class Security {
        private boolean bootPassword;
        private boolean usbStorageBlocked;
        private boolean wirelessRemoved;
        private boolean opticalDriveDisabled;
        private boolean terminalControlSuite;
        private boolean antivirus;
        private boolean auditEnabled;

        SecuritySettings toSettings() {
            return new SecuritySettings(bootPassword, usbStorageBlocked, wirelessRemoved, opticalDriveDisabled,
                    terminalControlSuite, antivirus, auditEnabled);
        }

        public boolean isBootPassword() { return bootPassword; }
        public void setBootPassword(boolean v) { this.bootPassword = v; }
        public boolean isUsbStorageBlocked() { return usbStorageBlocked; }
        public void setUsbStorageBlocked(boolean v) { this.usbStorageBlocked = v; }
        public boolean isWirelessRemoved() { return wirelessRemoved; }
        public void setWirelessRemoved(boolean v) { this.wirelessRemoved = v; }
        public boolean isOpticalDriveDisabled() { return opticalDriveDisabled; }
        public void setOpticalDriveDisabled(boolean v) { this.opticalDriveDisabled = v; }
        public boolean isTerminalControlSuite() { return terminalControlSuite; }
        public void setTerminalControlSuite(boolean v) { this.terminalControlSuite = v; }
        public boolean isAntivirus() { return antivirus; }
        public void setAntivirus(boolean v) { this.antivirus = v; }
        public boolean isAuditEnabled() { return auditEnabled; }
        public void setAuditEnabled(boolean v) { this.auditEnabled = v; }
    }

    /** Radio hardware present in the device. */
    public static class Hardware {
        private boolean wirelessCard;
        private boolean bluetooth;
        private boolean modem;

        HardwareFacts toFacts() {
            return new HardwareFacts(wirelessCard, bluetooth, modem);
        }

        public boolean isWirelessCard() { return wirelessCard; }
        public void setWirelessCard(boolean v) { this.wirelessCard = v; }
        public boolean isBluetooth() { return bluetooth; }
        public void setBluetooth(boolean v) { this.bluetooth = v; }
        public boolean isModem() { return modem; }
        public void setModem(boolean v) { this.modem = v; }
    }

    /** Where the device is placed at registration (later only by approved acts). */
    public static class Placement {
        private Long networkId;
        private String admissionReference;
        private Long responsiblePersonId;
        private Long departmentId;
        private String location;

        DevicePlacement toInput() {
            return new DevicePlacement(networkId, admissionReference, responsiblePersonId, departmentId, location);
        }

        public Long getNetworkId() { return networkId; }
        public void setNetworkId(Long v) { this.networkId = v; }
        public String getAdmissionReference() { return admissionReference; }
        public void setAdmissionReference(String v) { this.admissionReference = v; }
        public Long getResponsiblePersonId() { return responsiblePersonId; }
        public void setResponsiblePersonId(Long v) { this.responsiblePersonId = v; }
        public Long getDepartmentId() { return departmentId; }
        public void setDepartmentId(Long v) { this.departmentId = v; }
        public String getLocation() { return location; }
        public void setLocation(String v) { this.location = v; }
    }
}
