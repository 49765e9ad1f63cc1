package org.baomi.scan.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import org.baomi.scan.match.Automaton;
import org.baomi.scan.match.MatchSink;
import org.baomi.scan.match.Normalizer;
import org.baomi.scan.rules.KeywordRule;
import org.baomi.scan.rules.MarkingRule;
import org.baomi.scan.rules.PatternRule;

/**
 * Collects the findings of one file (or one section of a large text file) as its text
 * segments stream through the automaton. Used by one thread.
 */
public final class FileAnalysis implements MatchSink {
    private static final int CONTEXT = 30;
    private static final int TOP_LINES = 5;

    private final CompiledRules rules;
    private final Automaton.Cursor cursor;
    private final int maxFindings;
    private final int[] counts;     // per automaton key, every match
    private final boolean[] notify; // keys still worth a callback
    private final List<Raw> markings = new ArrayList<>();
    private final List<Raw> keywordHits = new ArrayList<>();
    private final List<Finding> patternHits = new ArrayList<>();

    // The segment being fed.
    private Location location;
    private char[] buf;
    private int bufFrom;
    private int bufTo;
    private long bufBase;
    private long lineBase;       // lines before bufBase in this segment (0-based count of '\n')
    private long lineAt;         // offset up to which lines were counted in the current buffer
    private long linesSoFar;
    private long cut = Long.MAX_VALUE;

    /** A finding before confidence (keywords need the final count) and line fix-up. */
    record Raw(int key, Location location, long offset, long line, String text, String context, Confidence confidence,
               long end) {
    }

    public FileAnalysis(CompiledRules rules, int maxFindings) {
        this.rules = rules;
        this.cursor = rules.automaton.cursor();
        this.maxFindings = maxFindings;
        int keys = rules.automaton.size();
        this.counts = new int[keys];
        this.notify = new boolean[keys];
        java.util.Arrays.fill(notify, true);
        cursor.countInto(counts, notify);
    }

    /** Starts a new text segment (page, part, header, ...). */
    public void begin(Location location) {
        this.location = location;
        cursor.reset();
        lineBase = 0;
        linesSoFar = 0;
        buf = null;
    }

    /** Feeds the next chunk of the current segment; {@code base} is its offset in the segment. */
    public void feed(char[] chunk, int from, int to, long base) {
        if (buf != null) {
            linesSoFar += countLines(buf, (int) (lineAt - bufBase) + bufFrom, bufTo);
        }
        feed(chunk, from, to, base, linesSoFar);
    }

    /**
     * Feeds the next chunk when the caller already counts lines: {@code linesBefore} line
     * breaks precede the chunk in the segment, so no pass over the previous chunk is needed.
     */
    public void feed(char[] chunk, int from, int to, long base, long linesBefore) {
        linesSoFar = linesBefore;
        buf = chunk;
        bufFrom = from;
        bufTo = to;
        bufBase = base;
        lineBase = linesSoFar;
        lineAt = base;
        cursor.feed(chunk, from, to, base, this);
        if (!rules.patterns.isEmpty()) {
            runPatterns(chunk, from, to, base);
        }
    }

    /** Convenience: one whole segment. */
    public void text(Location location, CharSequence text) {
        begin(location);
        char[] c = text.toString().toCharArray();
        feed(c, 0, c.length, 0);
    }

