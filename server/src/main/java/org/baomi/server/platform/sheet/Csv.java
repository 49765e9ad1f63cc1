package org.baomi.server.platform.sheet;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as Excel reads and writes it (RFC 4180: comma, double quotes, CRLF), shared by every CSV
 * export (ledgers, audit log) and the ledger import.
 */
public final class Csv {

    private Csv() {
    }

    /** Writes one record: each field through {@link #cell}, comma-separated, ended by CRLF. */
    public static void writeRow(Writer w, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(fields[i]));
        }
        w.write("\r\n");
    }

    /**
     * RFC 4180 quoting. A cell that a spreadsheet would run as a formula (a title or a user name
     * can start with '=') is prefixed with an apostrophe, as OWASP advises; the apostrophe is the
     * only change and the database keeps the original.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        if (startsLikeAFormula(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** True for text a spreadsheet would evaluate: starting with = + - @, a tab or a carriage return. */
    public static boolean startsLikeAFormula(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        char first = v.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * Reads records one at a time from a character stream: quoted fields may hold commas, quotes
     * (doubled) and line breaks; a record ends at CR, LF or CRLF outside quotes. Only the current
     * record is held in memory.
     */
    static final class RecordReader {
        private final Reader in;
        private final StringBuilder field = new StringBuilder();
        private int pushedBack = -2;
        private boolean finished;

        RecordReader(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return in.read();
        }

        /** The next record's fields, or null at the end of the input. A blank line is an empty list. */
        List<String> next() throws IOException {
            if (finished) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            field.setLength(0);
            boolean quoted = false;
            boolean any = false;
            while (true) {
                int c = read();
                if (c == -1) {
                    finished = true;
                    if (!any && fields.isEmpty()) {
                        return null;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushedBack = d;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            pushedBack = d;
                        }
                    }
                    if (fields.isEmpty() && field.isEmpty()) {
                        return List.of();
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
            }
        }
    }
}
