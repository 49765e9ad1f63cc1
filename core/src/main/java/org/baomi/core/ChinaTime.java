package org.baomi.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time of the units' working day. China keeps one time (UTC+8) whatever zone a server's machine is
 * set to, so "today", a year's end, a deadline and every time a page or a printed record shows are
 * taken in this zone, never in the JVM's default one: an audit entry, a carrier's timeline and a
 * rectification's deadline then agree on the date.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    /** Today's date in China by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Today's date in China by the system clock. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
