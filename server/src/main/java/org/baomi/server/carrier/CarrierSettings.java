package org.baomi.server.carrier;

import org.baomi.core.carrier.SerialNumberPattern;

/**
 * A unit's carrier settings: how serials are written, how long a circulation may last, how far
 * ahead a term's end is announced and from when loans are called in before the year end.
 */
public record CarrierSettings(long unitId, String serialPattern, int circulationDays, int termWarningDays,
        int yearEndWindowDays) {

    public static CarrierSettings defaults(long unitId) {
        return new CarrierSettings(unitId, SerialNumberPattern.DEFAULT, 2, 90, 30);
    }
}
