package org.baomi.core.classification;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.core.DomainException;

/**
 * 密级标志 — a classification marking, {@code 密级★期限}: {@code 机密★10年}, {@code 秘密★6个月},
 * {@code 绝密★长期}, {@code 机密★2027年6月30日}, {@code 机密★会议结束后}, {@code 秘密★} (the level's
 * longest term). Work secrets are marked {@code 内部} and carry no term; public material carries no
 * marking ({@code 公开} here).
 */
public record Marking(ClassificationLevel level, SecrecyTerm term) {

    public static final char STAR = '★';

    private static final Pattern YEARS = Pattern.compile("(\\d{1,3})年");
    private static final Pattern MONTHS = Pattern.compile("(\\d{1,3})个月");
    private static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    public Marking {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(term, "term");
        if (!level.isStateSecret() && !(term instanceof SecrecyTerm.Unmarked)) {
            throw new DomainException("marking.termOnNonSecret",
                    level.chinese() + " material carries no secrecy term, but '" + term.text() + "' was given.",
                    level, term.text());
        }
        if (term instanceof SecrecyTerm.Years y && y.years() > level.maxTermYears()) {
            throw new DomainException("marking.termTooLong",
                    level.chinese() + " is kept secret at most " + level.maxTermYears() + " years, but " + y.years()
                            + " years were given.", level, level.maxTermYears(), y.years());
        }
    }

    /** Parses a marking string, refusing a malformed one with a message that says what is wrong. */
    public static Marking parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("marking.empty", "The marking is empty.");
        }
        String s = text.strip();
        int star = s.indexOf(STAR);
        String levelWord = star < 0 ? s : s.substring(0, star).strip();
        ClassificationLevel level;
        try {
            level = ClassificationLevel.fromChinese(levelWord);
        } catch (IllegalArgumentException e) {
            throw new DomainException("marking.unknownLevel", "'" + levelWord
                    + "' is not a classification level; write 绝密, 机密, 秘密, 内部 or 公开.", levelWord);
        }
        if (star < 0) {
            // A level alone (机密, as registers write it in a column of its own) has no term marked,
            // which the rules read as the level's longest term.
            return new Marking(level, new SecrecyTerm.Unmarked());
        }
        if (s.indexOf(STAR, star + 1) >= 0) {
            throw new DomainException("marking.twoStars", "The marking '" + s + "' has more than one ★.", s);
        }
        if (!level.isStateSecret()) {
            throw new DomainException("marking.termOnNonSecret",
                    level.chinese() + " material carries no ★ or secrecy term.", level, s.substring(star + 1));
        }
        return new Marking(level, parseTerm(s.substring(star + 1).strip(), level));
    }

    private static SecrecyTerm parseTerm(String t, ClassificationLevel level) {
        if (t.isEmpty()) {
            return new SecrecyTerm.Unmarked();
        }
        if (t.equals("长期")) {
            return new SecrecyTerm.LongTerm();
        }
        Matcher date = DATE.matcher(t);
        if (date.matches()) {
            try {
                return new SecrecyTerm.UntilDate(LocalDate.of(Integer.parseInt(date.group(1)),
                        Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3))));
            } catch (DateTimeException e) {
                throw new DomainException("marking.badDate", "'" + t + "' is not a valid date.", t);
            }
        }
        Matcher years = YEARS.matcher(t);
        if (years.matches()) {
            int n = Integer.parseInt(years.group(1));
            if (n < 1) {
                throw new DomainException("marking.zeroTerm", "A secrecy term of 0 years is not a term.", t);
            }
            return new SecrecyTerm.Years(n);
        }
        Matcher months = MONTHS.matcher(t);
        if (months.matches()) {
            int n = Integer.parseInt(months.group(1));
            if (n < 1 || n > 11) {
                throw new DomainException("marking.badMonths",
                        "A term in months is 1 to 11 months; write a year or more in years (e.g. 1年).", t);
            }
            return new SecrecyTerm.Months(n);
        }
        if (t.chars().allMatch(c -> Character.isDigit(c) || Character.isWhitespace(c))) {
            throw new DomainException("marking.noUnit", "The term '" + t + "' needs a unit: 年 or 个月.", t);
        }
        return new SecrecyTerm.UntilCondition(t);
    }

    /** The marking string, e.g. {@code 机密★10年}; the inverse of {@link #parse}. */
    public String format() {
        if (!level.isStateSecret()) {
            return level.chinese();
        }
        return level.chinese() + STAR + term.text();
    }

    /** When the classification ends, counted from the determination date; empty for long-term and conditions. */
    public Optional<LocalDate> declassificationDate(LocalDate determinedOn) {
        return term.declassificationDate(level, determinedOn);
    }

    @Override
    public String toString() {
        return format();
    }

    /** The outcome of compiling parts into one document. */
    public sealed interface Compilation {
    }

    /** The compiled marking: the highest level and the longest term of the parts. */
    public record Compiled(Marking marking) implements Compilation {
    }

    /**
     * The longest term cannot be decided by rule (a part ends on a condition while another ends on
     * a date or later condition): the determiner must decide.
     */
    public record NeedsDecision(ClassificationLevel level, String reason) implements Compilation {
    }

    /**
     * A compilation takes the highest level and the longest term of its parts. Terms are compared
     * by the date they end, counted from one determination date; long-term outlasts everything.
     */
    public static Compilation compile(List<Marking> parts, LocalDate determinedOn) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to compile");
        }
        ClassificationLevel level = parts.get(0).level();
        for (Marking m : parts) {
            level = ClassificationLevel.highest(level, m.level());
        }
        if (!level.isStateSecret()) {
            return new Compiled(new Marking(level, new SecrecyTerm.Unmarked()));
        }
        if (parts.stream().anyMatch(m -> m.term() instanceof SecrecyTerm.LongTerm)) {
            return new Compiled(new Marking(level, new SecrecyTerm.LongTerm()));
        }
        List<Marking> secret = parts.stream().filter(m -> m.level().isStateSecret()).toList();
        List<Marking> conditional = secret.stream().filter(m -> m.term() instanceof SecrecyTerm.UntilCondition).toList();
        if (!conditional.isEmpty()) {
            boolean single = conditional.size() == secret.size()
                    && conditional.stream().map(m -> m.term().text()).distinct().count() == 1;
            if (single) {
                return new Compiled(new Marking(level, conditional.get(0).term()));
            }
            return new NeedsDecision(level, "parts end on a condition (" + conditional.get(0).term().text()
                    + ") and on other terms; the determiner must set the compilation's term");
        }
        Marking longest = null;
        LocalDate latest = null;
        for (Marking m : secret) {
            LocalDate end = m.declassificationDate(determinedOn).orElseThrow();
            if (latest == null || end.isAfter(latest)) {
                latest = end;
                longest = m;
            }
        }
        SecrecyTerm term = longest.term();
        if (term instanceof SecrecyTerm.Unmarked) {
            // The longest part was unmarked: its level's maximum, written out, because it may be
            // shorter than the compiled (higher) level's maximum.
            term = new SecrecyTerm.Years(longest.level().maxTermYears());
        }
        long years = ChronoUnit.YEARS.between(determinedOn, latest);
        if (years > level.maxTermYears()) {
            term = new SecrecyTerm.Unmarked();
        }
        return new Compiled(new Marking(level, term));
    }
}