    private static long countLines(char[] b, int from, int to) {
        long n = 0;
        for (int i = Math.max(from, 0); i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private long lineOf(long offset) {
        int from = (int) (lineAt - bufBase) + bufFrom;
        int to = (int) (offset - bufBase) + bufFrom;
        if (to > from) {
            linesSoFar += countLines(buf, from, to);
            lineAt = offset;
        }
        return linesSoFar + 1;
    }

    /** Matches starting at or after {@code offset} belong to the next section and are ignored. */
    public void cutAt(long offset) {
        this.cut = offset;
    }

    @Override
    public void onMatch(int key, long start, long end) {
        if (start >= cut) {
            return;
        }
        if (key < rules.markings.size()) {
            onMarking(key, start, end);
            return;
        }
        if (keywordHits.size() < maxFindings) {
            long line = location.numbered() ? lineOf(start) : 0;
            keywordHits.add(new Raw(key, location, start, line, original(start, end), context(start, end), null, end));
            if (keywordHits.size() == maxFindings) {
                // Enough listed; from now on keywords are only counted, inside the automaton.
                java.util.Arrays.fill(notify, rules.markings.size(), notify.length, false);
            }
        }
    }

    private String original(long start, long end) {
        int s = (int) Math.max(start - bufBase + bufFrom, bufFrom);
        int e = (int) Math.min(end - bufBase + bufFrom, bufTo);
        return new String(buf, s, Math.max(0, e - s));
    }

    private String context(long start, long end) {
        int s = (int) Math.max(start - bufBase + bufFrom - CONTEXT, bufFrom);
        int e = (int) Math.min(end - bufBase + bufFrom + CONTEXT, bufTo);
        StringBuilder sb = new StringBuilder(e - s);
        boolean space = false;
        for (int i = s; i < e; i++) {
            char c = buf[i];
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString().strip();
    }

    private void onMarking(int key, long start, long end) {
        if (markings.size() >= maxFindings) {
            return;
        }
        MarkingRule rule = rules.markings.get(key);
        int s = (int) (start - bufBase) + bufFrom;
        int e = (int) (end - bufBase) + bufFrom;
        if (s < bufFrom) {
            s = bufFrom;
        }
        // The line holding the match, bounded so that minified text stays cheap.
        int ls = s;
        while (ls > bufFrom && s - ls < 200 && buf[ls - 1] != '\n' && buf[ls - 1] != '\r') {
            ls--;
        }
        int le = e;
        while (le < bufTo && le - e < 200 && buf[le] != '\n' && buf[le] != '\r') {
            le++;
        }
        boolean lineStart = new String(buf, ls, s - ls).isBlank();
        if (rule.uppercase()) {
            for (int i = s; i < e; i++) {
                if (Character.isLowerCase(Normalizer.fold(buf[i])) && Character.isLowerCase(buf[i])) {
                    // Lower case in a Latin-script scheme: ordinary prose ("the secret of").
                    if (rule.portion()) {
                        return;
                    }
                    addMarking(key, start, end, Confidence.LOW);
                    return;
                }
            }
        }
        if (rule.portion()) {
            if (!lineStart) {
                return;
            }
            // "(C) 2024 Acme" is a copyright line, not a portion mark.
            String after = new String(buf, e, Math.min(8, le - e)).strip();
            if (after.matches("^(?:\\d|copyright|Copyright).*")) {
                return;
            }
        }
        boolean strong = false;
        if (rule.suffix() != null && e < le) {
            Normalizer.Normalized tail = Normalizer.normalize(new String(buf, e, Math.min(le - e, 60)));
            Matcher m = rule.suffix().matcher(tail.text());
            if (m.lookingAt() && m.end() > 0) {
                strong = true;
                end = end + tail.originOf(m.end() - 1) + 1;
                e = (int) (end - bufBase) + bufFrom;
            }
        }
        String rest = (new String(buf, ls, s - ls) + new String(buf, e, Math.max(0, le - e))).strip();
        long letters = rest.chars().filter(Character::isLetter).count();
        // Alone on its line apart from copy numbers and punctuation ("机密 000123", "份号：12").
        boolean isolated = rest.length() <= 30 && letters <= 2;
        long line = lineOf(start);
        boolean prominent = location.zone().prominent()
                || (location.zone() == Zone.BODY && location.first() && line <= TOP_LINES);
        Confidence c;
        if (location.zone() == Zone.FILE_NAME) {
            c = strong ? Confidence.HIGH : Confidence.MEDIUM;
        } else if (rule.portion()) {
            c = Confidence.MEDIUM;
        } else if (strong) {
            c = prominent || isolated ? Confidence.HIGH : Confidence.MEDIUM;
        } else if (isolated) {
            c = prominent || rule.uppercase() ? Confidence.HIGH : Confidence.MEDIUM;
        } else {
            c = Confidence.LOW;
        }
        addMarking(key, start, end, c);
    }

    private void addMarking(int key, long start, long end, Confidence c) {
        long line = location.numbered() ? lineOf(start) : 0;
        markings.add(new Raw(key, location, start, line, original(start, end), context(start, end), c, end));
    }

    private void runPatterns(char[] chunk, int from, int to, long base) {
        CharSequence seq = java.nio.CharBuffer.wrap(chunk, from, to - from);
        for (PatternRule p : rules.patterns) {
            Matcher m = p.regex().matcher(seq);
            while (m.find() && patternHits.size() < maxFindings) {
                if (!p.checksum().valid(m.group())) {
                    continue;
                }
                long start = base + m.start();
                long end = base + m.end();
                String where = location.numbered() ? location.label() + " " + lineOf(start) : location.label();
                patternHits.add(new Finding(p.rule(), Category.PATTERN, p.level(), m.group(), where, start,
                        context(start, end), p.confidence()));
            }
        }
    }

    /** Lines seen so far in the current segment (for splitting a large file into sections). */
    public long linesCounted() {
        if (buf != null) {
            linesSoFar += countLines(buf, (int) (lineAt - bufBase) + bufFrom, bufTo);
            lineAt = bufBase + (bufTo - bufFrom);
        }
        return linesSoFar;
    }

    /**
     * The findings: markings (a marking inside a longer one, like SECRET in TOP SECRET, is
     * dropped), then keywords with confidence by weight and count, then patterns.
     *
     * @param lineShift added to line numbers (sections of a large file)
     */
    public List<Finding> findings(long lineShift) {
        List<Finding> out = new ArrayList<>();
        List<Raw> ms = new ArrayList<>(markings);
        ms.sort(Comparator.comparing((Raw r) -> r.location().label()).thenComparingLong(Raw::offset));
        for (int i = 0; i < ms.size(); i++) {
            Raw r = ms.get(i);
            boolean inner = false;
            for (int j = Math.max(0, i - 4); j < Math.min(ms.size(), i + 5) && !inner; j++) {
                Raw o = ms.get(j);
                inner = j != i && o.location().equals(r.location()) && o.offset() <= r.offset() && o.end() >= r.end()
                        && (o.end() - o.offset()) > (r.end() - r.offset());
            }
            if (!inner) {
                MarkingRule rule = rules.markings.get(r.key());
                out.add(new Finding(rule.rule(), Category.MARKING, rule.level(), r.text(), where(r, lineShift),
                        r.offset(), r.context(), r.confidence()));
            }
        }
        for (Raw r : keywordHits) {
            int k = r.key() - rules.markings.size();
            KeywordRule rule = rules.keywords.get(k);
            int count = counts[r.key()];
            out.add(new Finding(rule.ruleId(), Category.KEYWORD, null, r.text(), where(r, lineShift), r.offset(),
                    r.context(), keywordConfidence(rule, count)));
            for (int d : rules.automaton.duplicatesOf(r.key())) {
                KeywordRule dup = rules.keywords.get(d - rules.markings.size());
                out.add(new Finding(dup.ruleId(), Category.KEYWORD, null, r.text(), where(r, lineShift), r.offset(),
                        r.context(), keywordConfidence(dup, count)));
            }
        }
        out.addAll(patternHits);
        return out;
    }

    /**
     * A listed term is worth a look (medium); an important one (weight 5 and up) or one
     * that keeps coming back (weight × count ≥ 10) is high; weights below 1 are hints (low).
     */
    static Confidence keywordConfidence(KeywordRule rule, int count) {
        if (rule.weight() >= 5 || rule.weight() * count >= 10) {
            return Confidence.HIGH;
        }
        return rule.weight() < 1 ? Confidence.LOW : Confidence.MEDIUM;
    }

    private static String where(Raw r, long lineShift) {
        return r.location().numbered() ? r.location().label() + " " + (r.line() + lineShift) : r.location().label();
    }
}
