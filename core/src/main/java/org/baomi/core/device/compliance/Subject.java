package org.baomi.core.device.compliance;

import java.util.Comparator;
import java.util.Objects;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.MediumId;
import org.baomi.core.device.NetworkId;
import org.baomi.core.device.PersonId;

/** What a violation is about: a device, a medium, a network or a person, by ledger id. */
public record Subject(Type type, String id) implements Comparable<Subject> {

    public enum Type { DEVICE, MEDIUM, NETWORK, PERSON }

    /** By type, then by id, numerically where both ids are numbers (so 2 comes before 10). */
    static final Comparator<Subject> ORDER = Comparator.comparing(Subject::type)
            .thenComparing(Subject::id, Subject::compareIds);

    public Subject {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("subject id must not be blank");
        }
    }

    public static Subject of(DeviceId id) {
        return new Subject(Type.DEVICE, id.value());
    }

    public static Subject of(MediumId id) {
        return new Subject(Type.MEDIUM, id.value());
    }

    public static Subject of(NetworkId id) {
        return new Subject(Type.NETWORK, id.value());
    }

    public static Subject of(PersonId id) {
        return new Subject(Type.PERSON, id.value());
    }

    @Override
    public int compareTo(Subject other) {
        return ORDER.compare(this, other);
    }

    static int compareIds(String a, String b) {
        if (isDigits(a) && isDigits(b)) {
            int x = firstSignificant(a);
            int y = firstSignificant(b);
            int byLength = Integer.compare(a.length() - x, b.length() - y);
            if (byLength != 0) {
                return byLength;
            }
            int byDigits = a.substring(x).compareTo(b.substring(y));
            return byDigits != 0 ? byDigits : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The index of the first digit that is not a leading zero (the last digit when all are zeros). */
    private static int firstSignificant(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return type.name().toLowerCase() + " " + id;
    }
}
