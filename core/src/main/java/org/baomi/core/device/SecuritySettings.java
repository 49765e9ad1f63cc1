package org.baomi.core.device;

import java.util.EnumSet;
import java.util.Set;

/**
 * The security settings of a device as registered (or as a terminal reports them): BIOS or boot
 * password, USB storage blocked, wireless removed, optical drive disabled, terminal control suite
 * (三合一) installed, antivirus, audit enabled.
 */
public record SecuritySettings(boolean bootPassword, boolean usbStorageBlocked, boolean wirelessRemoved,
        boolean opticalDriveDisabled, boolean terminalControlSuite, boolean antivirus, boolean auditEnabled) {

    /** Every setting in place. */
    public static SecuritySettings complete() {
        return new SecuritySettings(true, true, true, true, true, true, true);
    }

    /** No setting in place, e.g. a device registered from an old list without them. */
    public static SecuritySettings none() {
        return new SecuritySettings(false, false, false, false, false, false, false);
    }

    /** The settings not in place, in declaration order. */
    public Set<SecurityControl> missing() {
        Set<SecurityControl> missing = EnumSet.noneOf(SecurityControl.class);
        if (!bootPassword) missing.add(SecurityControl.BOOT_PASSWORD);
        if (!usbStorageBlocked) missing.add(SecurityControl.USB_STORAGE_BLOCKED);
        if (!wirelessRemoved) missing.add(SecurityControl.WIRELESS_REMOVED);
        if (!opticalDriveDisabled) missing.add(SecurityControl.OPTICAL_DRIVE_DISABLED);
        if (!terminalControlSuite) missing.add(SecurityControl.TERMINAL_CONTROL_SUITE);
        if (!antivirus) missing.add(SecurityControl.ANTIVIRUS);
        if (!auditEnabled) missing.add(SecurityControl.AUDIT_ENABLED);
        return missing;
    }

    /** A copy with {@code control} switched to {@code inPlace}. */
    public SecuritySettings with(SecurityControl control, boolean inPlace) {
        return new SecuritySettings(
                control == SecurityControl.BOOT_PASSWORD ? inPlace : bootPassword,
                control == SecurityControl.USB_STORAGE_BLOCKED ? inPlace : usbStorageBlocked,
                control == SecurityControl.WIRELESS_REMOVED ? inPlace : wirelessRemoved,
                control == SecurityControl.OPTICAL_DRIVE_DISABLED ? inPlace : opticalDriveDisabled,
                control == SecurityControl.TERMINAL_CONTROL_SUITE ? inPlace : terminalControlSuite,
                control == SecurityControl.ANTIVIRUS ? inPlace : antivirus,
                control == SecurityControl.AUDIT_ENABLED ? inPlace : auditEnabled);
    }
}
