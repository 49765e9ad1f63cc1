package org.baomi.server.carrier;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.baomi.core.DomainException;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.CopyNumber;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.classification.Marking;
import org.baomi.server.platform.sheet.CellParsers;
import org.baomi.server.platform.sheet.CellValue;
import org.baomi.server.platform.sheet.SheetColumn;

/**
 * The carrier ledger as a sheet, in the column layout registers already use (issue 3): 序号, 编号,
 * 标题, 文号, 密级, 保密期限, 来文单位, 日期, 份数/份号, 知悉范围, 责任人, 存放位置, 状态, 处置情况, then
 * 载体类型 (optional; paper documents when absent). Column keys are {@link CarrierInput}'s field
 * names, so a refusal of the ledger points at the right column.
 */
public final class CarrierSheet {

    private CarrierSheet() {
    }

    /** Storage as registers write it: the kind is read from the words (保险柜, 文件柜), the whole text is the name. */
    public record Storage(StoragePlace.Kind kind, String name) {
    }

    public static final String NO_ZH = "序号";
    public static final String NO_EN = "No.";
    public static final String STATUS_ZH = "状态";
    public static final String STATUS_EN = "Status";
    public static final String HANDLING_ZH = "处置情况";
    public static final String HANDLING_EN = "Handling";

    public static final SheetColumn<String> SERIAL = SheetColumn.of("serial", "编号", "Serial number",
            CellParsers.text(64)).distinct().width(18).alias("载体编号");
    public static final SheetColumn<String> TITLE = SheetColumn.of("title", "标题", "Title", CellParsers.text(500))
            .mandatory().width(40).alias("文件标题", "名称", "载体名称");
    public static final SheetColumn<String> DOCUMENT_NUMBER = SheetColumn.of("documentNumber", "文号", "Document number",
            CellParsers.text(100)).width(16).alias("发文字号");
    public static final SheetColumn<LevelCell> LEVEL = SheetColumn.of("marking", "密级", "Classification level",
            CarrierSheet::level).mandatory().width(10);
    public static final SheetColumn<String> TERM = SheetColumn.of("term", "保密期限", "Secrecy term", CellParsers.text(60))
            .width(12);
    public static final SheetColumn<String> ISSUER = SheetColumn.of("issuer", "来文单位", "Issuing authority",
            CellParsers.text(200)).mandatory().width(20).alias("发文单位", "来文机关");
    public static final SheetColumn<LocalDate> DATED = SheetColumn.of("dated", "日期", "Date", CellParsers.date())
            .mandatory().width(12).alias("收文日期", "登记日期", "成文日期");
    public static final SheetColumn<CopyNumber> COPY = SheetColumn.of("copyNumber", "份数/份号", "Copy",
            CarrierSheet::copy).width(14).alias("份号", "份数", "Copy number");
    public static final SheetColumn<List<String>> SCOPE = SheetColumn.of("scopePersonIds", "知悉范围", "Knowledge scope",
            CarrierSheet::names).width(24);
    public static final SheetColumn<String> CUSTODIAN = SheetColumn.of("custodianId", "责任人", "Custodian",
            CellParsers.text(100)).mandatory().width(10).alias("保管人");
    public static final SheetColumn<Storage> STORAGE = SheetColumn.of("storageName", "存放位置", "Storage place",
            CarrierSheet::storage).mandatory().width(20).alias("存放地点");
    public static final SheetColumn<CarrierType> TYPE = SheetColumn.of("type", "载体类型", "Carrier type", types())
            .width(10).alias("类型");

    /** The columns read on import, in export order. */
    public static final List<SheetColumn<?>> IMPORT = List.of(SERIAL, TITLE, DOCUMENT_NUMBER, LEVEL, TERM, ISSUER, DATED,
            COPY, SCOPE, CUSTODIAN, STORAGE, TYPE);

    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

    /** The 密级 cell: a level, and the term when the cell holds a whole marking (机密★10年). */
    public record LevelCell(ClassificationLevel level, String term) {
    }

