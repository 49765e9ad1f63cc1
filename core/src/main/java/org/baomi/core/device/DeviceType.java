package org.baomi.core.device;

/** The kinds of information device the ledger registers. */
public enum DeviceType {
    DESKTOP, LAPTOP, SERVER, PRINTER, COPIER, FAX, SCANNER, MULTI_FUNCTION, OTHER;

    /** Computers carry the full set of security settings (boot password, antivirus, audit, ...). */
    public boolean isComputer() {
        return this == DESKTOP || this == LAPTOP || this == SERVER;
    }
}
