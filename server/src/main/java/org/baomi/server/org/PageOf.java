package org.baomi.server.org;

import java.util.List;

/** One page of a longer list; {@code page} counts from 1. */
public record PageOf<T>(List<T> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }
}
