package org.baomi.core.assessment;

import java.util.List;

/**
 * One thing wrong with a standard: which entry ({@code subject}: an item, category, deduction or
 * veto id, or empty for the standard itself), which field, a message key (with {@code args}) and an
 * English sentence. Readers of files replace the subject by the entry's place in the file (the YAML
 * path or the sheet and row, with the id) and begin the English with it.
 */
public record StandardProblem(String subject, String field, String code, String english, List<Object> args) {
    public StandardProblem {
        subject = subject == null ? "" : subject;
        field = field == null ? "" : field;
        args = List.copyOf(args);
    }

    static StandardProblem of(String subject, String field, String code, String english, Object... args) {
        return new StandardProblem(subject, field, code, english, List.of(args));
    }
}
