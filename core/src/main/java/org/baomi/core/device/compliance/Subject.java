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
        if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            int byLength = Integer.compare(x.length(), y.length());
            if (byLength != 0) {
                return byLength;
            }
            int byDigits = x.compareTo(y);
            return byDigits != 0 ? byDigits : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase() + " " + id;
    }
}
