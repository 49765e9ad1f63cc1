package org.baomi.server.platform.sheet;

import java.text.Normalizer;
import java.util.Locale;

/** How headers and keyed values are compared: the way a person reading them would. */
public final class Headers {

    private Headers() {
    }

    /**
     * Full-width letters, digits and brackets become half-width (NFKC), white space anywhere
     * (including the ideographic space) goes, a trailing required-marker {@code *} goes, and case
     * is ignored: {@code " 序列号（USB）* "} and {@code "序列号(usb)"} are the same header.
     */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
                b.append(c);
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '*') {
            b.setLength(b.length() - 1);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The column letters Excel shows for a 0-based column index: 0 → A, 26 → AA. */
    public static String columnLetters(int index) {
        StringBuilder b = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            b.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return b.toString();
    }
}
