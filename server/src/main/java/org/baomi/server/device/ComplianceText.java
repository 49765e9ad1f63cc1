package org.baomi.server.device;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.baomi.core.device.compliance.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A violation's sentence in the reader's language. The rules pass enum constant names as args
 * ({@code SECRET}, {@code GOVERNMENT_INTRANET}, {@code WIRELESS_CARD,BLUETOOTH}); each such code
 * is shown through {@code compliance.arg.<CODE>}, lists joined with {@code compliance.arg.separator}.
 * Any other arg (asset numbers, names, counts, times) is shown as it is.
 */
@Component
class ComplianceText {

    private final MessageSource messages;

    ComplianceText(MessageSource messages) {
        this.messages = messages;
    }

    String text(Violation v) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = v.args().stream().map(a -> arg(a, locale)).toArray();
        return messages.getMessage(v.messageKey(), args, v.message(), locale);
    }

    String arg(String value, Locale locale) {
        if (value == null || !value.matches("[A-Z][A-Z_]*(,[A-Z][A-Z_]*)*")) {
            return value;
        }
        List<String> parts = Arrays.asList(value.split(","));
        try {
            List<String> words = parts.stream()
                    .map(p -> messages.getMessage("compliance.arg." + p, null, locale)).toList();
            return String.join(messages.getMessage("compliance.arg.separator", null, ", ", locale), words);
        } catch (NoSuchMessageException e) {
            return value;
        }
    }
}
