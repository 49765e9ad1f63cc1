package org.baomi.scan.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over normalised UTF-16 characters, compiled to a deterministic
 * automaton stored in a double array.
 *
 * <p>Why hand-written (docs/adr/0100, 0109): the matcher is the product's hot loop. Every
 * character of the pattern alphabet gets a dense code. A state is named by its base in the
 * double array (every state has its own), so one step is: look up the character's class
 * (which also performs {@link Normalizer normalisation}), read the cell at {@code state +
 * code}, keep its target if the cell belongs to the state, else try the depth-one state of
 * the previous character, else take the root's transition from a small table. A target
 * carries a flag when some pattern ends there, so the step reads no per-state table: one
 * dependent memory access per character.
 *
 * <p>{@link Cursor#feedUtf8} decodes UTF-8 and matches in the same loop (ADR 0109); the
 * decoded text is still written out, because findings need it around their matches.
 *
 * <p>All occurrences are reported, overlapping ones included, with offsets into the
 * original text. Instances are immutable and thread-safe; a {@link Cursor} holds the
 * per-stream state and is used by one thread.
 */
public final class Automaton {
    private static final int SPACE_CLASS = -1;
    private static final int IGNORE_CLASS = -2;
    private static final int SPACED_FLAG = 1 << 24;
    private static final int CODE_MASK = SPACED_FLAG - 1;
    /** Set on a target state where a pattern ends (its suffix chain has an output). */
    private static final int OUT = 0x80000000;
    private static final int ID = ~OUT;

    private final int[] cells;    // per cell: owning state (check), target state | OUT
    private final int[] root;     // per code: its depth-one state | OUT
    private final int[] report;   // per state: first state with an output on its suffix chain (tree numbering)
    private final int[] out;      // per tree state: key + 1, or 0
    private final int[] dict;     // per tree state: next tree state with an output along the failure chain
    private final int[] length;   // normalised length of each key
    private final int[] classes;  // raw char -> code | SPACED_FLAG, or SPACE_CLASS / IGNORE_CLASS
    private final int[][] duplicates;
    private final int spaceCode;
    private final int ringMask;

    private Automaton(int[] cells, int[] root, int[] report, int[] out, int[] dict, int[] length, int[] classes,
                      int[][] duplicates, int spaceCode, int ringMask) {
        this.cells = cells;
        this.root = root;
        this.report = report;
        this.out = out;
        this.dict = dict;
        this.length = length;
        this.classes = classes;
        this.duplicates = duplicates;
        this.spaceCode = spaceCode;
        this.ringMask = ringMask;
    }

    /**
     * Builds an automaton from patterns; each is {@linkplain Normalizer#normalize normalised}
     * first, and its index in {@code patterns} is the key reported. Patterns that normalise
     * to nothing never match.
     */
    public static Automaton build(List<String> patterns) {
        return new Builder(patterns).build();
    }

    /** Number of keys the automaton was built from. */
    public int size() {
        return length.length;
    }

    /** Normalised length of key {@code key} (0 for a pattern that never matches). */
    public int length(int key) {
        return length[key];
    }

    /**
     * Keys that normalise to the same text as {@code key}; only the first of such a group
     * is reported, and callers fan out to the others with this.
     */
    public int[] duplicatesOf(int key) {
        int[] d = duplicates[key];
        return d == null ? new int[0] : d;
    }

    /** A fresh matching state at the start of a text. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Convenience: all matches in one string. */
    public void match(CharSequence text, MatchSink sink) {
        char[] buf = text.toString().toCharArray();
        cursor().feed(buf, 0, buf.length, 0, sink);
    }

    /** Streaming matching state; feed consecutive chunks of one text. */
    public final class Cursor {
        private int state;
        private int last;
        private long emitted;
        private boolean pending;
        private long pendingAt;
        private boolean prevSpaced;
        private final long[] ring = new long[ringMask + 1];
        private int[] counts;
        private boolean[] notify;

        private Cursor() {
        }

        /** Forgets the text so far, so the next chunk starts a new text. */
        public void reset() {
            state = 0;
            last = 0;
            emitted = 0;
            pending = false;
            prevSpaced = false;
        }

        /**
         * Matches {@code buf[from, to)}, whose first character is at original offset
         * {@code base}, continuing from the previous chunk.
         */
        public void feed(char[] buf, int from, int to, long base, MatchSink sink) {
            final int[] ce = cells;
            final int[] rt = root;
            final int[] cls = classes;
            final long[] ring = this.ring;
            final int mask = ringMask;
            final long shift = base - from;
            int s = state;
            int d = last;
            long n = emitted;
            boolean pend = pending;
            long pendAt = pendingAt;
            boolean prevSp = prevSpaced;
            for (int i = from; i < to; i++) {
                int c = cls[buf[i]];
                if (c < 0) {
                    // Whitespace only matters inside a partial match; ignorables never do.
                    if (c == SPACE_CLASS && s != 0 && !pend) {
                        pend = true;
                        pendAt = shift + i;
                    }
                    continue;
                }
                boolean spaced = (c & SPACED_FLAG) != 0;
                if (pend) {
                    pend = false;
                    if (prevSp && spaced) {
                        int sc = spaceCode;
                        if (sc == 0) {
                            s = 0;
                            d = 0;
                        } else {
                            int t = (s + sc) << 1;
                            int ns;
                            if (ce[t] == s) {
                                ns = ce[t + 1];
                            } else if (s != d && ce[t = (d + sc) << 1] == d) {
                                ns = ce[t + 1];
                            } else {
                                ns = rt[sc];
                            }
                            d = rt[sc] & ID;
                            s = ns & ID;
                            ring[(int) n & mask] = pendAt;
                            n++;
                            if (ns < 0) {
                                report(report[s], n, pendAt + 1, sink);
                            }
                        }
                    }
                }
                prevSp = spaced;
                int code = c & CODE_MASK;
                ring[(int) n & mask] = shift + i;
                n++;
                int r = rt[code];
                int t = (s + code) << 1;
                int ns;
                if (ce[t] == s) {
                    ns = ce[t + 1];
                } else if (s != d && ce[t = (d + code) << 1] == d) {
                    ns = ce[t + 1];
                } else {
                    ns = r;
                }
                d = r & ID;
                s = ns & ID;
                if (ns < 0) {
                    report(report[s], n, shift + i + 1, sink);
                }
            }
            state = s;
            last = d;
            emitted = n;
            pending = pend;
            pendingAt = pendAt;
            prevSpaced = prevSp;
        }

        /**
         * Decodes UTF-8 from {@code src[from, to)} into {@code dst} from index {@code at} on
         * and matches the decoded characters in the same pass, as {@link
         * org.baomi.scan.text.Utf8Decoder#decode(byte[], int, int, char[], int, boolean, int[])}
         * followed by {@link #feed} over what it wrote would, with {@code dst[at]} at original
         * offset {@code base}: same characters (malformed input becomes U+FFFD, a sequence cut
         * by {@code to} is left unless {@code whole}), same line feed count, same matches.
         *
         * <p>The automaton's step is written out here as in {@link #feed}, on purpose: shared,
         * it would be a call per character updating five values of the cursor's state, which
         * is what the fused loop exists to avoid (ADR 0109). FusedUtf8Test holds the two to the
         * same results.
         *
         * @return {@code (bytesConsumed << 32) | charsWritten}
         */
        public long feedUtf8(byte[] src, int from, int to, char[] dst, int at, boolean whole, int[] lineFeeds,
                             long base, MatchSink sink) {
            final int[] ce = cells;
            final int[] rt = root;
            final int[] cls = classes;
            final long[] ring = this.ring;
            final int mask = ringMask;
            final long shift = base - at;
            final int cap = dst.length - 1; // room for a surrogate pair
            int s = state;
            int d = last;
            long n = emitted;
            boolean pend = pending;
            long pendAt = pendingAt;
            boolean prevSp = prevSpaced;
            int feeds = 0;
            int i = from;
            int o = at;
            while (i < to && o < cap) {
                int b = src[i];
                int ch;
                if (b >= 0) {
                    ch = b;
                    i++;
                    if (b == '\n') {
                        feeds++;
                    }
                } else if ((b & 0xF0) == 0xE0) {
                    if (i + 2 >= to) {
                        if (!whole) {
                            break;
                        }
                        ch = 0xFFFD;
                        i++;
                    } else {
                        int b1 = src[i + 1];
                        int b2 = src[i + 2];
                        if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
                            ch = 0xFFFD;
                            i++;
                        } else {
                            ch = ((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
                            i += 3;
                        }
                    }
                } else if ((b & 0xE0) == 0xC0) {
                    if (i + 1 >= to) {
                        if (!whole) {
                            break;
                        }
                        ch = 0xFFFD;
                        i++;
                    } else {
                        int b1 = src[i + 1];
                        if ((b1 & 0xC0) != 0x80 || (b & 0x1E) == 0) {
                            ch = 0xFFFD;
                            i++;
                        } else {
                            ch = ((b & 0x1F) << 6) | (b1 & 0x3F);
                            i += 2;
                        }
                    }
                } else if ((b & 0xF8) == 0xF0) {
                    // Four bytes: a surrogate pair, rare enough to go through feed().
                    if (i + 3 >= to) {
                        if (!whole) {
                            break;
                        }
                        ch = 0xFFFD;
                        i++;
                    } else {
                        int b1 = src[i + 1];
                        int b2 = src[i + 2];
                        int b3 = src[i + 3];
                        int cp = ((b & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
                        if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) {
                            ch = 0xFFFD;
                            i++;
                        } else if (cp < 0x10000 || cp > 0x10FFFF) {
                            ch = 0xFFFD;
                            i += 4;
                        } else {
                            dst[o] = Character.highSurrogate(cp);
                            dst[o + 1] = Character.lowSurrogate(cp);
                            i += 4;
                            state = s;
                            last = d;
                            emitted = n;
                            pending = pend;
                            pendingAt = pendAt;
                            prevSpaced = prevSp;
                            feed(dst, o, o + 2, shift + o, sink);
                            s = state;
                            d = last;
                            n = emitted;
                            pend = pending;
                            pendAt = pendingAt;
                            prevSp = prevSpaced;
                            o += 2;
                            continue;
                        }
                    }
                } else {
                    ch = 0xFFFD;
                    i++;
                }
                dst[o] = (char) ch;
                int c = cls[ch];
                if (c < 0) {
                    if (c == SPACE_CLASS && s != 0 && !pend) {
                        pend = true;
                        pendAt = shift + o;
                    }
                    o++;
                    continue;
                }
                boolean spaced = (c & SPACED_FLAG) != 0;
                if (pend) {
                    pend = false;
                    if (prevSp && spaced) {
                        int sc = spaceCode;
                        if (sc == 0) {
                            s = 0;
                            d = 0;
                        } else {
                            int t = (s + sc) << 1;
                            int ns;
                            if (ce[t] == s) {
                                ns = ce[t + 1];
                            } else if (s != d && ce[t = (d + sc) << 1] == d) {
                                ns = ce[t + 1];
                            } else {
                                ns = rt[sc];
                            }
                            d = rt[sc] & ID;
                            s = ns & ID;
                            ring[(int) n & mask] = pendAt;
                            n++;
                            if (ns < 0) {
                                report(report[s], n, pendAt + 1, sink);
                            }
                        }
                    }
                }
                prevSp = spaced;
                int code = c & CODE_MASK;
                ring[(int) n & mask] = shift + o;
                n++;
                int r = rt[code];
                int t = (s + code) << 1;
                int ns;
                if (ce[t] == s) {
                    ns = ce[t + 1];
                } else if (s != d && ce[t = (d + code) << 1] == d) {
                    ns = ce[t + 1];
                } else {
                    ns = r;
                }
                d = r & ID;
                s = ns & ID;
                o++;
                if (ns < 0) {
                    report(report[s], n, shift + o, sink);
                }
            }
            state = s;
            last = d;
            emitted = n;
            pending = pend;
            pendingAt = pendAt;
            prevSpaced = prevSp;
            lineFeeds[0] += feeds;
            return ((long) (i - from) << 32) | (o - at);
        }

        private void report(int r, long n, long end, MatchSink sink) {
            for (; r != 0; r = dict[r]) {
                int key = out[r] - 1;
                if (counts != null) {
                    counts[key]++;
                    if (!notify[key]) {
                        continue;
                    }
                }
                sink.onMatch(key, ring[(int) (n - length[key]) & ringMask], end);
            }
        }

        /**
         * Counts every match per key in {@code counts}, and calls the sink only for keys
         * whose {@code notify} entry is true. Callers that have all they need of a key (a
         * full list of findings) switch it off and keep counting at no cost per match.
         */
        public void countInto(int[] counts, boolean[] notify) {
            this.counts = counts;
            this.notify = notify;
        }
    }

    private static final int FORMAT_MAGIC = 0x42414332; // "BAC2"

    /**
     * The compiled tables as bytes (little-endian ints), for {@link DictionaryCache}.
     * {@link #fromBytes} reads them back.
     */
    byte[] toBytes() {
        int dupInts = 0;
        int dupCount = 0;
        for (int[] d : duplicates) {
            if (d != null) {
                dupCount++;
                dupInts += 2 + d.length;
            }
        }
        int ints = 9 + cells.length + root.length + report.length + out.length + dict.length + length.length
                + classes.length + dupInts;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(ints * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        java.nio.IntBuffer ib = b.asIntBuffer();
        ib.put(FORMAT_MAGIC).put(spaceCode).put(ringMask);
        ib.put(cells.length).put(root.length).put(report.length).put(out.length).put(length.length).put(dupCount);
        ib.put(cells).put(root).put(report).put(out).put(dict).put(length).put(classes);
        for (int k = 0; k < duplicates.length; k++) {
            if (duplicates[k] != null) {
                ib.put(k).put(duplicates[k].length).put(duplicates[k]);
            }
        }
        return b.array();
    }

    /** Reads {@link #toBytes()} back; throws {@link IllegalArgumentException} on anything malformed. */
    static Automaton fromBytes(java.nio.ByteBuffer bytes) {
        try {
            java.nio.IntBuffer ib = bytes.order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            if (ib.get() != FORMAT_MAGIC) {
                throw new IllegalArgumentException("not a compiled dictionary");
            }
            int spaceCode = ib.get();
            int ringMask = ib.get();
            int[] cells = new int[ib.get()];
            int[] root = new int[ib.get()];
            int[] report = new int[ib.get()];
            int treeStates = ib.get();
            int keys = ib.get();
            int dupCount = ib.get();
            int[] out = new int[treeStates];
            int[] dict = new int[treeStates];
            int[] length = new int[keys];
            int[] classes = new int[65536];
            ib.get(cells).get(root).get(report).get(out).get(dict).get(length).get(classes);
            int[][] duplicates = new int[keys][];
            for (int i = 0; i < dupCount; i++) {
                int k = ib.get();
                int[] d = new int[ib.get()];
                ib.get(d);
                duplicates[k] = d;
            }
            if (ib.hasRemaining() || root.length == 0 || ringMask < 1 || Integer.bitCount(ringMask + 1) != 1
                    || spaceCode < 0 || spaceCode >= root.length
                    || (cells.length & 1) != 0 || cells.length / 2 < report.length + root.length) {
                throw new IllegalArgumentException("inconsistent compiled dictionary");
            }
            // Every state reachable in a step must index the cells and the report table. Written
            // as plain loops without calls: they run once per scan, before the JIT has started.
            int states = report.length;
            int bad = 0;
            for (int i = 0; i < cells.length; i += 2) {
                int owner = cells[i];
                if (owner >= states || owner >= 0 && (cells[i + 1] & ID) >= states) {
                    bad++;
                }
            }
            for (int r : root) {
                if ((r & ID) >= states) {
                    bad++;
                }
            }
            for (int r : report) {
                if (r < 0 || r >= treeStates) {
                    bad++;
                }
            }
            if (bad > 0) {
                throw new IllegalArgumentException("inconsistent compiled dictionary");
            }
            return new Automaton(cells, root, report, out, dict, length, classes, duplicates, spaceCode, ringMask);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt compiled dictionary: " + e, e);
        }
    }

    /** Trie, failure links, per-state deterministic rows, then double-array placement. */
    private static final class Builder {
        private final List<String> patterns;
        private final int[] charCode = new int[65536];
        private int alphabet;
        // Trie edges: an open-addressing map (state, code) -> child, and per-state sibling lists.
        private long[] edgeKeys = new long[1 << 16];
        private int[] edgeVals = new int[1 << 16];
        private int edges;
        private int[] firstChild = new int[1 << 12];
        private int[] nextSibling = new int[1 << 12];
        private int[] lastCode = new int[1 << 12];
        private int stateCount;

        Builder(List<String> patterns) {
            this.patterns = patterns;
        }

        private int newState(int code) {
            if (stateCount == firstChild.length) {
                firstChild = Arrays.copyOf(firstChild, stateCount * 2);
                nextSibling = Arrays.copyOf(nextSibling, stateCount * 2);
                lastCode = Arrays.copyOf(lastCode, stateCount * 2);
            }
            firstChild[stateCount] = -1;
            nextSibling[stateCount] = -1;
            lastCode[stateCount] = code;
            return stateCount++;
        }

        private static long edgeKey(int s, int code) {
            return ((long) s << 32) | code;
        }

        private int slot(long key) {
            int mask = edgeKeys.length - 1;
            int h = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (edgeVals[h] != 0 && edgeKeys[h] != key) {
                h = (h + 1) & mask;
            }
            return h;
        }

        /** Child of s on code, or -1. */
        private int child(int s, int code) {
            int h = slot(edgeKey(s, code));
            return edgeVals[h] == 0 ? -1 : edgeVals[h] - 1;
        }

        private int addChild(int s, int code) {
            if ((edges + 1) * 2 > edgeKeys.length) {
                long[] oldKeys = edgeKeys;
                int[] oldVals = edgeVals;
                edgeKeys = new long[oldKeys.length * 2];
                edgeVals = new int[oldVals.length * 2];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldVals[i] != 0) {
                        int h = slot(oldKeys[i]);
                        edgeKeys[h] = oldKeys[i];
                        edgeVals[h] = oldVals[i];
                    }
                }
            }
            int t = newState(code);
            int h = slot(edgeKey(s, code));
            edgeKeys[h] = edgeKey(s, code);
            edgeVals[h] = t + 1;
            edges++;
            nextSibling[t] = firstChild[s];
            firstChild[s] = t;
            return t;
        }

        Automaton build() {
            int n = patterns.size();
            String[] norm = new String[n];
            int maxLen = 1;
            for (int k = 0; k < n; k++) {
                norm[k] = Normalizer.normalize(patterns.get(k)).text();
                maxLen = Math.max(maxLen, norm[k].length());
                for (int i = 0; i < norm[k].length(); i++) {
                    char c = norm[k].charAt(i);
                    if (charCode[c] == 0) {
                        charCode[c] = ++alphabet;
                    }
                }
            }
            // State c is the depth-one state of code c, so the root's transitions are free.
            for (int s = 0; s <= alphabet; s++) {
                newState(s);
            }
            List<Integer> termList = new ArrayList<>();
            int[] length = new int[n];
            int[][] duplicates = new int[n][];
            Map<Integer, Integer> keyOfState = new HashMap<>(n * 2);
            for (int k = 0; k < n; k++) {
                String p = norm[k];
                length[k] = p.length();
                if (p.isEmpty()) {
                    continue;
                }
                int s = charCode[p.charAt(0)];
                for (int i = 1; i < p.length(); i++) {
                    int code = charCode[p.charAt(i)];
                    int t = child(s, code);
                    if (t < 0) {
                        t = addChild(s, code);
                    }
                    s = t;
                }
                Integer first = keyOfState.putIfAbsent(s, k);
                if (first != null) {
                    int[] d = duplicates[first] == null ? new int[0] : duplicates[first];
                    d = Arrays.copyOf(d, d.length + 1);
                    d[d.length - 1] = k;
                    duplicates[first] = d;
                }
            }
            int count = stateCount;
            int[] out = new int[count];
            keyOfState.forEach((s, k) -> out[s] = k + 1);

            // Breadth-first: failure links, output links and the rows that differ from the root.
            int[] fail = new int[count];
            int[] dict = new int[count];
            int[][] rowCodes = new int[count][];
            int[][] rowTargets = new int[count][];
            int[] order = new int[count];
            int head = 0;
            int tail = 0;
            for (int c = 1; c <= alphabet; c++) {
                order[tail++] = c;
            }
            while (head < tail) {
                int s = order[head++];
                int f = fail[s];
                dict[s] = out[f] != 0 ? f : dict[f];
                int own = 0;
                for (int k = firstChild[s]; k >= 0; k = nextSibling[k]) {
                    own++;
                }
                // Row = own children, plus the failure state's row where there is no own child,
                // except that a depth-one failure state is not copied: the matcher consults the
                // depth-one state of the last character itself, which keeps rows short when the
                // alphabet is small (Latin) and placement fast.
                boolean inherit = f > alphabet;
                int[] fc = !inherit || rowCodes[f] == null ? new int[0] : rowCodes[f];
                int[] ft = !inherit || rowTargets[f] == null ? new int[0] : rowTargets[f];
                int[] codes = new int[own + fc.length];
                int[] targets = new int[own + fc.length];
                int m = 0;
                for (int kid = firstChild[s]; kid >= 0; kid = nextSibling[kid]) {
                    int code = lastCode[kid];
                    codes[m] = code;
                    targets[m++] = kid;
                    fail[kid] = next(f, code, rowCodes, rowTargets, alphabet);
                    order[tail++] = kid;
                }
                for (int i = 0; i < fc.length; i++) {
                    if (own == 0 || child(s, fc[i]) < 0) {
                        codes[m] = fc[i];
                        targets[m++] = ft[i];
                    }
                }
                if (m > 0) {
                    rowCodes[s] = Arrays.copyOf(codes, m);
                    rowTargets[s] = Arrays.copyOf(targets, m);
                }
            }
            int[] reportOf = new int[count];
            for (int s = 0; s < count; s++) {
                reportOf[s] = out[s] != 0 ? s : dict[s];
            }
            int[] ids = new int[count];
            int[] cells = place(ids, rowCodes, rowTargets, order, tail);
            int maxId = 0;
            for (int id : ids) {
                maxId = Math.max(maxId, id);
            }
            // Targets and the root's table name states by id, flagged where a pattern ends.
            for (int i = 1; i < cells.length; i += 2) {
                if (cells[i - 1] >= 0) {
                    int target = cells[i];
                    cells[i] = ids[target] | (reportOf[target] != 0 ? OUT : 0);
                }
            }
            int[] root = new int[alphabet + 1];
            for (int c = 1; c <= alphabet; c++) {
                root[c] = ids[c] | (reportOf[c] != 0 ? OUT : 0);
            }
            int[] report = new int[maxId + 1];
            for (int s = 0; s < count; s++) {
                report[ids[s]] = reportOf[s];
            }

            int[] classes = new int[65536];
            for (int c = 0; c < 65536; c++) {
                byte kind = Normalizer.kind((char) c);
                if (kind == Normalizer.SPACE) {
                    classes[c] = SPACE_CLASS;
                } else if (kind == Normalizer.IGNORABLE) {
                    classes[c] = IGNORE_CLASS;
                } else {
                    classes[c] = charCode[Normalizer.fold((char) c)] | (kind == Normalizer.SPACED ? SPACED_FLAG : 0);
                }
            }
            return new Automaton(cells, root, report, out, dict, length, classes, duplicates, charCode[' '],
                    Integer.highestOneBit(Math.max(2, maxLen) * 2 - 1) - 1);
        }

        /** Deterministic transition of an already processed state (shallower than the caller). */
        private int next(int s, int code, int[][] rowCodes, int[][] rowTargets, int alphabet) {
            int t = lookup(s, code, rowCodes, rowTargets);
            if (t < 0 && s > alphabet) {
                // The depth-one state of s's last character; s's row does not hold its children.
                t = lookup(lastCode[s], code, rowCodes, rowTargets);
            }
            return t < 0 ? code : t;
        }

        private static int lookup(int s, int code, int[][] rowCodes, int[][] rowTargets) {
            int[] codes = rowCodes[s];
            if (codes != null) {
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] == code) {
                        return rowTargets[s][i];
                    }
                }
            }
            return -1;
        }

        /**
         * First-fit placement: every state but the root gets a base of its own (its id, so no
         * two states share one and a cell's owner can be checked by it), rows placed where
         * their cells are free. Returns the cell array, targets still as tree states.
         */
        private int[] place(int[] ids, int[][] rowCodes, int[][] rowTargets, int[] order, int count) {
            BitSet used = new BitSet();
            BitSet taken = new BitSet();
            taken.set(0); // the root's id
            int[] cells = new int[Math.max(1024, (alphabet + 2) * 2)];
            Arrays.fill(cells, -1);
            int searchFrom = 1;
            for (int idx = 0; idx < count; idx++) {
                int s = order[idx];
                int[] codes = rowCodes[s] == null ? new int[0] : rowCodes[s];
                int min = 0;
                if (codes.length > 0) {
                    min = Integer.MAX_VALUE;
                    for (int c : codes) {
                        min = Math.min(min, c);
                    }
                }
                int base;
                int tries = 0;
                for (int p = used.nextClearBit(searchFrom); ; p = used.nextClearBit(p + 1)) {
                    // A crowded stretch is given up on for later rows, trading a few holes
                    // for placement time that stays linear in the number of cells.
                    if (++tries == 256) {
                        searchFrom = p;
                    }
                    base = p - min;
                    if (base < 1 || taken.get(base)) {
                        continue;
                    }
                    boolean fits = true;
                    for (int c : codes) {
                        if (used.get(base + c)) {
                            fits = false;
                            break;
                        }
                    }
                    if (fits) {
                        break;
                    }
                }
                ids[s] = base;
                taken.set(base);
                int needed = (base + alphabet + 2) * 2;
                if (needed > cells.length) {
                    int old = cells.length;
                    cells = Arrays.copyOf(cells, Math.max(needed, old * 2));
                    Arrays.fill(cells, old, cells.length, -1);
                }
                for (int i = 0; i < codes.length; i++) {
                    int t = base + codes[i];
                    used.set(t);
                    cells[2 * t] = base;
                    cells[2 * t + 1] = rowTargets[s][i];
                }
                searchFrom = used.nextClearBit(searchFrom);
            }
            // A step looks up id + code for any id and code: the array covers the largest.
            int maxId = 0;
            for (int id : ids) {
                maxId = Math.max(maxId, id);
            }
            int needed = (maxId + alphabet + 2) * 2;
            if (needed > cells.length) {
                int old = cells.length;
                cells = Arrays.copyOf(cells, needed);
                Arrays.fill(cells, old, cells.length, -1);
            }
            return cells;
        }
    }
}
