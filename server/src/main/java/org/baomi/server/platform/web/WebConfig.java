package org.baomi.server.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.baomi.server.security.SessionLocaleKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** The two languages Baomi speaks; Chinese is the default. */
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /**
     * The language comes from the session (set at login from the account, or by the switcher),
     * then from the browser, then Chinese.
     */
    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                var session = request.getSession(false);
                Object tag = session == null ? null : session.getAttribute(SessionLocaleKeys.LOCALE);
                if (tag instanceof String s) {
                    return supported(Locale.forLanguageTag(s));
                }
                String lang = request.getParameter("lang");
                if (lang != null) {
                    return supported(Locale.forLanguageTag(lang));
                }
                var header = request.getHeader("Accept-Language");
                if (header != null && header.toLowerCase().startsWith("en")) {
                    return Locale.ENGLISH;
                }
                return CHINESE;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                request.getSession().setAttribute(SessionLocaleKeys.LOCALE, supported(locale).toLanguageTag());
            }
        };
    }

    public static Locale supported(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }
}
