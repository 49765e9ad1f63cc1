package org.baomi.scan.report;

import org.baomi.scan.engine.FileResult;
import org.baomi.scan.engine.Finding;

/**
 * The JSON of SPEC section 5, written by hand: the shape is small and fixed, and a
 * streaming writer without a library keeps the command's start-up short (docs/adr/0103).
 */
final class Json {
    private Json() {
    }

    static void string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        // Runs that need no escape are appended whole: a report is written once, by code the
        // JIT has not compiled yet, where a call per character is what costs (docs/adr/0109).
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x2028 || c > 0x2029 && (c < 0xD800 || c > 0xDFFF))) {
                continue;
            }
            String escape = escape(s, i, c);
            if (escape != null) {
                sb.append(s, run, i).append(escape);
                run = i + 1;
            }
        }
        sb.append(s, run, n).append('"');
    }

    /** The escape for {@code c} at {@code i}, or null when it stands as it is. */
    private static String escape(String s, int i, char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                        || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !paired) {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }

    static void file(StringBuilder sb, FileResult r) {
        sb.append("{\"path\":");
        string(sb, r.path());
        sb.append(",\"sha256\":");
        string(sb, r.sha256());
        sb.append(",\"mediaType\":");
        string(sb, r.mediaType());
        sb.append(",\"status\":");
        string(sb, r.status().label());
        if (r.reason() != null) {
            sb.append(",\"reason\":");
            string(sb, r.reason());
        }
        sb.append(",\"findings\":[");
        boolean first = true;
        for (Finding f : r.findings()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"rule\":");
            string(sb, f.rule());
            sb.append(",\"category\":");
            string(sb, f.category().label());
            sb.append(",\"level\":");
            string(sb, f.level());
            sb.append(",\"text\":");
            string(sb, f.text());
            sb.append(",\"location\":");
            string(sb, f.location());
            sb.append(",\"offset\":").append(f.offset());
            sb.append(",\"context\":");
            string(sb, f.context());
            sb.append(",\"confidence\":");
            string(sb, f.confidence().label());
            sb.append('}');
        }
        sb.append("]}");
    }
}
