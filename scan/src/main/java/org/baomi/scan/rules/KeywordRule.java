package org.baomi.scan.rules;

/**
 * A dictionary term.
 *
 * @param term     literal, matched on normalised text
 * @param weight   importance (default 1); with the count it sets the confidence
 * @param category optional grouping; the finding's rule becomes {@code keyword.<category>}
 */
public record KeywordRule(String term, double weight, String category) {
    /** Rule id printed for findings of this term. */
    public String ruleId() {
        return category == null || category.isBlank() ? "keyword" : "keyword." + category;
    }
}
