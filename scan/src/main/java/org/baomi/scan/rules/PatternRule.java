package org.baomi.scan.rules;

import java.util.regex.Pattern;
import org.baomi.scan.engine.Confidence;

/**
 * A regular expression, optionally confirmed by a checksum, run on the original text.
 *
 * @param rule       rule id, e.g. {@code pattern.cn-resident-id}
 * @param regex      compiled expression
 * @param checksum   confirmation of each match
 * @param level      optional level to report
 * @param confidence confidence of a confirmed match
 */
public record PatternRule(String rule, Pattern regex, Checksum checksum, String level, Confidence confidence) {
}
