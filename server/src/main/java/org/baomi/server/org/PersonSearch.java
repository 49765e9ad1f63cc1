package org.baomi.server.org;

import org.baomi.core.org.SecretRelatedLevel;

/**
 * A people query: every criterion is optional; {@code q} matches name or employee number.
 * {@code page} counts from 1.
 */
public record PersonSearch(String q, Long unitId, Long departmentId, SecretRelatedLevel level, Boolean active,
        int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PersonSearch {
        q = q == null || q.isBlank() ? null : q.strip();
        page = Math.max(1, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
