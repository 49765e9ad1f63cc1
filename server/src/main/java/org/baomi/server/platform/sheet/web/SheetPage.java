package org.baomi.server.platform.sheet.web;

import java.util.List;
import java.util.Locale;
import org.baomi.server.platform.sheet.SheetColumn;
import org.baomi.server.platform.sheet.SheetProperties;

/**
 * What the shared import page ({@code templates/sheet/import.html}) needs from a ledger: its
 * title (a message key), the navigation entry to highlight, where the form posts, where "back"
 * and "template" lead, the columns it reads and the limits.
 */
public record SheetPage(String titleKey, String nav, String action, String backUrl, String templateUrl,
        List<ColumnHint> columns, long maxMegabytes, int maxRows, List<UnitChoice> units, Long unitId) {

    /** A unit the import may go to; the page offers a choice when there are several. */
    public record UnitChoice(long id, String name) {
    }

    /** A column as the page lists it. */
    public record ColumnHint(String header, boolean required) {
    }

    public static SheetPage of(String titleKey, String nav, String action, String backUrl, String templateUrl,
            List<SheetColumn<?>> columns, SheetProperties limits, Locale locale, List<UnitChoice> units, Long unitId) {
        return new SheetPage(titleKey, nav, action, backUrl, templateUrl,
                columns.stream().map(c -> new ColumnHint(c.header(locale), c.required())).toList(),
                Math.max(1, limits.maxFileSize().toMegabytes()), limits.maxRows(), List.copyOf(units),
                unitId != null ? unitId : units.isEmpty() ? null : units.get(0).id());
    }
}
