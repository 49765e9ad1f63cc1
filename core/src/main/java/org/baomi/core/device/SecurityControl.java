package org.baomi.core.device;

/** One of the security settings a classified computer must have in place. */
public enum SecurityControl {
    BOOT_PASSWORD, USB_STORAGE_BLOCKED, WIRELESS_REMOVED, OPTICAL_DRIVE_DISABLED, TERMINAL_CONTROL_SUITE, ANTIVIRUS,
    AUDIT_ENABLED
}
