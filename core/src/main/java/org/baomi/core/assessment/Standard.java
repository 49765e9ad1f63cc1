package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 自查自评标准 — a self-inspection standard: categories, scored items worth {@code total} points in
 * all (the unit standard: 100), aggravated deductions and veto items. Immutable and valid once built:
 * the constructor checks everything and throws one {@link InvalidStandardException} listing every
 * problem (ids unique across the whole standard, items in a declared category, points positive with
 * at most one decimal, the scored points summing to the total, caps at least one occurrence, every
 * veto named, evidence query ids well formed).
 */
public record Standard(StandardRef ref, AssessmentLevel level, Text title, BigDecimal total,
        List<Category> categories, List<StandardItem> items, List<DeductionItem> deductions, List<VetoItem> vetoes) {

    /** Ids of items, categories, deductions and vetoes: letters, digits, '.', '_', '-'. */
    public static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    /** An evidence query id: dotted lower-camel words, hyphens allowed as in the compliance rule ids, e.g. {@code device.classified.security-settings}. */
    public static final Pattern EVIDENCE_QUERY = Pattern.compile("[a-z][A-Za-z0-9-]*(\\.[a-z][A-Za-z0-9-]*)+");

    /** Most points one item, a standard's total or a deduction may carry. */
    public static final BigDecimal MAX_POINTS = new BigDecimal("1000");

    public Standard {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        total = Points.normal(Objects.requireNonNull(total, "total"));
        categories = List.copyOf(categories);
        items = List.copyOf(items);
        deductions = List.copyOf(deductions);
        vetoes = List.copyOf(vetoes);
        List<StandardProblem> problems = problems(total, categories, items, deductions, vetoes);
        if (!problems.isEmpty()) {
            throw new InvalidStandardException(problems);
        }
    }

    public Optional<StandardItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<DeductionItem> deduction(String id) {
        return deductions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<VetoItem> veto(String id) {
        return vetoes.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public Map<String, StandardItem> itemsById() {
        return items.stream().collect(Collectors.toUnmodifiableMap(StandardItem::id, Function.identity()));
    }

    /** The scored items of {@code category}, in the standard's order. */
    public List<StandardItem> itemsOf(String categoryId) {
        return items.stream().filter(i -> i.categoryId().equals(categoryId)).toList();
    }

    /** Every evidence query id the standard names (for the server to check it knows them all). */
    public Set<String> evidenceQueries() {
        Set<String> ids = new java.util.TreeSet<>();
        items.forEach(i -> i.evidence().ifPresent(ids::add));
        deductions.forEach(d -> d.evidence().ifPresent(ids::add));
        vetoes.forEach(v -> v.evidence().ifPresent(ids::add));
        return ids;
    }

    private static List<StandardProblem> problems(BigDecimal total, List<Category> categories, List<StandardItem> items,
            List<DeductionItem> deductions, List<VetoItem> vetoes) {
        List<StandardProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> categoryIds = new HashSet<>();
        checkPoints(problems, "", "total", total);
        for (Category c : categories) {
            checkId(problems, ids, c.id());
            categoryIds.add(c.id());
        }
        if (items.isEmpty()) {
            problems.add(StandardProblem.of("", "items", "assessment.noItems", "A standard needs at least one scored item."));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (StandardItem i : items) {
            checkId(problems, ids, i.id());
            checkCategory(problems, categoryIds, i.id(), i.categoryId(), true);
            if (checkPoints(problems, i.id(), "points", i.points())) {
                sum = sum.add(i.points());
            }
            checkEvidence(problems, i.id(), i.evidenceQuery());
        }
        if (total.signum() > 0 && sum.compareTo(total) != 0 && problems.stream().noneMatch(p -> p.field().equals("points"))) {
            problems.add(StandardProblem.of("", "total", "assessment.pointsSum",
                    "The scored items are worth " + sum.toPlainString() + " points in all, but the standard declares "
                            + total.toPlainString() + ".", sum.toPlainString(), total.toPlainString()));
        }
        for (DeductionItem d : deductions) {
            checkId(problems, ids, d.id());
            checkCategory(problems, categoryIds, d.id(), d.categoryId(), false);
            boolean per = checkPoints(problems, d.id(), "perOccurrence", d.perOccurrence());
            boolean cap = checkPoints(problems, d.id(), "cap", d.cap());
            if (per && cap && d.cap().compareTo(d.perOccurrence()) < 0) {
                problems.add(StandardProblem.of(d.id(), "cap", "assessment.capBelowOccurrence",
                        "Deduction " + d.id() + ": the cap " + d.cap().toPlainString()
                                + " is less than one occurrence (" + d.perOccurrence().toPlainString() + ").",
                        d.id(), d.cap().toPlainString(), d.perOccurrence().toPlainString()));
            }
            checkEvidence(problems, d.id(), d.evidenceQuery());
        }
        for (VetoItem v : vetoes) {
            checkId(problems, ids, v.id());
            if (v.text() == null) {
                problems.add(StandardProblem.of(v.id(), "text", "assessment.vetoUnnamed",
                        "Veto item " + v.id() + " has no text: name the violation in Chinese and English.", v.id()));
            }
            checkEvidence(problems, v.id(), v.evidenceQuery());
        }
        return problems;
    }

    private static void checkId(List<StandardProblem> problems, Set<String> ids, String id) {
        if (!ENTRY_ID.matcher(id).matches()) {
            problems.add(StandardProblem.of(id, "id", "assessment.entryIdInvalid",
                    "'" + id + "' is not a valid id: 1 to 32 letters, digits, '.', '_' or '-'.", id));
        } else if (!ids.add(id)) {
            problems.add(StandardProblem.of(id, "id", "assessment.duplicateId",
                    "The id " + id + " is used twice; every category, item, deduction and veto needs its own.", id));
        }
    }

    private static void checkCategory(List<StandardProblem> problems, Set<String> categoryIds, String id,
            String categoryId, boolean required) {
        if (categoryId.isEmpty()) {
            if (required) {
                problems.add(StandardProblem.of(id, "category", "assessment.categoryMissing",
                        "Item " + id + " names no category.", id));
            }
        } else if (!categoryIds.contains(categoryId)) {
            problems.add(StandardProblem.of(id, "category", "assessment.unknownCategory",
                    id + " names the category " + categoryId + ", which the standard does not declare.", id, categoryId));
        }
    }

    private static boolean checkPoints(List<StandardProblem> problems, String id, String field, BigDecimal points) {
        if (points.signum() <= 0 || points.compareTo(MAX_POINTS) > 0 || points.stripTrailingZeros().scale() > 1) {
            String who = id.isEmpty() ? "The standard" : id;
            problems.add(StandardProblem.of(id, field, "assessment.pointsInvalid", who + ": " + field + " must be more than 0,"
                    + " at most 1000, with at most one decimal; was " + points.toPlainString() + ".", id, field,
                    points.toPlainString()));
            return false;
        }
        return true;
    }

    private static void checkEvidence(List<StandardProblem> problems, String id, String query) {
        if (query != null && !EVIDENCE_QUERY.matcher(query).matches()) {
            problems.add(StandardProblem.of(id, "evidence", "assessment.evidenceInvalid", id + ": '" + query
                    + "' is not an evidence query id (dotted words such as carrier.overdue).", id, query));
        }
    }
}
