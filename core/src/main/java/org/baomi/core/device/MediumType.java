package org.baomi.core.device;

/** The kinds of removable storage medium the ledger registers. */
public enum MediumType {
    USB_FLASH_DRIVE, REMOVABLE_DISK, OPTICAL_DISC, MEMORY_CARD, SECURITY_TOKEN;

    /** Whether the medium plugs in over USB and so reports a serial a terminal can match. */
    public boolean hasUsbSerial() {
        return this == USB_FLASH_DRIVE || this == REMOVABLE_DISK || this == SECURITY_TOKEN;
    }
}
