package org.baomi.server.incident;

/** What happened. Loss is what the ledgers report; leaks come with the incident feature. */
public enum IncidentKind {
    /** A classified carrier was reported lost (载体丢失). */
    CARRIER_LOST,
    /** A removable storage medium was reported lost (介质丢失). */
    MEDIUM_LOST,
    /** A device was reported lost or stolen. */
    DEVICE_LOST
}
