package org.baomi.server.platform;

import java.util.List;

/**
 * Input that breaks a rule, field by field. Nothing was changed. Maps to 400 with every
 * field's error in the API; pages show each error beside its field.
 */
public class ValidationException extends RuntimeException {

    /** One field's problem: the field name, a message key with arguments, and an English sentence. */
    public record FieldProblem(String field, String code, String message, Object... args) {
    }

    private final List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String code, String message, Object... args) {
        return new ValidationException(List.of(new FieldProblem(field, code, message, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Puts each problem beside its field of a web form, in the reader's language. */
    public void rejectInto(org.springframework.validation.Errors form) {
        for (FieldProblem p : problems) {
            form.rejectValue(p.field(), p.code(), p.args(), p.message());
        }
    }
}
