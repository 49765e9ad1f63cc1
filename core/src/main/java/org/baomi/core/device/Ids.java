package org.baomi.core.device;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small validation helpers shared by the value types of this package. */
final class Ids {

    private Ids() {
    }

    static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    static <T> List<T> distinctList(Collection<T> values, String name) {
        List<T> copy = List.copyOf(values);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(name + " lists an entry twice: " + copy);
        }
        return copy;
    }

    /** An unmodifiable set that keeps the caller's order, so output built from it is stable. */
    static <T> Set<T> orderedSet(Collection<T> values, String name) {
        Set<T> copy = new LinkedHashSet<>();
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(name + " holds a null entry");
            }
            copy.add(value);
        }
        return Collections.unmodifiableSet(copy);
    }
}
