package org.baomi.server.device;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.IpAddress;
import org.baomi.core.device.MacAddress;
import org.baomi.core.device.SecuritySettings;
import org.baomi.core.device.UsbSerial;
import org.baomi.server.device.DeviceInputs.DeviceDetails;
import org.baomi.server.device.DeviceInputs.MediumDetails;
import org.baomi.server.platform.ValidationException.FieldProblem;

/**
 * Field checks of device and medium input, shared by forms, the API and the importer. Each
 * problem names its field under {@code prefix} (e.g. {@code rows[3].details.}); the checked
 * value comes back normalised (trimmed, MACs and IPs in their normal form).
 */
final class DeviceValidation {

    private DeviceValidation() {
    }

    static DeviceDetails details(DeviceDetails d, String prefix, List<FieldProblem> problems) {
        if (d == null) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "details" : prefix.substring(0, prefix.length() - 1),
                    "device.required", "Required."));
            return null;
        }
        int before = problems.size();
        String asset = text(d.assetNumber(), prefix + "assetNumber", 64, true, problems);
        if (d.type() == null) {
            problems.add(new FieldProblem(prefix + "type", "device.required", "Required."));
        }
        if (d.designation() == null) {
            problems.add(new FieldProblem(prefix + "designation", "device.required", "Required."));
        }
        var level = d.level();
        if (d.designation() == Designation.CLASSIFIED) {
            if (level == null || !level.isStateSecret()) {
                problems.add(new FieldProblem(prefix + "level", "device.level.stateSecret",
                        "A classified device has a level: CONFIDENTIAL, SECRET or TOP_SECRET."));
            }
        } else {
            level = null;
        }
        String brand = text(d.brandModel(), prefix + "brandModel", 200, false, problems);
        String serial = text(d.serialNumber(), prefix + "serialNumber", 100, false, problems);
        List<String> disks = trimmed(d.diskSerials());
        if (String.join(",", disks).length() > 500) {
            problems.add(new FieldProblem(prefix + "diskSerials", "device.tooLong", "At most 500 characters.", 500));
        }
        List<String> macs = new ArrayList<>();
        for (String mac : trimmed(d.macAddresses())) {
            try {
                macs.add(new MacAddress(mac).value());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(prefix + "macAddresses", "device.mac.invalid",
                        mac + " is not a MAC address (e.g. 00-1A-2B-3C-4D-5E).", mac));
            }
        }
        List<String> ips = new ArrayList<>();
        for (String ip : trimmed(d.ipAddresses())) {
            try {
                ips.add(new IpAddress(ip).value());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(prefix + "ipAddresses", "device.ip.invalid",
                        ip + " is not an IP address.", ip));
            }
        }
        if (String.join(",", macs).length() > 500 || String.join(",", ips).length() > 500) {
            problems.add(new FieldProblem(prefix + "ipAddresses", "device.tooLong", "At most 500 characters.", 500));
        }
        String os = text(d.operatingSystem(), prefix + "operatingSystem", 100, false, problems);
        String purpose = text(d.purpose(), prefix + "purpose", 200, false, problems);
        if (problems.size() > before) {
            return null;
        }
        return new DeviceDetails(asset, d.type(), d.designation(), level, brand, serial, disks,
                List.copyOf(new LinkedHashSet<>(macs)), List.copyOf(new LinkedHashSet<>(ips)), os, d.osInstalledOn(),
                purpose, d.security() == null ? SecuritySettings.none() : d.security(),
                d.hardware() == null ? HardwareFacts.none() : d.hardware());
    }

    static MediumDetails medium(MediumDetails d, String prefix, List<FieldProblem> problems) {
        if (d == null) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "details" : prefix.substring(0, prefix.length() - 1),
                    "device.required", "Required."));
            return null;
        }
        int before = problems.size();
        if (d.type() == null) {
            problems.add(new FieldProblem(prefix + "type", "device.required", "Required."));
        }
        if (d.level() == null) {
            problems.add(new FieldProblem(prefix + "level", "device.required", "Required."));
        }
        String brand = text(d.brandModel(), prefix + "brandModel", 200, false, problems);
        String capacity = text(d.capacity(), prefix + "capacity", 32, false, problems);
        String serial = text(d.serialNumber(), prefix + "serialNumber", 100, false, problems);
        String usb = d.usbSerial() == null ? "" : UsbSerial.normalise(d.usbSerial());
        if (usb.length() > 100) {
            problems.add(new FieldProblem(prefix + "usbSerial", "device.tooLong", "At most 100 characters.", 100));
        }
        String purpose = text(d.purpose(), prefix + "purpose", 200, false, problems);
        if (problems.size() > before) {
            return null;
        }
        return new MediumDetails(d.type(), d.level(), brand, capacity, serial, usb.isEmpty() ? null : usb, purpose,
                d.allowedDeviceIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.allowedDeviceIds())));
    }

    static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            problems.add(new FieldProblem(field, "device.required", "Required."));
        } else if (v.length() > max) {
            problems.add(new FieldProblem(field, "device.tooLong", "At most " + max + " characters.", max));
        }
        return v;
    }

    private static List<String> trimmed(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
