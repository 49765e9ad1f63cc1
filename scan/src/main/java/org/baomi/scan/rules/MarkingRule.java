package org.baomi.scan.rules;

import java.util.regex.Pattern;

/**
 * One anchor of a marking scheme: when {@code anchor} is found, the engine weighs where
 * it stands and whether {@code suffix} follows to decide how sure it is.
 *
 * @param rule      rule id, e.g. {@code marking.cn}
 * @param level     the level the marking states
 * @param anchor    literal matched on normalised text
 * @param uppercase whether the original must be upper case (Latin-script schemes)
 * @param portion   a portion mark such as {@code (S)}: only counts at the start of a line
 * @param suffix    optional pattern tried on the normalised text right after the anchor
 */
public record MarkingRule(String rule, String level, String anchor, boolean uppercase, boolean portion,
                          Pattern suffix) {
}
