package org.baomi.server.platform.sheet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a ledger's sheet holds: the columns it imports, the headers it writes but does not read
 * back (序号, 状态), checks across the cells of one row, and a look-up of keys already in the
 * ledger (so a serial number that exists is refused before anything is written).
 */
public record SheetSpec(List<SheetColumn<?>> columns, List<String> exportOnlyHeaders, RowCheck rowCheck,
        SheetColumn<String> ledgerKey, LedgerKeys ledgerKeys) {

    /** Problems spanning cells of one row (e.g. copy n of N with n > N); none is an empty list. */
    @FunctionalInterface
    public interface RowCheck {
        List<RowProblem> check(ParsedRow row);
    }

    /** A row check's finding: the column it points at (its key), a message key, English and arguments. */
    public record RowProblem(String column, String code, String english, Object... args) {
    }

    /** Which of these key values the ledger already holds (as they were given). */
    @FunctionalInterface
    public interface LedgerKeys {
        Set<String> existing(Collection<String> keys);
    }

    public SheetSpec {
        columns = List.copyOf(columns);
        exportOnlyHeaders = List.copyOf(exportOnlyHeaders);
        if (rowCheck == null) {
            rowCheck = row -> List.of();
        }
    }

    public static SheetSpec of(List<SheetColumn<?>> columns) {
        return new SheetSpec(columns, List.of(), null, null, null);
    }

    public SheetSpec exportOnly(String... headers) {
        List<String> all = new ArrayList<>(exportOnlyHeaders);
        all.addAll(List.of(headers));
        return new SheetSpec(columns, all, rowCheck, ledgerKey, ledgerKeys);
    }

    public SheetSpec checkingRows(RowCheck check) {
        return new SheetSpec(columns, exportOnlyHeaders, check, ledgerKey, ledgerKeys);
    }

    /** Refuses rows whose {@code key} value the ledger already holds. */
    public SheetSpec checkingLedger(SheetColumn<String> key, LedgerKeys keys) {
        return new SheetSpec(columns, exportOnlyHeaders, rowCheck, key, keys);
    }
}
