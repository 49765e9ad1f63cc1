package org.baomi.scan.match;

/** Receives the matches of an {@link Automaton.Cursor}, in order of their end. */
@FunctionalInterface
public interface MatchSink {
    /**
     * @param key   index of the matched pattern in the list the automaton was built from
     * @param start offset of the first original character of the match
     * @param end   offset one past the last original character of the match
     */
    void onMatch(int key, long start, long end);
}
