package org.baomi.server.platform.sheet;

import java.util.Map;

/**
 * One data row: the row number Excel shows and the typed value of each column present (absent,
 * empty or unparseable cells yield null). Row checks see rows whose cells did not all parse
 * ({@link #complete()} false) so that they can report their own problems in the same pass; the
 * ledger is only ever handed complete rows.
 */
public final class ParsedRow {

    private final int row;
    private final Map<String, Object> values;
    private final boolean complete;

    ParsedRow(int row, Map<String, Object> values, boolean complete) {
        this.row = row;
        this.values = values;
        this.complete = complete;
    }

    /** Whether every cell of the row parsed (and every required one was there). */
    public boolean complete() {
        return complete;
    }

    public int row() {
        return row;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(SheetColumn<T> column) {
        return (T) values.get(column.key());
    }

    public <T> T get(SheetColumn<T> column, T whenEmpty) {
        T v = get(column);
        return v == null ? whenEmpty : v;
    }
}
