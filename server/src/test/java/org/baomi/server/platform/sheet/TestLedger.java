package org.baomi.server.platform.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;

/**
 * A made-up ledger for testing the framework before (and apart from) the real ledgers: serial,
 * title, level, date, copies. It keeps its rows in memory.
 */
public final class TestLedger {

    public static final SheetColumn<String> SERIAL = SheetColumn.of("serial", "编号", "Serial number", CellParsers.text(32))
            .mandatory().distinct().width(16);
    public static final SheetColumn<String> TITLE = SheetColumn.of("title", "标题", "Title", CellParsers.text(100))
            .mandatory().width(40);
    public static final SheetColumn<ClassificationLevel> LEVEL = SheetColumn.of("level", "密级", "Classification level",
            CellParsers.level()).mandatory().width(8);
    public static final SheetColumn<LocalDate> DATED = SheetColumn.of("dated", "日期", "Date", CellParsers.date())
            .width(12).alias("收文日期");
    public static final SheetColumn<Integer> COPIES = SheetColumn.of("copies", "份数", "Copies",
            CellParsers.integer(1, 999)).width(6);
    public static final List<SheetColumn<?>> COLUMNS = List.of(SERIAL, TITLE, LEVEL, DATED, COPIES);

    /** A stored row. */
    public record Entry(String serial, String title, ClassificationLevel level, LocalDate dated, Integer copies) {
    }

    public final Set<String> existing = ConcurrentHashMap.newKeySet();
    public final List<Entry> written = new ArrayList<>();
    /** A serial the sink refuses, as a ledger refuses a row its rules forbid. */
    public volatile String refuse;

    public SheetSpec spec() {
        return SheetSpec.of(COLUMNS).exportOnly("序号", "No.", "状态", "Status")
                .checkingRows(row -> {
                    Integer copies = row.get(COPIES);
                    if (copies != null && copies > 100 && row.get(LEVEL) == ClassificationLevel.TOP_SECRET) {
                        return List.of(new SheetSpec.RowProblem("copies", "sheet.cell.range",
                                "A whole number from 1 to 100.", 1, 100));
                    }
                    return List.of();
                })
                .checkingLedger(SERIAL, this::existing);
    }

    private Set<String> existing(Collection<String> keys) {
        Set<String> there = new HashSet<>(keys);
        there.retainAll(existing);
        return there;
    }

    public SheetImports.RowSink sink() {
        return row -> {
            if (row.get(SERIAL).equals(refuse)) {
                throw new DomainException("carrier.storage.topSecretNeedsSafe", "TOP SECRET must be kept in a safe.");
            }
            written.add(new Entry(row.get(SERIAL), row.get(TITLE), row.get(LEVEL), row.get(DATED), row.get(COPIES)));
        };
    }
}
