package org.baomi.core.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.core.DomainException;

/**
 * 份号 — which copy this carrier is: copy {@code copy} of {@code of}, printed 第3份/共20份.
 * A single-copy document is copy 1 of 1.
 */
public record CopyNumber(int copy, int of) {

    private static final Pattern CHINESE = Pattern.compile("第\\s*(\\d{1,6})\\s*份\\s*[/／,，]?\\s*共\\s*(\\d{1,6})\\s*份");
    private static final Pattern SLASH = Pattern.compile("(\\d{1,6})\\s*[/／]\\s*(\\d{1,6})");
    private static final Pattern ENGLISH = Pattern.compile("(?i)copy\\s+(\\d{1,6})\\s+of\\s+(\\d{1,6})");

    public CopyNumber {
        if (of < 1) {
            throw new DomainException("carrier.copyCountInvalid", "The number of copies must be at least 1, was " + of + ".", of);
        }
        if (copy < 1 || copy > of) {
            throw new DomainException("carrier.copyNumberOutOfRange",
                    "Copy " + copy + " of " + of + " does not exist: the copy number runs from 1 to " + of + ".", copy, of);
        }
    }

    /** The only copy: 第1份/共1份. */
    public static CopyNumber single() {
        return new CopyNumber(1, 1);
    }

    /**
     * Copies {@code first} to {@code last} of {@code of}: receiving a batch registers one carrier
     * per copy number held.
     */
    public static List<CopyNumber> range(int first, int last, int of) {
        if (first > last) {
            throw new DomainException("carrier.copyRangeReversed",
                    "The copy numbers run from " + first + " to " + last + ": the first must not be after the last.",
                    first, last);
        }
        List<CopyNumber> copies = new ArrayList<>(last - first + 1);
        for (int n = first; n <= last; n++) {
            copies.add(new CopyNumber(n, of));
        }
        return copies;
    }

    /** Reads 第3份/共20份, 3/20 or "copy 3 of 20", as registers write it. */
    public static CopyNumber parse(String text) {
        String s = text == null ? "" : text.strip();
        for (Pattern p : List.of(CHINESE, SLASH, ENGLISH)) {
            Matcher m = p.matcher(s);
            if (m.matches()) {
                return new CopyNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        throw new DomainException("carrier.copyNumberUnreadable",
                "'" + s + "' is not a copy number; write 第3份/共20份, 3/20 or copy 3 of 20.", s);
    }

    /** 第3份/共20份 */
    public String chinese() {
        return "第" + copy + "份/共" + of + "份";
    }

    /** copy 3 of 20 */
    public String english() {
        return "copy " + copy + " of " + of;
    }

    @Override
    public String toString() {
        return chinese();
    }
}
