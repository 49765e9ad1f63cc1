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
import org.baomi.scan.text.Utf8Decoder;

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
    private final List<PatternHit> patternHits = new ArrayList<>();

    /**
     * Original text kept on each side of the part being matched: a match found near a chunk
     * edge still sees its whole text, the line around it (200 chars each way), its suffix
     * (60) and context (30). Longer than any pattern in practice (docs/adr/0105).
     */
    static final int KEEP = 1024;

    // The segment being fed: a window of its original text. win[0] is at offset winBase;
    // win[0, done) has been through the automaton, win[done, winLen) waits for look-ahead.
    private Location location;
    private char[] win = new char[0];
    private int winLen;
    private int done;
    private long winBase;
    private long lineAt;         // offset up to which line breaks are counted (>= winBase)
    private long linesSoFar;     // line breaks before lineAt in this segment
    private long fedLines;       // line breaks before winBase + winLen, counted as the text came in
    private long cut = Long.MAX_VALUE;
    private long floor = Long.MIN_VALUE;
    private long[] patternResume = new long[0];
    // Matches the automaton found ahead of what has been handed on: it runs as the text
    // arrives (UTF-8 decoded and matched in one pass, docs/adr/0109), and match() hands on
    // those that end where matching used to stop, KEEP chars short of the text seen so far.
    private int[] queuedKey = new int[1024];
    private long[] queuedStart = new long[1024];
    private long[] queuedEnd = new long[1024];
    private int queueHead;
    private int queueTail;
    private final MatchSink queue = this::enqueue;

    /** A finding before confidence (keywords need the final count) and line fix-up. */
    record Raw(int key, Location location, long offset, long line, String text, String context, Confidence confidence,
               long end, Confidence topConfidence) {
        /** The confidence of a marking on segment line {@code line}, first page rule included. */
        Confidence confidenceAt(long line) {
            return topConfidence != null && line <= TOP_LINES ? topConfidence : confidence;
        }
    }

    /** A pattern finding and its line in the segment (shifted in sections of a large file). */
    private record PatternHit(Finding finding, long line) {
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
        end();
        this.location = location;
        cursor.reset();
        queueHead = 0;
        queueTail = 0;
        winLen = 0;
        done = 0;
        winBase = 0;
        lineAt = 0;
        linesSoFar = 0;
        fedLines = 0;
        patternResume = new long[rules.patterns.size()];
    }

    /**
     * Feeds the next chunk of the current segment; {@code base} is its offset in the segment
     * and must follow the previous chunk. The text is copied: the caller may reuse
     * {@code chunk}. Matching runs up to {@link #KEEP} chars short of the text seen so far,
     * so that every match has its look-ahead; {@link #end()} matches the rest.
     */
    public void feed(char[] chunk, int from, int to, long base) {
        if (location == null) {
            throw new IllegalStateException("feed before begin");
        }
        if (base != winBase + winLen) {
            throw new IllegalArgumentException("chunk at " + base + " does not follow the text at " + (winBase + winLen));
        }
        int n = to - from;
        makeRoom(n);
        System.arraycopy(chunk, from, win, winLen, n);
        fedLines += countLines(chunk, from, to);
        cursor.feed(win, winLen, winLen + n, winBase + winLen, queue);
        winLen += n;
        match(winLen - KEEP);
    }

    /**
     * Feeds the next chunk of the current segment as UTF-8 bytes, decoded straight into the
     * window (no intermediate char buffer, line breaks counted while decoding) and matched
     * as by {@link #feed}; a sequence cut by {@code to} is left for the next call unless
     * {@code last}. Adds the line feeds decoded to {@code lineFeeds[0]}.
     *
     * @return as {@link Utf8Decoder#decode}: {@code (bytesConsumed << 32) | charsWritten}
     */
    public long feedUtf8(byte[] bytes, int from, int to, boolean last, int[] lineFeeds) {
        if (location == null) {
            throw new IllegalStateException("feed before begin");
        }
        // A UTF-8 byte decodes to at most one char (four bytes to a surrogate pair), and the
        // decoder keeps one char free for a pair: it never stops for lack of room.
        makeRoom(to - from + 2);
        int before = lineFeeds[0];
        long r = cursor.feedUtf8(bytes, from, to, win, winLen, last, lineFeeds, winBase + winLen, queue);
        fedLines += lineFeeds[0] - before;
        winLen += (int) r;
        match(winLen - KEEP);
        return r;
    }

    /** Drops what is no longer needed as look-behind and makes room for {@code n} more chars. */
    private void makeRoom(int n) {
        int drop = Math.max(0, done - KEEP);
        if (drop > 0) {
            // Line breaks before the new window start, counted back from the end of the text
            // fed so far (a few KEEP chars) rather than forward over the whole chunk.
            if (lineAt < winBase + drop) {
                linesSoFar = fedLines - countLines(win, drop, winLen);
                lineAt = winBase + drop;
            }
            System.arraycopy(win, drop, win, 0, winLen - drop);
            winLen -= drop;
            done -= drop;
            winBase += drop;
        }
        if (winLen + n > win.length) {
            win = java.util.Arrays.copyOf(win, Math.max(winLen + n, win.length + (win.length >> 1)));
        }
    }

    /** Ends the current segment: matches the text held back as look-ahead. Idempotent. */
    public void end() {
        if (location != null) {
            match(winLen);
        }
    }

    /** Convenience: one whole segment. */
    public void text(Location location, CharSequence text) {
        begin(location);
        char[] c = text.toString().toCharArray();
        // The whole segment is at hand: no copy, no look-ahead to wait for.
        win = c;
        winLen = c.length;
        cursor.feed(c, 0, c.length, winBase, queue);
        end();
        win = new char[0];
        winLen = 0;
        done = 0;
    }

    private void match(int upTo) {
        if (upTo <= done) {
            return;
        }
        int from = done;
        done = upTo;
        long limit = winBase + upTo;
        while (queueHead < queueTail && queuedEnd[queueHead] <= limit) {
            int h = queueHead++;
            // A key switched off after it was queued is only counted, as it would have been
            // had the automaton run no further than this.
            if (notify[queuedKey[h]]) {
                onMatch(queuedKey[h], queuedStart[h], queuedEnd[h]);
            }
        }
        if (queueHead == queueTail) {
            queueHead = 0;
            queueTail = 0;
        }
        if (!rules.patterns.isEmpty()) {
            runPatterns(from, upTo);
        }
    }

    private void enqueue(int key, long start, long end) {
        if (queueTail == queuedKey.length) {
            int live = queueTail - queueHead;
            if (live * 2 > queuedKey.length) {
                int size = queuedKey.length * 2;
                queuedKey = java.util.Arrays.copyOf(queuedKey, size);
                queuedStart = java.util.Arrays.copyOf(queuedStart, size);
                queuedEnd = java.util.Arrays.copyOf(queuedEnd, size);
            }
            System.arraycopy(queuedKey, queueHead, queuedKey, 0, live);
            System.arraycopy(queuedStart, queueHead, queuedStart, 0, live);
            System.arraycopy(queuedEnd, queueHead, queuedEnd, 0, live);
            queueHead = 0;
            queueTail = live;
        }
        queuedKey[queueTail] = key;
        queuedStart[queueTail] = start;
        queuedEnd[queueTail] = end;
        queueTail++;
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

    /** 1-based line of {@code offset} in the segment; offsets before the window count as its start. */
    private long lineOf(long offset) {
        long o = Math.max(offset, winBase);
        int at = (int) (lineAt - winBase);
        int to = (int) (o - winBase);
        if (to >= at) {
            linesSoFar += countLines(win, at, to);
            lineAt = o;
            return linesSoFar + 1;
        }
        // A later match may start before an earlier one (and a break may lie between).
        return linesSoFar - countLines(win, to, at) + 1;
    }

    /** Matches starting at or after {@code offset} belong to the next section and are ignored. */
    public void cutAt(long offset) {
        this.cut = offset;
    }

    /**
     * The segment is a section of a larger text that starts at offset 0; what is fed
     * before it (from {@code base}, holding {@code lineBreaks} line breaks) is look-behind
     * only: matches starting there belong to the previous section and are not reported,
     * but they give the section's first matches their line, context and confidence, and
     * hide a marking inside a longer one that starts before the cut (SECRET in TOP SECRET).
     * Call right after {@link #begin}.
     */
    public void lookBehind(long base, long lineBreaks) {
        winBase = base;
        lineAt = base;
        linesSoFar = -lineBreaks;
        fedLines = -lineBreaks;
        floor = 0;
    }

    @Override
    public void onMatch(int key, long start, long end) {
        if (start >= cut) {
            uncount(key);
            return;
        }
        if (key < rules.markings.size()) {
            onMarking(key, start, end);
            return;
        }
        if (start < floor) {
            uncount(key);
            return;
        }
        if (keywordHits.size() < maxFindings) {
            long line = location.numbered() ? lineOf(start) : 0;
            keywordHits.add(new Raw(key, location, start, line, original(start, end), context(start, end), null, end,
                    null));
            if (keywordHits.size() == maxFindings) {
                // Enough listed; from now on keywords are only counted, inside the automaton.
                java.util.Arrays.fill(notify, rules.markings.size(), notify.length, false);
            }
        }
    }

    /** A match outside this section is counted by the section it belongs to. */
    private void uncount(int key) {
        counts[key]--;
    }

    private String original(long start, long end) {
        int s = (int) Math.max(start - winBase, 0);
        int e = (int) Math.min(end - winBase, winLen);
        return new String(win, s, Math.max(0, e - s));
    }

    private String context(long start, long end) {
        int s = (int) Math.max(start - winBase - CONTEXT, 0);
        int e = (int) Math.min(end - winBase + CONTEXT, winLen);
        return collapse(win, s, e);
    }

    /**
     * {@code text[s, e)} with every run of whitespace and control characters made one space
     * and none at either end: what {@code Character.isWhitespace || isISOControl} with a
     * StringBuilder and {@code strip()} gave, written without them because the JIT spent
     * tens of milliseconds of a short scan compiling their general paths (ADR 0112).
     */
    static String collapse(char[] text, int s, int e) {
        char[] out = new char[Math.max(0, e - s)];
        int n = 0;
        boolean space = true;
        for (int i = s; i < e; i++) {
            char c = text[i];
            if (blank(c)) {
                if (!space) {
                    out[n++] = ' ';
                    space = true;
                }
            } else {
                out[n++] = c;
                space = false;
            }
        }
        if (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return new String(out, 0, n);
    }

    /** {@code Character.isWhitespace(c) || Character.isISOControl(c)}, spelled out (Unicode 13, Java 17). */
    static boolean blank(char c) {
        if (c <= 0x20) {
            return true;
        }
        if (c < 0x7F) {
            return false;
        }
        if (c <= 0x9F) {
            return true;
        }
        if (c < 0x1680) {
            return false;
        }
        return c == 0x1680 || c >= 0x2000 && c <= 0x200A && c != 0x2007 || c == 0x2028 || c == 0x2029
                || c == 0x205F || c == 0x3000;
    }

    private void onMarking(int key, long start, long end) {
        if (markings.size() >= maxFindings) {
            return;
        }
        MarkingRule rule = rules.markings.get(key);
        char[] buf = win;
        int s = (int) Math.max(start - winBase, 0);
        int e = (int) (end - winBase);
        // The line holding the match, bounded so that minified text stays cheap.
        int ls = s;
        while (ls > 0 && s - ls < 200 && buf[ls - 1] != '\n' && buf[ls - 1] != '\r') {
            ls--;
        }
        int le = e;
        while (le < winLen && le - e < 200 && buf[le] != '\n' && buf[le] != '\r') {
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
        int anchorEnd = e;
        if (rule.suffix() != null && e < le) {
            Normalizer.Normalized tail = Normalizer.normalize(new String(buf, e, Math.min(le - e, 60)));
            Matcher m = rule.suffix().matcher(tail.text());
            if (m.lookingAt() && m.end() > 0) {
                strong = true;
                end = end + tail.originOf(m.end() - 1) + 1;
                e = (int) (end - winBase);
            }
        }
        String rest = (new String(buf, ls, s - ls) + new String(buf, e, Math.max(0, le - e))).strip();
        long letters = rest.chars().filter(Character::isLetter).count();
        // Alone on its line apart from copy numbers and punctuation ("机密 000123", "份号：12").
        boolean isolated = rest.length() <= 30 && letters <= 2;
        if (!rule.portion() && (quoted(buf, ls, s, e, le) || enumerated(rule, buf, ls, s, anchorEnd, le))) {
            // Cited, not applied: "标注密级和保密期限，如“机密★10年”", "秘密★10年、机密★20年、绝密★30年",
            // a form's "密级：□绝密 □机密 □秘密". A marking is never quoted or listed beside other levels.
            addMarking(key, start, end, Confidence.LOW,
                    location.zone() == Zone.BODY && location.first() ? Confidence.LOW : null);
            return;
        }
        // The top-of-first-page rule is applied in findings(), where the line number in
        // the whole file is known (a later section of a large file starts mid-file).
        // In a file name a level counts when it is set apart from the words around it:
        // "（秘密）名单", "机密-名单", "【内部】通讯录", not "内部控制制度", "国家秘密载体", "SECRETARY".
        boolean apart = (s == ls || !Character.isLetter(buf[s - 1])) && (anchorEnd >= le || !Character.isLetter(buf[anchorEnd]));
        Confidence c = markingConfidence(rule, strong, location.zone() == Zone.FILE_NAME ? apart : isolated,
                location.zone().prominent());
        Confidence top = location.zone() == Zone.BODY && location.first()
                ? markingConfidence(rule, strong, isolated, true) : null;
        addMarking(key, start, end, c, top);
    }

    private static final String OPENING_QUOTES = "“‘「『《〈«\"＂";
    private static final String CLOSING_QUOTES = "”’」』》〉»\"＂";

    /**
     * Whether {@code buf[s, e)} stands inside quotation marks or title marks on its line
     * ({@code buf[ls, le)}): the nearest quote before it opens and the nearest after it closes.
     */
    static boolean quoted(char[] buf, int ls, int s, int e, int le) {
        char before = 0;
        for (int i = s - 1; i >= ls && before == 0; i--) {
            if (OPENING_QUOTES.indexOf(buf[i]) >= 0 || CLOSING_QUOTES.indexOf(buf[i]) >= 0) {
                before = buf[i];
            }
        }
        if (OPENING_QUOTES.indexOf(before) < 0) {
            return false; // none, or the closing mark of an earlier quotation
        }
        for (int i = e; i < le; i++) {
            char c = buf[i];
            if (CLOSING_QUOTES.indexOf(c) >= 0) {
                return true;
            }
            if (OPENING_QUOTES.indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the line {@code buf[ls, le)} also names another level of the same scheme outside
     * the anchor {@code buf[s, e)}: a list of levels, as in a regulation or a blank form. (The
     * anchor, not the whole match: a banner's suffix may run on over the next banner.)
     */
    private boolean enumerated(MarkingRule rule, char[] buf, int ls, int s, int e, int le) {
        // The match itself is cut out, so that "秘密" inside "工作秘密" does not count as a second level.
        String line = new String(buf, ls, s - ls) + '|' + new String(buf, e, le - e);
        String folded = null;
        String[] anchors = rules.foldedAnchors();
        for (int i = 0; i < anchors.length; i++) {
            MarkingRule other = rules.markings.get(i);
            if (!other.rule().equals(rule.rule()) || other.level().equals(rule.level()) || other.portion()) {
                continue;
            }
            if (other.uppercase()) {
                if (line.contains(other.anchor())) {
                    return true;
                }
            } else {
                if (folded == null) {
                    folded = Normalizer.normalize(line).text();
                }
                if (folded.contains(anchors[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code isolated}: alone on its line, or in a file name set apart from the words around it. */
    private Confidence markingConfidence(MarkingRule rule, boolean strong, boolean isolated, boolean prominent) {
        if (location.zone() == Zone.FILE_NAME) {
            return strong ? Confidence.HIGH : isolated ? Confidence.MEDIUM : Confidence.LOW;
        } else if (rule.portion()) {
            return Confidence.MEDIUM;
        } else if (strong) {
            return prominent || isolated ? Confidence.HIGH : Confidence.MEDIUM;
        } else if (isolated) {
            return prominent || rule.uppercase() ? Confidence.HIGH : Confidence.MEDIUM;
        }
        return Confidence.LOW;
    }

    private void addMarking(int key, long start, long end, Confidence c) {
        addMarking(key, start, end, c, null);
    }

    private void addMarking(int key, long start, long end, Confidence c, Confidence top) {
        markings.add(new Raw(key, location, start, lineOf(start), original(start, end), context(start, end), c, end,
                top));
    }

    /**
     * Runs the patterns over the window, keeping matches that start in {@code [from, to)};
     * the look-behind and look-ahead around that range take part in the match (lookarounds
     * included), and each pattern resumes where its previous match ended, as one pass over
     * the whole segment would.
     */
    private void runPatterns(int from, int to) {
        CharSequence seq = java.nio.CharBuffer.wrap(win, 0, winLen);
        for (int pi = 0; pi < rules.patterns.size(); pi++) {
            PatternRule p = rules.patterns.get(pi);
            int resume = (int) Math.max(from, patternResume[pi] - winBase);
            if (resume >= to) {
                continue;
            }
            Matcher m = p.regex().matcher(seq);
            m.useTransparentBounds(true).useAnchoringBounds(false).region(resume, winLen);
            while (patternHits.size() < maxFindings && m.find() && m.start() < to) {
                patternResume[pi] = winBase + (m.end() > m.start() ? m.end() : m.end() + 1);
                if (!p.checksum().valid(m.group())) {
                    continue;
                }
                long start = winBase + m.start();
                long end = winBase + m.end();
                if (start >= cut) {
                    break;
                }
                if (start < floor) {
                    continue;
                }
                long line = location.numbered() ? lineOf(start) : 0;
                patternHits.add(new PatternHit(new Finding(p.rule(), Category.PATTERN, p.level(), m.group(),
                        location.label(), start, context(start, end), p.confidence()), line));
            }
        }
    }

    /** Line breaks in the current segment so far; ends it. */
    public long linesCounted() {
        end();
        lineOf(winBase + winLen);
        return linesSoFar;
    }

    /**
     * The findings: markings (a marking inside a longer one, like SECRET in TOP SECRET, is
     * dropped), then keywords with confidence by weight and count, then patterns.
     *
     * @param lineShift added to line numbers (sections of a large file)
     */
    public List<Finding> findings(long lineShift) {
        return findings(lineShift, counts);
    }

    /** Keyword counts of every section of a large file, added up. */
    int[] counts() {
        end();
        return counts;
    }

    /**
     * As {@link #findings(long)}, with keyword confidence from {@code counts} (the counts
     * of the whole file when it was read in sections).
     */
    List<Finding> findings(long lineShift, int[] counts) {
        return findings(lineShift, counts, null);
    }

    /**
     * As above, listing no more than what is left of the whole file's {@code --max-findings}:
     * {@code budget} holds what remains for markings, keywords and patterns, and is reduced by
     * what this section lists (its first matches, as a file read in one piece would list them).
     * Null: no budget beyond this analysis' own limit.
     */
    List<Finding> findings(long lineShift, int[] counts, int[] budget) {
        end();
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Raw> keywordHits = this.keywordHits;
        List<PatternHit> patternHits = this.patternHits;
        int allowed = Integer.MAX_VALUE;
        if (budget != null) {
            allowed = budget[0];
            keywordHits = keywordHits.subList(0, Math.min(keywordHits.size(), budget[1]));
            budget[1] -= keywordHits.size();
            patternHits = patternHits.subList(0, Math.min(patternHits.size(), budget[2]));
            budget[2] -= patternHits.size();
        }
        List<Raw> ms = new ArrayList<>(markings);
        ms.sort(Comparator.comparing((Raw r) -> r.location().label()).thenComparingLong(Raw::offset));
        // Markings of the look-behind belong to the section before: not listed or counted here, but
        // one may hold a marking of this section (SECRET in a TOP SECRET across the cut).
        int own = 0;
        for (int i = 0; i < ms.size(); i++) {
            Raw r = ms.get(i);
            if (r.offset() >= floor && own++ >= allowed) {
                continue; // beyond the whole file's --max-findings
            }
            boolean inner = false;
            for (int j = Math.max(0, i - 4); j < Math.min(ms.size(), i + 5) && !inner; j++) {
                Raw o = ms.get(j);
                inner = j != i && o.location().equals(r.location()) && o.offset() <= r.offset() && o.end() >= r.end()
                        && (o.end() - o.offset()) > (r.end() - r.offset());
            }
            if (!inner && r.offset() >= floor) {
                MarkingRule rule = rules.markings.get(r.key());
                add(out, seen, r.location().numbered(), new Finding(rule.rule(), Category.MARKING, rule.level(), r.text(),
                        where(r, lineShift), r.offset(), r.context(), r.confidenceAt(r.line() + lineShift)));
            }
        }
        if (budget != null) {
            budget[0] -= Math.min(own, allowed);
        }
        for (Raw r : keywordHits) {
            int k = r.key() - rules.markings.size();
            KeywordRule rule = rules.keywords.get(k);
            int count = counts[r.key()];
            add(out, seen, r.location().numbered(), new Finding(rule.ruleId(), Category.KEYWORD, null, r.text(),
                    where(r, lineShift), r.offset(), r.context(), keywordConfidence(rule, count)));
            for (int d : rules.automaton.duplicatesOf(r.key())) {
                KeywordRule dup = rules.keywords.get(d - rules.markings.size());
                add(out, seen, r.location().numbered(), new Finding(dup.ruleId(), Category.KEYWORD, null, r.text(),
                        where(r, lineShift), r.offset(), r.context(), keywordConfidence(dup, count)));
            }
        }
        for (PatternHit h : patternHits) {
            Finding f = h.finding();
            add(out, seen, h.line() != 0, h.line() == 0 ? f : new Finding(f.rule(), f.category(), f.level(), f.text(),
                    f.location() + " " + (h.line() + lineShift), f.offset(), f.context(), f.confidence()));
        }
        return out;
    }

    /**
     * Adds a finding unless it exactly repeats one already listed: the same rule, text,
     * location and context again (a header kept for the first page and for the others, a
     * comment stored twice) says nothing new to the reader. A finding on a numbered line
     * carries its line in its location and is added without the comparison.
     */
    private static void add(List<Finding> out, java.util.Set<String> seen, boolean numbered, Finding f) {
        if (numbered || seen.add(f.rule() + '\u0000' + f.category() + '\u0000' + f.level() + '\u0000' + f.text()
                + '\u0000' + f.location() + '\u0000' + f.context() + '\u0000' + f.confidence())) {
            out.add(f);
        }
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
