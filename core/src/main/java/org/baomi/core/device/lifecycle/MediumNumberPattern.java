package org.baomi.core.device.lifecycle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.core.DomainException;

/**
 * How a unit numbers its registered media (the "red disk" numbers): literal text with
 * {@code {unit}} (the unit's code), {@code {year}} and exactly one {@code {seq}} or {@code {seq:N}}
 * (zero-padded to N digits). {@code {unit}-HP-{seq:4}} gives {@code FGW-HP-0007}. Only formats;
 * the server allocates the sequence per {@link #sequenceKey} without gaps.
 */
public final class MediumNumberPattern {

    public static final String DEFAULT = "{unit}-HP-{seq:4}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?::(\\d{1,2}))?}");

    private final String pattern;

    private MediumNumberPattern(String pattern) {
        this.pattern = pattern;
    }

    /** @throws DomainException {@code medium.pattern.invalid} naming what is wrong */
    public static MediumNumberPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw invalid(pattern, "it is empty");
        }
        String p = pattern.strip();
        if (p.length() > 64) {
            throw invalid(p, "it is longer than 64 characters");
        }
        Matcher m = PLACEHOLDER.matcher(p);
        int seqs = 0;
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(p, last, m.start());
            last = m.end();
            switch (m.group(1)) {
                case "seq" -> {
                    seqs++;
                    if (m.group(2) != null && (Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 9)) {
                        throw invalid(p, "the width of {seq} is 1 to 9");
                    }
                }
                case "unit", "year" -> {
                    if (m.group(2) != null) {
                        throw invalid(p, "{" + m.group(1) + "} takes no width");
                    }
                }
                default -> throw invalid(p, "{" + m.group(1) + "} is not a placeholder");
            }
        }
        rest.append(p.substring(last));
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            throw invalid(p, "a brace is not part of a placeholder");
        }
        if (seqs != 1) {
            throw invalid(p, "it needs exactly one {seq}");
        }
        return new MediumNumberPattern(p);
    }

    /** The number for sequence value {@code seq}. */
    public String format(String unitCode, int year, long seq) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "unit" -> unitCode;
                case "year" -> String.valueOf(year);
                default -> m.group(2) == null ? String.valueOf(seq)
                        : String.format("%0" + Integer.parseInt(m.group(2)) + "d", seq);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The sequence a number draws from: one per unit, and per year when the pattern names the year. */
    public String sequenceKey(int year) {
        return pattern.contains("{year}") ? "year:" + year : "all";
    }

    public String pattern() {
        return pattern;
    }

    private static DomainException invalid(String pattern, String why) {
        return new DomainException("medium.pattern.invalid", "The numbering pattern " + pattern + " is not usable: "
                + why + ". For example " + DEFAULT + ".", pattern, why);
    }
}
