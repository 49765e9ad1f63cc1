package org.baomi.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After login: the account's language becomes the session's, and a required password change
 * comes first. After a failure: back to the form with the reason (wrong credentials, locked,
 * inactive) and never which of user name or password was wrong.
 */
@Component
class LoginPageHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, jakarta.servlet.ServletException {
        if (auth.getPrincipal() instanceof BaomiUser user) {
            request.getSession().setAttribute(SessionLocaleKeys.LOCALE, user.locale());
            if (user.passwordChangeRequired()) {
                response.sendRedirect(request.getContextPath() + PasswordChangeRequiredFilter.CHANGE_PAGE);
                return;
            }
        }
        saved.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String reason = exception instanceof LockedException ? "locked"
                : exception instanceof DisabledException ? "inactive" : "bad";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
