package org.baomi.scan.extract;

import java.util.regex.Pattern;

/**
 * Text of a spreadsheet's page header or footer without its formatting codes
 * ({@code &"Arial,Bold"}, {@code &12}, {@code &KFF0000}, {@code &P}, {@code &A}, ...; the
 * section codes {@code &L &C &R} become spaces, {@code &&} is an ampersand), so that a
 * finding's context reads as the printed header does.
 */
final class SheetHeaders {
    private static final Pattern CODES = Pattern.compile("&\"[^\"]*\"|&K[0-9A-Fa-f]{6}|&\\d+|&[A-Za-z+\\-]");

    private SheetHeaders() {
    }

    /** The three sections of an xls header or footer, left to right, without their codes. */
    static String sections(org.apache.poi.ss.usermodel.HeaderFooter hf) {
        return (text(hf.getLeft()) + ' ' + text(hf.getCenter()) + ' ' + text(hf.getRight())).strip();
    }

    static String text(String raw) {
        if (raw == null || raw.indexOf('&') < 0) {
            return raw == null ? "" : raw;
        }
        String s = raw.replace("&&", "\u0000");
        s = CODES.matcher(s).replaceAll(m -> {
            String c = m.group();
            return c.equals("&L") || c.equals("&C") || c.equals("&R") ? " " : "";
        });
        return s.replace('\u0000', '&').strip();
    }
}
