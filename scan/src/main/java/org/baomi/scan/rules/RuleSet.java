package org.baomi.scan.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.baomi.scan.engine.Confidence;

/**
 * Everything the engine looks for: marking schemes, dictionary terms and patterns.
 * Schemes are data: the built-in ones come from {@code markings.tsv} and a unit adds its
 * own in a rule pack (docs/scan.md).
 */
public final class RuleSet {
    private final List<MarkingRule> markings = new ArrayList<>();
    private final List<KeywordRule> keywords = new ArrayList<>();
    private final List<PatternRule> patterns = new ArrayList<>();

    /** An empty set; add the built-in schemes with {@link #withBuiltInMarkings()}. */
    public RuleSet() {
    }

    public List<MarkingRule> markings() {
        return markings;
    }

    public List<KeywordRule> keywords() {
        return keywords;
    }

    public List<PatternRule> patterns() {
        return patterns;
    }

    /** The built-in China, US, UK and NATO schemes. */
    public RuleSet withBuiltInMarkings() {
        try (InputStream in = RuleSet.class.getResourceAsStream("markings.tsv")) {
            parseMarkings(new String(in.readAllBytes(), StandardCharsets.UTF_8), "markings.tsv");
        } catch (IOException e) {
            throw new IllegalStateException("built-in markings missing", e);
        }
        return this;
    }

