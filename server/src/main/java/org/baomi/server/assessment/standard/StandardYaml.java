package org.baomi.server.assessment.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.assessment.AssessmentLevel;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.CheckMethod;
import org.baomi.core.assessment.DeductionItem;
import org.baomi.core.assessment.InvalidStandardException;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;
import org.baomi.core.assessment.Text;
import org.baomi.core.assessment.VetoItem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes a standard as YAML (UTF-8), the format documented in
 * {@code docs/standard-format.md}: the standard's header, categories each with their scored items,
 * then deductions and vetoes. Read with SnakeYAML's safe constructor (plain maps, lists and scalars;
 * no types from the file), duplicate keys refused, at most 3 MB.
 */
public final class StandardYaml {

    private static final Set<String> TOP = Set.of("standard", "version", "level", "title", "total", "categories",
            "deductions", "vetoes");

    private StandardYaml() {
    }

    /**
     * @throws InvalidStandardException listing every problem, each naming its YAML path and field
     */
    public static Standard read(InputStream in) {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public static Standard read(Reader in) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(3 * 1024 * 1024);
            root = new Yaml(new SafeConstructor(options)).load(in);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw StandardReading.fileProblem("assessment.notYaml", "This is not a YAML standard: line " + line + ", "
                    + e.getProblem() + ".", line, String.valueOf(e.getProblem()));
        } catch (YAMLException e) {
            throw StandardReading.fileProblem("assessment.notYaml", "This is not a YAML standard: " + e.getMessage() + ".", 0,
                    String.valueOf(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw StandardReading.fileProblem("assessment.notYaml",
                    "This is not a YAML standard: it must be a mapping beginning with 'standard:', the standard's id.", 0, "");
        }
        StandardReading r = new StandardReading();
        for (Object key : top.keySet()) {
            if (!TOP.contains(String.valueOf(key))) {
                r.problem(String.valueOf(key), "", "assessment.unknownField",
                        "unknown field (expected one of " + String.join(", ", new java.util.TreeSet<>(TOP)) + ").", key);
            }
        }
        String id = StandardReading.string(top.get("standard"));
        int version = r.version(top.get("version"), "version");
        AssessmentLevel level = r.level(top.get("level"), "level");
        Text title = text(r, top.get("title"), "title", "", true);
        BigDecimal total = r.points(top.get("total"), "total", "");
        List<Map<?, ?>> categories = maps(r, top.get("categories"), "categories");
        for (int c = 0; c < categories.size(); c++) {
            Map<?, ?> cm = categories.get(c);
            String cwhere = r.place(StandardReading.string(cm.get("id")), "categories[" + c + "]");
            fields(r, cm, cwhere, "id", "title", "items");
            String cid = r.id(cm.get("id"), cwhere);
            Text ctitle = text(r, cm.get("title"), cwhere, "title", true);
            // Declared even when its title is unreadable (that problem is recorded and the file
            // refused), so its items are not also reported as naming an unknown category.
            r.guard(cwhere, () -> r.categories.add(new Category(cid, ctitle != null ? ctitle : StandardReading.UNREADABLE)));
            List<Map<?, ?>> items = maps(r, cm.get("items"), cwhere + ".items");
            for (int i = 0; i < items.size(); i++) {
                Map<?, ?> im = items.get(i);
                String where = r.place(StandardReading.string(im.get("id")), "categories[" + c + "].items[" + i + "]");
                fields(r, im, where, "id", "text", "points", "methods", "evidence", "unitKinds");
                String iid = r.id(im.get("id"), where);
                Text text = text(r, im.get("text"), where, "text", true);
                BigDecimal points = r.points(im.get("points"), where, "points");
                List<CheckMethod> methods = r.methods(StandardReading.split(im.get("methods")), where);
                Set<String> kinds = r.unitKinds(StandardReading.split(im.get("unitKinds")), where);
                if (text == null || points == null) {
                    r.skipped();
                    continue;
                }
                r.guard(where, () -> r.items.add(new StandardItem(iid, cid, text, points, methods,
                        StandardReading.string(im.get("evidence")), kinds)));
            }
        }
        List<Map<?, ?>> deductions = maps(r, top.get("deductions"), "deductions");
        for (int d = 0; d < deductions.size(); d++) {
            Map<?, ?> dm = deductions.get(d);
            String where = r.place(StandardReading.string(dm.get("id")), "deductions[" + d + "]");
            fields(r, dm, where, "id", "category", "text", "perOccurrence", "cap", "evidence");
            String did = r.id(dm.get("id"), where);
            Text text = text(r, dm.get("text"), where, "text", true);
            BigDecimal per = r.points(dm.get("perOccurrence"), where, "perOccurrence");
            BigDecimal cap = r.points(dm.get("cap"), where, "cap");
            if (text != null && per != null && cap != null) {
                r.guard(where, () -> r.deductions.add(new DeductionItem(did, StandardReading.string(dm.get("category")),
                        text, per, cap, StandardReading.string(dm.get("evidence")))));
            }
        }
        List<Map<?, ?>> vetoes = maps(r, top.get("vetoes"), "vetoes");
        for (int v = 0; v < vetoes.size(); v++) {
            Map<?, ?> vm = vetoes.get(v);
            String where = r.place(StandardReading.string(vm.get("id")), "vetoes[" + v + "]");
            fields(r, vm, where, "id", "text", "evidence");
            String vid = r.id(vm.get("id"), where);
            Text text = text(r, vm.get("text"), where, "text", false);
            if (text == null && r.problemAt(where)) {
                continue;
            }
            r.guard(where, () -> r.vetoes.add(new VetoItem(vid, text, StandardReading.string(vm.get("evidence")))));
        }
        return r.finish(id, version, level, title, total, "standard");
    }

    private static Text text(StandardReading r, Object node, String where, String field, boolean required) {
        if (node == null) {
            if (required) {
                r.problem(where, field, "assessment.fieldMissing", "the text is missing (zh: and en:).");
            }
            return null;
        }
        if (!(node instanceof Map<?, ?> m)) {
            r.problem(where, field, "assessment.textMissing", "give the text as zh: and en:.", "zh");
            return null;
        }
        // A comma inside an unquoted flow mapping ({zh: 甲, en: a, b}) splits the text into a
        // stray key: refuse it rather than keep half the sentence.
        if (!fields(r, m, where + ", " + field, "zh", "en")) {
            return null;
        }
        return r.text(m.get("zh"), m.get("en"), where, field, required);
    }

    /** Records a problem for every key of {@code map} not among {@code allowed}; true when there is none. */
    private static boolean fields(StandardReading r, Map<?, ?> map, String where, String... allowed) {
        List<String> known = List.of(allowed);
        boolean ok = true;
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                r.problem(where, "", "assessment.unknownField", "unknown field '" + key + "' (expected "
                        + String.join(", ", known) + "); quote a text that contains a comma.", key);
                ok = false;
            }
        }
        return ok;
    }

    private static List<Map<?, ?>> maps(StandardReading r, Object node, String where) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            r.problem(where, "", "assessment.wrongShape", "expected a list of entries (each beginning with '- id:').");
            return List.of();
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> m) {
                maps.add(m);
            } else {
                r.problem(where + "[" + i + "]", "", "assessment.wrongShape", "expected an entry with fields (id: ...).");
            }
        }
        return maps;
    }

    // ------------------------------------------------------------------ writing

    /** Writes {@code standard} in the documented layout; {@link #read} gives it back equal. */
    public static void write(Standard standard, Writer out) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("standard", standard.ref().id());
        top.put("version", standard.ref().version());
        top.put("level", standard.level().name());
        top.put("title", text(standard.title()));
        top.put("total", number(standard.total()));
        List<Object> categories = new ArrayList<>();
        for (Category c : standard.categories()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("title", text(c.title()));
            List<Object> items = new ArrayList<>();
            for (StandardItem i : standard.itemsOf(c.id())) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("id", i.id());
                im.put("text", text(i.text()));
                im.put("points", number(i.points()));
                if (!i.methods().isEmpty()) {
                    im.put("methods", i.methods().stream().map(Enum::name).toList());
                }
                i.evidence().ifPresent(e -> im.put("evidence", e));
                if (!i.unitKinds().isEmpty()) {
                    im.put("unitKinds", new ArrayList<>(new java.util.TreeSet<>(i.unitKinds())));
                }
                items.add(im);
            }
            cm.put("items", items);
            categories.add(cm);
        }
        top.put("categories", categories);
        List<Object> deductions = new ArrayList<>();
        for (DeductionItem d : standard.deductions()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("id", d.id());
            if (!d.categoryId().isEmpty()) {
                dm.put("category", d.categoryId());
            }
            dm.put("text", text(d.text()));
            dm.put("perOccurrence", number(d.perOccurrence()));
            dm.put("cap", number(d.cap()));
            d.evidence().ifPresent(e -> dm.put("evidence", e));
            deductions.add(dm);
        }
        top.put("deductions", deductions);
        List<Object> vetoes = new ArrayList<>();
        for (VetoItem v : standard.vetoes()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("id", v.id());
            vm.put("text", text(v.text()));
            v.evidence().ifPresent(e -> vm.put("evidence", e));
            vetoes.add(vm);
        }
        top.put("vetoes", vetoes);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        try {
            new Yaml(new Representer(options), options).dump(top, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> text(Text t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", t.zh());
        m.put("en", t.en());
        return m;
    }

    /** Whole points as integers, half points as decimals: what an author would type. */
    private static Object number(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() <= 0 ? (Object) v.intValueExact() : (Object) v.doubleValue();
    }
}
