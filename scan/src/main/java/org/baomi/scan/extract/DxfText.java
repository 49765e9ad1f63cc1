package org.baomi.scan.extract;

import java.nio.charset.Charset;

/**
 * The words of a DXF text value as AutoCAD shows them: MTEXT formatting codes removed or turned
 * into what they stand for, and the escapes of characters outside the drawing's code page decoded.
 * An unknown code is kept as written.
 */
final class DxfText {
    private DxfText() {
    }

    /** Code pages of {@code \M+n}: 1 Japanese, 2 traditional Chinese, 3 Korean (Wansung), 4 Korean (Johab), 5 simplified Chinese. */
    private static final String[] MIF = {null, "windows-31j", "Big5-HKSCS", "x-windows-949", "x-Johab", "GB18030"};

    static String decode(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char k = s.charAt(i + 1);
                switch (k) {
                    case 'P', 'X', 'N' -> { // paragraph, the line below a dimension, column break
                        out.append('\n');
                        i += 2;
                    }
                    case '~' -> {
                        out.append(' ');
                        i += 2;
                    }
                    case '\\', '{', '}' -> {
                        out.append(k);
                        i += 2;
                    }
                    case 'L', 'l', 'O', 'o', 'K', 'k' -> i += 2; // underline, overline, strike-through on and off
                    case 'f', 'F', 'H', 'W', 'Q', 'T', 'A', 'C', 'c', 'p' -> { // font, height, width, slant, tracking, alignment, colour, paragraph
                        int end = indexOf(s, ';', i + 2);
                        i = end < 0 ? i + 2 : end + 1;
                    }
                    case 'S' -> { // a stacked fraction: its two parts, with a slash between
                        int end = indexOf(s, ';', i + 2);
                        String stack = s.subSequence(i + 2, end < 0 ? n : end).toString();
                        out.append(stack.replace('^', '/').replace('#', '/'));
                        i = end < 0 ? n : end + 1;
                    }
                    case 'U' -> {
                        int cp = hex(s, i + 3, 4);
                        if (i + 2 < n && s.charAt(i + 2) == '+' && cp >= 0) {
                            out.append((char) cp);
                            i += 7;
                        } else {
                            out.append(c);
                            i++;
                        }
                    }
                    case 'M' -> {
                        int page = i + 3 < n && s.charAt(i + 2) == '+' ? s.charAt(i + 3) - '0' : -1;
                        int code = hex(s, i + 4, 4);
                        if (page >= 1 && page < MIF.length && code >= 0) {
                            byte[] pair = {(byte) (code >> 8), (byte) code};
                            out.append(new String(pair, Charset.forName(MIF[page])));
                            i += 8;
                        } else {
                            out.append(c);
                            i++;
                        }
                    }
                    default -> {
                        out.append(c);
                        i++;
                    }
                }
            } else if (c == '{' || c == '}') {
                i++; // a group of formatting
            } else if (c == '%' && i + 2 < n && s.charAt(i + 1) == '%') {
                char k = Character.toLowerCase(s.charAt(i + 2));
                switch (k) {
                    case 'd' -> out.append('°');
                    case 'p' -> out.append('±');
                    case 'c' -> out.append('Ø');
                    case '%' -> out.append('%');
                    case 'u', 'o', 'k' -> {
                        // underline, overline, strike-through: a toggle, nothing shown
                    }
                    default -> {
                        int digits = 0;
                        while (digits < 3 && i + 2 + digits < n && Character.isDigit(s.charAt(i + 2 + digits))) {
                            digits++;
                        }
                        if (digits == 3) {
                            out.append((char) Integer.parseInt(s.subSequence(i + 2, i + 5).toString()));
                            i += 5;
                        } else {
                            out.append(c);
                            i++;
                        }
                        continue;
                    }
                }
                i += 3;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The value of {@code len} hex digits at {@code at}, or -1. */
    private static int hex(CharSequence s, int at, int len) {
        if (at + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + len; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
