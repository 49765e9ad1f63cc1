package org.baomi.server.platform.web;

import java.util.List;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.Problems;
import org.baomi.server.platform.ValidationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into {@code application/problem+json} with a message a
 * person can act on; field errors list each field. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        ProblemDetail p = Problems.of(400, "validation", text("api.invalid", "The request has invalid fields; nothing was changed."));
        p.setProperty("errors", e.problems().stream().map(f -> Map.of("field", f.field(), "code", f.code(),
                "message", text(f.code(), f.message(), f.args()))).toList());
        return p;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e) {
        return Problems.of(409, e.code(), text(e.code(), e.getMessage(), e.args()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(404, e.code(), e.getMessage());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException e) {
        return Problems.of(403, "forbidden", text("api.forbidden", "Your roles do not allow this action."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = Problems.of(400, "validation", "Parameter '" + e.getName() + "' has an invalid value: '" + e.getValue() + "'.");
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "code", "invalid", "message", "invalid value '" + e.getValue() + "'")));
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail p = Problems.of(400, "validation", text("api.invalid", "The request has invalid fields; nothing was changed."));
        p.setProperty("errors", ex.getBindingResult().getFieldErrors().stream().map(f -> Map.of("field", f.getField(),
                "code", String.valueOf(f.getCode()),
                "message", messages.getMessage(f, LocaleContextHolder.getLocale()))).toList());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this call";
        var cause = ex.getMostSpecificCause();
        if (cause != null && cause.getMessage() != null) {
            String m = cause.getMessage();
            int cut = m.indexOf('\n');
            detail += ": " + (cut > 0 ? m.substring(0, cut) : m);
        }
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(400, "unreadable", detail));
    }

    private String text(String code, String fallback, Object... args) {
        return messages.getMessage(code, args, fallback, LocaleContextHolder.getLocale());
    }
}
