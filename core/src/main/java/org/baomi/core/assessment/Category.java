package org.baomi.core.assessment;

import java.util.Objects;

/** A section of a standard (e.g. 保密组织机构 organisation and secrecy staff); items name it by id. */
public record Category(String id, Text title) {
    public Category {
        Objects.requireNonNull(id, "id");
        id = id.strip();
        Objects.requireNonNull(title, "title");
    }
}
