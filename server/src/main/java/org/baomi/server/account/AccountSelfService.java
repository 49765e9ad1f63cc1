package org.baomi.server.account;

import java.time.Clock;
import java.util.Map;
import org.baomi.server.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an account holder changes about himself (besides the password). */
@Service
public class AccountSelfService {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    AccountSelfService(AccountRepository accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void changeLocale(long accountId, String languageTag) {
        var before = accounts.findById(accountId).map(AccountRecord::locale).orElse(null);
        if (languageTag.equals(before)) {
            return;
        }
        accounts.updateLocale(accountId, languageTag, clock.instant());
        audit.record("account.locale.change", "account", accountId, Map.of("locale", before), Map.of("locale", languageTag));
    }
}
