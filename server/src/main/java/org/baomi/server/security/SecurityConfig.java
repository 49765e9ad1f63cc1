package org.baomi.server.security;

import java.time.Clock;
import org.baomi.server.platform.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages and API. Pages use form login with a database-backed session and
 * CSRF tokens; API clients send a bearer token (no session, no CSRF) or use the browser
 * session (with CSRF). Every handler additionally states its permission with {@link Requires}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final RequestMatcher API = request -> request.getRequestURI()
            .startsWith(request.getContextPath() + "/api/");
    static final RequestMatcher BEARER = BearerTokenFilter::hasBearer;

    /** Lets {@code @Requires(Permission.X)} expand to {@code hasAuthority('X')}. */
    @Bean
    static AnnotationTemplateExpressionDefaults templateExpressionDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
            org.springframework.security.authentication.AuthenticationEventPublisher events) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        var manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** Only where there is a web server: {@code baomi audit verify} runs the application without one. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain filterChain(HttpSecurity http, AccountUserDetailsService users, JdbcClient jdbc, Clock clock,
            Problems problems, LoginPageHandlers handlers) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error")
                    .permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .successHandler(handlers)
                .failureHandler(handlers)
                .permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER))
            .exceptionHandling(ex -> ex
                .authenticationEntryPoint(entryPoint(problems))
                .defaultAccessDeniedHandlerFor((req, res, e) -> problems.write(req, res, 403, "forbidden",
                        "Your roles do not allow this action."), API))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
            .addFilterBefore(new BearerTokenFilter(jdbc, users, clock, problems), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new SessionPrincipalFilter(users), SecurityContextHolderFilter.class)
            .addFilterAfter(new PasswordChangeRequiredFilter(problems), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** API callers get a problem+json 401; people get the login page. */
    private static AuthenticationEntryPoint entryPoint(Problems problems) {
        AuthenticationEntryPoint api = (req, res, e) -> problems.write(req, res, 401, "unauthenticated",
                "Sign in, or send an API token in the Authorization header (Bearer).");
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (req, res, e) -> (API.matches(req) ? api : login).commence(req, res, e);
    }
}
