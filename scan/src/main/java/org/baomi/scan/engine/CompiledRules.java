package org.baomi.scan.engine;

import java.util.ArrayList;
import java.util.List;
import org.baomi.scan.match.Automaton;
import org.baomi.scan.match.DictionaryCache;
import org.baomi.scan.rules.KeywordRule;
import org.baomi.scan.rules.MarkingRule;
import org.baomi.scan.rules.PatternRule;
import org.baomi.scan.rules.RuleSet;

/**
 * A rule set compiled once for a scan: one automaton over every marking anchor and every
 * keyword (keys {@code 0..markings-1} are anchors, the rest keywords), so each text is
 * read once whatever the number of rules. Immutable and shared by all threads.
 */
public final class CompiledRules {
    final List<MarkingRule> markings;
    final List<KeywordRule> keywords;
    final List<PatternRule> patterns;
    final Automaton automaton;

    public CompiledRules(RuleSet rules) {
        this(rules, null);
    }

    /** Compiles {@code rules}, or loads the automaton from {@code cache} when it is not null (docs/adr/0104). */
    public CompiledRules(RuleSet rules, DictionaryCache cache) {
        this.markings = List.copyOf(rules.markings());
        this.keywords = List.copyOf(rules.keywords());
        this.patterns = List.copyOf(rules.patterns());
        List<String> all = new ArrayList<>(markings.size() + keywords.size());
        markings.forEach(m -> all.add(m.anchor()));
        keywords.forEach(k -> all.add(k.term()));
        this.automaton = cache == null ? Automaton.build(all) : cache.load(all);
    }

    public Automaton automaton() {
        return automaton;
    }

    private volatile String[] foldedAnchors;

    /**
     * Each marking's anchor normalised as the text it is compared with; made when a marking is
     * first found (not at start-up, which most scans of clean files never leave).
     */
    String[] foldedAnchors() {
        String[] f = foldedAnchors;
        if (f == null) {
            f = new String[markings.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = org.baomi.scan.match.Normalizer.normalize(markings.get(i).anchor()).text();
            }
            foldedAnchors = f; // the same array whichever thread makes it
        }
        return f;
    }
}
