package org.baomi.server.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.baomi.server.security.SessionLocaleKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** The two languages Baomi speaks; Chinese is the default. */
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /**
     * The language comes from the session (set at login from the account, or by the switcher);
     * otherwise Chinese, whatever the browser asks for: an office's screens must not change
     * language because one browser is set up differently.
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
                return CHINESE;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                request.getSession().setAttribute(SessionLocaleKeys.LOCALE, supported(locale).toLanguageTag());
            }
        };
    }

    /** {@code ?lang=en} on any page (the login page's switcher) sets the session's language. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    public static Locale supported(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }
}
