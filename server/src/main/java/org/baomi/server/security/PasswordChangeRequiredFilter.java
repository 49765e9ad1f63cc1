package org.baomi.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.baomi.server.platform.Problems;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password is new (set by an administrator) or past its maximum age may do
 * nothing but change it: pages redirect to the change form, the API answers 403.
 */
public class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";
    /** The API twin of the change page, so a client in a session can do what it is asked to. */
    static final String API_CHANGE = "/api/v1/me/password";

    private final Problems problems;

    public PasswordChangeRequiredFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof BaomiUser user && user.passwordChangeRequired()
                && !allowed(request.getRequestURI().substring(request.getContextPath().length()))) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, 403, "password.changeRequired",
                        "Your password must be changed before anything else: open " + CHANGE_PAGE + ".");
            } else if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + CHANGE_PAGE);
            } else {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return path.equals(CHANGE_PAGE) || path.equals(API_CHANGE) || path.equals("/logout") || path.equals("/locale")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/images/") || path.equals("/error") || path.equals("/favicon.ico");
    }
}