    private void parseMarkings(String tsv, String source) {
        int lineNo = 0;
        for (String line : tsv.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                throw new RuleException(source + " line " + lineNo + ": expected rule, level, anchor, flags, suffix");
            }
            String flags = f[3];
            String suffix = f.length > 4 ? f[4].strip() : "";
            markings.add(new MarkingRule(f[0], f[1], f[2], flags.contains("U"), flags.contains("P"),
                    suffix.isEmpty() ? null : compile(suffix, source, lineNo)));
        }
    }

    /**
     * Adds a keyword list: UTF-8, one term a line, {@code #} at the start of a line or
     * after whitespace starts a comment; optional tab-separated weight and category:
     * {@code term<TAB>weight<TAB>category}.
     */
    public RuleSet withKeywords(Path file) {
        String text = readUtf8(file);
        int lineNo = 0;
        // Line by line by hand: a regular-expression split of a 10,000-term list costs tens of
        // milliseconds in a JVM that has only just started (docs/adr/0109).
        for (int pos = 0, n = text.length(); pos < n; ) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            String raw = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
            pos = end + 1;
            lineNo++;
            String line = stripComment(raw);
            if (line.isBlank()) {
                continue;
            }
            if (line.indexOf('\t') < 0) {
                keywords.add(new KeywordRule(line.strip(), 1, null));
                continue;
            }
            String[] f = line.split("\t");
            String term = f[0].strip();
            if (term.isEmpty()) {
                throw new RuleException(file + " line " + lineNo + ": empty term before a tab");
            }
            double weight = 1;
            if (f.length > 1 && !f[1].isBlank()) {
                try {
                    weight = Double.parseDouble(f[1].strip());
                } catch (NumberFormatException e) {
                    throw new RuleException(file + " line " + lineNo + ": weight '" + f[1].strip() + "' is not a number");
                }
            }
            String category = f.length > 2 ? f[2].strip() : null;
            keywords.add(new KeywordRule(term, weight, category));
        }
        return this;
    }

    /** The line without its comment: '#' first on the line, or after whitespace, starts one. */
    static String stripComment(String line) {
        int i = line.indexOf('#');
        if (i < 0) {
            return line;
        }
        if (line.substring(0, i).isBlank()) {
            return "";
        }
        for (; i >= 0; i = line.indexOf('#', i + 1)) {
            if (Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * Adds a rule pack, YAML or JSON (JSON is read as YAML); see docs/scan.md for the format.
     */
    @SuppressWarnings("unchecked")
    public RuleSet withRulePack(Path file) {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new RuleException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new RuleException(file + ": not valid YAML or JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new RuleException(file + ": expected a mapping with markings, keywords and/or patterns");
        }
        for (Object key : map.keySet()) {
            if (!List.of("markings", "keywords", "patterns", "version", "name").contains(String.valueOf(key))) {
                throw new RuleException(file + ": unknown section '" + key + "' (markings, keywords, patterns)");
            }
        }
        int i = 0;
        for (Map<String, Object> m : list(map.get("markings"), file, "markings")) {
            String where = file + ": markings[" + i++ + "]";
            String rule = str(m, "rule", where, true);
            String level = str(m, "level", where, true);
            String suffix = str(m, "suffix", where, false);
            Pattern suffixPattern = suffix == null ? null : compile(suffix, where + ".suffix");
            for (Object a : list2(m.get("anchors"), where + ".anchors")) {
                markings.add(new MarkingRule(rule, level, String.valueOf(a), bool(m, "uppercase"), bool(m, "portion"),
                        suffixPattern));
            }
        }
        i = 0;
        for (Map<String, Object> m : list(map.get("keywords"), file, "keywords")) {
            String where = file + ": keywords[" + i++ + "]";
            Object w = m.getOrDefault("weight", 1);
            if (!(w instanceof Number n)) {
                throw new RuleException(where + ".weight: '" + w + "' is not a number");
            }
            keywords.add(new KeywordRule(str(m, "term", where, true), n.doubleValue(), str(m, "category", where, false)));
        }
        i = 0;
        for (Map<String, Object> m : list(map.get("patterns"), file, "patterns")) {
            String where = file + ": patterns[" + i++ + "]";
            String rule = str(m, "rule", where, true);
            Pattern regex = compile(str(m, "regex", where, true), where + ".regex");
            Checksum checksum;
            Confidence confidence;
            try {
                checksum = Checksum.parse(String.valueOf(m.getOrDefault("checksum", "none")));
            } catch (IllegalArgumentException e) {
                throw new RuleException(where + ".checksum: '" + m.get("checksum") + "' is not none, cn-resident-id or luhn");
            }
            try {
                confidence = Confidence.parse(String.valueOf(m.getOrDefault("confidence", "medium")));
            } catch (IllegalArgumentException e) {
                throw new RuleException(where + ".confidence: '" + m.get("confidence") + "' is not low, medium or high");
            }
            patterns.add(new PatternRule(rule, regex, checksum, str(m, "level", where, false), confidence));
        }
        return this;
    }

    private static String readUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String s = new String(bytes, StandardCharsets.UTF_8);
            if (s.indexOf('\uFFFD') >= 0) {
                // Replacement characters: malformed input, or the character itself; the strict
                // decoder tells which (the fast path above does not report).
                s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            }
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new RuleException(file + ": not UTF-8");
        } catch (IOException e) {
            throw new RuleException(file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(where + ": bad regular expression: " + firstLine(e.getDescription()));
        }
    }

    /** As above; the place is only spelled out when there is something to say about it. */
    private static Pattern compile(String regex, String source, int lineNo) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(source + " line " + lineNo + ": bad regular expression: " + firstLine(e.getDescription()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o, Path file, String name) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l) || !l.stream().allMatch(e -> e instanceof Map)) {
            throw new RuleException(file + ": " + name + " must be a list of mappings");
        }
        return (List<Map<String, Object>>) o;
    }

    private static List<?> list2(Object o, String where) {
        if (o instanceof List<?> l && !l.isEmpty()) {
            return l;
        }
        throw new RuleException(where + ": must be a non-empty list of strings");
    }

    private static String str(Map<String, Object> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            if (required) {
                throw new RuleException(where + "." + key + ": missing");
            }
            return null;
        }
        return String.valueOf(v);
    }

    private static boolean bool(Map<String, Object> m, String key) {
        return Boolean.parseBoolean(String.valueOf(m.getOrDefault(key, "false")).toLowerCase(Locale.ROOT));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
