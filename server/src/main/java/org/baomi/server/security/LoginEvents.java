package org.baomi.server.security;

import java.time.Clock;
import java.util.Map;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins, locks accounts, and audits every login, failure, lockout and logout.
 */
@Component
class LoginEvents {

    private final AccountRepository accounts;
    private final SecurityPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    LoginEvents(AccountRepository accounts, SecurityPolicy policy, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof BaomiUser user)
                || event.getAuthentication() instanceof ApiTokenAuthentication) {
            return;
        }
        accounts.recordSuccess(user.accountId(), clock.instant());
        audit.recordAs(AuditLog.actorOf(event.getAuthentication()), "login.success", "account", user.accountId(), null,
                null);
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        var account = accounts.findByUsername(username);
        if (event instanceof AuthenticationFailureLockedEvent) {
            audit.recordAs(actor(username), "login.refused.locked", "account", account.map(a -> a.id()).orElse(null),
                    null, null);
            return;
        }
        if (event instanceof AuthenticationFailureDisabledEvent) {
            audit.recordAs(actor(username), "login.refused.inactive", "account", account.map(a -> a.id()).orElse(null),
                    null, null);
            return;
        }
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent) || account.isEmpty()) {
            audit.recordAs(actor(username), "login.failure", "account", null, null,
                    Map.of("reason", account.isEmpty() ? "unknown user" : event.getException().getClass().getSimpleName()));
            return;
        }
        var a = account.get();
        var now = clock.instant();
        int failures = a.failedLogins() + 1;
        var lockedUntil = policy.lockout().lockedUntilAfterFailure(failures, now);
        accounts.recordFailure(a.id(), failures, lockedUntil, now);
        audit.recordAs(actor(username), "login.failure", "account", a.id(), null, Map.of("consecutiveFailures", failures));
        if (lockedUntil != null) {
            audit.recordAs(actor(username), "account.locked", "account", a.id(), null,
                    Map.of("lockedUntil", lockedUntil.toString(), "failures", failures));
        }
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof BaomiUser user) {
            audit.recordAs(AuditLog.actorOf(event.getAuthentication()), "logout", "account", user.accountId(), null, null);
        }
    }

    private static AuditLog.Actor actor(String username) {
        var current = AuditLog.currentActor();
        return new AuditLog.Actor(username, current.role(), current.unitId(), AuditLog.clientAddress());
    }
}
