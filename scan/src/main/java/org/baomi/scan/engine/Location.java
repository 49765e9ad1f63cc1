package org.baomi.scan.engine;

/**
 * Where a text segment comes from.
 *
 * @param label     printed location, e.g. {@code page 2}, {@code header}, {@code sheet 工资}
 * @param zone      the kind of place, for confidence
 * @param first     whether this is the first page/part of the body (top-of-first-page markings)
 * @param numbered  whether the printed location is {@code label + " " + line}, as for plain text
 */
public record Location(String label, Zone zone, boolean first, boolean numbered) {
    /**
     * The names of a workbook's sheets (or a drawing's pages), one a line: seen on their tabs by
     * anyone who opens the file, and judged as a file name is (a level set apart from the words
     * around it, "（绝密）名单", counts; "内部控制" does not).
     */
    public static final Location SHEET_NAMES = new Location("sheet name", Zone.FILE_NAME, false, false);
    public static final Location PAGE_NAMES = new Location("page name", Zone.FILE_NAME, false, false);
    /** The folders of a mail store (an Outlook data file), as its folder pane shows them. */
    public static final Location FOLDER_NAMES = new Location("folder name", Zone.FILE_NAME, false, false);

    public static Location body(String label, boolean first) {
        return new Location(label, Zone.BODY, first, false);
    }

    public static Location of(String label, Zone zone) {
        return new Location(label, zone, false, false);
    }

    /**
     * The alternative text of a picture or shape in {@code around}: {@code alt text}, with where
     * when that is a slide, a sheet or a header ({@code alt text, slide 2}), not a line number.
     */
    public static Location altText(Location around) {
        return of(around.numbered() || around.label().isEmpty() ? "alt text" : "alt text, " + around.label(), Zone.DESCRIPTION);
    }

    /** Plain text: the location is {@code line N}. */
    public static Location lines() {
        return new Location("line", Zone.BODY, true, true);
    }

    // Written out: a record's generated equals and hashCode are linked on first use, which
    // costs a short scan process tens of milliseconds while it merges its findings (ADR 0109).
    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && first == l.first && numbered == l.numbered && zone == l.zone
                && label.equals(l.label);
    }

    @Override
    public int hashCode() {
        return ((label.hashCode() * 31 + zone.hashCode()) * 31 + Boolean.hashCode(first)) * 31 + Boolean.hashCode(numbered);
    }
}
