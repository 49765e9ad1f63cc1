package org.baomi.core.carrier;

import org.baomi.core.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How long a circulation may last (configurable per installation): at most {@code days} days
 * from the day it starts, and urgent ones back the same day. {@code zone} is the unit's time
 * zone, which says what "the day" of an instant is.
 */
public record CirculationPolicy(int days, ZoneId zone) {

    /** The rule's default: two days, China Standard Time. */
    public static final CirculationPolicy DEFAULT = new CirculationPolicy(2, ChinaTime.ZONE);

    public CirculationPolicy {
        if (days < 0 || days > 30) {
            throw new IllegalArgumentException("a circulation limit is 0 to 30 days, was " + days);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** The latest due date for a circulation starting at {@code start}. */
    public LocalDate latestDue(Instant start, boolean urgent) {
        LocalDate day = dayOf(start);
        return urgent ? day : day.plusDays(days);
    }

    /** The calendar day of {@code at} in the unit's zone. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
