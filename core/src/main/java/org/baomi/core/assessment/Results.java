package org.baomi.core.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.baomi.core.DomainException;

/**
 * What an assessment recorded against its standard: a result per scored item (missing ones are not
 * scored yet), the number of occurrences of each aggravated deduction found (missing: none) and the
 * veto items found. Immutable; the {@code with...} methods return a changed copy after checking the
 * ids and values against the standard.
 */
public record Results(Map<String, ItemResult> items, Map<String, Integer> deductions, Set<String> vetoes) {

    public Results {
        items = Map.copyOf(items);
        deductions = Map.copyOf(deductions);
        vetoes = Set.copyOf(vetoes);
    }

    public static Results none() {
        return new Results(Map.of(), Map.of(), Set.of());
    }

    /** @throws DomainException {@code assessment.unknownItem} */
    public Results with(Standard standard, ItemResult result) {
        StandardItem item = standard.item(result.itemId()).orElseThrow(() -> unknown("item", result.itemId()));
        // Re-derive the earned points from the item so a result never carries more than its item is worth.
        ItemResult checked = ItemResult.of(item, result.finding(), result.earned(), result.note());
        Map<String, ItemResult> copy = new LinkedHashMap<>(items);
        copy.put(item.id(), checked);
        return new Results(copy, deductions, vetoes);
    }

    /** @throws DomainException {@code assessment.unknownItem}, {@code assessment.occurrencesInvalid} */
    public Results withOccurrences(Standard standard, String deductionId, int occurrences) {
        standard.deduction(deductionId).orElseThrow(() -> unknown("deduction", deductionId));
        if (occurrences < 0 || occurrences > 10_000) {
            throw new DomainException("assessment.occurrencesInvalid",
                    "Occurrences of " + deductionId + " are a count from 0, was " + occurrences + ".", deductionId, occurrences);
        }
        Map<String, Integer> copy = new LinkedHashMap<>(deductions);
        if (occurrences == 0) {
            copy.remove(deductionId);
        } else {
            copy.put(deductionId, occurrences);
        }
        return new Results(items, copy, vetoes);
    }

    /** @throws DomainException {@code assessment.unknownItem} */
    public Results withVeto(Standard standard, String vetoId, boolean triggered) {
        standard.veto(vetoId).orElseThrow(() -> unknown("veto", vetoId));
        Set<String> copy = new TreeSet<>(vetoes);
        if (triggered) {
            copy.add(vetoId);
        } else {
            copy.remove(vetoId);
        }
        return new Results(items, deductions, copy);
    }

    /** Drops a scored item's result (it counts as not yet scored again). */
    public Results without(String itemId) {
        Map<String, ItemResult> copy = new LinkedHashMap<>(items);
        copy.remove(Objects.requireNonNull(itemId));
        return new Results(copy, deductions, vetoes);
    }

    private static DomainException unknown(String what, String id) {
        return new DomainException("assessment.unknownItem",
                "The standard has no " + what + " " + id + ".", what, id);
    }
}
