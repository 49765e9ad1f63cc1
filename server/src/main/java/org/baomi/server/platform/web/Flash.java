package org.baomi.server.platform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post/redirect/get flash messages, resolved from the bundles in the user's language. */
@Component
public class Flash {

    private final MessageSource messages;

    public Flash(MessageSource messages) {
        this.messages = messages;
    }

    public void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flashSuccess", text(key, key, args));
    }

    public void error(RedirectAttributes redirect, String key, String fallback, Object... args) {
        redirect.addFlashAttribute("flashError", text(key, fallback, args));
    }

    public String text(String key, String fallback, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, fallback, locale);
    }
}
