package org.baomi.core.carrier;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.DomainException;

/**
 * How a unit writes its serial numbers: literal text and the placeholders {@code {unit}},
 * {@code {year}}, {@code {type}} and {@code {seq}} or {@code {seq:N}} (the sequence zero-padded to N
 * digits). {@code {unit}-{year}-{type}-{seq:5}} gives {@code FGW-2026-PD-00042}.
 *
 * <p>This class only formats. Allocating the sequence — the next number for a
 * {@linkplain #sequenceKey sequence key}, without gaps, never reused, safe under concurrent
 * registration — is the server's job. A sequence runs per unit and per each of year and type that
 * the pattern names: a pattern without {@code {type}} numbers all types in one sequence, or two
 * types would receive the same serial.
 */
public final class SerialNumberPattern {

    /** The pattern new installations start with. */
    public static final String DEFAULT = "{unit}-{year}-{type}-{seq:5}";

    private static final int MAX_WIDTH = 12;

    private sealed interface Part {
    }

    private record Literal(String text) implements Part {
    }

    private enum Placeholder implements Part { UNIT, YEAR, TYPE }

    private record Seq(int width) implements Part {
    }

    private final String pattern;
    private final List<Part> parts;

    private SerialNumberPattern(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads a pattern, refusing one with an unknown placeholder, an unclosed brace, no
     * {@code {seq}} (serials would repeat) or more than one.
     */
    public static SerialNumberPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new DomainException("serialPattern.empty", "The serial number pattern is empty; for example " + DEFAULT + ".");
        }
        String p = pattern.strip();
        List<Part> parts = new ArrayList<>();
        int seqs = 0;
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '}') {
                throw new DomainException("serialPattern.unopenedBrace",
                        "The pattern '" + p + "' has a } at position " + (i + 1) + " without a { before it.", p, i + 1);
            }
            if (c != '{') {
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    throw new DomainException("serialPattern.whitespace",
                            "The pattern '" + p + "' contains a space; serial numbers have none.", p);
                }
                literal.append(c);
                i++;
                continue;
            }
            int close = p.indexOf('}', i);
            if (close < 0) {
                throw new DomainException("serialPattern.unclosedBrace",
                        "The pattern '" + p + "' opens a { at position " + (i + 1) + " that is never closed.", p, i + 1);
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            String name = p.substring(i + 1, close);
            Part part = placeholder(p, name);
            if (part instanceof Seq) {
                seqs++;
            }
            parts.add(part);
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (seqs == 0) {
            throw new DomainException("serialPattern.noSeq",
                    "The pattern '" + p + "' has no {seq}: without a running number every serial would be the same.", p);
        }
        if (seqs > 1) {
            throw new DomainException("serialPattern.twoSeq", "The pattern '" + p + "' has {seq} more than once.", p);
        }
        String example = new SerialNumberPattern(p, parts).formatUnchecked("UNIT", 2026, CarrierType.PAPER_DOCUMENT, 1);
        if (example.length() > SerialNumber.MAX_LENGTH) {
            throw new DomainException("serialPattern.tooLong", "The pattern '" + p + "' makes serials longer than "
                    + SerialNumber.MAX_LENGTH + " characters.", p, SerialNumber.MAX_LENGTH);
        }
        return new SerialNumberPattern(p, parts);
    }

    private static Part placeholder(String p, String name) {
        switch (name) {
            case "unit": return Placeholder.UNIT;
            case "year": return Placeholder.YEAR;
            case "type": return Placeholder.TYPE;
            case "seq": return new Seq(1);
            default:
                if (name.startsWith("seq:")) {
                    String w = name.substring(4);
                    if (w.matches("\\d{1,2}") && Integer.parseInt(w) >= 1 && Integer.parseInt(w) <= MAX_WIDTH) {
                        return new Seq(Integer.parseInt(w));
                    }
                    throw new DomainException("serialPattern.badWidth", "In '" + p + "', {" + name
                            + "} needs a width from 1 to " + MAX_WIDTH + " digits, e.g. {seq:5}.", p, name);
                }
                throw new DomainException("serialPattern.unknownPlaceholder", "The pattern '" + p + "' uses {" + name
                        + "}, which is not known; use {unit}, {year}, {type} and {seq} or {seq:5}.", p, name);
        }
    }

    /**
     * The serial for sequence number {@code seq} (1 or more) of the given unit, year and type.
     * Distinct {@code seq} under one key give distinct serials: the number is padded, never cut.
     */
    public SerialNumber format(String unitCode, int year, CarrierType type, long seq) {
        requireUnitCode(unitCode);
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, was " + seq);
        }
        return new SerialNumber(formatUnchecked(unitCode.strip(), year, type, seq));
    }

    private String formatUnchecked(String unitCode, int year, CarrierType type, long seq) {
        StringBuilder s = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                s.append(l.text());
            } else if (part instanceof Seq q) {
                String digits = Long.toString(seq);
                s.append("0".repeat(Math.max(0, q.width() - digits.length()))).append(digits);
            } else {
                switch ((Placeholder) part) {
                    case UNIT -> s.append(unitCode);
                    case YEAR -> s.append(year);
                    case TYPE -> s.append(type.code());
                }
            }
        }
        return s.toString();
    }

    /**
     * The name of the sequence a serial's number is drawn from: the unit, and the year and type
     * where the pattern names them ({@code *} where it does not), e.g. {@code FGW|2026|PD} or
     * {@code FGW|*|*}. The server keeps one counter per key.
     */
    public String sequenceKey(String unitCode, int year, CarrierType type) {
        requireUnitCode(unitCode);
        return unitCode.strip() + "|" + (parts.contains(Placeholder.YEAR) ? Integer.toString(year) : "*") + "|"
                + (parts.contains(Placeholder.TYPE) ? type.code() : "*");
    }

    private static void requireUnitCode(String unitCode) {
        // '|' is the sequence key's separator; spaces and braces would make serials ambiguous.
        if (unitCode == null || unitCode.isBlank() || unitCode.strip().length() > 16 || unitCode.strip().chars()
                .anyMatch(c -> Character.isWhitespace(c) || c == '{' || c == '}' || c == '|')) {
            throw new DomainException("serialPattern.badUnitCode", "The unit code '" + unitCode
                    + "' must be a short code (up to 16 characters) without spaces, braces or '|'.", String.valueOf(unitCode));
        }
    }

    /** The pattern as written. */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
