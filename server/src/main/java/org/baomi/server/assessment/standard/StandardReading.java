package org.baomi.server.assessment.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.baomi.core.DomainException;
import org.baomi.core.assessment.AssessmentLevel;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.CheckMethod;
import org.baomi.core.assessment.DeductionItem;
import org.baomi.core.assessment.InvalidStandardException;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;
import org.baomi.core.assessment.StandardProblem;
import org.baomi.core.assessment.StandardRef;
import org.baomi.core.assessment.Text;
import org.baomi.core.assessment.VetoItem;
import org.baomi.server.org.UnitKind;

/**
 * What the YAML and xlsx readers share: turning cell or node values into the standard's values,
 * collecting every problem with its place ({@code where}: a YAML path or a sheet and row) instead of
 * stopping at the first, and building the {@link Standard} at the end, whose own problems (duplicate
 * ids, the points' sum, ...) are moved to the place in the file where the offending entry was read.
 */
final class StandardReading {

    /** Stands in for a text that could not be read; only ever in a standard that is refused. */
    static final Text UNREADABLE = new Text("?", "?");

    private final List<StandardProblem> problems = new ArrayList<>();
    private final Map<String, String> placeOfId = new HashMap<>();
    final List<Category> categories = new ArrayList<>();
    final List<StandardItem> items = new ArrayList<>();
    final List<DeductionItem> deductions = new ArrayList<>();
    final List<VetoItem> vetoes = new ArrayList<>();

    void problem(String where, String field, String code, String english, Object... args) {
        String place = field.isEmpty() ? where : where + ", " + field;
        problems.add(new StandardProblem(where, field, code, place + ": " + english, List.of(args)));
    }

    /** An entry could not be read at all (its problem is recorded); the points' sum is then meaningless. */
    private boolean skipped;

    void skipped() {
        skipped = true;
    }

    /** Whether a problem was already recorded at {@code where} (so the entry is not checked twice). */
    boolean problemAt(String where) {
        return problems.stream().anyMatch(p -> p.subject().equals(where));
    }

    /** Remembers where the entry {@code id} was read, for the standard's own problems about it. */
    String place(String id, String where) {
        String place = id == null || id.isBlank() ? where : where + " (" + id.strip() + ")";
        if (id != null) {
            placeOfId.put(id.strip(), place);
        }
        return place;
    }

    String id(Object value, String where) {
        String id = string(value);
        if (id.isEmpty()) {
            problem(where, "id", "assessment.fieldMissing", "the id is missing.");
        }
        return id;
    }

    static String string(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            // An id like 1 or 12 typed into a number cell: read it as the text the author meant.
            return Long.toString(d.longValue());
        }
        return String.valueOf(value).strip();
    }

    Text text(Object zh, Object en, String where, String field, boolean required) {
        String z = string(zh);
        String e = string(en);
        if (z.isEmpty() && e.isEmpty() && !required) {
            return null;
        }
        if (z.isEmpty() || e.isEmpty()) {
            problem(where, field, "assessment.textMissing", "the " + (z.isEmpty() ? "Chinese" : "English")
                    + " text is missing; give both.", z.isEmpty() ? "zh" : "en");
            return null;
        }
        return new Text(z, e);
    }

    BigDecimal points(Object value, String where, String field) {
        String s = string(value);
        if (s.isEmpty()) {
            problem(where, field, "assessment.fieldMissing", "the points are missing.");
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            problem(where, field, "assessment.notANumber", "'" + s + "' is not a number of points.", s);
            return null;
        }
    }

    int version(Object value, String where) {
        String s = string(value);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            problem(where, "version", "assessment.versionInvalid", "the version is a whole number from 1, was '" + s + "'.", s);
            return 0;
        }
    }

    AssessmentLevel level(Object value, String where) {
        String s = string(value);
        for (AssessmentLevel l : AssessmentLevel.values()) {
            if (l.name().equalsIgnoreCase(s) || l.chinese().equals(s)) {
                return l;
            }
        }
        problem(where, "level", "assessment.unknownLevel", "the level is UNIT, DEPARTMENT or INDIVIDUAL, was '" + s + "'.", s);
        return null;
    }

    List<CheckMethod> methods(List<String> values, String where) {
        List<CheckMethod> methods = new ArrayList<>();
        for (String v : values) {
            CheckMethod.parse(v).ifPresentOrElse(methods::add, () -> problem(where, "methods", "assessment.unknownMethod",
                    "'" + v + "' is not a way of checking (DOCUMENTS, ON_SITE, TECHNICAL, INTERVIEW, TEST).", v));
        }
        return methods;
    }

    Set<String> unitKinds(List<String> values, String where) {
        Set<String> kinds = new TreeSet<>();
        for (String v : values) {
            UnitKind.fromName(v).ifPresentOrElse(k -> kinds.add(k.name()), () -> problem(where, "unitKinds",
                    "assessment.unknownUnitKind", "'" + v + "' is not a kind of unit.", v));
        }
        return kinds;
    }

    /** Splits a list written in one cell or scalar: "DOCUMENTS, ON_SITE" (commas, Chinese commas or semicolons). */
    static List<String> split(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(StandardReading::string).filter(s -> !s.isEmpty()).toList();
        }
        String s = string(value);
        if (s.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(s.split("[,，;；、]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** Runs {@code build}, turning a value's own refusal (a DomainException) into a problem at {@code where}. */
    void guard(String where, Runnable build) {
        try {
            build.run();
        } catch (DomainException e) {
            problem(where, "", e.code(), e.getMessage(), e.args());
        }
    }

    /** Builds the standard, or throws every problem found, each at its place in the file. */
    Standard finish(String id, int version, AssessmentLevel level, Text title, BigDecimal total, String headerPlace) {
        StandardRef ref = null;
        if (!id.isEmpty() && version > 0) {
            try {
                ref = new StandardRef(id, version);
            } catch (DomainException e) {
                problem(headerPlace, "id", e.code(), e.getMessage(), e.args());
            }
        } else if (id.isEmpty()) {
            problem(headerPlace, "id", "assessment.fieldMissing", "the standard's id is missing.");
        }
        if (title == null && problems.stream().noneMatch(p -> p.field().equals("title"))) {
            problem(headerPlace, "title", "assessment.fieldMissing", "the standard's title is missing.");
        }
        if (total == null && problems.stream().noneMatch(p -> p.field().equals("total"))) {
            problem(headerPlace, "total", "assessment.fieldMissing", "the standard's total is missing.");
        }
        // The entries are checked even when the header is broken (with stand-ins for what is
        // missing), so that one pass over the file reports everything wrong with it.
        boolean sumKnown = total != null && !skipped;
        try {
            Standard s = new Standard(ref != null ? ref : new StandardRef("unreadable", 1),
                    level != null ? level : AssessmentLevel.UNIT, title != null ? title : UNREADABLE,
                    total != null ? total : BigDecimal.ONE, categories, items, deductions, vetoes);
            if (problems.isEmpty()) {
                return s;
            }
        } catch (InvalidStandardException e) {
            for (StandardProblem p : e.problems()) {
                if (!sumKnown && p.code().equals("assessment.pointsSum")) {
                    continue;
                }
                String where = p.subject().isEmpty() ? headerPlace : placeOfId.getOrDefault(p.subject(), p.subject());
                problem(where, p.field(), p.code(), p.english(), p.args().toArray());
            }
        }
        throw new InvalidStandardException(problems);
    }

    static InvalidStandardException fileProblem(String code, String english, Object... args) {
        return new InvalidStandardException(List.of(new StandardProblem("", "", code, english, List.of(args))));
    }
}
