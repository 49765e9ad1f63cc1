package org.baomi.scan.engine;

/** Where in a document a piece of text lives; it drives marking confidence. */
public enum Zone {
    BODY, HEADER, FOOTER, COMMENT, NOTE, METADATA, FILE_NAME,
    /** The alternative text of a picture or shape: what a screen reader says of it, not shown on the page. */
    DESCRIPTION;

    /** Zones where a marking is placed on purpose, so a marking there is prominent. */
    public boolean prominent() {
        return this == HEADER || this == FOOTER || this == METADATA;
    }
}