    /** 机密, SECRET, or a whole marking 机密★10年 (its term then goes with the level). */
    static CellValue<LevelCell> level(String text) {
        String word = text;
        String term = null;
        int star = text.indexOf(Marking.STAR);
        if (star >= 0) {
            word = text.substring(0, star).strip();
            term = text.substring(star + 1).strip();
        }
        String t = term;
        CellValue<ClassificationLevel> parsed = CellParsers.level().parse(word);
        if (parsed instanceof CellValue.Ok<ClassificationLevel> ok) {
            return CellValue.ok(new LevelCell(ok.value(), t));
        }
        CellValue.Bad<ClassificationLevel> bad = (CellValue.Bad<ClassificationLevel>) parsed;
        return CellValue.bad(bad.code(), bad.english(), text);
    }

    static CellValue<CopyNumber> copy(String text) {
        String s = text.strip();
        if (s.equals("1")) {
            return CellValue.ok(CopyNumber.single());
        }
        try {
            return CellValue.ok(CopyNumber.parse(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)));
        } catch (DomainException e) {
            return "carrier.copyNumberUnreadable".equals(e.code()) ? CellValue.bad("sheet.carrier.copy", e.getMessage(), s)
                    : CellValue.bad(e.code(), e.getMessage(), e.args());
        }
    }

    static CellValue<List<String>> names(String text) {
        return CellValue.ok(SEPARATORS.splitAsStream(text).filter(n -> !n.isBlank()).distinct().toList());
    }

    static CellValue<Storage> storage(String text) {
        if (text.length() > 200) {
            return CellValue.bad("sheet.cell.tooLong", "At most 200 characters.", 200, text.length());
        }
        // An export writes "密码保险柜 机要室A-3": the kind's word, a space, the name.
        for (StoragePlace.Kind k : StoragePlace.Kind.values()) {
            String prefix = k.chinese() + " ";
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                return CellValue.ok(new Storage(k, text.substring(prefix.length()).strip()));
            }
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        StoragePlace.Kind kind = text.contains("保险柜") || lower.contains("safe") ? StoragePlace.Kind.COMBINATION_SAFE
                : text.contains("密码文件柜") || text.contains("密码柜") || lower.contains("cabinet")
                        ? StoragePlace.Kind.COMBINATION_LOCK_CABINET : StoragePlace.Kind.OTHER;
        return CellValue.ok(new Storage(kind, text));
    }

    /** How an export writes a storage place so that an import reads the same kind back. */
    static String storageText(StoragePlace.Kind kind, String name) {
        if (kind == null || name == null) {
            return name;
        }
        CellValue<Storage> read = storage(name);
        if (read instanceof CellValue.Ok<Storage> ok && ok.value().kind() == kind) {
            return name;
        }
        return kind.chinese() + " " + name;
    }

    private static org.baomi.server.platform.sheet.CellParser<CarrierType> types() {
        Map<String, CarrierType> words = new LinkedHashMap<>();
        for (CarrierType t : CarrierType.values()) {
            words.put(t.name(), t);
            words.put(t.name().replace('_', ' '), t);
            words.put(t.chinese(), t);
        }
        words.put("纸质", CarrierType.PAPER_DOCUMENT);
        words.put("文件", CarrierType.PAPER_DOCUMENT);
        words.put("电报", CarrierType.CIPHER_TELEGRAM);
        return CellParsers.choice(words, "sheet.carrier.type",
                "Not a carrier type: %s. Use 纸质文件, 电子文件, 密码电报, 试卷, 光盘, 胶片 or 其他.");
    }

    /** The marking string the ledger takes: the level word, then ★ and the term when one is given. */
    static String marking(LevelCell level, String term) {
        String termText = term != null ? term : level.term();
        if (termText == null || termText.isEmpty()) {
            return level.level().chinese();
        }
        return level.level().chinese() + Marking.STAR + termText;
    }
}
